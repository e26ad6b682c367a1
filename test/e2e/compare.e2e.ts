import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openApp, openProcess, japanToday, screenshot, useBrowser, waitForWorkspace } from './support/browser';
import { findSample, kindLabel } from './support/samples';

const session = useBrowser();

describe('compare tab and improvement templates', () => {
  it('given 転入届 As-Is, when a 書かない窓口 To-Be is made from the template and compared, then hours saved with CI, the chart and a readable CSV come out', async () => {
    const { page, pageErrors } = session();
    const sample = findSample('転入届', 'as-is');
    await openApp(page);
    await openProcess(page, sample.name, kindLabel(sample.kind));

    await page.getByRole('button', { name: '改善テンプレート', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: `改善テンプレート: ${sample.name}` });
    await dialog.waitFor();
    await dialog.getByRole('radio', { name: /書かない窓口/ }).check();
    // The template pre-selects the resident's writing step.
    const writing = dialog.getByRole('list', { name: '対象の作業' }).getByRole('checkbox', { name: /転入届に世帯全員の氏名・住所等を記入/ });
    await expect.poll(() => writing.isChecked()).toBe(true);
    const changes = dialog.getByTestId('template-changes').locator('li');
    await expect.poll(() => changes.count()).toBeGreaterThan(0);
    expect(await dialog.getByTestId('template-changes').textContent()).toContain('転入届に世帯全員の氏名・住所等を記入');
    // Each default shows its published source.
    expect(await dialog.locator('.bpr-tpl-source').first().textContent()).toContain('浜松市');
    await screenshot(page, 'compare-template-dialog');
    await dialog.getByRole('button', { name: '作成', exact: true }).click();

    // The seeded As-Is already has a scenario: the template adds a second one beside it.
    const done = page.getByRole('dialog', { name: 'シナリオを作成しました' });
    await done.waitFor();
    const toBeName = `${sample.name}（To-Be: 書かない窓口）`;
    expect(await done.textContent()).toContain(toBeName);
    expect(await done.textContent()).toContain('シナリオ「書かない窓口」');
    await done.getByRole('button', { name: '比較する' }).click();

    await page.getByRole('tab', { name: '比較（As-Is / To-Be）', selected: true }).waitFor();
    expect(await page.locator('.bpr-cmp-pair').textContent()).toContain(toBeName);
    const settings = page.getByRole('form', { name: '比較の設定' });
    expect(await settings.getByLabel('反復回数（対）').inputValue()).toBe('20');
    await settings.getByRole('button', { name: '比較を実行' }).click();

    const hours = page.locator('.bpr-cmp-kpi[data-kpi="hoursSaved"]');
    await hours.waitFor({ timeout: 90_000 });
    const hoursText = (await hours.textContent()) ?? '';
    expect(hoursText).toContain('削減した業務時間');
    expect(hoursText).toContain('推計');
    expect(hoursText).toMatch(/時間\/年/);
    expect(hoursText).toMatch(/95%信頼区間 [\d,.-]+〜[\d,.-]+/);
    await page.locator('svg[data-chart="waterfall"]').first().waitFor();
    expect(await page.getByTestId('compare-task-chart').locator('g.bpr-chart-row').count()).toBeGreaterThan(1);
    expect(await page.locator('.bpr-cmp-state').textContent()).toMatch(/最終計算: /);
    // Overlays on the read-only diagrams: the As-Is writing step is marked removed.
    await page.locator('[data-testid="compare-asis-diagram"] .bpr-cmp-overlay-removed').first().waitFor();
    await page.locator('[data-testid="compare-tobe-diagram"] .bpr-cmp-overlay').first().waitFor();
    await screenshot(page, 'compare-results', true);

    // The one-page print summary shows only in print media: the pair, the key figures and the chart.
    expect(await page.locator('.bpr-cmp-print').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'print' });
    const summary = page.locator('.bpr-cmp-print');
    expect(await summary.isVisible()).toBe(true);
    expect(await summary.textContent()).toContain(toBeName);
    expect(await summary.locator('svg[data-chart="waterfall"]').count()).toBe(1);
    await screenshot(page, 'compare-print');
    await page.emulateMedia({ media: 'screen' });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CSVをダウンロード' }).click()]);
    // The As-Is and the To-Be scenario are named, then the date in Japan.
    expect(download.suggestedFilename()).toBe(`${sample.name}_書かない窓口_比較_${japanToday()}.csv`);
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8').decode(bytes);
    expect(text).toContain('削減した業務時間');
    expect(text).toContain('95%信頼区間');

    // The new To-Be is in the workspace as a scenario of the As-Is, beside the seeded one; the As-Is
    // itself is unchanged in name and kind.
    await page.getByRole('tab', { name: 'ワークスペース' }).click();
    await waitForWorkspace(page);
    const card = page.getByRole('listitem', { name: `${toBeName} To-Be`, exact: true });
    await card.waitFor();
    expect(await card.textContent()).toContain(`対応: ${sample.name}（As-Is）`);
    const asIsCard = page.getByRole('listitem', { name: `${sample.name} As-Is`, exact: true });
    expect(
      await asIsCard
        .getByRole('list', { name: `「${sample.name}」のシナリオ` })
        .locator('li')
        .allTextContents(),
    ).toEqual(['書かない窓口・ワンストップ', '書かない窓口']);
    expect(pageErrors).toEqual([]);
  });
});
