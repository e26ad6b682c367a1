import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openApp, openProcess, useBrowser } from './support/browser';
import { findSample, kindLabel } from './support/samples';

const session = useBrowser();
const tennyu = findSample('転入届', 'as-is');

const runState = (page: Page) => page.locator('.bpr-sim-state').getAttribute('data-state');
const staffHours = (page: Page) => page.locator('.bpr-sim-kpi[data-kpi="staffHours"]');

async function runShortSimulation(page: Page, replications: string): Promise<void> {
  const form = page.getByRole('form', { name: '実行設定' });
  await form.getByLabel('反復回数').fill(replications);
  await form.getByLabel('年数で指定').check();
  await form.getByLabel('年数', { exact: true }).fill('1');
  await page.getByRole('button', { name: 'シミュレーション実行' }).click();
  await expect.poll(() => runState(page), { timeout: 90_000 }).toBe('done');
}

describe('coming back after a reload', () => {
  it('given a finished simulation, when the page is reloaded, then the same tab, process, settings and figures are shown from the store without running again', async () => {
    const { page, pageErrors } = session();
    await openApp(page);
    await openProcess(page, tennyu.name, kindLabel(tennyu.kind));
    await page.getByRole('tab', { name: 'シミュレーション' }).click();
    await runShortSimulation(page, '3');
    const before = await staffHours(page).textContent();
    expect(before).toMatch(/時間\/年/);

    await page.reload();
    await page.getByRole('tab', { name: 'シミュレーション', selected: true }).waitFor();
    await expect.poll(() => page.locator('.bpr-sim-process').textContent()).toContain(tennyu.name);
    await expect.poll(() => staffHours(page).textContent(), { timeout: 20_000 }).toBe(before);
    expect(await page.getByRole('note').filter({ hasText: '保存されていた前回の結果です' }).count()).toBe(1);
    expect(await page.getByRole('form', { name: '実行設定' }).getByLabel('反復回数').inputValue()).toBe('3');
    // Nothing ran: no progress bar appeared and the state is the finished one.
    expect(await page.getByRole('progressbar').count()).toBe(0);
    expect(await runState(page)).toBe('done');
    expect(pageErrors).toEqual([]);
  });

  it('given a stored simulation, when the diagram is edited and the page reloaded, then the old figures are not passed off as current', async () => {
    const { page } = session();
    await openApp(page);
    await openProcess(page, tennyu.name, kindLabel(tennyu.kind));
    await page.getByRole('tab', { name: 'シミュレーション' }).click();
    await runShortSimulation(page, '2');

    // An edit in the editor: rename the first task through the canvas, then save.
    await page.getByRole('tab', { name: 'プロセス編集' }).click();
    const task = page
      .locator('.bpr-canvas g.djs-element.djs-shape[data-element-id^="Task"], .bpr-canvas g.djs-element.djs-shape[data-element-id^="Activity"]')
      .first();
    await task.dblclick();
    await page.locator('.djs-direct-editing-parent').waitFor({ state: 'visible' });
    await page.keyboard.press('Control+A');
    await page.keyboard.type('名前を変えた作業');
    await page.keyboard.press('Enter');
    await page.getByRole('toolbar', { name: '編集ツール' }).getByRole('button', { name: '保存', exact: true }).click();
    await page.getByRole('status').filter({ hasText: '保存しました' }).waitFor();
    await page.getByRole('tab', { name: 'シミュレーション' }).click();

    await page.reload();
    await page.getByRole('tab', { name: 'シミュレーション', selected: true }).waitFor();
    await page.getByRole('button', { name: 'シミュレーション実行' }).waitFor();
    expect(await page.locator('.bpr-sim-kpi').count()).toBe(0);
    expect(await runState(page)).toBe('idle');
  });

  it('given the 比較 tab on a pair with a computed comparison, when the page is reloaded, then the 比較 tab shows that pair and its result again', async () => {
    const { page, pageErrors } = session();
    await openApp(page);
    await page.getByRole('button', { name: `「${tennyu.name}」とその To-Be を比較` }).click();
    const settings = page.getByRole('form', { name: '比較の設定' });
    await settings.getByLabel('反復回数（対）').fill('3');
    await settings.getByRole('button', { name: '比較を実行' }).click();
    const hours = page.locator('.bpr-cmp-kpi[data-kpi="hoursSaved"]');
    await hours.waitFor({ timeout: 90_000 });
    const pairText = await page.locator('.bpr-cmp-pair').textContent();
    const before = await hours.textContent();

    await page.reload();
    await page.getByRole('tab', { name: '比較（As-Is / To-Be）', selected: true }).waitFor();
    await expect.poll(() => page.locator('.bpr-cmp-pair').textContent()).toBe(pairText);
    await expect.poll(() => hours.textContent(), { timeout: 20_000 }).toBe(before);
    expect(await settings.getByLabel('反復回数（対）').inputValue()).toBe('3');
    expect(pageErrors).toEqual([]);
  });

  it('given the editor on a process, when it is deleted in another tab and this one reloads, then the app falls back without an error', async () => {
    const { page, context, pageErrors } = session();
    await openApp(page);
    await page.getByRole('button', { name: '新規プロセス' }).click();
    const dialog = page.getByRole('dialog', { name: '新規プロセス' });
    await dialog.getByLabel('プロセス名').fill('消える申請');
    await dialog.getByLabel('担当課').fill('確認課');
    await dialog.getByRole('button', { name: '作成' }).click();
    await page.getByRole('tab', { name: 'プロセス編集', selected: true }).waitFor();

    const other = await context.newPage();
    await openApp(other);
    await other.getByRole('button', { name: '「消える申請」（As-Is）を削除' }).click();
    await other.getByRole('dialog', { name: 'プロセスの削除' }).getByRole('button', { name: '削除する', exact: true }).click();
    await other.getByRole('button', { name: '「消える申請」（As-Is）を開く' }).waitFor({ state: 'detached' });

    await page.reload();
    await page.getByRole('tab', { name: 'プロセス編集', selected: true }).waitFor();
    await expect.poll(() => page.getByRole('tabpanel').textContent()).toContain('プロセスが開かれていません');
    expect(pageErrors).toEqual([]);
  });
});
