import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openApp, openProcess, screenshot, useBrowser } from './support/browser';
import { findSample, kindLabel, readSampleXml } from './support/samples';

const session = useBrowser();

const kyuyo = findSample('給与支払報告書', 'as-is');
const tennyu = findSample('転入届', 'as-is');
/** The manual-entry step of 給与支払報告書: the one task whose name says 手入力. */
const entryTaskId = (() => {
  const xml = readSampleXml(kyuyo.file);
  const m = /<bpmn:\w*[tT]ask id="([^"]+)" name="[^"]*手入力[^"]*"/.exec(xml);
  if (!m) throw new Error(`${kyuyo.file} has no 手入力 task`);
  return m[1];
})();

const rankingRow = (page: Page, processName: string, taskId: string) =>
  page
    .getByTestId('rpa-ranking')
    .locator(`tbody tr[data-task-id="${taskId}"]`)
    .filter({ has: page.locator('td[data-col="process"]', { hasText: processName }) });

async function openRpaTab(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'RPA候補' }).click();
  await page.getByTestId('rpa-ranking').locator('tbody tr').first().waitFor({ timeout: 90_000 });
}

describe('RPA候補: ranking, cost-effectiveness and trying RPA', () => {
  it('given the seeded samples, when RPA候補 is opened, then the 給与支払報告書 手入力 step ranks above the 転入届 受付 step and RPA化を試す shows a saving with its CI', async () => {
    const { page, pageErrors } = session();
    await openApp(page);
    await openRpaTab(page);

    const entry = rankingRow(page, kyuyo.name, entryTaskId);
    const receive = rankingRow(page, tennyu.name, 'Task_Receive');
    await entry.waitFor();
    await receive.waitFor();
    const entryRank = Number(await entry.getAttribute('data-rank'));
    const receiveRank = Number(await receive.getAttribute('data-rank'));
    expect(entryRank).toBeGreaterThan(0);
    expect(entryRank).toBeLessThan(receiveRank);

    // Every figure carries its unit and the hours their interval.
    await expect.poll(() => entry.locator('td[data-col="hoursSaved"]').textContent()).toMatch(/h\/年.*95%CI/);
    expect(await entry.locator('td[data-col="yenSaved"]').textContent()).toMatch(/¥[\d,]+\/年/);
    expect(await entry.locator('td[data-col="payback"]').textContent()).toMatch(/か月|回収不能/);
    expect(await entry.locator('td[data-col="score"]').textContent()).toMatch(/未評価|評価済み/);
    await expect.poll(() => page.locator('svg[data-chart="scatter"] .bpr-scatter-point').count()).toBeGreaterThan(3);
    await screenshot(page, 'rpa-ranking', true);

    await entry.getByRole('button', { name: /RPA化した To-Be を作成して比較/ }).click();
    const result = page.getByTestId('rpa-trial-result');
    await result.waitFor({ timeout: 90_000 });
    const text = (await result.textContent()) ?? '';
    expect(text).toMatch(/年間の削減時間/);
    expect(text).toMatch(/[\d,.]+ h\/年/);
    expect(text).toMatch(/95%CI [-\d,.]+〜[-\d,.]+/);
    await expect
      .poll(() =>
        page
          .getByRole('status')
          .filter({ hasText: /新しいシナリオ「RPA（.*）」（To-Be「.*」）を追加しました/ })
          .count(),
      )
      .toBeGreaterThan(0);
    await screenshot(page, 'rpa-try-result', true);

    // The new To-Be is in the workspace, linked to the As-Is.
    await page.getByRole('tab', { name: 'ワークスペース' }).click();
    await expect.poll(() => page.locator('.bpr-process-card[aria-label*="To-Be: RPA・"][aria-label$=" To-Be"]').count()).toBe(1);
    expect(pageErrors).toEqual([]);
  });

  it('given unscreened seeded steps, when a person answers the few questions for one of them, then it moves above every unanswered step, the answers survive a reload, and its trial ¥ is reconciled with the ranking ¥ on screen', async () => {
    const { page, pageErrors } = session();
    await openApp(page);
    await openRpaTab(page);

    // No sample step has been screened: each is marked and offers the questions.
    const check = rankingRow(page, kyuyo.name, 'Task_Check');
    await check.waitFor();
    const score = check.locator('td[data-col="score"]');
    expect(await score.textContent()).toContain('未評価');
    expect(await score.textContent()).toContain('回答待ち');
    const rankBefore = Number(await check.getAttribute('data-rank'));
    expect(rankBefore).toBeGreaterThan(1);
    // Face-to-face steps are not first by default: 転入届 受付 has the resident at the counter.
    const receive = rankingRow(page, tennyu.name, 'Task_Receive');
    expect(await receive.locator('td[data-col="score"]').textContent()).toContain('対面の作業');
    const first = page.getByTestId('rpa-ranking').locator('tbody tr').first();
    expect(await first.locator('.bpr-rpa-caution-tag').count()).toBe(0);

    await check.getByRole('button', { name: /の質問に答える$/ }).click();
    const dialog = page.getByRole('dialog', { name: /^RPA適性の質問: / });
    await dialog.waitFor();
    // A bad exception rate is refused naming the field; nothing is saved.
    await dialog.getByLabel('判断を伴いますか（判断の定型性）').selectOption({ label: '5: 決まったルールどおりに処理できる' });
    await dialog.getByLabel('入力するデータはデジタルですか（入力の電子化）').selectOption({ label: '5: システム・Excel などのデータ' });
    await dialog.getByLabel('入力項目は決まっていますか（定型性・構造化）').selectOption({ label: '5: すべて決まった項目' });
    const rate = dialog.getByLabel('人が対応しないといけない件の割合（例外率）');
    await rate.fill('たくさん');
    await dialog.getByRole('button', { name: '保存して順位を更新' }).click();
    expect(await dialog.getByRole('alert').textContent()).toContain('人が対応しないといけない件の割合（例外率）「たくさん」は数値ではありません');
    await rate.fill('5');
    await screenshot(page, 'rpa-questions');
    await dialog.getByRole('button', { name: '保存して順位を更新' }).click();
    await dialog.waitFor({ state: 'detached' });

    // The only screened step now ranks first, ahead of every unanswered one.
    await expect.poll(async () => Number(await check.getAttribute('data-rank')), { timeout: 90_000 }).toBe(1);
    expect(await score.textContent()).not.toContain('回答待ち');
    await screenshot(page, 'rpa-ranking-answered', true);

    // The answers are in the stored diagram: after a reload the order is the same.
    await page.reload();
    await openRpaTab(page);
    await expect.poll(async () => Number(await check.getAttribute('data-rank')), { timeout: 90_000 }).toBe(1);

    // The trial's ¥ is shown next to the ranking's ¥, with the licence share between them.
    const rankingYen = ((await check.locator('td[data-col="yenSaved"] .bpr-rpa-value').textContent()) ?? '').trim();
    expect(rankingYen).toMatch(/^¥[\d,]+\/年$/);
    await check.getByRole('button', { name: /RPA化した To-Be を作成して比較/ }).click();
    const reconcile = page.getByTestId('rpa-trial-reconcile');
    await reconcile.waitFor({ timeout: 90_000 });
    expect(await reconcile.locator('tr[data-line="ranking"] td').textContent()).toBe(rankingYen);
    // Default settings: licence ¥600,000 per robot shared by 3 steps = ¥200,000 per step per year.
    expect(await reconcile.locator('tr[data-line="licence"] td').textContent()).toBe('−¥200,000/年');
    const yenOf = (t: string) => Number(t.replace(/[^\d−-]/g, '').replace('−', '-'));
    const expected = yenOf((await reconcile.locator('tr[data-line="expected"] td').textContent()) ?? '');
    expect(expected).toBe(yenOf(rankingYen) - 200_000);
    expect(await reconcile.locator('tr[data-line="trial"] td').textContent()).toMatch(/¥[-\d,]+\/年（95%CI/);
    expect(await reconcile.locator('[data-line="verdict"]').textContent()).toMatch(/95%信頼区間に入っています|別々のシミュレーション/);
    await screenshot(page, 'rpa-trial-reconcile', true);
    expect(pageErrors).toEqual([]);
  });

  it('given a task in the editor, when an RPA assessment answer is set in the properties panel, then the score shown changes and undo restores it', async () => {
    const { page, pageErrors } = session();
    await openApp(page);
    await openProcess(page, kyuyo.name, kindLabel(kyuyo.kind));
    await page.locator(`.bpr-canvas .djs-element.djs-shape[data-element-id="${entryTaskId}"]`).click();
    const panel = page.locator('.bpr-properties-panel');
    const select = panel.locator('select[name="bpr-rpa-ruleBased"]');
    await select.waitFor();
    const score = panel.getByTestId('rpa-panel-score').locator('dd[data-field="score"]');
    const before = (await score.textContent()) ?? '';
    expect(before).toMatch(/^[\d.]+ 点$/);
    // Unanswered questions show the value the ranking assumes, marked 推定.
    expect(await select.locator('option[value=""]').textContent()).toMatch(/推定/);

    await select.selectOption('5');
    await expect.poll(() => score.textContent()).not.toBe(before);
    const after = Number.parseFloat((await score.textContent()) ?? '');
    expect(after).toBeGreaterThan(Number.parseFloat(before));

    await panel.locator('input[name="bpr-rpa-exceptionRate"]').fill('20');
    await panel.locator('input[name="bpr-rpa-exceptionRate"]').press('Enter');
    await expect.poll(() => panel.getByTestId('rpa-panel-score').locator('dd[data-field="potential"]').textContent()).toMatch(/%$/);
    await screenshot(page, 'rpa-panel');

    const undo = page.getByRole('toolbar', { name: '編集ツール' }).getByRole('button', { name: '元に戻す', exact: true });
    await undo.click();
    await undo.click();
    await expect.poll(() => score.textContent()).toBe(before);
    expect(await select.inputValue()).toBe('');
    expect(pageErrors).toEqual([]);
  });

  it('given a ranked step, when 図で編集 is clicked, then the editor opens that process with the step selected and its RPA評価 shown', async () => {
    const { page, pageErrors } = session();
    await openApp(page);
    await openRpaTab(page);
    await rankingRow(page, kyuyo.name, entryTaskId)
      .getByRole('button', { name: /を図で編集/ })
      .click();
    await page.getByRole('tab', { name: 'プロセス編集', selected: true }).waitFor();
    await page.locator(`.bpr-canvas .djs-element.djs-shape.selected[data-element-id="${entryTaskId}"]`).waitFor();
    await page.locator('.bpr-properties-panel select[name="bpr-rpa-ruleBased"]').waitFor();
    expect(await page.locator('.bpr-properties-panel').getByTestId('rpa-panel-score').textContent()).toMatch(/適合度[\d.]+ 点/);
    expect(pageErrors).toEqual([]);
  });
});
