// @ts-check
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

/**
 * Lint for BPR Studio. Besides typescript-eslint's recommended set, it encodes the layer rules of the
 * design note (README "Architecture rules"): what each folder of src/ may never import. The rules are
 * `no-restricted-imports` patterns per folder, so a breach names the folder it reaches into and why.
 * Not type-aware on purpose: it stays fast enough to run in every `npm test`.
 */

/**
 * An import that reaches into `src/<layer>`: relative from anywhere below src/ (`../ui`, `../../ui/x`)
 * or spelled through src/ (`../../src/ui/x`). Case-sensitive, so `bpmn-js/lib/Modeler` is not `modeler`.
 */
const into = (layer) => `^(?:(?:\\.\\./)+|(?:.*/)?src/)${layer}(?:/|$)`;

/** Packages that need a DOM, a browser store or a framework; the domain is plain TypeScript tested in node. */
const DOM_PACKAGES = [
  'react',
  'react/**',
  'react-dom',
  'react-dom/**',
  'bpmn-js',
  'bpmn-js/**',
  'bpmn-js-*',
  'bpmn-js-*/**',
  'diagram-js',
  'diagram-js/**',
  '@bpmn-io/*',
  '@bpmn-io/**',
  'dexie',
  'dexie/**',
  'echarts',
  'echarts/**',
  'i18next',
  '@tanstack/*',
];

/** The shared workspace (server/, src/sync/) and its libraries: the domain knows nothing of either. */
const SYNC_PACKAGES = ['yjs', 'y-*', '@hocuspocus/*', 'pg', 'ws'];

const layer = (name, message) => ({ regex: into(name), caseSensitive: true, message });

const NO_UI = layer('ui', 'src/ui (React) sits above this layer: move what both need down into this layer or src/domain instead.');
const NO_MODELER = layer('modeler', 'src/modeler (bpmn-js) is not reachable from this layer: move what both need down into src/domain.');
const NO_STORE = layer('store', 'src/store (Dexie) is not reachable from this layer: pass the records in, parsed with their zod schema.');
const NO_WORKERS = layer('workers', 'src/workers are not reachable from this layer: move the shared protocol or function down into src/domain.');
const NO_CLI = layer('cli', 'src/cli is a front end like the UI: move what both need down into src/domain.');
const NO_SYNC = layer('sync', 'src/sync (Yjs) is the shared workspace; the domain knows nothing of it.');
const NO_SERVER = { regex: '^(?:\\.\\./)+server(?:/|$)', caseSensitive: true, message: 'server/ is the shared workspace; the domain knows nothing of it.' };
/**
 * The domain returns message codes with parameters; the i18n runtime (core with Vite's import.meta.glob,
 * the React provider, bpmn-js words) is for the UI, CLI and workers. The domain may read a resource file's
 * plain data (src/i18n/resources/*) to keep the code type and the Japanese sentence from one source.
 */
const NO_I18N_RUNTIME = {
  regex: `^(?!.*/i18n/resources/[^/]+$)${into('i18n').slice(1)}`,
  caseSensitive: true,
  message: 'The domain returns message codes; only the plain resource tables (src/i18n/resources/*) may be read here.',
};

const restrict = (patterns, paths = []) => ['error', { patterns, paths }];

export default defineConfig(
  {
    ignores: ['dist/**', 'dist-cli/**', 'coverage/**', 'node_modules/**', 'test-results/**', '.vite/**', 'public/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: {},
    },
    rules: {
      // TypeScript already reports undefined names (and knows DOM, worker and node globals).
      'no-undef': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}', 'src/i18n/**/*.{ts,tsx}', 'src/main.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      // The plugin's own level: some effects depend on a chosen subset on purpose (README follow-up).
      'react-hooks/exhaustive-deps': 'warn',
    },
  },

  // ---- Layer boundaries (README "Architecture rules") ----
  {
    files: ['src/domain/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': restrict(
        [
          NO_UI,
          NO_MODELER,
          NO_STORE,
          NO_WORKERS,
          NO_CLI,
          NO_SYNC,
          NO_SERVER,
          NO_I18N_RUNTIME,
          { group: DOM_PACKAGES, message: 'src/domain is pure TypeScript with no DOM, bpmn-js, React or Dexie; it runs in plain node.' },
          { group: SYNC_PACKAGES, message: 'The shared workspace (Yjs, Hocuspocus, PostgreSQL) is not the domain’s business.' },
          { group: ['node:*'], message: 'src/domain also runs in the browser and the worker: no node built-ins (the CLI reads files and passes bytes in).' },
        ],
        ['fs', 'path', 'os', 'crypto', 'child_process', 'url'].map((name) => ({
          name,
          message: 'src/domain also runs in the browser and the worker: no node built-ins.',
        })),
      ),
      'no-restricted-globals': [
        'error',
        ...[
          'window',
          'document',
          'navigator',
          'localStorage',
          'sessionStorage',
          'indexedDB',
          'DOMParser',
          'XMLSerializer',
          'HTMLElement',
          'Worker',
          'process',
        ].map((name) => ({ name, message: `src/domain is pure TypeScript tested in plain node: no ${name}. Pass what it needs in as a value.` })),
      ],
    },
  },
  {
    files: ['src/store/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': restrict([NO_UI, NO_MODELER, NO_WORKERS, NO_CLI]) },
  },
  {
    files: ['src/workers/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': restrict([NO_UI, NO_MODELER, NO_STORE, NO_CLI]) },
  },
  {
    files: ['src/modeler/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': restrict([NO_UI, NO_STORE, NO_WORKERS, NO_CLI]) },
  },
  {
    files: ['src/cli/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': restrict([
        NO_UI,
        NO_MODELER,
        NO_WORKERS,
        NO_STORE,
        { group: DOM_PACKAGES, message: 'The CLI runs in node: no DOM, bpmn-js, React or Dexie.' },
      ]),
    },
  },
  {
    files: ['src/i18n/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': restrict([NO_UI, NO_STORE, NO_WORKERS, NO_CLI]) },
  },
);
