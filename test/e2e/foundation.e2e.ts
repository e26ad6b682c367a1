import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openApp, openProcess, processCardLabels, japanToday, screenshot, useBrowser, waitForWorkspace, reloadToWorkspace } from './support/browser';
import { findSample, kindLabel, namedTasks, pngBytes, readManifest, readSampleXml } from './support/samples';

const session = useBrowser();

const tennyu = findSample('転入届', 'as-is');
const tennyuTask = namedTasks(readSampleXml(tennyu.file))[0];

function shape(page: Page, elementId: string) {
  return page.locator(`.bpr-canvas .djs-element.djs-shape[data-element-id="${elementId}"]`);
}

async function shapeLabel(page: Page, elementId: string): Promise<string> {
  return ((await shape(page, elementId).locator('text').first().textContent()) ?? '').trim();
}

/** The real modeler path: double-click opens direct editing, Enter commits. */
async function renameOnCanvas(page: Page, elementId: string, newName: string): Promise<void> {
  await shape(page, elementId).dblclick();
  const editor = page.locator('.djs-direct-editing-parent');
  await editor.waitFor({ state: 'visible' });
  await page.keyboard.press('Control+A');
  await page.keyboard.type(newName);
  await page.keyboard.press('Enter');
  await editor.waitFor({ state: 'hidden' });
  await expect.poll(() => shapeLabel(page, elementId)).toBe(newName);
}

async function saveNow(page: Page): Promise<void> {
  await page.getByRole('toolbar', { name: '編集ツール' }).getByRole('button', { name: '保存', exact: true }).click();
  await page.getByRole('status').filter({ hasText: '保存しました' }).waitFor();
}

async function openTennyu(page: Page): Promise<void> {
  await openProcess(page, tennyu.name, kindLabel(tennyu.kind));
}

describe('foundation: workspace and editor in a real browser', () => {
  it('given a first start, when the app opens, then the samples are listed grouped by 担当課', async () => {
    const { page, pageErrors } = session();
    await openApp(page);
    const manifest = readManifest();

    expect(await page.locator('html').getAttribute('lang')).toBe('ja');
    await expect.poll(() => page.locator('.bpr-process-card').count()).toBe(manifest.length);
    for (const department of new Set(manifest.map((m) => m.department))) {
      const group = page.getByRole('region', { name: department, exact: true });
      await expect.poll(() => group.getByRole('heading', { level: 3 }).textContent()).toContain(department);
      const expected = manifest.filter((m) => m.department === department).map((m) => `${m.name} ${kindLabel(m.kind)}`);
      const shown = await group.locator('.bpr-process-card').evaluateAll((els) => els.map((el) => el.getAttribute('aria-label')));
      expect(shown.sort()).toEqual(expected.sort());
    }
    // The As-Is card names its To-Be partner.
    const partner = manifest.find((m) => m.file === tennyu.linkedTo);
    if (partner) {
      const card = page.locator('.bpr-process-card', { has: page.getByRole('button', { name: `「${tennyu.name}」（As-Is）を開く` }) });
      // The As-Is card lists its To-Be scenarios by name (the sample's name in brackets).
      const text = (await card.textContent()) ?? '';
      expect(text).toContain('シナリオ 1 件');
      expect(text).toContain(partner.name.replace(/^.*（(.*)）$/, '$1'));
    }
    await screenshot(page, 'workspace');

    await page.getByRole('searchbox', { name: 'プロセスを検索' }).fill(tennyu.department);
    const labels = await processCardLabels(page);
    expect(labels.length).toBe(manifest.filter((m) => m.department.includes(tennyu.department) || m.name.includes(tennyu.department)).length);
    expect(pageErrors).toEqual([]);
  });

  it('given 転入届 (As-Is), when a task is renamed on the canvas and saved, then the rename survives a reload and is in the exported BPMN', async () => {
    const { page } = session();
    await openApp(page);
    await openTennyu(page);
    await screenshot(page, 'editor');
    await screenshot(page, 'editor-full', true);
    expect(await shapeLabel(page, tennyuTask.id)).toBe(tennyuTask.name);

    await renameOnCanvas(page, tennyuTask.id, '本人確認（改）');
    await saveNow(page);

    await reloadToWorkspace(page);
    await openTennyu(page);
    expect(await shapeLabel(page, tennyuTask.id)).toBe('本人確認（改）');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'BPMN ファイル (.bpmn) としてエクスポート' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${tennyu.name}_As-Is_${japanToday()}.bpmn`);
    const xml = readFileSync((await download.path())!, 'utf8');
    expect(xml).toContain(`id="${tennyuTask.id}"`);
    expect(xml).toContain('name="本人確認（改）"');
    expect(xml).toContain('xmlns:bpr="urn:bpr-studio:bpmn:annotations:1.0"');

    const [svgDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'SVG 画像としてエクスポート' }).click()]);
    const svg = readFileSync((await svgDownload.path())!, 'utf8');
    expect(svg).toContain('<svg');
    expect(svg).toContain('本人確認（改）');

    const [pngDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'PNG 画像としてエクスポート' }).click()]);
    expect(pngDownload.suggestedFilename()).toBe(`${tennyu.name}_As-Is_${japanToday()}.png`);
    const png = readFileSync((await pngDownload.path())!);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // Width and height from the IHDR chunk: scale 2 of a diagram several hundred pixels wide.
    expect(png.readUInt32BE(16)).toBeGreaterThan(800);
    expect(png.readUInt32BE(20)).toBeGreaterThan(300);
  });

  it('given broken files, when imported in the workspace or the editor, then a Japanese error names the file and nothing changes', async () => {
    const { page } = session();
    await openApp(page);
    const before = await processCardLabels(page);
    const input = page.getByTestId('workspace-import-input');

    await input.setInputFiles({ name: 'こわれた.bpmn', mimeType: 'application/xml', buffer: Buffer.from('<definitions <<< これはXMLではありません') });
    const alert = page.getByRole('alert');
    await alert.filter({ hasText: '「こわれた.bpmn」をインポートできませんでした' }).waitFor();
    expect(await processCardLabels(page)).toEqual(before);

    await input.setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: pngBytes() });
    await alert.filter({ hasText: '「photo.png」をインポートできませんでした' }).waitFor();
    expect(await processCardLabels(page)).toEqual(before);

    await reloadToWorkspace(page);
    expect(await processCardLabels(page)).toEqual(before);

    await openTennyu(page);
    await page.getByTestId('editor-import-input').setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: pngBytes() });
    await page.getByRole('alert').filter({ hasText: '「photo.png」をインポートできませんでした' }).waitFor();
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(await shapeLabel(page, tennyuTask.id)).toBe(tennyuTask.name);
  });

  it('given a valid .bpmn dropped on the workspace, when it is dropped, then it becomes a new process', async () => {
    const { page } = session();
    await openApp(page);
    const before = await processCardLabels(page);
    const xml = readSampleXml(tennyu.file);
    const dataTransfer = await page.evaluateHandle((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'ドロップ申請.bpmn', { type: 'application/xml' }));
      return dt;
    }, xml);
    await page.dispatchEvent('.bpr-workspace', 'dragover', { dataTransfer });
    await page.dispatchEvent('.bpr-workspace', 'drop', { dataTransfer });
    await page.getByRole('status').filter({ hasText: '「ドロップ申請.bpmn」をプロセス「ドロップ申請」としてインポートしました' }).waitFor();
    expect(await processCardLabels(page)).toEqual([...before, 'ドロップ申請 As-Is'].sort());
  });

  it('given a saved edit, when an earlier version is restored from 版の履歴, then the edit is gone', async () => {
    const { page } = session();
    await openApp(page);
    await openTennyu(page);
    await renameOnCanvas(page, tennyuTask.id, '一時的な名前');
    await saveNow(page);

    await page.getByRole('button', { name: '版の履歴' }).click();
    const history = page.getByRole('dialog', { name: '版の履歴' });
    await history.waitFor();
    const rows = history.getByRole('row');
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(3);
    // Newest first: the save just made on top, the seeded original at the bottom.
    expect(await rows.nth(1).textContent()).toContain('保存');
    expect(await rows.last().textContent()).toContain('インポート');
    await screenshot(page, 'versions-dialog');
    await rows.last().getByRole('button').click();
    const confirm = page.getByRole('dialog', { name: '版の復元' });
    await confirm.getByRole('button', { name: '戻す', exact: true }).click();
    await expect.poll(() => shapeLabel(page, tennyuTask.id)).toBe(tennyuTask.name);

    await page.getByRole('button', { name: '版の履歴' }).click();
    await page.getByRole('dialog', { name: '版の履歴' }).waitFor();
    expect(await page.getByRole('dialog', { name: '版の履歴' }).getByRole('row').nth(1).textContent()).toContain('復元');
  });

  it('given the workspace, when a process is created, duplicated and deleted with confirmation, then the list follows', async () => {
    const { page } = session();
    await openApp(page);
    const before = await processCardLabels(page);

    await page.getByRole('button', { name: '新規プロセス' }).click();
    const dialog = page.getByRole('dialog', { name: '新規プロセス' });
    await dialog.getByLabel('プロセス名').fill('テスト申請');
    await dialog.getByLabel('担当課').fill('テスト課');
    await dialog.getByLabel('To-Be（改善後）').check();
    await dialog.getByRole('button', { name: '作成' }).click();

    // A new process opens in the editor with the standard lanes and a start event.
    await page.getByRole('tab', { name: 'プロセス編集', selected: true }).waitFor();
    await page.locator('.bpr-canvas .djs-element[data-element-id="StartEvent_1"]').waitFor();
    const laneNames = await page.locator('.bpr-canvas .djs-element.djs-shape[data-element-id^="Lane_"] text').allTextContents();
    expect(laneNames.map((s) => s.trim()).sort()).toEqual(['住民', '窓口担当', '審査担当', '決裁者'].sort());

    await page.getByRole('tab', { name: 'ワークスペース' }).click();
    await waitForWorkspace(page);
    await page.getByRole('region', { name: 'テスト課', exact: true }).waitFor();
    expect(await processCardLabels(page)).toEqual([...before, 'テスト申請 To-Be'].sort());

    await page.getByRole('button', { name: '「テスト申請」（To-Be）を複製' }).click();
    await page.getByRole('button', { name: '「テスト申請 (コピー)」（To-Be）を開く' }).waitFor();

    await page.getByRole('button', { name: '「テスト申請 (コピー)」（To-Be）を削除' }).click();
    const confirm = page.getByRole('dialog', { name: 'プロセスの削除' });
    await confirm.getByRole('button', { name: 'キャンセル' }).click();
    expect(await processCardLabels(page)).toContain('テスト申請 (コピー) To-Be');

    await page.getByRole('button', { name: '「テスト申請 (コピー)」（To-Be）を削除' }).click();
    await page.getByRole('dialog', { name: 'プロセスの削除' }).getByRole('button', { name: '削除する' }).click();
    await page.getByRole('button', { name: '「テスト申請 (コピー)」（To-Be）を開く' }).waitFor({ state: 'detached' });
    expect(await processCardLabels(page)).toEqual([...before, 'テスト申請 To-Be'].sort());
  });

  it('given Japanese UI, when English is chosen, then the tabs are in English and stay so after a reload', async () => {
    const { page } = session();
    await openApp(page);
    await page.getByRole('tab', { name: 'シミュレーション' }).click();
    await page.getByRole('tabpanel', { name: 'シミュレーション' }).waitFor();

    await page.getByRole('group', { name: '表示言語' }).getByRole('button', { name: 'English' }).click();
    await page.getByRole('tab', { name: 'Workspace' }).click();
    await waitForWorkspace(page);
    await screenshot(page, 'workspace-en');
    const tabs = await page.getByRole('tab').allTextContents();
    expect(tabs).toEqual([
      'Workspace',
      'Work inventory',
      'Process editor',
      'Simulation',
      /* compare */ 'Compare (As-Is / To-Be)',
      'RPA candidates',
      'Initiatives',
    ]);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');

    await page.reload();
    await page.getByRole('tab', { name: 'Workspace' }).click();
    await waitForWorkspace(page);
    expect(await page.getByRole('tab').allTextContents()).toEqual([
      'Workspace',
      'Work inventory',
      'Process editor',
      'Simulation',
      /* compare */ 'Compare (As-Is / To-Be)',
      'RPA candidates',
      'Initiatives',
    ]);
  });

  it('given a rename on the canvas, when Ctrl+Z is pressed on the focused canvas, then the rename is undone', async () => {
    const { page } = session();
    await openApp(page);
    await openTennyu(page);
    await renameOnCanvas(page, tennyuTask.id, '取り消される名前');
    await page.locator('.bpr-canvas .djs-container > svg').first().focus();
    await page.keyboard.press('Control+z');
    await expect.poll(() => shapeLabel(page, tennyuTask.id)).toBe(tennyuTask.name);
    await page.keyboard.press('Control+y');
    await expect.poll(() => shapeLabel(page, tennyuTask.id)).toBe('取り消される名前');
  });

  it('given a valid .bpmn imported in the editor, when the replacement is confirmed, then the diagram is replaced and the old one is a version', async () => {
    const { page } = session();
    await openApp(page);
    await openTennyu(page);
    const toBe = readManifest().find((m) => m.file === tennyu.linkedTo)!;
    const toBeTask = namedTasks(readSampleXml(toBe.file)).find((task) => task.id !== tennyuTask.id)!;
    const input = page.getByTestId('editor-import-input');
    const file = { name: 'tobe.bpmn', mimeType: 'application/xml', buffer: Buffer.from(readSampleXml(toBe.file)) };

    await input.setInputFiles(file);
    const confirm = page.getByRole('dialog', { name: '図の置き換え' });
    expect(await confirm.textContent()).toContain('現在の図を置き換えますか');
    await confirm.getByRole('button', { name: 'キャンセル' }).click();
    expect(await shapeLabel(page, tennyuTask.id)).toBe(tennyuTask.name);

    // Second time by drag and drop onto the canvas, as a person would.
    const dataTransfer = await page.evaluateHandle((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'tobe.bpmn', { type: 'application/xml' }));
      return dt;
    }, readSampleXml(toBe.file));
    const canvasSvg = page.locator('.bpr-canvas .djs-container > svg').first();
    await canvasSvg.dispatchEvent('dragover', { dataTransfer });
    await canvasSvg.dispatchEvent('drop', { dataTransfer });
    await page.getByRole('dialog', { name: '図の置き換え' }).getByRole('button', { name: '置き換える' }).click();
    await expect.poll(() => shapeLabel(page, toBeTask.id)).toBe(toBeTask.name);

    await page.getByRole('button', { name: '版の履歴' }).click();
    const rows = page.getByRole('dialog', { name: '版の履歴' }).getByRole('row');
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(3);
    expect(await rows.nth(1).textContent()).toContain('インポート');
    expect(await rows.nth(2).textContent()).toContain('保存');
  });

  it('given the same process open in two tabs, when both save, then the stale tab gets the conflict dialog and can reload or keep a copy', async () => {
    const { context, page: first } = session();
    await openApp(first);
    await openTennyu(first);
    const second = await context.newPage();
    await openApp(second);
    await openTennyu(second);

    await renameOnCanvas(second, tennyuTask.id, '別タブの名前');
    await saveNow(second);

    // No explicit save needed: the autosave after the edit already meets the other tab's revision.
    await renameOnCanvas(first, tennyuTask.id, '私の名前');
    const conflict = first.getByRole('dialog', { name: '他のタブでの変更と競合しています' });
    await conflict.getByRole('button', { name: '他のタブの内容を読み込む（自分の変更は破棄）' }).click();
    await expect.poll(() => shapeLabel(first, tennyuTask.id)).toBe('別タブの名前');

    await renameOnCanvas(second, tennyuTask.id, '別タブの名前2');
    await saveNow(second);
    await renameOnCanvas(first, tennyuTask.id, '私の名前2');
    await first
      .getByRole('dialog', { name: '他のタブでの変更と競合しています' })
      .getByRole('button', { name: '自分の内容を別のプロセスとして保存する' })
      .click();
    const copyName = `${tennyu.name} (コピー)`;
    await expect.poll(() => first.getByLabel('プロセス名', { exact: true }).inputValue()).toBe(copyName);
    await expect.poll(() => shapeLabel(first, tennyuTask.id)).toBe('私の名前2');

    await first.getByRole('tab', { name: 'ワークスペース' }).click();
    await waitForWorkspace(first);
    expect(await processCardLabels(first)).toContain(`${copyName} As-Is`);
    await reloadToWorkspace(second);
    await openTennyu(second);
    expect(await shapeLabel(second, tennyuTask.id)).toBe('別タブの名前2');
  });

  it('given an edit within the autosave delay, when the page is reloaded at once, then the edit was saved on the way out', async () => {
    const { page } = session();
    await openApp(page);
    await openTennyu(page);
    await renameOnCanvas(page, tennyuTask.id, '閉じる直前の変更');
    await reloadToWorkspace(page);
    await openTennyu(page);
    expect(await shapeLabel(page, tennyuTask.id)).toBe('閉じる直前の変更');
  });

  it('given an edit within the autosave delay, when switching to another tab and back, then the edit is kept', async () => {
    const { page } = session();
    await openApp(page);
    await openTennyu(page);
    await renameOnCanvas(page, tennyuTask.id, 'タブ切替前の変更');
    await page.getByRole('tab', { name: 'RPA候補' }).click();
    await page.getByRole('tabpanel', { name: 'RPA候補' }).waitFor();
    await page.getByRole('tab', { name: 'プロセス編集' }).click();
    await expect.poll(() => shapeLabel(page, tennyuTask.id)).toBe('タブ切替前の変更');
  });

  it('given the process name field, when a new name is entered, then the workspace lists the process under it', async () => {
    const { page } = session();
    await openApp(page);
    await openTennyu(page);
    const nameField = page.getByLabel('プロセス名', { exact: true });
    await nameField.fill('転入届（現行・改名）');
    await nameField.press('Enter');
    await page.getByRole('status').filter({ hasText: 'プロセス名を「転入届（現行・改名）」に変更しました' }).waitFor();
    await page.getByRole('tab', { name: 'ワークスペース' }).click();
    await waitForWorkspace(page);
    const labels = await processCardLabels(page);
    expect(labels).toContain('転入届（現行・改名） As-Is');
    expect(labels).not.toContain(`${tennyu.name} As-Is`);
  });
});
