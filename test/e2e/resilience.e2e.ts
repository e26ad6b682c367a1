import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openApp, openProcess, screenshot, useBrowser, waitForDiagram, reloadToWorkspace } from './support/browser';
import { findSample, kindLabel, namedTasks, readSampleXml } from './support/samples';

/*
 * Resilience in a real browser: a full disk, hostile file content, files without a diagram.
 * Two tabs saving the same process (conflict detected, the user chooses) is covered by
 * foundation.e2e.ts: "given the same process open in two tabs, when both save, then the stale tab gets
 * the conflict dialog and can reload or keep a copy"; it is not repeated here.
 */

const session = useBrowser();

const tennyu = findSample('転入届', 'as-is');
const tennyuTask = namedTasks(readSampleXml(tennyu.file))[0];

interface StoredState {
  revision: number;
  xml: string;
  versions: number;
}

/** Reads the process straight from IndexedDB, past the app, as a reload would find it. */
async function storedProcess(page: Page, name: string): Promise<StoredState> {
  return page.evaluate(
    (processName) =>
      new Promise<StoredState>((resolve, reject) => {
        const request = indexedDB.open('bpr-studio');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const tx = db.transaction(['processes', 'versions'], 'readonly');
          const processes = tx.objectStore('processes').getAll();
          const versions = tx.objectStore('versions').getAll();
          tx.oncomplete = () => {
            db.close();
            const p = (processes.result as Array<{ id: string; name: string; revision: number; xml: string }>).find((r) => r.name === processName);
            if (!p) return reject(new Error(`no stored process named ${processName}`));
            const count = (versions.result as Array<{ processId: string }>).filter((v) => v.processId === p.id).length;
            resolve({ revision: p.revision, xml: p.xml, versions: count });
          };
        };
      }),
    name,
  );
}

async function renameOnCanvas(page: Page, elementId: string, newName: string): Promise<void> {
  await page.locator(`.bpr-canvas .djs-element.djs-shape[data-element-id="${elementId}"]`).dblclick();
  const editor = page.locator('.djs-direct-editing-parent');
  await editor.waitFor({ state: 'visible' });
  await page.keyboard.press('Control+A');
  await page.keyboard.type(newName);
  await page.keyboard.press('Enter');
  await editor.waitFor({ state: 'hidden' });
}

/** A process without any diagram interchange, as process engines export it. */
function bpmnWithoutDi(tasks: Array<{ id: string; name: string; documentation?: string }>): string {
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const ids = ['Start_1', ...tasks.map((t) => t.id), 'End_1'];
  const flows = ids.slice(1).map((id, i) => `    <bpmn:sequenceFlow id="Flow_${i + 1}" sourceRef="${ids[i]}" targetRef="${id}" />`);
  const body = tasks.map((t) =>
    t.documentation
      ? `    <bpmn:task id="${t.id}" name="${escape(t.name)}"><bpmn:documentation>${escape(t.documentation)}</bpmn:documentation></bpmn:task>`
      : `    <bpmn:task id="${t.id}" name="${escape(t.name)}" />`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="Defs_1" targetNamespace="urn:example">
  <bpmn:process id="Process_1" isExecutable="false">
    <bpmn:startEvent id="Start_1" />
${body.join('\n')}
    <bpmn:endEvent id="End_1" />
${flows.join('\n')}
  </bpmn:process>
</bpmn:definitions>`;
}

const noSpace = (s: string | null) => (s ?? '').replace(/\s+/g, '');

describe('resilience: storage full, hostile files, files without a diagram', () => {
  it('given the storage is full, when an edit is saved, then a Japanese alert says so and after a reload the previous saved version is intact', async () => {
    const { page } = session();
    // Defined before load so the store installs its test middleware (inert otherwise, see src/store/testHooks.ts).
    await page.addInitScript(() => {
      (globalThis as { __BPR_TEST_HOOKS__?: unknown }).__BPR_TEST_HOOKS__ = { failWritesWithQuota: false };
    });
    await openApp(page);
    await openProcess(page, tennyu.name, kindLabel(tennyu.kind));
    const before = await storedProcess(page, tennyu.name);

    await page.evaluate(() => {
      (globalThis as { __BPR_TEST_HOOKS__?: { failWritesWithQuota?: boolean } }).__BPR_TEST_HOOKS__!.failWritesWithQuota = true;
    });
    await renameOnCanvas(page, tennyuTask.id, '保存できない名前');
    await page.getByRole('toolbar', { name: '編集ツール' }).getByRole('button', { name: '保存', exact: true }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'ブラウザの保存領域がいっぱいのため保存できませんでした' });
    await alert.first().waitFor();
    expect(await alert.first().textContent()).toContain('前回保存した内容はそのまま残っています');
    await screenshot(page, 'resilience-quota-alert');
    // The edit stays on screen so nothing typed is lost.
    expect(noSpace(await page.locator(`.bpr-canvas .djs-element[data-element-id="${tennyuTask.id}"] text`).first().textContent())).toBe('保存できない名前');

    await reloadToWorkspace(page);
    const after = await storedProcess(page, tennyu.name);
    expect(after.revision).toBe(before.revision);
    expect(after.xml).toBe(before.xml);
    expect(after.xml).not.toContain('保存できない名前');
    expect(after.versions).toBe(before.versions);
  });

  it('given a .bpmn with script and img markup in task names and documentation, when imported and opened, then the text is shown as text and no script runs', async () => {
    const { page, pageErrors } = session();
    await page.addInitScript(() => {
      (globalThis as { __xss?: number }).__xss = 0;
    });
    await openApp(page);
    const scriptName = '<script>window.__xss=1</script>受付';
    const imgName = '<img src=x onerror="window.__xss=1">審査';
    const xml = bpmnWithoutDi([
      { id: 'Task_script', name: scriptName, documentation: '<script>window.__xss=1</script><img src=x onerror="window.__xss=1">' },
      { id: 'Task_img', name: imgName },
    ]);
    await page.getByTestId('workspace-import-input').setInputFiles({ name: '危険な名前.bpmn', mimeType: 'application/xml', buffer: Buffer.from(xml) });
    await page.getByRole('status').filter({ hasText: 'プロセス「危険な名前」としてインポートしました' }).waitFor();
    await openProcess(page, '危険な名前', 'As-Is');

    const label = (id: string) => page.locator(`.bpr-canvas .djs-element[data-element-id="${id}"] text`).first();
    await expect.poll(async () => noSpace(await label('Task_img').textContent())).toBe(noSpace(imgName));
    expect(noSpace(await label('Task_script').textContent())).toBe(noSpace(scriptName));

    // Selecting the task shows its name in the properties panel, also as text.
    await page.locator('.bpr-canvas .djs-element.djs-shape[data-element-id="Task_img"]').click();
    await expect.poll(() => page.locator('.bpr-properties-panel .bio-properties-panel-header-label').first().textContent()).toBe(imgName);
    await page.locator('.bpr-canvas .djs-element.djs-shape[data-element-id="Task_script"]').click();
    await expect.poll(() => page.locator('.bpr-properties-panel .bio-properties-panel-header-label').first().textContent()).toBe(scriptName);
    // Its documentation, opened in the 説明 group, is plain text in a text field.
    await page.locator('.bpr-properties-panel .bio-properties-panel-group-header', { hasText: '説明' }).click();
    const documentation = page.locator('.bpr-properties-panel textarea#bio-properties-panel-documentation');
    await expect.poll(() => documentation.inputValue()).toBe('<script>window.__xss=1</script><img src=x onerror="window.__xss=1">');
    await screenshot(page, 'resilience-xss');

    expect(await page.locator('.bpr-app img[src="x"]').count()).toBe(0);
    expect(await page.locator('.bpr-app script').count()).toBe(0);
    expect(await page.evaluate(() => (globalThis as { __xss?: number }).__xss)).toBe(0);
    expect(pageErrors).toEqual([]);
  });

  it('given a .bpmn without diagram interchange, when imported in the workspace and in the editor, then it is laid out automatically with a notice', async () => {
    const { page, pageErrors } = session();
    await openApp(page);
    const xml = bpmnWithoutDi([
      { id: 'Task_1', name: '申請を受け付ける' },
      { id: 'Task_2', name: '審査する' },
      { id: 'Task_3', name: '結果を通知する' },
    ]);
    await page.getByTestId('workspace-import-input').setInputFiles({ name: '配置なし.bpmn', mimeType: 'application/xml', buffer: Buffer.from(xml) });
    await page
      .getByRole('status')
      .filter({ hasText: '「配置なし.bpmn」をプロセス「配置なし」としてインポートしました' })
      .filter({ hasText: '図の配置情報がないため自動レイアウトしました' })
      .waitFor();
    await openProcess(page, '配置なし', 'As-Is');
    const xs: number[] = [];
    for (const id of ['Start_1', 'Task_1', 'Task_2', 'Task_3', 'End_1']) {
      const box = await page.locator(`.bpr-canvas .djs-element.djs-shape[data-element-id="${id}"]`).boundingBox();
      expect(box, id).not.toBeNull();
      xs.push(box!.x);
    }
    // Laid out along the flow, not stacked on one spot.
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    expect(new Set(xs).size).toBe(xs.length);
    expect(await page.locator('.bpr-canvas .djs-element.djs-connection').count()).toBe(4);

    // The editor's import path does the same.
    await openApp(page);
    await openProcess(page, tennyu.name, kindLabel(tennyu.kind));
    await page.getByTestId('editor-import-input').setInputFiles({ name: '配置なし2.bpmn', mimeType: 'application/xml', buffer: Buffer.from(xml) });
    await page.getByRole('dialog', { name: '図の置き換え' }).getByRole('button', { name: '置き換える' }).click();
    await page.getByRole('status').filter({ hasText: '図の配置情報がないため自動レイアウトしました' }).waitFor();
    await waitForDiagram(page);
    await page.locator('.bpr-canvas .djs-element.djs-shape[data-element-id="Task_3"]').waitFor();
    expect(pageErrors).toEqual([]);
  });
});
