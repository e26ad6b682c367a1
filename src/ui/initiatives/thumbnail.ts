import Viewer from 'bpmn-js/lib/Viewer';
import { moddleExtensions } from '../../domain/bpmn/moddle';

/**
 * SVG pictures of process maps for the 取組 pages and the printed 進捗管理票. Drawn with a bpmn-js
 * Viewer in a hidden container, one at a time (each needs layout), and cached by the XML's hash so a
 * list of many 取組 draws each map once.
 */

const MAX_CACHED = 40;
const cache = new Map<string, Promise<string>>();
let queue: Promise<unknown> = Promise.resolve();

/** FNV-1a over UTF-16 units, with the length: enough to tell versions of one diagram apart. */
export function xmlHash(xml: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < xml.length; i++) {
    h ^= xml.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${xml.length.toString(36)}-${h.toString(36)}`;
}

async function render(xml: string): Promise<string> {
  const container = document.createElement('div');
  container.style.cssText = 'position:fixed;left:-20000px;top:0;width:1600px;height:900px;visibility:hidden;pointer-events:none';
  container.setAttribute('aria-hidden', 'true');
  document.body.appendChild(container);
  const viewer = new Viewer({ container, moddleExtensions });
  try {
    await viewer.importXML(xml);
    const { svg } = await viewer.saveSVG();
    return svg;
  } finally {
    viewer.destroy();
    container.remove();
  }
}

export function diagramSvg(xml: string): Promise<string> {
  const key = xmlHash(xml);
  const hit = cache.get(key);
  if (hit) return hit;
  const job = queue.then(
    () => render(xml),
    () => render(xml),
  );
  queue = job.catch(() => undefined);
  cache.set(key, job);
  job.catch(() => cache.delete(key));
  if (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value as string);
  return job;
}
