import { describe, expect, it } from 'vitest';
import { japanToday, openApp, screenshot, useBrowser, reloadToWorkspace } from './support/browser';
import { findSample } from './support/samples';

const session = useBrowser();

/** The fiscal year (April–March) the browser is in, labelled as the app labels it. */
function currentFiscalYearLabel(): string {
  const now = new Date();
  const fy = now.getMonth() < 3 ? now.getFullYear() - 1 : now.getFullYear();
  return `令和${fy - 2018}（${fy}）年度`;
}

function nextFiscalYearLabel(): string {
  const now = new Date();
  const fy = (now.getMonth() < 3 ? now.getFullYear() - 1 : now.getFullYear()) + 1;
  return `令和${fy - 2018}（${fy}）年度`;
}

describe('取組 tab', () => {
  it('given the seeded workspace, when a 取組 is created, an indicator added and the 転入届 pair attached, then the comparison runs by itself, every linked indicator shows its estimate with unit in the selected year, a measured value is kept, the year survives a reload, and the printed sheet shows it', async () => {
    const { page, pageErrors } = session();
    const asIs = findSample('転入届', 'as-is');
    const toBe = findSample('転入届', 'to-be');
    await openApp(page);
    await page.getByRole('tab', { name: '取組' }).click();
    await page.getByRole('heading', { name: '取組（進捗管理）' }).waitFor();

    // The seeded 取組 are listed, and the schedule view shows their stages by 令和 year.
    await page.locator('tr[data-initiative="書かない窓口の導入"]').waitFor();
    expect(await page.locator('tr[data-initiative]').count()).toBe(5);
    await page.getByRole('button', { name: '年度別スケジュール' }).click();
    const gantt = page.getByRole('table', { name: '年度別スケジュール' });
    await gantt.waitFor();
    expect(await gantt.locator('thead').textContent()).toContain('令和7（2025）年度');
    expect(await gantt.locator('.bpr-init-stage').count()).toBeGreaterThan(5);
    await page.getByRole('button', { name: '一覧' }).click();

    // The list exports under one dated name (the Japanese calendar day).
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CSVで書き出し' }).click()]);
    expect(csv.suggestedFilename()).toBe(`取組一覧_${japanToday()}.csv`);

    await page.getByRole('button', { name: '新しい取組' }).click();
    const dialog = page.getByRole('dialog', { name: '新しい取組を作成' });
    await dialog.getByRole('button', { name: '作成して編集' }).click();
    // Empty 取組名 and 担当課 are refused with the schema's Japanese messages.
    await expect.poll(() => dialog.getByRole('alert').textContent()).toContain('取組名が空です');
    await dialog.getByLabel('取組名').fill('転入手続の見直し（E2E）');
    await dialog.getByLabel('担当課').fill('市民課');
    await dialog.getByRole('button', { name: '作成して編集' }).click();
    await page.getByRole('heading', { name: '転入手続の見直し（E2E）' }).waitFor();

    await page.getByLabel('追加する指標').selectOption({ label: '削減した業務時間（時間/年・削減した業務時間（推計と連動））' });
    await page.getByRole('button', { name: '評価指標を追加' }).click();

    // A new 取組 has no schedule, so estimates go into the current fiscal year, and the selector says so.
    const year = currentFiscalYearLabel();
    const yearSelect = page.getByLabel('推計値を入れる年度');
    expect(await yearSelect.evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent)).toBe(year);

    const attach = page.getByRole('group', { name: 'プロセス図を添付' });
    await attach.getByLabel('As-Is').selectOption({ label: `${asIs.name}（${asIs.department}）` });
    expect(await attach.getByLabel('To-Be').evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent)).toBe(
      `${toBe.name}（${toBe.department}）`,
    );
    await attach.getByRole('button', { name: '添付' }).click();

    const pair = page.locator('.bpr-init-pair');
    await pair.waitFor();
    await expect.poll(() => pair.locator('.bpr-init-thumb-svg svg').count(), { timeout: 30_000 }).toBe(2);

    // No comparison is stored in a fresh browser: attaching computes it without another click.
    const hoursFigure = pair.locator('[data-figure="hoursSaved"] dd');
    await expect.poll(() => hoursFigure.count(), { timeout: 180_000, interval: 1000 }).toBe(1);
    expect(await hoursFigure.textContent()).toMatch(/^[\d,.]+ 時間\/年（95%信頼区間 [\d,.]+〜[\d,.]+） 推計想定の幅 [-\d,.]+〜[-\d,.]+ 時間\/年$/);

    // The indicator takes the estimate for the selected fiscal year, with its unit, beside target and measured.
    const indicator = page.locator('fieldset.bpr-init-indicator[data-indicator="削減した業務時間"]');
    const rowOf = (fieldset: typeof indicator, label: string) => fieldset.locator('tr', { has: page.getByRole('rowheader', { name: label, exact: true }) });
    const yearRow = rowOf(indicator, year);
    await expect
      .poll(() => yearRow.getByTestId('estimate-cell').textContent(), { timeout: 20_000 })
      .toMatch(/[\d,.]+ 時間\/年（95%信頼区間 [\d,.]+〜[\d,.]+） 推計/);
    const estimateText = (await yearRow.getByTestId('estimate-cell').textContent()) ?? '';
    // The same number the pair shows as 削減した業務時間.
    expect(estimateText.split(' ')[0]).toBe((await hoursFigure.textContent())?.split(' ')[0]);

    // Indicators added after the comparison exists are filled at once: 来庁者の所要時間 in 分, 決裁日数 in 営業日.
    await page.getByLabel('追加する指標').selectOption({ label: '来庁者1人あたりにかかる時間（分・来庁者の所要時間（推計と連動））' });
    await page.getByRole('button', { name: '評価指標を追加' }).click();
    const resident = page.locator('fieldset.bpr-init-indicator[data-indicator="来庁者1人あたりにかかる時間"]');
    await expect
      .poll(() => rowOf(resident, year).getByTestId('estimate-cell').textContent(), { timeout: 5_000 })
      .toMatch(/^[\d,.]+ 分（95%信頼区間 [\d,.]+〜[\d,.]+） 推計想定の幅 [-\d,.]+〜[-\d,.]+ 分$/);
    await page.getByLabel('追加する指標').selectOption({ label: '決裁までの日数（営業日・決裁・処理日数（推計と連動））' });
    await page.getByRole('button', { name: '評価指標を追加' }).click();
    const days = page.locator('fieldset.bpr-init-indicator[data-indicator="決裁までの日数"]');
    await expect
      .poll(() => rowOf(days, year).getByTestId('estimate-cell').textContent(), { timeout: 5_000 })
      .toMatch(/^[\d,.]+ 営業日（95%信頼区間 [\d,.]+〜[\d,.]+） 推計想定の幅 [-\d,.]+〜[-\d,.]+ 営業日$/);

    await indicator.getByLabel(`削減した業務時間 ${year} 目標値`).fill('250');
    await indicator.getByLabel(`削減した業務時間 ${year} 実績値`).fill('180');
    await page.getByRole('button', { name: '保存' }).first().click();
    await expect.poll(() => page.locator('.bpr-save-status').textContent()).toBe('保存しました');
    // The measured value stays as entered; the estimate is unchanged by it.
    expect(await yearRow.getByTestId('estimate-cell').textContent()).toBe(estimateText);

    // The estimate moves with the selector, and the measured value stays where it was entered.
    const nextYear = nextFiscalYearLabel();
    await yearSelect.selectOption({ label: nextYear });
    await expect.poll(() => rowOf(indicator, nextYear).getByTestId('estimate-cell').textContent()).toBe(estimateText);
    expect(await yearRow.getByTestId('estimate-cell').textContent()).toBe('未計算');
    expect(await indicator.getByLabel(`削減した業務時間 ${year} 実績値`).inputValue()).toBe('180');
    await expect.poll(() => page.locator('.bpr-save-status').textContent(), { timeout: 10_000 }).toBe('保存しました');

    // After a reload the selector shows the year the estimate is stored in.
    await reloadToWorkspace(page);
    await page.getByRole('tab', { name: '取組' }).click();
    await page.getByRole('heading', { name: '転入手続の見直し（E2E）' }).waitFor();
    expect(await yearSelect.evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent)).toBe(nextYear);
    await expect.poll(() => rowOf(indicator, nextYear).getByTestId('estimate-cell').textContent(), { timeout: 20_000 }).toBe(estimateText);
    await yearSelect.selectOption({ label: year });
    await expect.poll(() => yearRow.getByTestId('estimate-cell').textContent()).toBe(estimateText);
    expect(await indicator.getByLabel(`削減した業務時間 ${year} 実績値`).inputValue()).toBe('180');
    await screenshot(page, 'initiatives-editor', true);

    await page.getByRole('button', { name: '印刷プレビュー' }).click();
    const sheet = page.getByRole('article', { name: '進捗管理票: 転入手続の見直し（E2E）' });
    await sheet.waitFor();
    await page.emulateMedia({ media: 'print' });
    expect(await sheet.isVisible()).toBe(true);
    expect(await page.locator('.bpr-header').isVisible()).toBe(false);
    expect(await page.getByRole('tablist').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: '印刷', exact: true }).isVisible()).toBe(false);
    await expect.poll(() => sheet.locator('.bpr-init-thumb-svg svg').count(), { timeout: 30_000 }).toBe(2);
    expect(await sheet.locator('.bpr-init-thumb-svg svg').first().isVisible()).toBe(true);
    const text = (await sheet.textContent()) ?? '';
    for (const heading of [
      '取組名',
      '担当課',
      'これまでの課題',
      '取組の概要',
      'BPRで把握した課題と解決方策',
      'スケジュール',
      '評価指標',
      '達成度・評価理由',
      '次期方針',
    ])
      expect(text).toContain(heading);
    expect(text).toContain('市民課');
    const sheetRow = sheet.locator('table[data-indicator="削減した業務時間"] tr', { has: page.getByRole('rowheader', { name: year, exact: true }) });
    expect(await sheetRow.locator('td').allTextContents()).toEqual(['250 時間/年', estimateText, '180 時間/年']);
    const sheetResident = sheet.locator('table[data-indicator="来庁者1人あたりにかかる時間"] tr', {
      has: page.getByRole('rowheader', { name: year, exact: true }),
    });
    expect(await sheetResident.locator('td').nth(1).textContent()).toMatch(/^[\d,.]+ 分（95%信頼区間 [\d,.]+〜[\d,.]+） 推計想定の幅 [-\d,.]+〜[-\d,.]+ 分$/);
    expect(await sheet.locator('[data-figure="hoursSaved"] dd').textContent()).toMatch(/時間\/年（95%信頼区間 .+） 推計/);
    await screenshot(page, 'initiatives-print', true);
    await page.emulateMedia({ media: 'screen' });

    expect(pageErrors).toEqual([]);
  }, 300_000);
});
