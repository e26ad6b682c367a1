import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openApp, openProcess, screenshot, useBrowser } from './support/browser';
import { findSample, kindLabel, readSampleXml } from './support/samples';

const session = useBrowser();

const runState = (page: Page) => page.locator('.bpr-sim-state').getAttribute('data-state');

async function configure(page: Page, settings: { replications: string; years: string; mode: 'fast' | 'actor' }) {
  const form = page.getByRole('form', { name: '実行設定' });
  await form.getByLabel('反復回数').fill(settings.replications);
  await form.getByLabel('年数で指定').check();
  await form.getByLabel('年数', { exact: true }).fill(settings.years);
  await form.getByLabel('計算方式').selectOption(settings.mode);
}

describe('simulation tab', () => {
  it('given 転入届 open, when a slow run is cancelled and a short run completes, then KPIs with CIs, charts and the heat overlay are shown', async () => {
    const { page, pageErrors } = session();
    const sample = findSample('転入届', 'as-is');
    await openApp(page);
    await openProcess(page, sample.name, kindLabel(sample.kind));

    await page.getByRole('tab', { name: 'シミュレーション' }).click();
    await page.locator('.bpr-sim-canvas .djs-element.djs-shape').first().waitFor();
    await expect.poll(() => page.locator('.bpr-sim-process').textContent()).toContain(sample.name);

    // A run long enough to be caught mid-way: the slow engine over several simulated years.
    await configure(page, { replications: '20', years: '5', mode: 'actor' });
    await page.getByRole('button', { name: 'シミュレーション実行' }).click();
    const progress = page.getByRole('progressbar', { name: 'シミュレーションの進み具合' });
    await progress.waitFor();
    expect(Number(await progress.getAttribute('aria-valuenow'))).toBeGreaterThanOrEqual(0);
    // The run lives in the worker: the editor opens and works meanwhile, and the run is still there on return.
    await page.getByRole('tab', { name: 'プロセス編集' }).click();
    await page.locator('.bpr-canvas .djs-element.djs-shape').first().waitFor();
    await page.getByRole('button', { name: 'ズームイン' }).click();
    await page.getByRole('tab', { name: 'シミュレーション' }).click();
    await progress.waitFor();
    await page.getByRole('button', { name: 'キャンセル' }).click();
    await expect.poll(() => runState(page), { timeout: 60_000 }).toBe('cancelled');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'シミュレーションをキャンセルしました' }).count()).toBe(1);
    expect(await progress.count()).toBe(0);
    expect(await page.locator('.bpr-sim-results').count()).toBe(0);

    await configure(page, { replications: '5', years: '1', mode: 'fast' });
    await page.getByRole('button', { name: 'シミュレーション実行' }).click();
    await expect.poll(() => runState(page), { timeout: 90_000 }).toBe('done');

    const staffHours = page.locator('.bpr-sim-kpi[data-kpi="staffHours"]');
    await expect.poll(() => staffHours.textContent()).toMatch(/年間職員作業時間[\d,]+時間\/年（95%信頼区間 [\d,]+〜[\d,]+）/);
    expect(await page.locator('.bpr-sim-kpi').count()).toBe(9);
    expect(await page.locator('svg[data-chart="bar"]').count()).toBeGreaterThanOrEqual(1);
    expect(await page.locator('svg[data-chart="histogram"]').count()).toBe(1);
    expect(await page.getByRole('img', { name: /^タスク別の年間職員時間/ }).count()).toBe(1);
    expect(await page.locator('.bpr-sim-table').first().locator('tbody tr').count()).toBeGreaterThan(3);

    const badges = page.locator('.bpr-sim-canvas .djs-overlays .bpr-heat-badge');
    await expect.poll(() => badges.count()).toBeGreaterThan(3);
    expect(await page.locator('.bpr-sim-canvas .djs-element.bpr-heat-5').count()).toBeGreaterThanOrEqual(1);
    expect(await badges.allTextContents()).toContainEqual(expect.stringMatching(/^[\d,.]+ 時間\/年$/));

    await screenshot(page, 'simulation-results', true);

    const toggle = page.getByLabel('図に作業時間のヒートマップを表示');
    await toggle.uncheck();
    await expect.poll(() => badges.count()).toBe(0);
    expect(await page.locator('.bpr-sim-canvas .djs-element[class*="bpr-heat-"]').count()).toBe(0);
    await toggle.check();
    await expect.poll(() => badges.count()).toBeGreaterThan(3);

    expect(pageErrors).toEqual([]);
  });

  it('given a process whose task time range is reversed, when a run is started, then it is blocked with the task named and a click selects it on the diagram', async () => {
    const { page, pageErrors } = session();
    const sample = findSample('転入届', 'as-is');
    const original = readSampleXml(sample.file);
    const broken = original.replace(
      '<bpr:staffTime type="triangular" min="3" mode="5" max="10"/>',
      '<bpr:staffTime type="triangular" min="10" mode="5" max="3"/>',
    );
    expect(broken).not.toBe(original);
    await openApp(page);
    await page.getByTestId('workspace-import-input').setInputFiles({ name: '検証用転入届.bpmn', mimeType: 'application/xml', buffer: Buffer.from(broken) });
    await openProcess(page, '検証用転入届', 'As-Is');

    await page.getByRole('tab', { name: 'シミュレーション' }).click();
    await page.locator('.bpr-sim-canvas .djs-element.djs-shape').first().waitFor();
    await page.getByRole('button', { name: 'シミュレーション実行' }).click();
    await expect.poll(() => runState(page)).toBe('error');

    const problems = page.getByRole('alert', { name: /実行前に修正が必要な問題/ });
    const link = problems.getByRole('button', { name: /\(Task_Receive\)の職員処理時間: 最小値 \(10\) が最大値 \(3\) より大きく/ });
    await link.click();
    await expect.poll(() => page.locator('.bpr-sim-canvas .djs-element.selected').getAttribute('data-element-id')).toBe('Task_Receive');
    expect(await page.locator('.bpr-sim-results').count()).toBe(0);
    await screenshot(page, 'simulation-blocked');
    expect(pageErrors).toEqual([]);
  });

  it('given the 給与支払報告書 To-Be with an RPA role, when a short run completes, then robot run time has its own card and the RPA role is marked as a robot', async () => {
    const { page, pageErrors } = session();
    const sample = findSample('給与支払報告書', 'to-be');
    await openApp(page);
    await openProcess(page, sample.name, kindLabel(sample.kind));
    await page.getByRole('tab', { name: 'シミュレーション' }).click();
    await page.locator('.bpr-sim-canvas .djs-element.djs-shape').first().waitFor();

    await configure(page, { replications: '3', years: '0.25', mode: 'fast' });
    await page.getByRole('button', { name: 'シミュレーション実行' }).click();
    await expect.poll(() => runState(page), { timeout: 90_000 }).toBe('done');

    const robot = page.locator('.bpr-sim-kpi[data-kpi="robotHours"]');
    await expect.poll(() => robot.textContent()).toMatch(/ロボット稼働時間[\d,.]+時間\/年（95%信頼区間 [\d,.]+〜[\d,.]+）/);
    expect(await page.locator('.bpr-sim-kpi[data-kpi="staffHours"] dt').textContent()).toBe('職員（ロボットを除く）の年間作業時間');
    const robotRows = page.locator('.bpr-sim-table tbody tr[data-robot="true"]');
    expect(await robotRows.count()).toBe(1);
    expect(await robotRows.locator('th').textContent()).toBe('RPAロボット');

    await screenshot(page, 'simulation-results-robot', true);
    expect(pageErrors).toEqual([]);
  });

  it('given 転入届, when run with one replication and then with three, then 反復1回 appears only for the single run and the histogram caption says which it shows', async () => {
    const { page, pageErrors } = session();
    const sample = findSample('転入届', 'as-is');
    await openApp(page);
    await openProcess(page, sample.name, kindLabel(sample.kind));
    await page.getByRole('tab', { name: 'シミュレーション' }).click();
    await page.locator('.bpr-sim-canvas .djs-element.djs-shape').first().waitFor();

    const kpis = page.locator('.bpr-sim-kpis');
    const caption = page.locator('figure:has(svg[data-chart="histogram"]) .bpr-chart-desc');

    await configure(page, { replications: '1', years: '0.25', mode: 'fast' });
    await page.getByRole('button', { name: 'シミュレーション実行' }).click();
    await expect.poll(() => runState(page), { timeout: 90_000 }).toBe('done');
    expect(await page.locator('.bpr-sim-kpi[data-kpi="staffHours"]').textContent()).toContain('（反復1回のため信頼区間なし）');
    expect(await kpis.textContent()).not.toContain('95%信頼区間');
    expect(await caption.textContent()).toBe('完了した案件のリードタイムごとの件数（反復1回）');

    await configure(page, { replications: '3', years: '0.25', mode: 'fast' });
    await page.getByRole('button', { name: /シミュレーション実行|再実行/ }).click();
    await expect.poll(() => page.locator('.bpr-sim-summary').textContent(), { timeout: 90_000 }).toMatch(/^反復 3 回/);
    await expect.poll(() => runState(page), { timeout: 90_000 }).toBe('done');
    expect(await kpis.textContent()).not.toContain('反復1回');
    expect(await page.locator('.bpr-sim-kpi[data-kpi="staffHours"]').textContent()).toMatch(/（95%信頼区間 [\d,]+〜[\d,]+）/);
    expect(await caption.textContent()).toBe('完了した案件のリードタイムごとの件数（3 回の反復の案件をすべて合算）');

    // A counter procedure ends the same day: the lead time is also given in minutes, and so is the histogram axis.
    expect(await page.locator('.bpr-sim-kpi[data-kpi="leadTime"] .bpr-sim-kpi-note').textContent()).toMatch(/^1営業日未満: 執務時間で [\d,.]+ 分（95%信頼区間/);
    expect(await page.locator('svg[data-chart="histogram"]').textContent()).toContain('リードタイム（分、執務時間）');
    const resident = page.locator('.bpr-sim-kpi[data-kpi="residentMinutes"]');
    expect(await resident.locator('dt').textContent()).toBe('来庁者1人あたりの所要時間');
    expect(await resident.locator('.bpr-sim-kpi-note').textContent()).toContain('窓口の待ち時間、職員の応対時間の合計');
    // 住民 writes the form but is not staff: the role table lists staff roles only.
    expect(await page.locator('.bpr-sim-table').nth(1).locator('tbody th').allTextContents()).not.toContain('住民');
    await screenshot(page, 'hD-simulation-figures', true);
    expect(pageErrors).toEqual([]);
  });
});
