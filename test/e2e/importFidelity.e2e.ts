import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/paths';
import { openApp, openProcess, useBrowser, waitForDiagram } from './support/browser';

const session = useBrowser();
/** Our own fixture: a qbp: block under <definitions>, branch conditions, documentation, Camunda extensions, a second diagram. */
const FIXTURE = readFileSync(path.join(repoRoot, 'test/domain/bpmn/fixtures/keep/bimp-conditions.bpmn'));
const panelField = (page: Page, name: string) => page.locator(`.bpr-properties-panel [name="${name}"]`);
const saveStatus = (page: Page) => page.locator('.bpr-save-status');

describe('a file from other tools, edited and exported', () => {
  it('given a BIMP file with conditions and Camunda extensions, when imported, reported, one step annotated, autosaved and exported, then the BIMP block, the conditions, the extensions and the second diagram are still in the file', async () => {
    const { page, pageErrors } = session();
    await openApp(page);
    await page.getByTestId('workspace-import-input').setInputFiles({ name: '証明書交付.bpmn', mimeType: 'application/xml', buffer: FIXTURE });
    // The second diagram is named in the report, then the process opens from it.
    const report = page.getByRole('dialog', { name: '「証明書交付.bpmn」のインポート結果' });
    await report.waitFor();
    expect(await report.textContent()).toContain('概要');
    await report.getByRole('button', { name: '閉じる' }).click();
    await openProcess(page, '証明書交付', 'As-Is');
    await waitForDiagram(page);

    await page.locator('.bpr-canvas .djs-element.djs-shape[data-element-id="Task_check"]').click();
    await panelField(page, 'bpr-staffTime-type').waitFor();
    await panelField(page, 'bpr-staffTime-type').selectOption('triangular');
    await panelField(page, 'bpr-staffTime-min').fill('3');
    await panelField(page, 'bpr-staffTime-mode').fill('5');
    await panelField(page, 'bpr-staffTime-max').fill('9');
    await panelField(page, 'bpr-staffTime-max').press('Enter');
    // No save button pressed: the autosave stores the edit.
    await expect.poll(() => saveStatus(page).textContent(), { timeout: 30_000 }).toMatch(/^保存済み/);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'BPMN ファイル (.bpmn) としてエクスポート' }).click(),
    ]);
    const xml = readFileSync((await download.path())!, 'utf8');
    expect(xml).toMatch(/<bpr:staffTime type="triangular" min="3" mode="5" max="9"\s*\/>/);
    expect(xml).toContain('processSimulationInfo');
    expect(xml).toContain('processInstances="500"');
    expect(xml).toContain('fromTime="08:30:00.000+09:00"');
    expect(xml).toContain('delivery == "mail"');
    expect(xml).toContain('${delivery != "mail"}');
    expect(xml).toContain('camunda:candidateGroups="窓口"');
    expect(xml).toContain('camunda:historyTimeToLive="180"');
    expect(xml).toContain('運転免許証などで確認する');
    expect(xml).toContain('Diagram_overview');
    expect(pageErrors).toEqual([]);
  });
});
