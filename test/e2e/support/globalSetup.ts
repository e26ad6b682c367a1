import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer, preview, type PreviewServer, type ViteDevServer } from 'vite';
import type { TestProject } from 'vitest/node';

/** Where the e2e tests find the app; read by support/browser.ts. */
export const E2E_URL_ENV = 'BPR_E2E_URL';
const HOST = '127.0.0.1';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

declare module 'vitest' {
  export interface ProvidedContext {
    bprE2eUrl: string;
    /** The dev server as README's `npm run dev` starts it (same vite.config.ts, development mode, StrictMode). */
    bprE2eDevUrl: string;
  }
}

/**
 * Starts what `npm run dev` starts (vite.config.ts, development mode) on a free port. Development
 * differs from the build in ways that have hidden faults before (StrictMode's double mount, no CSP,
 * modules served one by one), so the navigation smoke runs against both.
 */
async function startDevServer(): Promise<{ url: string; server: ViteDevServer }> {
  const server = await createServer({
    root: repoRoot,
    mode: 'development',
    logLevel: 'warn',
    clearScreen: false,
    server: { host: HOST, port: 0, strictPort: false, open: false },
  });
  await server.listen();
  const address = server.httpServer?.address();
  if (!address || typeof address === 'string') throw new Error('vite dev server did not report its port');
  return { url: `http://${HOST}:${address.port}/`, server };
}

/**
 * Serves the production build (`vite build` ran before, see `npm run test:e2e`) with `vite preview`
 * on a free loopback port chosen by the OS (several runs may share the machine), for the whole e2e run.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // BPR_E2E_DIST lets a developer test a build kept apart from dist/ while another build runs.
  const dist = process.env.BPR_E2E_DIST ? path.resolve(process.env.BPR_E2E_DIST) : path.join(repoRoot, 'dist');
  if (!existsSync(path.join(dist, 'index.html'))) {
    throw new Error('dist/index.html がありません。先に `npx vite build` を実行してください (run `npx vite build` first).');
  }
  // Serve a snapshot of the build, so a `vite build` started meanwhile (which empties dist/) cannot
  // pull the app out from under running tests.
  const snapshot = mkdtempSync(path.join(os.tmpdir(), 'bpr-e2e-dist-'));
  cpSync(dist, snapshot, { recursive: true });
  const server: PreviewServer = await preview({
    root: repoRoot,
    logLevel: 'warn',
    build: { outDir: snapshot },
    preview: { host: HOST, port: 0, open: false },
  });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('vite preview did not report its port');
  const url = `http://${HOST}:${address.port}/`;
  process.env[E2E_URL_ENV] = url;
  project.provide('bprE2eUrl', url);
  const dev = await startDevServer();
  project.provide('bprE2eDevUrl', dev.url);
  return async () => {
    await dev.server.close();
    await server.close();
    rmSync(snapshot, { recursive: true, force: true });
  };
}
