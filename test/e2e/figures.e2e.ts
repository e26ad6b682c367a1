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
    await expect.poll(() => page.getByRole('status').filter({ hasText: /保存しました|保存済み/ }).count()).toBeGreaterThan(0);

    await page.getByRole('tab', { name: '比較（As-Is / To-Be）' }).click();
    const settings = page.getByRole('form', { name: '比較の設定' });
    await settings.getByRole('button', { name: /比較を実行|再計算/ }).click();
    const resident = page.locator('.bpr-cmp-before-after tr[data-row="resident"]');
    await resident.waitFor({ timeout: 90_000 });
    const change = resident.locator('td').nth(2);
    // The As-Is visit takes about 75 minutes; the To-Be adds about 238 minutes of waiting: far more, not less.
    await expect.poll(() => change.textContent(), { timeout: 90_000 }).toMatch(/^増加 [\d,.]+ 分\/回（95%信頼区間 [\d,.]+〜[\d,.]+）$/);
    const minutes = Number(((await change.textContent()) ?? '').match(/^増加 ([\d,.]+)/)![1].replace(/,/g, ''));
    expect(minutes).toBeGreaterThan(150);
    expect(await page.locator('.bpr-cmp-before-after thead').textContent()).toContain('増減');
    expect(await page.locator('.bpr-cmp-before-after').textContent()).not.toMatch(/削減 -/);
    await screenshot(page, 'hD-compare-increase');
    expect(pageErrors).toEqual([]);
  });

  it('given the 転入届 To-Be, when 全体表示 is pressed, then every label is at least 9 px on screen and no branch probability sits on another branch\'s label', async () => {
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
      const badges = [...document.querySelectorAll('.djs-overlays .bpr-badge-flow')].map((b) => ({ flow: b.closest('.djs-overlays')!.getAttribute('data-container-id'), box: box(b) }));
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
});
