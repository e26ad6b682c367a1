import { defineConfig } from 'vitest/config';

// End-to-end tests: the built app served by `vite preview`, driven in Debian chromium.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    globalSetup: ['test/e2e/support/globalSetup.ts'],
  },
});
