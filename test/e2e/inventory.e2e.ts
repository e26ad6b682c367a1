import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readXlsx } from '../../src/domain/exchange/xlsx';
import { openApp, screenshot, useBrowser, waitForDiagram } from './support/browser';

const session = useBrowser();

/**
 * A 課's sheet as another city words it: 課名 / 事務名 / 件数 / 1件当たり処理時間（分）, a column the app
 * does not know (担当者メモ, mapped by hand to 備考), a thousands separator, full-width digits and a 小計 row.
 * Hand figures: 1,200 × 6 / 60 = 120 h and 300 × 20 / 60 = 100 h → テスト課 220 h.
 */
const SHEET = [
  '課名,事務名,件数,1件当たり処理時間（分）,定型/非定型,担当者メモ',
  'テスト課,証明書の郵送請求,"1,200",６,定型,郵便で届く',
  'テスト課,窓口の案内,300,20,非定型,',
  '小計,,1500,,,',
].join('\r\n');

const kpi = (page: import('playwright-core').Page, name: string) => page.getByTestId('inventory-summary').locator(`[data-kpi="${name}"] dd`);

describe('業務の全体像 in Chromium', () => {
  it('given the seeded survey, when a 課 imports its sheet, filters to itself, creates an As-Is from a row and exports, then the totals, the link and the file hold the hand-computed figures', async () => {
    const { page, pageErrors } = session();
    await openApp(page);
    await page.getByRole('tab', { name: '業務の全体像' }).click();
    await expect.poll(() => kpi(page, 'count').textContent()).toBe('324 件');
    const treemap = page.getByTestId('inventory-treemap');
    await expect.poll(() => treemap.getAttribute('data-ready'), { timeout: 30_000 }).toBe('true');
    await expect.poll(() => treemap.locator('svg path, svg rect').count()).toBeGreaterThan(9);
    await screenshot(page, 'inventory-dashboard', true);

    await page.getByRole('button', { name: '調査票を取り込む' }).click();
    const dialog = page.getByRole('dialog', { name: '業務量調査の取り込み（業務の全体像）' });
    await dialog
      .getByLabel('調査票ファイル（CSV または Excel .xlsx）')
      .setInputFiles({ name: 'テスト課.csv', mimeType: 'text/csv', buffer: Buffer.from(SHEET) });
    await dialog.getByTestId('inventory-ready').waitFor();
    expect(await dialog.getByTestId('inventory-ready').textContent()).toContain('2 件の業務を取り込めます');
    expect(await dialog.getByTestId('inventory-ready').textContent()).toContain('小計行 1 行');
    // What each column became; the unknown one is chosen by hand.
    expect(await dialog.getByLabel('課名').inputValue()).toBe('section');
    expect(await dialog.getByLabel('事務名').inputValue()).toBe('name');
    expect(await dialog.getByLabel('担当者メモ').inputValue()).toBe('');
    await dialog.getByLabel('担当者メモ').selectOption('note');
    await dialog.getByRole('button', { name: '取り込む' }).click();
    await page.getByRole('status').filter({ hasText: '「テスト課.csv」を取り込みました: 追加 2 件、更新 0 件、変更なし 0 件' }).waitFor();
    await expect.poll(() => kpi(page, 'count').textContent()).toBe('326 件');

    await page.getByLabel('課で絞り込む').selectOption('テスト課');
    await expect.poll(() => page.getByTestId('inventory-count').textContent()).toBe('2 / 326 件を表示');
    const totals = page.getByTestId('inventory-totals');
    expect(await totals.locator('tbody tr').count()).toBe(1);
    expect(await totals.locator('tbody tr').first().textContent()).toContain('220');
    const row = page.locator('[data-inventory-id]').filter({ hasText: '証明書の郵送請求' });
    expect(await row.locator('[data-col="hours"]').textContent()).toBe('120.0');

    await row.getByRole('button', { name: '証明書の郵送請求 As-Isを作成' }).click();
    await page.getByRole('status').filter({ hasText: '業務「証明書の郵送請求」の As-Is を作成し、この業務に紐付けました' }).waitFor();
    await expect.poll(() => row.textContent()).toContain('As-Is');
    expect(await kpi(page, 'coverage').textContent()).toContain('As-Is');

    // The export reads back with the new 業務 and its computed hours.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Excelで書き出す' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^業務の全体像_\d{4}-\d{2}-\d{2}\.xlsx$/);
    const [list, ranking] = readXlsx(new Uint8Array(readFileSync((await download.path())!)));
    const header = list.rows[0];
    const exported = list.rows.find((r) => r[header.indexOf('業務名')] === '証明書の郵送請求')!;
    expect(exported[header.indexOf('年間時間(h)[計算]')]).toBe(120);
    expect(exported[header.indexOf('備考')]).toBe('郵便で届く');
    expect(list.rows).toHaveLength(327);
    expect(ranking.name).toBe('BPR対象の選定');

    // From the row to the diagram: the As-Is opens in the editor.
    await row.getByRole('button', { name: '証明書の郵送請求 開く' }).click();
    await waitForDiagram(page);
    expect(await page.getByLabel('プロセス名').inputValue()).toBe('証明書の郵送請求');
    expect(pageErrors).toEqual([]);
  });
});
