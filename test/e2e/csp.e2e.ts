import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openApp, openProcess, useBrowser } from './support/browser';
import { findSample, kindLabel } from './support/samples';

const session = useBrowser();

interface Violation {
  directive: string;
  blocked: string;
  sample: string;
}

/**
 * Installed through the DevTools protocol before any page script runs (so the policy does not
 * apply to it); collects every violation the page reports, including the ones during start-up.
 */
async function recordViolations(page: Page): Promise<() => Promise<Violation[]>> {
  await page.addInitScript(() => {
    const seen: Array<{ directive: string; blocked: string; sample: string }> = [];
    (window as unknown as { __cspViolations: typeof seen }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push({ directive: e.effectiveDirective, blocked: e.blockedURI, sample: e.sample }));
  });
  return () => page.evaluate(() => (window as unknown as { __cspViolations: Violation[] }).__cspViolations);
}

function consoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return errors;
}

const runState = (page: Page) => page.locator('.bpr-sim-state').getAttribute('data-state');

describe('Content-Security-Policy of the built app', () => {
  it('given the production build, when a process is opened, edited in the properties panel and simulated, then the policy is active and nothing violates it', async () => {
    const { page, pageErrors } = session();
    const violations = await recordViolations(page);
    const errors = consoleErrors(page);
    await openApp(page);

    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).not.toContain('unsafe-eval');
    expect(/script-src[^;]*unsafe-inline/.test(policy ?? '')).toBe(false);

    const sample = findSample('転入届', 'as-is');
    await openProcess(page, sample.name, kindLabel(sample.kind));
    // The properties panel renders through preact with style attributes.
    await page.locator('.bpr-canvas .djs-element.djs-shape[data-element-id="Task_Receive"]').click();
    await page.locator('.bio-properties-panel').first().waitFor();

    // The simulation runs in a module worker: worker-src must admit it.
    await page.getByRole('tab', { name: 'シミュレーション' }).click();
    const form = page.getByRole('form', { name: '実行設定' });
    await form.getByLabel('反復回数').fill('2');
    await form.getByLabel('年数で指定').check();
    await form.getByLabel('年数', { exact: true }).fill('1');
    await page.getByRole('button', { name: 'シミュレーション実行' }).click();
    await expect.poll(() => runState(page), { timeout: 90_000 }).toBe('done');

    expect(await violations()).toEqual([]);
    expect(errors.filter((e) => /Content Security Policy|Refused to/i.test(e))).toEqual([]);
    expect(pageErrors).toEqual([]);

    // The worker is under the policy too (sent as a header with its script), with zod told not to compile.
    const [worker] = page.workers().filter((w) => /simWorker/.test(w.url()));
    expect(worker, 'the simulation worker is running').toBeDefined();
    expect(await worker.evaluate(() => (globalThis as unknown as { __zod_globalConfig?: { jitless?: boolean } }).__zod_globalConfig?.jitless)).toBe(true);
    // Evaluating through DevTools is exempt from the policy; a string timer runs later as the worker's own code.
    await worker.evaluate(() => (setTimeout as unknown as (code: string, ms: number) => number)('globalThis.__workerEvalRan = true', 0));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await worker.evaluate(() => (globalThis as unknown as { __workerEvalRan?: boolean }).__workerEvalRan)).toBeUndefined();

    // What README tells a web server to send, on the page and on the worker's script alike.
    const headersOf = (url: string) => page.evaluate(async (u) => Object.fromEntries((await fetch(u)).headers), url);
    for (const url of [page.url(), worker.url()]) {
      const headers = await headersOf(url);
      expect(headers['content-security-policy'], url).toContain("script-src 'self'");
      expect(headers['content-security-policy'], url).toContain("frame-ancestors 'none'");
      expect(headers['x-content-type-options'], url).toBe('nosniff');
      expect(headers['referrer-policy'], url).toBe('no-referrer');
    }
  });

  it('given the running app, when an inline script is injected, then it does not run and a script-src violation is reported', async () => {
    const { page } = session();
    const violations = await recordViolations(page);
    await openApp(page);
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__inlineRan = true';
      document.body.appendChild(s);
    });
    await expect.poll(async () => (await violations()).some((v) => v.directive.startsWith('script-src'))).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { __inlineRan?: boolean }).__inlineRan)).toBeUndefined();
  });

  it('given the running app, when page code evaluates a string, then eval is blocked and reported', async () => {
    const { page } = session();
    const violations = await recordViolations(page);
    await openApp(page);
    // page.evaluate itself is exempt from the policy; a string timer runs later as page code, like eval.
    await page.evaluate(() => {
      (window.setTimeout as unknown as (code: string, ms: number) => number)('window.__evalRan = true', 0);
    });
    await expect.poll(async () => (await violations()).some((v) => v.blocked === 'eval')).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { __evalRan?: boolean }).__evalRan)).toBeUndefined();
    // An inline event handler attribute is inline script too.
    await page.evaluate(() => {
      const img = document.createElement('img');
      img.setAttribute('onerror', 'window.__handlerRan = true');
      img.src = 'data:image/png;base64,broken';
      document.body.appendChild(img);
    });
    await expect.poll(async () => (await violations()).some((v) => v.directive === 'script-src-attr' || v.blocked === 'inline')).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { __handlerRan?: boolean }).__handlerRan)).toBeUndefined();
  });
});
