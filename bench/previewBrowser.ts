import { chromium, type Browser } from 'playwright-core';
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
