import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openApp, openProcess, screenshot, useBrowser, reloadToWorkspace } from './support/browser';
import { findSample, kindLabel, namedTasks, readSampleXml } from './support/samples';

const session = useBrowser();

const sample = findSample('転入届', 'as-is');
const task = namedTasks(readSampleXml(sample.file))[0];

const shape = (page: Page, id: string) => page.locator(`.bpr-canvas .djs-element.djs-shape[data-element-id="${id}"]`);
const figuresBadge = (page: Page, id: string) => page.locator(`.djs-overlays[data-container-id="${id}"] .bpr-badge-figures`);
const badgeText = async (page: Page, id: string) => ((await figuresBadge(page, id).count()) ? ((await figuresBadge(page, id).textContent()) ?? '') : '');
const panelField = (page: Page, name: string) => page.locator(`.bpr-properties-panel [name="${name}"]`);
const toolbarButton = (page: Page, name: string) => page.getByRole('toolbar', { name: '編集ツール' }).getByRole('button', { name, exact: true });

async function openSample(page: Page): Promise<void> {
  await openProcess(page, sample.name, kindLabel(sample.kind));
}

async function selectShape(page: Page, id: string): Promise<void> {
  await shape(page, id).click();
  await panelField(page, 'bpr-staffTime-type').waitFor();
}

async function enterThreePoint(page: Page, min: string, mode: string, max: string): Promise<void> {
  await panelField(page, 'bpr-staffTime-type').selectOption('triangular');
  await panelField(page, 'bpr-staffTime-min').fill(min);
  await panelField(page, 'bpr-staffTime-mode').fill(mode);
  await panelField(page, 'bpr-staffTime-max').fill(max);
  await panelField(page, 'bpr-staffTime-max').press('Enter');
}

async function saveNow(page: Page): Promise<void> {
  await toolbarButton(page, '保存').click();
  await page.getByRole('status').filter({ hasText: '保存しました' }).waitFor();
}

/** Pastes tab-separated text on the focused table the way a browser does for Ctrl+V. */
async function pasteIntoTable(page: Page, text: string): Promise<void> {
  await page.getByTestId('step-table').evaluate((grid, data) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', data);
    grid.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, text);
}

const tableCell = (page: Page, row: number, col: string) => page.getByTestId('step-table').locator('tbody tr').nth(row).locator(`td[data-col="${col}"]`);

describe('annotations: properties panel, badges and the step table', () => {
  it('given a task, when a three-point estimate is entered in the panel, then undo/redo, save and reload keep it and its badge shows it', async () => {
    const { page, pageErrors } = session();
    await openApp(page);
    await openSample(page);
    await selectShape(page, task.id);
    const before = await badgeText(page, task.id);

    await enterThreePoint(page, '5', '8', '15');
    // The staff figure replaces whatever stood for staff before; resident and lag figures stay.
    const others = before.split('・').filter((part) => part && !part.startsWith('職員'));
    await expect.poll(() => badgeText(page, task.id)).toBe(['職員 9.3分 (5–15)', ...others].join('・'));
    await screenshot(page, 'annotations-panel-badges');

    await toolbarButton(page, '元に戻す').click();
    await expect.poll(() => badgeText(page, task.id)).toBe(before);
    await expect.poll(() => panelField(page, 'bpr-staffTime-type').inputValue()).not.toBe('triangular');

    await toolbarButton(page, 'やり直し').click();
    await expect.poll(() => panelField(page, 'bpr-staffTime-min').inputValue()).toBe('5');
    expect(await panelField(page, 'bpr-staffTime-mode').inputValue()).toBe('8');
    expect(await panelField(page, 'bpr-staffTime-max').inputValue()).toBe('15');

    await saveNow(page);
    await reloadToWorkspace(page);
    await openSample(page);
    await selectShape(page, task.id);
    expect(await panelField(page, 'bpr-staffTime-type').inputValue()).toBe('triangular');
    expect(await panelField(page, 'bpr-staffTime-min').inputValue()).toBe('5');
    expect(await panelField(page, 'bpr-staffTime-max').inputValue()).toBe('15');
    await expect.poll(() => badgeText(page, task.id)).toContain('職員 9.3分 (5–15)');
    expect(pageErrors).toEqual([]);
  });

  it('given the step table, when three rows are pasted from Excel, then the badges show them and one undo reverts the paste', async () => {
    const { page, pageErrors } = session();
    await openApp(page);
    await openSample(page);
    const rows = page.getByTestId('step-table').locator('tbody tr');
    await expect.poll(() => rows.count()).toBeGreaterThan(3);
    const ids = await rows.evaluateAll((trs) => trs.slice(0, 3).map((tr) => tr.getAttribute('data-element-id') ?? ''));
    const before = await Promise.all(ids.map((id) => badgeText(page, id)));

    await tableCell(page, 0, 'staffMin').click();
    await pasteIntoTable(page, '3\t6\t9\r\n4\t7\t13\r\n12\t12\t12\r\n');

    await expect.poll(() => badgeText(page, ids[0])).toContain('職員 6分 (3–9)');
    await expect.poll(() => badgeText(page, ids[1])).toContain('職員 8分 (4–13)');
    await expect.poll(() => badgeText(page, ids[2])).toContain('職員 12分 (12–12)');
    expect(await tableCell(page, 1, 'staffMax').textContent()).toBe('13');
    await page.getByRole('status').filter({ hasText: '3行を貼り付けました' }).waitFor();
    await screenshot(page, 'annotations-step-table');

    await toolbarButton(page, '元に戻す').click();
    for (let i = 0; i < 3; i++) await expect.poll(() => badgeText(page, ids[i])).toBe(before[i]);
    expect(pageErrors).toEqual([]);
  });

  it('given a minimum above the maximum, when entered in the table or the panel, then the Japanese message shows and nothing is written', async () => {
    const { page, pageErrors } = session();
    await openApp(page);
    await openSample(page);
    await selectShape(page, task.id);
    await enterThreePoint(page, '5', '8', '15');
    await expect.poll(() => badgeText(page, task.id)).toContain('職員 9.3分 (5–15)');

    // Table: typing starts editing, Enter commits; the value is refused with the schema's message.
    const row = page.getByTestId('step-table').locator(`tbody tr[data-element-id="${task.id}"]`);
    await row.locator('td[data-col="staffMin"]').click();
    await page.keyboard.type('50');
    await page.keyboard.press('Enter');
    const alert = page.locator('.bpr-step-table [role="alert"]');
    await expect.poll(() => alert.textContent()).toContain('最小値 (50) が最大値 (15) より大きくなっています');
    expect(await alert.textContent()).toContain(`「${task.name}」(${task.id})`);
    await page.keyboard.press('Escape');
    expect(await row.locator('td[data-col="staffMin"]').textContent()).toBe('5');

    // Panel: the same rule, shown next to the fields.
    await panelField(page, 'bpr-staffTime-min').fill('50');
    await panelField(page, 'bpr-staffTime-min').press('Enter');
    await expect
      .poll(() => page.locator('.bpr-properties-panel [data-entry-id="bpr-staffTime"] .bio-properties-panel-error').textContent())
      .toBe('最小値 (50) が最大値 (15) より大きくなっています');
    await screenshot(page, 'annotations-invalid');
    expect(await badgeText(page, task.id)).toContain('職員 9.3分 (5–15)');
    expect(await row.locator('td[data-col="staffMin"]').textContent()).toBe('5');

    // Nothing invalid reached the file: after saving and reopening the stored value is the valid one.
    await saveNow(page);
    await reloadToWorkspace(page);
    await openSample(page);
    await selectShape(page, task.id);
    expect(await panelField(page, 'bpr-staffTime-min').inputValue()).toBe('5');
    expect(pageErrors).toEqual([]);
  });
  it('given the step table, when driven by keyboard, then arrows move, Enter edits, Esc cancels and Tab commits and moves right', async () => {
    const { page, pageErrors } = session();
    await openApp(page);
    await openSample(page);
    const selectedCol = () => page.getByTestId('step-table').locator('td[aria-selected="true"]').getAttribute('data-col');
    await tableCell(page, 0, 'staffMode').click();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowRight');
    expect(await selectedCol()).toBe('staffMax');
    const original = (await tableCell(page, 1, 'paper').textContent()) ?? '';

    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await selectedCol()).toBe('paper');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('9');
    await page.keyboard.press('Escape');
    expect(await tableCell(page, 1, 'paper').textContent()).toBe(original);

    await page.keyboard.type('7');
    await page.keyboard.press('Tab');
    await expect.poll(() => tableCell(page, 1, 'paper').textContent()).toBe('7');
    expect(await selectedCol()).toBe('systems');
    await toolbarButton(page, '元に戻す').click();
    await expect.poll(() => tableCell(page, 1, 'paper').textContent()).toBe(original);
    expect(pageErrors).toEqual([]);
  });
});
