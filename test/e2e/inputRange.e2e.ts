import { describe, expect, it } from 'vitest';
import { openApp, openProcess, screenshot, useBrowser } from './support/browser';
import { findSample, kindLabel } from './support/samples';

const session = useBrowser();

describe('想定の幅 beside the 95% interval', () => {
  it('given the 転入届 sample, when a simulation runs and then its pair is compared, then the staff-hours card and 削減した業務時間 show 想定の幅 with units and one sentence tells it from the 95% interval', async () => {
    const { page, pageErrors } = session();
    const sample = findSample('転入届', 'as-is');
    await openApp(page);
    await openProcess(page, sample.name, kindLabel(sample.kind));

    await page.getByRole('tab', { name: 'シミュレーション' }).click();
    const form = page.getByRole('form', { name: '実行設定' });
    await form.getByLabel('反復回数').fill('3');
    await form.getByLabel('年数で指定').check();
    await form.getByLabel('年数', { exact: true }).fill('1');
    await page.getByRole('button', { name: 'シミュレーション実行' }).click();
    await expect.poll(() => page.locator('.bpr-sim-state').getAttribute('data-state'), { timeout: 120_000 }).toBe('done');

    const staffHours = page.locator('.bpr-sim-kpi[data-kpi="staffHours"]');
    await expect.poll(() => staffHours.textContent()).toMatch(/（95%信頼区間 [\d,]+〜[\d,]+）想定の幅 [\d,]+〜[\d,]+ 時間\/年/);
    const range = staffHours.getByTestId('input-range');
    expect(await range.isVisible()).toBe(true);
    // The range is wider than the noise: the optimistic end is below the interval, the pessimistic above.
    const nums = (s: string) => [...s.matchAll(/[\d,]+(?:\.\d+)?/g)].map((m) => Number(m[0].replace(/,/g, '')));
    const [ciLow, ciHigh] = nums((await staffHours.locator('.bpr-sim-kpi-ci').textContent()) ?? '').slice(-2);
    const [low, high] = nums((await range.textContent()) ?? '');
    expect(low).toBeLessThan(ciLow);
    expect(high).toBeGreaterThan(ciHigh);
    const note = page.locator('.bpr-sim-results').getByTestId('input-range-note');
    expect(await note.textContent()).toBe(
      '95%信頼区間はシミュレーションの乱数によるばらつきです。想定の幅は、各工程の時間をすべてワークショップの見積りの楽観側の端、または悲観側の端にした場合の幅です。',
    );
    expect(await note.isVisible()).toBe(true);
    await screenshot(page, 'input-range-simulation', true);

    await page.getByRole('tab', { name: 'ワークスペース' }).click();
    await page.getByRole('button', { name: `「${sample.name}」とその To-Be を比較` }).click();
    const settings = page.getByRole('form', { name: '比較の設定' });
    await settings.getByLabel('反復回数（対）').fill('3');
    await settings.getByRole('button', { name: '比較を実行' }).click();
    const hours = page.locator('.bpr-cmp-kpi[data-kpi="hoursSaved"]');
    await hours.waitFor({ timeout: 120_000 });
    expect(await hours.textContent()).toMatch(/削減した業務時間.*95%信頼区間 [-\d,.]+〜[-\d,.]+.*想定の幅 [-\d,.]+〜[-\d,.]+ 時間\/年/);
    expect(await hours.getByTestId('input-range').isVisible()).toBe(true);
    expect(await page.locator('.bpr-cmp-kpi[data-kpi="percentSaved"]').textContent()).toMatch(/想定の幅 [-\d,.]+〜[-\d,.]+%/);
    expect(await page.locator('.bpr-cmp-before-after tr[data-row="resident"]').textContent()).toMatch(/想定の幅 [-\d,.]+〜[-\d,.]+ 分/);
    expect(await page.getByTestId('input-range-note').first().isVisible()).toBe(true);
    await screenshot(page, 'input-range-compare', true);

    await page.emulateMedia({ media: 'print' });
    const summary = page.locator('.bpr-cmp-print');
    expect(await summary.textContent()).toMatch(/想定の幅 [-\d,.]+〜[-\d,.]+ 時間\/年/);
    expect(await summary.textContent()).toContain('想定の幅は、各工程の時間をすべて');
    await page.emulateMedia({ media: 'screen' });
    expect(pageErrors).toEqual([]);
  });
});
