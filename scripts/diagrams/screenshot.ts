/**
 * Renders the sample diagrams with bpmn-js in Debian chromium, for a visual check of the layout.
 *   npx tsx scripts/diagrams/screenshot.ts [outDir] [file.bpmn ...]
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const outDir = path.resolve(process.argv[2] ?? '/tmp/bpr-diagram-shots');
const manifest = JSON.parse(readFileSync(path.join(root, 'diagrams/manifest.json'), 'utf8')) as { file: string }[];
const files = process.argv.length > 3 ? process.argv.slice(3) : manifest.map((m) => m.file);
mkdirSync(outDir, { recursive: true });

/** The part of bpmn-js's browser Viewer (its UMD bundle's BpmnJS) this script calls inside the page. */
interface PageViewer {
  importXML(xml: string): Promise<{ warnings: { message: string }[] }>;
  get(name: 'canvas'): { viewbox(): { inner: { width: number; height: number } }; zoom(level: string, center: string): void };
  destroy(): void;
}
type PageWindow = { viewer?: PageViewer; BpmnJS: new (options: { container: string }) => PageViewer };

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  const page = await browser.newPage({ viewport: { width: 2400, height: 1100 } });
  const css = ['diagram-js.css', 'bpmn-js.css', 'bpmn-font/css/bpmn.css'].map((f) => path.join(root, 'node_modules/bpmn-js/dist/assets', f));
  await page.setContent('<html><body style="margin:0"><div id="c" style="width:100vw;height:100vh"></div></body></html>');
  for (const p of css) await page.addStyleTag({ path: p });
  await page.addScriptTag({ path: path.join(root, 'node_modules/bpmn-js/dist/bpmn-viewer.development.js') });
  for (const file of files) {
    const xml = readFileSync(path.join(root, 'diagrams', file), 'utf8');
    const result = await page.evaluate(async (x) => {
      const w = window as unknown as PageWindow;
      w.viewer?.destroy();
      const viewer = new w.BpmnJS({ container: '#c' });
      w.viewer = viewer;
      const r = await viewer.importXML(x);
      const inner = viewer.get('canvas').viewbox().inner;
      return { warnings: r.warnings.map((m: { message: string }) => m.message), width: inner.width, height: inner.height };
    }, xml);
    await page.setViewportSize({ width: Math.ceil(result.width + 80), height: Math.ceil(result.height + 80) });
    await page.evaluate(() => (window as unknown as PageWindow).viewer?.get('canvas').zoom('fit-viewport', 'auto'));
    const warnings = result.warnings;
    // Tiles no wider than a screen keep the Japanese labels legible when viewed.
    const total = Math.ceil(result.width + 80);
    const tile = 1500;
    for (let i = 0, x = 0; x < total; i++, x += tile) {
      const shot = path.join(outDir, file.replace(/\.bpmn$/, `-${i + 1}.png`));
      await page.screenshot({ path: shot, clip: { x, y: 0, width: Math.min(tile, total - x), height: Math.ceil(result.height + 80) } });
      console.log(`${shot}${warnings.length ? ` warnings: ${warnings.join('; ')}` : ''}`);
    }
  }
} finally {
  await browser.close();
}
