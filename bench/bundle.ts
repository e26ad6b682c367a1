import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

/**
 * The first-load figure of issue 13: the JavaScript a first visit must fetch before the app can run —
 * index.html's module scripts and modulepreload links — measured as gzip (level 9, what a web server's
 * static gzip sends at most). Chunks loaded on demand (tabs, the modeler, charts, xlsx) are not counted;
 * they are listed with their own sizes so a regression that pulls one back into the entry shows.
 */
export const FIRST_LOAD_BUDGET_KB = 350;

export interface BundleFigures {
  firstLoadFiles: string[];
  firstLoadRawKB: number;
  firstLoadGzipKB: number;
  budgetRatio: number;
  lazyChunks: number;
  lazyGzipKB: number;
  largestLazy: { file: string; gzipKB: number }[];
}

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

/** Scripts and modulepreloads named by index.html, in document order, without duplicates. */
export function firstLoadScripts(html: string): string[] {
  const found: string[] = [];
  const tag = /<(script|link)\b[^>]*>/gi;
  for (const m of html.matchAll(tag)) {
    const t = m[0];
    const isScript = m[1].toLowerCase() === 'script' && /type=["']?module/i.test(t);
    const isPreload = m[1].toLowerCase() === 'link' && /rel=["']?modulepreload/i.test(t);
    if (!isScript && !isPreload) continue;
    const ref = /(?:src|href)=["']([^"']+)["']/i.exec(t)?.[1];
    if (ref && !found.includes(ref)) found.push(ref);
  }
  return found;
}

export function measureBundle(dist: string): BundleFigures {
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
  const files = firstLoadScripts(html).map((ref) => ref.replace(/^\.?\//, ''));
  let raw = 0;
  let gz = 0;
  for (const f of files) {
    const bytes = readFileSync(path.join(dist, f));
    raw += bytes.length;
    gz += gzipSync(bytes, { level: 9 }).length;
  }
  const assets = path.join(dist, 'assets');
  const lazy = readdirJs(assets)
    .filter((f) => !files.includes(`assets/${f}`))
    .map((f) => ({ file: f, gzipKB: kb(gzipSync(readFileSync(path.join(assets, f)), { level: 9 }).length) }))
    .sort((a, b) => b.gzipKB - a.gzipKB);
  return {
    firstLoadFiles: files,
    firstLoadRawKB: kb(raw),
    firstLoadGzipKB: kb(gz),
    budgetRatio: Math.round((kb(gz) / FIRST_LOAD_BUDGET_KB) * 1000) / 1000,
    lazyChunks: lazy.length,
    lazyGzipKB: Math.round(lazy.reduce((s, c) => s + c.gzipKB, 0) * 10) / 10,
    largestLazy: lazy.slice(0, 5),
  };
}

function readdirJs(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.js'));
}

/** Builds into dist/ unless BPR_BENCH_NO_BUILD is set and a build is already there. */
export function ensureBuild(root: string): string {
  const dist = path.join(root, 'dist');
  if (process.env.BPR_BENCH_NO_BUILD && existsSync(path.join(dist, 'index.html'))) return dist;
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('vite build failed');
  return dist;
}

export function printBundle(b: BundleFigures): void {
  console.log(
    `初回読み込み JS: ${b.firstLoadGzipKB} kB gzip (非圧縮 ${b.firstLoadRawKB} kB, ${b.firstLoadFiles.length} ファイル) — 上限 ${FIRST_LOAD_BUDGET_KB} kB の ${(b.budgetRatio * 100).toFixed(1)}%`,
  );
  console.log(
    `遅延読み込み: ${b.lazyChunks} チャンク, 計 ${b.lazyGzipKB} kB gzip; 大きい順 ${b.largestLazy.map((c) => `${c.file} ${c.gzipKB} kB`).join(', ')}`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const figures = measureBundle(ensureBuild(root));
  printBundle(figures);
  console.log(JSON.stringify(figures));
}
