import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openApp, openProcess, screenshot, useBrowser } from './support/browser';
import { findSample, kindLabel, namedTasks, readManifest, readSampleXml } from './support/samples';

const session = useBrowser();

/**
 * A gateway of some sample with a probability branch that is the only way into a task: deleting
 * the gateway must make that task unreachable, whatever the samples look like in detail. (The
 * gateway is deleted rather than the flow: short flows are covered by the step badges.)
 */
function soleBranchIntoTask() {
  for (const sample of readManifest()) {
    const xml = readSampleXml(sample.file);
    const flows = [...xml.matchAll(/<bpmn:sequenceFlow\b[^>]*\bsourceRef="([^"]+)"[^>]*\btargetRef="([^"]+)"[^>]*>/g)];
    for (const [whole, gatewayId, targetId] of flows) {
      if (!whole.includes('bpr:probability=')) continue;
      const ways = flows.filter((f) => f[2] === targetId).length;
      if (ways === 1 && new RegExp(`<bpmn:\\w*[tT]ask\\b[^>]*\\bid="${targetId}"`).test(xml)) return { sample, gatewayId, taskId: targetId };
    }
  }
  throw new Error('no sample has a probability branch that is the only way into a task');
}

const lintButton = (page: Page) => page.locator('.bjsl-button').first();

describe('live lint in the modeler', () => {
  it('given a clean sample, when the gateway that is the only way into a task is deleted, then the lint button and the task overlay report it in Japanese', async () => {
    const { page, pageErrors } = session();
    const { sample, gatewayId, taskId } = soleBranchIntoTask();
    await openApp(page);
    await openProcess(page, sample.name, kindLabel(sample.kind));

    await expect.poll(() => lintButton(page).textContent()).toContain('問題なし');

    await page.locator(`.bpr-canvas .djs-element.djs-shape[data-element-id="${gatewayId}"]`).click();
    await expect.poll(() => page.locator('.bpr-canvas .djs-element.selected').getAttribute('data-element-id')).toBe(gatewayId);
    await page.locator('.djs-context-pad .entry[data-action="delete"]').click();
    await expect.poll(() => page.locator(`.djs-element[data-element-id="${gatewayId}"]`).count()).toBe(0);

    await expect.poll(() => lintButton(page).textContent()).toMatch(/エラー [1-9]\d* 件/);
    const overlay = page.locator(`.djs-overlays[data-container-id="${taskId}"] .bjsl-overlay`);
    await expect.poll(() => overlay.textContent()).toContain(`(${taskId}) は開始イベントから到達できません`);
    expect(pageErrors).toEqual([]);
  });

  it('given the gateway into a task deleted, when the problems panel is opened and the finding clicked, then it names the task, not its id, and the task is selected', async () => {
    const { page, pageErrors } = session();
    const { sample, gatewayId, taskId } = soleBranchIntoTask();
    const taskName = namedTasks(readSampleXml(sample.file)).find((t) => t.id === taskId)!.name;
    await openApp(page);
    await openProcess(page, sample.name, kindLabel(sample.kind));

    const toggle = page.getByRole('button', { name: /^問題（エラー \d+ 件、警告 \d+ 件）$/ });
    await expect.poll(() => toggle.textContent()).toBe('問題（エラー 0 件、警告 0 件）');
    await toggle.click();
    await expect.poll(() => page.locator('.bpr-problems-empty').textContent()).toBe('検査で見つかった問題はありません。');

    await page.locator(`.bpr-canvas .djs-element.djs-shape[data-element-id="${gatewayId}"]`).click();
    await page.locator('.djs-context-pad .entry[data-action="delete"]').click();
    await expect.poll(() => toggle.textContent()).toMatch(/^問題（エラー [1-9]\d* 件/);

    const finding = page
      .locator('.bpr-problems-item')
      .filter({ hasText: 'は開始イベントから到達できません' })
      .filter({ hasText: `「${taskName}」` });
    expect(await finding.count()).toBe(1);
    expect(await finding.locator('.bpr-problems-element').textContent()).toBe(`「${taskName}」`);
    expect(await finding.textContent()).not.toContain(taskId);
    // Nothing is selected after the delete; the click selects the task the finding is about.
    await page
      .locator('.bpr-canvas')
      .click({ position: { x: 5, y: 5 } })
      .catch(() => undefined);
    await finding.click();
    await expect.poll(() => page.locator('.bpr-canvas .djs-element.selected').getAttribute('data-element-id')).toBe(taskId);
    // ...and the canvas has scrolled it into view.
    const box = await page.locator(`.bpr-canvas .djs-element[data-element-id="${taskId}"]`).boundingBox();
    const canvas = await page.locator('.bpr-canvas').boundingBox();
    expect(
      box && canvas && box.x >= canvas.x && box.x + box.width <= canvas.x + canvas.width && box.y >= canvas.y && box.y + box.height <= canvas.y + canvas.height,
    ).toBe(true);
    await screenshot(page, 'hD-problems-panel');
    expect(pageErrors).toEqual([]);
  });

  it('given a task, when a gateway is appended from its context pad, then the label editor opens on the gateway and the typed name is shown', async () => {
    const { page, pageErrors } = session();
    const sample = findSample('転入届', 'as-is');
    const last = namedTasks(readSampleXml(sample.file)).at(-1)!;
    await openApp(page);
    await openProcess(page, sample.name, kindLabel(sample.kind));

    await page.locator(`.bpr-canvas .djs-element.djs-shape[data-element-id="${last.id}"]`).click();
    await page.locator('.djs-context-pad .entry[data-action="append.gateway"]').click();
    const editor = page.locator('.djs-direct-editing-parent');
    await expect.poll(() => editor.isVisible()).toBe(true);
    const selected = page.locator('.bpr-canvas .djs-element.selected');
    await expect.poll(() => selected.getAttribute('data-element-id')).toMatch(/^Gateway_/);
    await page.keyboard.type('書類に不備があるか');
    await page.locator('.bpr-canvas').click({ position: { x: 300, y: 20 } });
    await expect.poll(() => editor.isVisible()).toBe(false);
    await expect.poll(() => page.locator('.bpr-canvas .djs-element text').allTextContents()).toContainEqual(expect.stringContaining('書類に不備があるか'));
    expect(pageErrors).toEqual([]);
  });

  it("given a task whose time range is reversed, when the problems panel is opened, then the entered value is listed by the task's name and a click selects it", async () => {
    const { page, pageErrors } = session();
    const sample = findSample('転入届', 'as-is');
    const original = readSampleXml(sample.file);
    const broken = original.replace(
      '<bpr:staffTime type="triangular" min="3" mode="5" max="10"/>',
      '<bpr:staffTime type="triangular" min="10" mode="5" max="3"/>',
    );
    expect(broken).not.toBe(original);
    const name = namedTasks(original).find((t) => t.id === 'Task_Receive')!.name;
    await openApp(page);
    await page.getByTestId('workspace-import-input').setInputFiles({ name: '検証用転入届.bpmn', mimeType: 'application/xml', buffer: Buffer.from(broken) });
    await openProcess(page, '検証用転入届', 'As-Is');

    await page.getByRole('button', { name: /^問題（エラー [1-9]\d* 件/ }).click();
    const finding = page.locator('.bpr-problems-item').filter({ hasText: '最小値 (10) が最大値 (3) より大きく' });
    expect(await finding.count()).toBe(1);
    expect(await finding.locator('.bpr-problems-element').textContent()).toBe(`「${name}」`);
    expect(await finding.textContent()).not.toContain('Task_Receive');
    await finding.click();
    await expect.poll(() => page.locator('.bpr-canvas .djs-element.selected').getAttribute('data-element-id')).toBe('Task_Receive');
    expect(pageErrors).toEqual([]);
  });
});
