import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, screenshot, useBrowser, waitForWorkspace, reloadToWorkspace } from './support/browser';

const session = useBrowser();

const TITLE = '書かない窓口の導入';

async function openInitiativesTab(page: Page): Promise<void> {
  await page.getByRole('tab', { name: '取組' }).click();
}

async function openSeededInitiative(page: Page): Promise<void> {
  await openInitiativesTab(page);
  await page.locator(`tr[data-initiative="${TITLE}"]`).getByRole('button', { name: TITLE }).click();
  await page.getByRole('heading', { name: TITLE }).waitFor();
}

const saveStatus = (page: Page) => page.locator('.bpr-save-status');

describe('取組 editing keeps what was typed', () => {
  it('given a 取組 open in the editor, when text is typed and the person switches tab, reloads, or goes back to the list, then the text is still there each time and the status says 保存しました', async () => {
    const { page, pageErrors } = session();
    await openApp(page);
    await openSeededInitiative(page);
    const summary = page.getByLabel('取組の概要');
    const issues = page.getByLabel('これまでの課題');

    // Typing shows that an autosave is pending, then that it is stored.
    await summary.fill('');
    await summary.pressSequentially('窓口で聞き取り、申請書は職員が作成する');
    expect(await saveStatus(page).textContent()).toMatch(/編集中（自動保存します）|保存中…|保存しました/);
    await expect.poll(() => saveStatus(page).textContent(), { timeout: 10_000 }).toBe('保存しました');

    // Tab switch straight after typing (before the autosave delay), then back: the same 取組 with the text.
    await summary.pressSequentially('。待ち時間を半分にする');
    await page.getByRole('tab', { name: 'ワークスペース' }).click();
    await waitForWorkspace(page);
    await openInitiativesTab(page);
    await page.getByRole('heading', { name: TITLE }).waitFor();
    expect(await page.getByLabel('取組の概要').inputValue()).toBe('窓口で聞き取り、申請書は職員が作成する。待ち時間を半分にする');

    // Reload straight after typing: the text comes back.
    await issues.fill('申請書の記入に時間がかかり、書き直しも多い');
    await reloadToWorkspace(page);
    await openInitiativesTab(page);
    await page.getByRole('heading', { name: TITLE }).waitFor();
    expect(await page.getByLabel('これまでの課題').inputValue()).toBe('申請書の記入に時間がかかり、書き直しも多い');
    expect(await page.getByLabel('取組の概要').inputValue()).toBe('窓口で聞き取り、申請書は職員が作成する。待ち時間を半分にする');
    await expect.poll(() => saveStatus(page).textContent(), { timeout: 10_000 }).toBe('保存しました');

    // ← 一覧へ戻る straight after typing: the list, and the text when the 取組 is opened again.
    await page.getByLabel('次期方針の内容').fill('全窓口に広げる');
    await page.getByRole('button', { name: '← 一覧へ戻る' }).click();
    await page.locator(`tr[data-initiative="${TITLE}"]`).waitFor();
    await page.locator(`tr[data-initiative="${TITLE}"]`).getByRole('button', { name: TITLE }).click();
    await page.getByRole('heading', { name: TITLE }).waitFor();
    expect(await page.getByLabel('次期方針の内容').inputValue()).toBe('全窓口に広げる');

    // A second reload shows everything came from the database, not from a parked copy.
    await expect.poll(() => saveStatus(page).textContent(), { timeout: 10_000 }).toBe('保存しました');
    await page.evaluate(() =>
      Object.keys(localStorage)
        .filter((k) => k.startsWith('bpr-studio.initiativeDraft.'))
        .forEach((k) => localStorage.removeItem(k)),
    );
    await reloadToWorkspace(page);
    await openInitiativesTab(page);
    await page.getByRole('heading', { name: TITLE }).waitFor();
    expect(await page.getByLabel('取組の概要').inputValue()).toBe('窓口で聞き取り、申請書は職員が作成する。待ち時間を半分にする');
    expect(await page.getByLabel('これまでの課題').inputValue()).toBe('申請書の記入に時間がかかり、書き直しも多い');
    expect(await page.getByLabel('次期方針の内容').inputValue()).toBe('全窓口に広げる');
    await screenshot(page, 'initiatives-autosave');

    expect(pageErrors).toEqual([]);
  }, 120_000);

  it('given the 取組名 is emptied, when the person tries to go back to the list, then nothing is saved, the problem is named and leaving asks first', async () => {
    const { page, pageErrors } = session();
    await openApp(page);
    await openSeededInitiative(page);
    await page.getByLabel('取組の概要').fill('消したくない概要');
    await page.getByRole('textbox', { name: '取組名', exact: true }).fill('');
    await expect.poll(() => saveStatus(page).textContent(), { timeout: 10_000 }).toBe('入力内容に問題があるため保存していません');
    expect(await page.getByRole('alert').filter({ hasText: '取組名' }).textContent()).toContain('取組名が空です');
    await page.getByRole('button', { name: '← 一覧へ戻る' }).click();
    const dialog = page.getByRole('dialog', { name: '保存されていない変更があります' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: '編集を続ける' }).click();
    await page.getByRole('textbox', { name: '取組名', exact: true }).fill('書かない窓口の導入（改）');
    await expect.poll(() => saveStatus(page).textContent(), { timeout: 10_000 }).toBe('保存しました');
    await reloadToWorkspace(page);
    await openInitiativesTab(page);
    await page.getByRole('heading', { name: '書かない窓口の導入（改）' }).waitFor();
    expect(await page.getByLabel('取組の概要').inputValue()).toBe('消したくない概要');
    expect(pageErrors).toEqual([]);
  }, 120_000);

  it('given the same 取組 open in two tabs, when both type in 取組の概要, then the later one is told of the conflict, autosave waits, and overwriting keeps its text', async () => {
    const { page, context, pageErrors } = session();
    await openApp(page);
    await openSeededInitiative(page);
    const other = await context.newPage();
    await openApp(other);
    await openSeededInitiative(other);

    await page.getByLabel('取組の概要').fill('タブAの概要');
    await expect.poll(() => saveStatus(page).textContent(), { timeout: 10_000 }).toBe('保存しました');

    await other.getByLabel('取組の概要').fill('タブBの概要');
    const dialog = other.getByRole('dialog', { name: '別の画面で更新されています' });
    await dialog.waitFor({ timeout: 10_000 });
    expect(await saveStatus(other).textContent()).toBe('別の画面との競合のため保存を止めています');
    await dialog.getByRole('button', { name: 'この画面の内容で上書き保存' }).click();
    await expect.poll(() => saveStatus(other).textContent(), { timeout: 10_000 }).toBe('保存しました');

    await reloadToWorkspace(page);
    await openInitiativesTab(page);
    await page.getByRole('heading', { name: TITLE }).waitFor();
    expect(await page.getByLabel('取組の概要').inputValue()).toBe('タブBの概要');
    await other.close();
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
