import { describe, expect, it } from 'vitest';
import { openApp, openProcess, screenshot, useBrowser } from './support/browser';
import { findSample, kindLabel } from './support/samples';

const session = useBrowser();

describe('figures that say which way they go', () => {
  it('given the 転入届 To-Be made slower for residents (4 hours waiting for the number), when compared, then the resident row reads 増加, never 削減 with a minus', async () => {
    const { page, pageErrors } = session();
    const sample = findSample('転入届', 'to-be');
    await openApp(page);
    await openProcess(page, sample.name, kindLabel(sample.kind));

    // 番号札を取り呼出しを待つ: every visitor passes it; its resident time goes from 1–3 to 240 minutes.
    const row = page.getByTestId('step-table').locator('tbody tr[data-element-id="Task_Ticket"]');
    await row.locator('td[data-col="resident"]').click();
    await page.keyboard.type('240');
    await page.keyboard.press('Enter');
    await expect.poll(() => row.locator('td[data-col="resident"]').textContent()).toBe('240');
    await page.getByRole('toolbar', { name: '編集ツール' }).getByRole('button', { name: '保存', exact: true }).click();
    await expect
      .poll(() =>
        page
          .getByRole('status')
          .filter({ hasText: /保存しました|保存済み/ })
          .count(),
      )
      .toBeGreaterThan(0);

    await page.getByRole('tab', { name: '比較（As-Is / To-Be）' }).click();
    const settings = page.getByRole('form', { name: '比較の設定' });
    await settings.getByRole('button', { name: /比較を実行|再計算/ }).click();
    const resident = page.locator('.bpr-cmp-before-after tr[data-row="resident"]');
    await resident.waitFor({ timeout: 90_000 });
    const change = resident.locator('td').nth(2);
    // The As-Is visit takes about 75 minutes; the To-Be adds about 238 minutes of waiting: far more, not less.
    await expect
      .poll(() => change.textContent(), { timeout: 90_000 })
      .toMatch(/^増加 [\d,.]+ 分\/回（95%信頼区間 [\d,.]+〜[\d,.]+）想定の幅 -?[\d,.]+〜-?[\d,.]+ 分\/回$/);
    const minutes = Number(((await change.textContent()) ?? '').match(/^増加 ([\d,.]+)/)![1].replace(/,/g, ''));
    expect(minutes).toBeGreaterThan(150);
    expect(await page.locator('.bpr-cmp-before-after thead').textContent()).toContain('増減');
    expect(await page.locator('.bpr-cmp-before-after').textContent()).not.toMatch(/削減 -/);
    await screenshot(page, 'hD-compare-increase');
    expect(pageErrors).toEqual([]);
  });

  it("given the 転入届 To-Be, when 全体表示 is pressed, then every label is at least 9 px on screen and no branch probability sits on another branch's label", async () => {
    const { page, pageErrors } = session();
    const sample = findSample('転入届', 'to-be');
    await openApp(page);
    await openProcess(page, sample.name, kindLabel(sample.kind));
    await page.getByRole('button', { name: '全体表示' }).click();

    const measured = await page.evaluate(() => {
      const viewport = document.querySelector<SVGGElement>('.bpr-canvas .viewport')!;
      const scale = viewport.getCTM()!.a;
      const fonts = [...document.querySelectorAll('.bpr-canvas .djs-element text')].map((t) => parseFloat(getComputedStyle(t).fontSize) * scale);
      const box = (e: Element) => e.getBoundingClientRect();
      const hit = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
      const badges = [...document.querySelectorAll('.djs-overlays .bpr-badge-flow')].map((b) => ({
        flow: b.closest('.djs-overlays')!.getAttribute('data-container-id'),
        box: box(b),
      }));
      const labels = [...document.querySelectorAll('.bpr-canvas .djs-element.djs-shape')]
        .filter((e) => (e.getAttribute('data-element-id') ?? '').endsWith('_label'))
        .map((e) => ({ of: e.getAttribute('data-element-id')!.replace(/_label$/, ''), box: box(e.querySelector('text') ?? e) }));
      const clashes = badges.flatMap((b) => [
        ...labels.filter((l) => l.of !== b.flow && hit(b.box, l.box)).map((l) => `${b.flow} on the label of ${l.of}`),
        ...badges.filter((o) => o !== b && hit(b.box, o.box)).map((o) => `${b.flow} on the badge of ${o.flow}`),
      ]);
      return { smallest: Math.min(...fonts), badges: badges.length, clashes };
    });
    // bpmn-js draws external labels at 11 px: the fit stops at 9 / 11 of full size and scrolls beyond.
    expect(measured.smallest).toBeGreaterThanOrEqual(9 - 1e-3);
    expect(measured.badges).toBeGreaterThan(3);
    expect(measured.clashes).toEqual([]);
    await screenshot(page, 'hD-fit-readable');
    expect(pageErrors).toEqual([]);
  });

  it('given the 転入届 pair compared, when printed, then the summary is followed by both maps on landscape A4 pages at a size whose labels read at 6 pt or more', async () => {
    const { page, pageErrors } = session();
    const sample = findSample('転入届', 'as-is');
    await openApp(page);
    await openProcess(page, sample.name, kindLabel(sample.kind));
    await page.getByRole('tab', { name: '比較（As-Is / To-Be）' }).click();
    await page
      .getByRole('form', { name: '比較の設定' })
      .getByRole('button', { name: /比較を実行|再計算/ })
      .click();
    await page.locator('.bpr-cmp-kpi[data-kpi="hoursSaved"]').waitFor({ timeout: 90_000 });
    await expect.poll(() => page.locator('.bpr-print-diagram-page').count()).toBeGreaterThan(1);

    await page.emulateMedia({ media: 'print' });
    const maps = page.locator('.bpr-print-diagram-page');
    expect(await maps.first().isVisible()).toBe(true);
    const titles = await maps.locator('.bpr-print-diagram-title').allTextContents();
    expect(titles.some((t) => t.startsWith(`現行: ${sample.name}`))).toBe(true);
    expect(titles.some((t) => t.startsWith('見直し後: '))).toBe(true);
    const sizes = await maps
      .locator('.bpr-print-diagram-svg > svg')
      .evaluateAll((svgs) =>
        svgs.map((s) => ({ width: s.getBoundingClientRect().width, scale: s.getBoundingClientRect().width / (s as SVGSVGElement).viewBox.baseVal.width })),
      );
    // A4 landscape inside 12 mm margins is 273 mm = 1031.8 px wide; 11 px labels × 8/11 = 8 px = 6 pt.
    for (const s of sizes) {
      expect(s.width).toBeLessThanOrEqual(273 * (96 / 25.4) + 0.5);
      expect(s.scale).toBeGreaterThanOrEqual(8 / 11 - 1e-3);
    }
    // The wide As-Is does not fit one page at that size: it is split, and each part says which it is.
    expect(titles.filter((t) => t.startsWith('現行: ')).length).toBeGreaterThan(1);
    expect(titles.find((t) => t.startsWith('現行: '))).toMatch(/枚中1枚目: 1段目・左から1枚目/);

    // Printed for real: the first page is portrait A4, the map pages are landscape A4.
    const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
    const boxes = [...pdf.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))]);
    expect(boxes[0]).toEqual([595, 842]);
    expect(boxes.slice(1).length).toBe(titles.length);
    expect(boxes.slice(1).every(([w, h]) => w === 842 && h === 595)).toBe(true);
    await screenshot(page, 'hD-compare-print-maps', true);
    await page.emulateMedia({ media: 'screen' });
    expect(pageErrors).toEqual([]);
  });

  it('given the seeded 取組 書かない窓口の導入, when its 進捗管理票 is printed, then the sheet is followed by its two maps on landscape A4 pages', async () => {
    const { page, pageErrors } = session();
    await openApp(page);
    await page.getByRole('tab', { name: '取組' }).click();
    await page.locator('tr[data-initiative="書かない窓口の導入"]').getByRole('button').first().click();
    await page.getByRole('button', { name: '印刷プレビュー' }).click();
    await page.getByRole('article', { name: '進捗管理票: 書かない窓口の導入' }).waitFor();
    const maps = page.locator('.bpr-print-diagram-page');
    await expect.poll(() => maps.count(), { timeout: 30_000 }).toBeGreaterThan(1);

    await page.emulateMedia({ media: 'print' });
    const titles = await maps.locator('.bpr-print-diagram-title').allTextContents();
    expect(titles.some((t) => t.startsWith('As-Is: '))).toBe(true);
    expect(titles.some((t) => t.startsWith('To-Be: '))).toBe(true);
    const scales = await maps
      .locator('.bpr-print-diagram-svg > svg')
      .evaluateAll((svgs) => svgs.map((s) => s.getBoundingClientRect().width / (s as SVGSVGElement).viewBox.baseVal.width));
    expect(Math.min(...scales)).toBeGreaterThanOrEqual(8 / 11 - 1e-3);
    const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
    const boxes = [...pdf.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))]);
    const sheetPages = boxes.length - titles.length;
    expect(sheetPages).toBeGreaterThanOrEqual(1);
    expect(boxes.slice(0, sheetPages).every(([w, h]) => w === 595 && h === 842)).toBe(true);
    expect(boxes.slice(sheetPages).every(([w, h]) => w === 842 && h === 595)).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    expect(pageErrors).toEqual([]);
  });
});
