import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openApp, openProcess, useBrowser } from './support/browser';
import { kindLabel, readManifest, readSampleXml } from './support/samples';

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
});
