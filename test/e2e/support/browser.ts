import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect, inject } from 'vitest';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const resultsDir = path.join(repoRoot, 'test-results');

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function appUrl(): string {
  return inject('bprE2eUrl') ?? process.env.BPR_E2E_URL ?? 'http://127.0.0.1:4173/';
}

/** The dev server started like README's `npm run dev` (see globalSetup.ts). */
export function devServerUrl(): string {
  return inject('bprE2eDevUrl');
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

export interface E2eSession {
  browser: Browser;
  /** A fresh context per test: its own IndexedDB and localStorage, so every test starts seeded anew. */
  context: BrowserContext;
  page: Page;
  /** Uncaught page errors and console errors seen during the test. */
  pageErrors: string[];
}

/**
 * Registers the hooks for a test file: one browser per file, a fresh context and page per test, and a
 * full-page screenshot in test-results/ when a test fails. Use the returned getter inside tests.
 */
export function useBrowser(): () => E2eSession {
  let browser: Browser | undefined;
  let current: E2eSession | undefined;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    if (!browser) throw new Error('browser not launched');
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'ja-JP', acceptDownloads: true });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    current = { browser, context, page, pageErrors };
  });
  afterEach(async (ctx) => {
    const session = current;
    current = undefined;
    if (!session) return;
    if (ctx.task.result?.state === 'fail') {
      mkdirSync(resultsDir, { recursive: true });
      const name = ctx.task.name.replace(/[^\w\u3040-\u30ff\u4e00-\u9faf-]+/g, '_').slice(0, 100);
      await session.page.screenshot({ path: path.join(resultsDir, `${name}.png`), fullPage: true }).catch(() => undefined);
    }
    await session.context.close();
  });

  return () => {
    if (!current) throw new Error('useBrowser(): no page outside a test');
    return current;
  };
}

/** Opens the app (the production build unless `url` says otherwise) and waits until the seeded workspace list is shown. */
export async function openApp(page: Page, url = appUrl()): Promise<void> {
  await page.goto(url);
  await waitForWorkspace(page);
}

/**
 * Reloads the page as a person presses F5: the app must come back on the tab it was on (asserted), and
 * the person then goes to the workspace list.
 */
export async function reloadToWorkspace(page: Page): Promise<void> {
  const before = ((await page.getByRole('tab', { selected: true }).textContent()) ?? '').trim();
  await page.reload();
  await page.getByRole('tab', { name: before, exact: true, selected: true }).waitFor();
  await page.getByRole('tab', { name: /^(ワークスペース|Workspace)$/ }).click();
  await waitForWorkspace(page);
}

export async function waitForWorkspace(page: Page): Promise<void> {
  await page.getByRole('heading', { name: /プロセス一覧|Processes/ }).waitFor();
  await page.locator('.bpr-process-card').first().waitFor();
}

/** Names of all processes in the workspace list, as "name kind" (e.g. "転入届 As-Is"), sorted. */
export async function processCardLabels(page: Page): Promise<string[]> {
  const labels = await page.locator('.bpr-process-card').evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? ''));
  return labels.sort();
}

/** Clicks 開く on the process card and waits for the diagram to be drawn. */
export async function openProcess(page: Page, name: string, kind: 'As-Is' | 'To-Be'): Promise<void> {
  await page.getByRole('button', { name: `「${name}」（${kind}）を開く`, exact: true }).click();
  await waitForDiagram(page);
}

export async function waitForDiagram(page: Page): Promise<void> {
  await page.getByRole('tab', { name: /プロセス編集|Process editor/, selected: true }).waitFor();
  await page.locator('.bpr-canvas .djs-element.djs-shape').first().waitFor();
  await expect
    .poll(() =>
      page
        .getByRole('status')
        .filter({ hasText: /保存|Saved/ })
        .count(),
    )
    .toBeGreaterThan(0);
}

/** The shape on the canvas whose label is exactly `label`. */
export function shapeByLabel(page: Page, label: string): Locator {
  return page.locator('.bpr-canvas g.djs-element.djs-shape').filter({
    has: page.locator('text', { hasText: new RegExp(`^\\s*${escapeRegExp(label)}\\s*$`) }),
  });
}

/** Labels of all flow elements drawn on the canvas, in document order. */
export async function canvasLabels(page: Page): Promise<string[]> {
  return page.locator('.bpr-canvas g.djs-element text').evaluateAll((els) => els.map((el) => (el.textContent ?? '').trim()).filter(Boolean));
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Today's date in Japan as YYYY-MM-DD (Swedish locale formats dates that way), the date exported files carry. */
export function japanToday(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo' }).format(new Date());
}

/** Writes a screenshot into test-results/ (for looking at the layout). */
export async function screenshot(page: Page, name: string, fullPage = false): Promise<string> {
  mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage });
  return file;
}
