import { chromium, type Browser, type Page } from 'playwright-core';
import { preview } from 'vite';

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'];

/** The production build served by `vite preview` on a free port and Debian's Chromium, for one measurement; both are closed after. */
export async function withPreviewBrowser<T>(dist: string, root: string, measure: (url: string, browser: Browser) => Promise<T>): Promise<T> {
  const server = await preview({ root, logLevel: 'warn', build: { outDir: dist }, preview: { host: '127.0.0.1', port: 0, open: false } });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview did not report its port');
  const browser = await chromium.launch({ executablePath: process.env.BPR_CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    return await measure(`http://127.0.0.1:${address.port}/`, browser);
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  }
}

/**
 * Milliseconds, in the page's clock, from setting `value` on the form control `control` (as a person's
 * input: React hears the change or input event, the native setter keeps its value tracker in step)
 * until the text of `watch` has changed and been painted (two animation frames).
 */
export function timeUntilPainted(page: Page, control: string, value: string, watch: string): Promise<number> {
  // In-page code is passed as text: tsx would wrap functions in helpers the page does not have.
  return page.evaluate<number>(`new Promise((resolve) => {
    const el = document.querySelector(${JSON.stringify(control)});
    const watched = document.querySelector(${JSON.stringify(watch)});
    const before = watched.textContent;
    const t0 = performance.now();
    const observer = new MutationObserver(() => {
      if (watched.textContent === before) return;
      observer.disconnect();
      requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - t0)));
    });
    observer.observe(watched, { childList: true, characterData: true, subtree: true });
    Object.getOwnPropertyDescriptor(Object.getPrototypeOf(el), 'value').set.call(el, ${JSON.stringify(value)});
    el.dispatchEvent(new Event(el.tagName === 'SELECT' ? 'change' : 'input', { bubbles: true }));
  })`);
}
