import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/runCli';
import { corpusAvailable, corpusRoot } from '../support/paths';
import { openApp, openProcess, screenshot, useBrowser, waitForDiagram } from './support/browser';

const session = useBrowser();
const FILE = path.join(corpusRoot, 'sim/simod/tests/assets/LoanApp_simplified.bpmn');

/** What `bpr simulate --json` says about the same file with the same seed and replications. */
async function cliStaffHours(seed: number, replications: number): Promise<number> {
  let out = '';
  const code = await runCli(['simulate', '--json', '--seed', String(seed), '--replications', String(replications), FILE], {
    out: (t) => void (out += t),
    err: () => undefined,
  });
  expect(code).toBe(0);
  return (JSON.parse(out) as { staffHoursPerYear: { mean: number } }).staffHoursPerYear.mean;
}

const runState = (page: Page) => page.locator('.bpr-sim-state').getAttribute('data-state');

describe.runIf(corpusAvailable('sim/simod'))('a BIMP file in the browser', () => {
  it('given the simod LoanApp BIMP model, when imported, opened and simulated, then the step table shows its BIMP values and the simulation shows the CLI’s staff hours', async () => {
    const { page, pageErrors } = session();
    await openApp(page);
    await page
      .getByTestId('workspace-import-input')
      .setInputFiles({ name: 'LoanApp_simplified.bpmn', mimeType: 'application/xml', buffer: readFileSync(FILE) });
    // A file from another tool may come with its import report; it is read and closed as a person would.
    const report = page.getByRole('dialog', { name: '「LoanApp_simplified.bpmn」のインポート結果' });
    const notice = page.getByRole('status').filter({ hasText: '「LoanApp_simplified.bpmn」' });
    await expect.poll(async () => (await report.count()) + (await notice.count())).toBeGreaterThan(0);
    if (await report.count()) await report.getByRole('button', { name: '閉じる' }).click();
    await openProcess(page, 'LoanApp_simplified', 'As-Is');
    await waitForDiagram(page);

    // The step table reads the qbp: block the way the simulation does: AML check, EXPONENTIAL mean 1,800 s = 30 min.
    await page.getByTestId('step-table-qbp').waitFor();
    const aml = page.getByTestId('step-table').locator('tr', { hasText: 'AML check' });
    expect(await aml.getAttribute('data-source')).toBe('qbp');
    expect(await aml.textContent()).toContain('AML Investigator');

    await page.getByRole('tab', { name: 'シミュレーション' }).click();
    const form = page.getByRole('form', { name: '実行設定' });
    await form.getByLabel('反復回数').fill('3');
    await form.getByLabel('乱数シード').fill('1');
    await page.getByRole('button', { name: 'シミュレーション実行' }).click();
    await expect.poll(() => runState(page), { timeout: 120_000 }).toBe('done');
    const expected = Math.round(await cliStaffHours(1, 3)).toLocaleString('ja-JP');
    const staffHours = page.locator('.bpr-sim-kpi[data-kpi="staffHours"]');
    await expect.poll(() => staffHours.textContent()).toContain(`${expected}時間/年`);
    await screenshot(page, 'bimp-simulation', true);
    expect(pageErrors).toEqual([]);
  });
});
