import { loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { withPreviewBrowser } from './previewBrowser';

/**
 * Start-up of the built app in headless Chromium on the sample workspace: the longest long task
 * (PerformanceObserver 'longtask', tasks over 50 ms) from navigation until the first process card is
 * shown plus a settling second (deferred work such as seeding the 取組 runs then), on a first visit
 * (empty IndexedDB, the samples are seeded) and after a reload (seeded). The target is under 100 ms.
 * A second figure: milliseconds from navigation to the first card. Task lengths are wall time, so on a
 * machine shared with other work they grow with its load: each run is a fresh browser context (first
 * visit, then reload), the figure is the longest over BPR_BENCH_STARTUP_RUNS runs (3 unless set), and
 * the load average is printed beside it.
 */
export const STARTUP_TASK_BUDGET_MS = 100;

export interface StartupRun {
  firstVisit: { longestTaskMs: number; longTasks: number; firstCardMs: number };
  reload: { longestTaskMs: number; longTasks: number; firstCardMs: number };
}

export interface StartupFigures {
  runs: StartupRun[];
  /** The longest task over every run, first visit and reload. */
  longestTaskMs: number;
  /** 1-minute load average before and after the runs. */
  load: [number, number];
}

const RUNS = Math.max(1, Number(process.env.BPR_BENCH_STARTUP_RUNS ?? 3) || 3);

async function observe(page: Page, go: () => Promise<unknown>) {
  await go();
  await page.locator('.bpr-process-card').first().waitFor({ timeout: 60_000 });
  const firstCardMs = await page.evaluate(() => performance.now());
  await page.waitForTimeout(1000);
  const tasks = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
  return { longestTaskMs: Math.round(Math.max(0, ...tasks)), longTasks: tasks.length, firstCardMs: Math.round(firstCardMs) };
}

export async function measureStartup(dist: string, root: string): Promise<StartupFigures> {
  const loadBefore = loadavg()[0];
  return withPreviewBrowser(dist, root, async (url, browser) => {
    const runs: StartupRun[] = [];
    for (let r = 0; r < RUNS; r++) {
      // A fresh context each run: empty IndexedDB, so the first visit seeds the samples again.
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'ja-JP' });
      await context.addInitScript(() => {
        const seen: number[] = [];
        (window as unknown as { __longTasks: number[] }).__longTasks = seen;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) seen.push(e.duration);
        }).observe({ type: 'longtask', buffered: true });
      });
      const page = await context.newPage();
      const firstVisit = await observe(page, () => page.goto(url));
      const reload = await observe(page, () => page.reload());
      runs.push({ firstVisit, reload });
      await context.close();
    }
    const longestTaskMs = Math.max(...runs.flatMap((run) => [run.firstVisit.longestTaskMs, run.reload.longestTaskMs]));
    const round = (x: number) => Math.round(x * 100) / 100;
    return { runs, longestTaskMs, load: [round(loadBefore), round(loadavg()[0])] };
  });
}

export function printStartup(s: StartupFigures): void {
  const line = (f: StartupRun['reload']) => `最長タスク ${f.longestTaskMs} ms (50 ms 超 ${f.longTasks} 件), 最初のカード ${f.firstCardMs} ms`;
  s.runs.forEach((run, i) => console.log(`起動 ${i + 1} 回目: 初回訪問 (サンプル登録あり) ${line(run.firstVisit)}; 再読み込み ${line(run.reload)}`));
  console.log(
    `起動の最長タスク: ${s.longestTaskMs} ms (${s.runs.length} 回の最大; 0 は 50 ms 超のタスクなし) — 上限 ${STARTUP_TASK_BUDGET_MS} ms の ${((s.longestTaskMs / STARTUP_TASK_BUDGET_MS) * 100).toFixed(0)}% (負荷平均 ${s.load[0]} → ${s.load[1]})`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const figures = await measureStartup(path.join(root, 'dist'), root);
  printStartup(figures);
  console.log(JSON.stringify(figures));
}
