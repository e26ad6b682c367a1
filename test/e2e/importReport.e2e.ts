import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appUrl, devServerUrl, openApp, openProcess, repoRoot, shapeByLabel, useBrowser, waitForDiagram } from './support/browser';
import { findSample, kindLabel } from './support/samples';

const session = useBrowser();

/** Own fixture: QName references (bpmn2:…), a plane on an empty process, and one reference to a missing flow. */
const QNAME_FILE = readFileSync(path.join(repoRoot, 'test/domain/bpmn/fixtures/import/qname-collaboration.bpmn'), 'utf8');
/** The same file without the broken reference: nothing is dropped. */
const CLEAN_FILE = QNAME_FILE.replace(' default="bpmn2:Flow_missing"', '');
const tennyu = findSample('転入届', 'as-is');

/**
 * A person imports a file from another tool. The report names what was ignored and where; after
 * closing it the diagram opens with its pools and tasks drawn (before, such a file drew nothing).
 */
describe.each([
  { server: '本番ビルド (vite preview)', url: () => appUrl() },
  { server: '開発サーバー (npm run dev)', url: () => devServerUrl() },
])('import report on $server', ({ url }) => {
  it('given a file with QName references, a plane on an empty process and a missing default flow, when imported, then the report names the gateway and, closed, the process opens with its shapes drawn', async () => {
    const { page, pageErrors } = session();
    await openApp(page, url());
    await page.getByTestId('workspace-import-input').setInputFiles({ name: '転入届の受付.bpmn', mimeType: 'application/xml', buffer: Buffer.from(QNAME_FILE) });

    const dialog = page.getByRole('dialog', { name: '「転入届の受付.bpmn」のインポート結果' });
    await dialog.waitFor();
    const warnings = dialog.getByRole('region', { name: '警告（1 件）' });
    expect((await warnings.textContent()) ?? '').toContain(
      '「書類に不備があるか」（Gw_1） 参照先 <bpmn2:Flow_missing> が見つからないため、その参照は無視しました。',
    );
    const repairs = (await dialog.getByRole('region', { name: /^読み替えた内容/ }).textContent()) ?? '';
    expect(repairs).toContain('「bpmn2:」付きで書かれた参照 26 件');
    expect(repairs).toContain('コラボレーション「転入届の受付」を表示します');
    // The counts: 6 shapes and 4 connections in the file, all of them shown.
    const shapesRow = dialog.getByRole('row', { name: /^図形（開く図に表示）/ });
    expect(await shapesRow.getByRole('cell').allTextContents()).toEqual(['6', '6']);

    await dialog.getByRole('button', { name: '閉じる' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: '「転入届の受付」（As-Is）を開く', exact: true }).click();
    await waitForDiagram(page);
    await shapeByLabel(page, '届出を受け付ける').waitFor();
    await page.locator('.bpr-canvas .djs-element[data-element-id="Part_counter"]').waitFor();
    expect(await page.locator('.bpr-canvas .djs-element.djs-shape').count()).toBeGreaterThanOrEqual(6);
    expect(pageErrors).toEqual([]);
  });

  it('given the same file without the broken reference, when imported, then only 「インポートしました」 is said and the diagram draws', async () => {
    const { page, pageErrors } = session();
    await openApp(page, url());
    await page.getByTestId('workspace-import-input').setInputFiles({ name: '転入届の受付.bpmn', mimeType: 'application/xml', buffer: Buffer.from(CLEAN_FILE) });
    await page.getByRole('status').filter({ hasText: '「転入届の受付.bpmn」をプロセス「転入届の受付」としてインポートしました。' }).waitFor();
    expect(await page.getByRole('dialog').count()).toBe(0);
    await page.getByRole('button', { name: '「転入届の受付」（As-Is）を開く', exact: true }).click();
    await waitForDiagram(page);
    await shapeByLabel(page, '書類に不備があるか').waitFor();
    expect(pageErrors).toEqual([]);
  });

  it('given an open sample, when the file replaces its diagram in the editor, then the report names the gateway and, closed, the pools are drawn', async () => {
    const { page, pageErrors } = session();
    await openApp(page, url());
    await openProcess(page, tennyu.name, kindLabel(tennyu.kind));
    await page.getByTestId('editor-import-input').setInputFiles({ name: '転入届の受付.bpmn', mimeType: 'application/xml', buffer: Buffer.from(QNAME_FILE) });
    await page.getByRole('dialog', { name: '図の置き換え' }).getByRole('button', { name: '置き換える' }).click();
    const dialog = page.getByRole('dialog', { name: '「転入届の受付.bpmn」のインポート結果' });
    await dialog.waitFor();
    expect((await dialog.textContent()) ?? '').toContain('「転入届の受付.bpmn」で図を置き換えました。');
    expect((await dialog.getByRole('region', { name: '警告（1 件）' }).textContent()) ?? '').toContain('「書類に不備があるか」（Gw_1）');
    await dialog.getByRole('button', { name: '閉じる' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.locator('.bpr-canvas .djs-element[data-element-id="Part_counter"]').waitFor();
    await shapeByLabel(page, '届出を受け付ける').waitFor();
    expect(pageErrors).toEqual([]);
  });
});
