// The `bpr` command's bundle: src/cli/main.ts and everything it imports, built with esbuild into
// dist-cli/, one chunk per command so that each call loads only the command it runs.
// bin/bpr.mjs calls ensureCliBuild() at every start: it rebuilds only when a source file the bundle was
// built from (or package-lock.json, or this file) is newer than the build, so the bundle is always in
// step with src/ without a build step to remember. `node scripts/buildCli.mjs` builds it by hand.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const outRoot = join(repoRoot, 'dist-cli');
const manifestPath = join(outRoot, 'manifest.json');
/** Besides the sources: a new dependency version or a new build setting also calls for a rebuild. */
const ALWAYS_WATCHED = ['package-lock.json', 'scripts/buildCli.mjs'];

/** The manifest of the current build ({ builtAt, entry, inputs }), or undefined when there is none. */
function readManifest(root = outRoot) {
  try {
    return JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * True when the build described by `manifest` no longer matches the files under `root`: no build, an
 * input missing, or an input modified at or after the build started.
 */
export function isStale(manifest, root = repoRoot) {
  if (!manifest || !Array.isArray(manifest.inputs)) return true;
  for (const input of manifest.inputs) {
    let mtime;
    try {
      mtime = statSync(join(root, input)).mtimeMs;
    } catch {
      return true;
    }
    if (mtime >= manifest.builtAt) return true;
  }
  return false;
}

/** Builds the bundle into a folder of its own and then switches the manifest to it, so a concurrent `bpr` never sees half a build. */
export async function buildCli() {
  const { build } = await import('esbuild');
  const builtAt = Date.now();
  const folder = `build-${builtAt}-${process.pid}`;
  const result = await build({
    absWorkingDir: repoRoot,
    entryPoints: { bpr: 'src/cli/main.ts' },
    outdir: join(outRoot, folder),
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    metafile: true,
    minify: true,
    logLevel: 'warning',
    // CommonJS dependencies (bpmnlint, sax…) call require; an ES module has none of its own.
    banner: { js: "import { createRequire as __bprCreateRequire } from 'node:module'; const require = __bprCreateRequire(import.meta.url);" },
  });
  const inputs = Object.keys(result.metafile.inputs)
    .filter((p) => !p.includes('node_modules/'))
    .concat(ALWAYS_WATCHED)
    .sort();
  const manifest = { builtAt, entry: `${folder}/bpr.mjs`, inputs };
  const tmp = `${manifestPath}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(manifest, null, 1));
  renameSync(tmp, manifestPath);
  // Earlier builds, once no process can still be starting from them (a minute is ample).
  for (const name of readdirSync(outRoot)) {
    if (!name.startsWith('build-') || name === folder) continue;
    if (builtAt - Number(name.split('-')[1]) > 60_000) rmSync(join(outRoot, name), { recursive: true, force: true });
  }
  return manifest;
}

/** The file URL of an up-to-date bundle entry, building it first when it is missing or stale. */
export async function ensureCliBuild() {
  let manifest = readManifest();
  if (isStale(manifest)) {
    mkdirSync(outRoot, { recursive: true });
    manifest = await buildCli();
  }
  return pathToFileURL(join(outRoot, manifest.entry)).href;
}

if (process.argv[1] && relative(process.argv[1], fileURLToPath(import.meta.url)) === '') {
  const m = await buildCli();
  console.log(`dist-cli/${m.entry}（入力 ${m.inputs.length} ファイル）を作りました`);
}
