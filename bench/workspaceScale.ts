import { loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { scaleWorkspaceFile } from '../test/support/scaleWorkspace';
import { timeUntilPainted, withPreviewBrowser } from './previewBrowser';

/**
 * The workspace list at 5,000 processes in headless Chromium, on the production build. The processes
 * come in through the app's own workspace-file import (統合), each a small complete diagram; then
 * - first cards: from a reload's navigation to the first process card in the DOM;
 * - search: from typing a query until the list shows its result and is painted.
 * Targets: first cards within 1 s, search < 100 ms. Wall time, printed with the load average.
 */
export const WORKSPACE_FIRST_CARDS_BUDGET_MS = 1000;
export const WORKSPACE_SEARCH_BUDGET_MS = 100;

export interface WorkspaceScaleFigures {
  processes: number;
  importSeconds: number;
  firstCardsMs: number;
  searchMs: number[];
  load: [number, number];
}

export async function measureWorkspaceScale(dist: string, root: string, count = 5000): Promise<WorkspaceScaleFigures> {
  const loadBefore = loadavg()[0];
  return withPreviewBrowser(dist, root, async (url, browser) => {
    const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'ja-JP' })).newPage();
    await page.goto(url);
    await page.locator('.bpr-process-card').first().waitFor({ timeout: 60_000 });
    const t0 = Date.now();
    await page.getByRole('button', { name: 'ワークスペースの書き出し・読み込み' }).click();
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('menuitem', { name: 'ワークスペースを読み込む' }).click()]);
    await chooser.setFiles({ name: 'bench.json', mimeType: 'application/json', buffer: Buffer.from(scaleWorkspaceFile(count)) });
    const dialog = page.getByRole('dialog', { name: 'ワークスペースの読み込み' });
    await dialog.getByRole('radio', { name: /統合/ }).check({ timeout: 300_000 });
    await dialog.getByRole('button', { name: '読み込む' }).click();
    await page.getByRole('status').filter({ hasText: '「bench.json」を統合しました' }).waitFor({ timeout: 300_000 });
    const importSeconds = (Date.now() - t0) / 1000;

    await page.reload();
    await page.locator('.bpr-process-card').first().waitFor({ timeout: 60_000 });
    const firstCardsMs = await page.evaluate<number>('performance.now()');
    const processes = count + 8;

    const searchMs: number[] = [];
    for (const query of ['業務 00421', '税務課', '']) {
      searchMs.push(await timeUntilPainted(page, 'input.bpr-search', query, '.bpr-workspace'));
    }
    const round = (x: number) => Math.round(x * 100) / 100;
    return {
      processes,
      importSeconds: round(importSeconds),
      firstCardsMs: Math.round(firstCardsMs),
      searchMs: searchMs.map(Math.round),
      load: [round(loadBefore), round(loadavg()[0])],
    };
  });
}

export function printWorkspaceScale(f: WorkspaceScaleFigures): void {
  const worst = Math.max(...f.searchMs);
  console.log(
    `ワークスペース (${f.processes.toLocaleString()} プロセス, Chromium): 読み込み ${f.importSeconds} 秒, 再読み込みから最初のカード ${f.firstCardsMs} ms (上限 ${WORKSPACE_FIRST_CARDS_BUDGET_MS} ms の ${((f.firstCardsMs / WORKSPACE_FIRST_CARDS_BUDGET_MS) * 100).toFixed(0)}%), ` +
      `検索 ${f.searchMs.join(' / ')} ms (最大 ${worst} ms, 上限 ${WORKSPACE_SEARCH_BUDGET_MS} ms の ${((worst / WORKSPACE_SEARCH_BUDGET_MS) * 100).toFixed(0)}%) (負荷平均 ${f.load[0]} → ${f.load[1]})`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const figures = await measureWorkspaceScale(path.join(root, 'dist'), root, Number(process.env.BPR_BENCH_PROCESSES ?? 5000));
  printWorkspaceScale(figures);
  console.log(JSON.stringify(figures));
}
