import { describe, expect, it } from 'vitest';
import { DIAGRAM_LIMITS } from '../../src/domain/bpmn/limits';
import { openApp, openProcess, processCardLabels, useBrowser, waitForDiagram } from './support/browser';
import { findSample, kindLabel } from './support/samples';

const session = useBrowser();

const NS = 'xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"';
/** 40,000 tasks in a file of a few MB: small on disk, far past what a tab can draw. */
const manyTasks = () =>
  `<?xml version="1.0" encoding="UTF-8"?><bpmn:definitions ${NS} id="D" targetNamespace="urn:t"><bpmn:process id="P">${Array.from({ length: 40_000 }, (_, i) => `<bpmn:task id="T${i}"/>`).join('')}</bpmn:process></bpmn:definitions>`;
/** 10,000 nested sub-processes. */
const deepNesting = () => {
  const open = Array.from({ length: 10_000 }, (_, i) => `<bpmn:subProcess id="S${i}">`).join('');
  const close = '</bpmn:subProcess>'.repeat(10_000);
  return `<?xml version="1.0" encoding="UTF-8"?><bpmn:definitions ${NS} id="D" targetNamespace="urn:t"><bpmn:process id="P">${open}${close}</bpmn:process></bpmn:definitions>`;
};

describe('files past the diagram limits, in the browser', () => {
  it('given a 40,000-task file and a 10,000-deep one, when imported on the workspace and in the editor, then each is refused in Japanese naming the limit and nothing changes', async () => {
    const { page, pageErrors } = session();
    await openApp(page);
    const before = await processCardLabels(page);
    const input = page.getByTestId('workspace-import-input');

    await input.setInputFiles({ name: '巨大.bpmn', mimeType: 'application/xml', buffer: Buffer.from(manyTasks()) });
    const tooMany = page.getByRole('alert').filter({ hasText: '「巨大.bpmn」をインポートできませんでした' });
    await tooMany.waitFor();
    expect(await tooMany.textContent()).toContain(`上限 ${DIAGRAM_LIMITS.maxElements.toLocaleString('ja-JP')} 個`);
    expect(await processCardLabels(page)).toEqual(before);

    await input.setInputFiles({ name: '入れ子.bpmn', mimeType: 'application/xml', buffer: Buffer.from(deepNesting()) });
    const tooDeep = page.getByRole('alert').filter({ hasText: '「入れ子.bpmn」をインポートできませんでした' });
    await tooDeep.waitFor();
    expect(await tooDeep.textContent()).toContain(`要素の入れ子が深すぎるため開けません`);
    expect(await tooDeep.textContent()).toContain(`上限 ${DIAGRAM_LIMITS.maxDepth}`);
    expect(await processCardLabels(page)).toEqual(before);

    // Into an open diagram: refused the same way, and the diagram is what it was.
    const sample = findSample('転入届', 'as-is');
    await openProcess(page, sample.name, kindLabel(sample.kind));
    await waitForDiagram(page);
    const shapes = await page.locator('.bpr-canvas .djs-element.djs-shape').count();
    await page.getByTestId('editor-import-input').setInputFiles({ name: '巨大.bpmn', mimeType: 'application/xml', buffer: Buffer.from(manyTasks()) });
    await page.getByRole('alert').filter({ hasText: '「巨大.bpmn」をインポートできませんでした' }).waitFor();
    expect(await page.locator('.bpr-canvas .djs-element.djs-shape').count()).toBe(shapes);
    expect(pageErrors).toEqual([]);
  });
});
