import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/paths';
import { openApp, openProcess, screenshot, useBrowser, waitForDiagram } from './support/browser';

const session = useBrowser();
const fixture = readFileSync(path.join(repoRoot, 'test/domain/exchange/fixtures/nested-no-di.bpmn'));

describe('auto-layout of a file without a diagram, in bpmn-js', () => {
  it('given a hand-written file with id-less flows and sub-processes but no diagram, when imported, then it opens laid out and a sub-process opens to its own drawn content', async () => {
    const { page, pageErrors } = session();
    await openApp(page);
    await page.getByTestId('workspace-import-input').setInputFiles({ name: '入れ子.bpmn', mimeType: 'application/xml', buffer: fixture });
    await page.getByRole('status').filter({ hasText: '「入れ子.bpmn」' }).first().waitFor();
    await openProcess(page, '入れ子', 'As-Is');
    await waitForDiagram(page);
    const shape = (id: string) => page.locator(`.bpr-canvas .djs-element.djs-shape[data-element-id="${id}"]`);
    for (const id of ['Start', 'Sub_Check', 'Timer', 'Remind', 'End', 'Sub_Event', 'Sub_AdHoc'])
      await expect.poll(() => shape(id).count(), { message: id }).toBe(1);
    for (const id of ['SequenceFlow_1', 'SequenceFlow_2', 'F_Timer'])
      expect(await page.locator(`.bpr-canvas .djs-element.djs-connection[data-element-id="${id}"]`).count(), id).toBe(1);
    await screenshot(page, 'auto-layout-nested');

    // bpmn-js's drill-down into the collapsed sub-process shows the content laid out on its own plane.
    await page.locator('.bpr-canvas .bjs-drilldown').first().click();
    await expect.poll(() => shape('Sub_Task').count()).toBe(1);
    expect(await shape('Sub_Start').count()).toBe(1);
    expect(await page.locator('.bpr-canvas .djs-element.djs-connection[data-element-id="Sub_F2"]').count()).toBe(1);
    await screenshot(page, 'auto-layout-nested-drilldown');
    expect(pageErrors).toEqual([]);
  });
});
