import { describe, expect, it } from 'vitest';
import { VIRTUALIZE_FROM } from '../../src/ui/workspace/VirtualProcessList';
import { scaleWorkspaceFile } from '../support/scaleWorkspace';
import { openApp, useBrowser, waitForDiagram } from './support/browser';

const session = useBrowser();
const COUNT = 600;
const file = scaleWorkspaceFile(COUNT, 4, 3);

describe('a workspace of hundreds of processes', () => {
  it('given 600 more processes, when the list is shown, then only the cards near the screen are in the page, scrolling brings the rest and search finds the last one', async () => {
    expect(COUNT).toBeGreaterThan(VIRTUALIZE_FROM);
    const { page, pageErrors } = session();
    await openApp(page);
    await page.getByRole('button', { name: 'ワークスペースの書き出し・読み込み' }).click();
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('menuitem', { name: 'ワークスペースを読み込む' }).click()]);
    await chooser.setFiles({ name: '規模.json', mimeType: 'application/json', buffer: Buffer.from(file) });
    const dialog = page.getByRole('dialog', { name: 'ワークスペースの読み込み' });
    await dialog.getByRole('radio', { name: /統合/ }).check();
    await dialog.getByRole('button', { name: '読み込む' }).click();
    await page.getByRole('status').filter({ hasText: '「規模.json」を統合しました' }).waitFor({ timeout: 60_000 });

    const list = page.getByTestId('virtual-process-list');
    await list.waitFor();
    const cards = page.locator('.bpr-process-card');
    expect(await cards.count()).toBeGreaterThan(3);
    expect(await cards.count()).toBeLessThan(100);
    // The department headings still say how many each holds.
    expect(await page.locator('.bpr-department-groups h3').first().textContent()).toMatch(/\d+ 件/);

    // Scrolling to the bottom draws the cards there: the last 課 in Japanese order is 保険年金課, whose last card is 業務 0598.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await expect.poll(() => page.locator('.bpr-process-card[aria-label="業務 0598 As-Is"]').count()).toBe(1);

    await page.evaluate(() => window.scrollTo(0, 0));
    await page.getByPlaceholder(/検索/).fill('業務 0599');
    await expect.poll(() => cards.count()).toBe(1);
    expect(await list.count()).toBe(0);
    await page.getByRole('button', { name: '「業務 0599」（As-Is）を開く' }).click();
    await waitForDiagram(page);
    expect(await page.getByLabel('プロセス名').inputValue()).toBe('業務 0599');
    expect(pageErrors).toEqual([]);
  });
});
