import { defineConfig } from 'vitest/config';

// Node tests: domain, store (fake-indexeddb), bpmn-moddle, bpmnlint, CLI.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 60_000,
    pool: 'forks',
  },
});
