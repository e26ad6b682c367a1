import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openApp, processCardLabels, japanToday, screenshot, useBrowser, waitForDiagram, waitForWorkspace, reloadToWorkspace } from './support/browser';

const session = useBrowser();

/** A small 業務量調査 as a department would fill it in, with a 住民 step and the resident's own time. */
const SURVEY_CSV = [
  '業務名,手順,担当,処理時間(分),件数/年,住民の記入時間(分)',
  '住民票の写し交付,申請書を記入する,住民,5,4800,',
  '住民票の写し交付,本人確認をして交付する,窓口担当,8,,2',
  '住民票の写し交付,交付記録を入力する,審査担当,3,,',
].join('\r\n');

async function openWorkspaceMenuItem(page: Page, item: 'ワークスペースを書き出す' | 'ワークスペースを読み込む'): Promise<void> {
  await page.getByRole('button', { name: 'ワークスペースの書き出し・読み込み' }).click();
  await page.getByRole('menu').getByRole('menuitem', { name: item }).click();
}

async function exportWorkspace(page: Page): Promise<{ fileName: string; json: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), openWorkspaceMenuItem(page, 'ワークスペースを書き出す')]);
  return { fileName: download.suggestedFilename(), json: readFileSync((await download.path())!, 'utf8') };
}

async function pickWorkspaceFile(page: Page, name: string, content: string): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), openWorkspaceMenuItem(page, 'ワークスペースを読み込む')]);
  await chooser.setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(content) });
}

describe('exchange: 業務量調査 and workspace files in a real browser', () => {
  it('given a 業務量調査 CSV with a 住民 row, when it is imported, then the process opens laid out with lanes and its simulation runs', async () => {
    const { page, pageErrors } = session();
    await openApp(page);

    await page.getByRole('button', { name: '業務量調査を取り込む' }).click();
    const dialog = page.getByRole('dialog', { name: '業務量調査の取り込み' });
    await dialog.waitFor();
    // Both template links are there and download the sheet.
    const [template] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('link', { name: 'CSV をダウンロード' }).click()]);
    expect(readFileSync((await template.path())!, 'utf8')).toContain('業務名,手順,担当');
    expect(await dialog.getByRole('link', { name: 'Excel (.xlsx) をダウンロード' }).getAttribute('download')).toMatch(/\.xlsx$/);

    // A broken sheet first: every problem is listed by row and column, and 取り込む stays disabled.
    await dialog.getByLabel('調査票ファイル（CSV または Excel .xlsx）').setInputFiles({
      name: '壊れた調査.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('業務名,手順,担当,処理時間(分)\n住民票の写し交付,受付,,約5\n'),
    });
    const problems = dialog.getByRole('alert');
    await problems.filter({ hasText: '「壊れた調査.csv」を取り込めません（2 件の問題）' }).waitFor();
    expect(await problems.textContent()).toMatch(/2行目の「担当」/);
    expect(await problems.textContent()).toMatch(/2行目の「処理時間\(分\)」/);
    expect(await dialog.getByRole('button', { name: '取り込む' }).isDisabled()).toBe(true);

    await dialog
      .getByLabel('調査票ファイル（CSV または Excel .xlsx）')
      .setInputFiles({ name: '住民票調査.csv', mimeType: 'text/csv', buffer: Buffer.from(SURVEY_CSV) });
    const preview = dialog.getByRole('table', { name: /取り込むプロセス（1 件/ });
    await preview.waitFor();
    const row = preview.getByRole('row', { name: /住民票の写し交付/ });
    expect(await row.textContent()).toContain('3 手順');
    expect(await row.textContent()).toContain('住民、窓口担当、審査担当');
    expect(await row.textContent()).toContain('4,800 件/年');
    await dialog.getByLabel('担当課', { exact: true }).fill('市民課');
    await screenshot(page, 'exchange-survey-preview');
    await dialog.getByRole('button', { name: '取り込む' }).click();

    // The first created process opens in the editor, drawn with one lane per 担当.
    await waitForDiagram(page);
    await expect.poll(() => page.getByLabel('プロセス名', { exact: true }).inputValue()).toBe('住民票の写し交付');
    // Lanes top to bottom: the resident where the case starts, then staff in order of first appearance.
    const lanes = await page
      .locator('.bpr-canvas .djs-element.djs-shape[data-element-id^="Lane_"]')
      .evaluateAll((els) => els.map((el) => ({ y: el.getBoundingClientRect().y, name: (el.querySelector('text')?.textContent ?? '').trim() })));
    expect(lanes.sort((a, b) => a.y - b.y).map((l) => l.name)).toEqual(['住民', '窓口担当', '審査担当']);
    for (const id of ['Activity_1', 'Activity_2', 'Activity_3']) {
      const box = await page.locator(`.bpr-canvas .djs-element.djs-shape[data-element-id="${id}"]`).boundingBox();
      expect(box?.width).toBeGreaterThan(50);
    }
    // Left to right in sheet order.
    const xs = await Promise.all(
      ['Activity_1', 'Activity_2', 'Activity_3'].map(async (id) => (await page.locator(`.bpr-canvas .djs-element[data-element-id="${id}"]`).boundingBox())!.x),
    );
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    await screenshot(page, 'exchange-survey-editor');

    // The same diagram for BIMP: its bpr: annotations as a QBP simulation block.
    const [bimp] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /^BIMP形式で書き出す/ }).click()]);
    expect(bimp.suggestedFilename()).toBe(`住民票の写し交付_As-Is_BIMP_${japanToday()}.bpmn`);
    const qbp = readFileSync((await bimp.path())!, 'utf8');
    expect(qbp).toContain('processSimulationInfo');
    expect(qbp).toContain('name="本人確認をして交付する"');
    await page
      .getByRole('status')
      .filter({ hasText: `「住民票の写し交付_As-Is_BIMP_${japanToday()}.bpmn」を BIMP 形式で書き出しました` })
      .waitFor();

    await page.getByRole('tab', { name: 'シミュレーション' }).click();
    await expect.poll(() => page.locator('.bpr-sim-process').textContent()).toContain('住民票の写し交付');
    const form = page.getByRole('form', { name: '実行設定' });
    await form.getByLabel('反復回数').fill('3');
    await form.getByLabel('年数で指定').check();
    await form.getByLabel('年数', { exact: true }).fill('1');
    await form.getByLabel('計算方式').selectOption('fast');
    await page.getByRole('button', { name: 'シミュレーション実行' }).click();
    await expect.poll(() => page.locator('.bpr-sim-state').getAttribute('data-state'), { timeout: 90_000 }).toBe('done');
    // 4,800 cases × (8 + 3) staff minutes = 880 h/yr; arrivals are random, so ±10 % (several standard deviations over 3 runs).
    const staffHours = page.locator('.bpr-sim-kpi[data-kpi="staffHours"]');
    await expect.poll(() => staffHours.textContent()).toMatch(/年間職員作業時間[\d,]+時間\/年（95%信頼区間 [\d,]+〜[\d,]+）/);
    const hours = Number(/年間職員作業時間([\d,]+)時間/.exec((await staffHours.textContent()) ?? '')![1].replace(/,/g, ''));
    expect(hours).toBeGreaterThan(880 * 0.9);
    expect(hours).toBeLessThan(880 * 1.1);
    await screenshot(page, 'exchange-survey-simulation', true);

    await page.getByRole('tab', { name: 'ワークスペース' }).click();
    await waitForWorkspace(page);
    await page.getByRole('region', { name: '市民課', exact: true }).getByRole('button', { name: '「住民票の写し交付」（As-Is）を開く' }).waitFor();
    expect(pageErrors).toEqual([]);
  });

  it('given an exported workspace, when imported into another browser with 置き換え, then it holds the same processes, and into a non-empty one the merge/replace choice is required', async () => {
    const { browser, page } = session();
    await openApp(page);
    await page.getByRole('button', { name: '新規プロセス' }).click();
    const create = page.getByRole('dialog', { name: '新規プロセス' });
    await create.getByLabel('プロセス名').fill('書き出し確認申請');
    await create.getByLabel('担当課').fill('テスト課');
    await create.getByRole('button', { name: '作成' }).click();
    await waitForDiagram(page);
    await page.getByRole('tab', { name: 'ワークスペース' }).click();
    await waitForWorkspace(page);
    const exportedLabels = await processCardLabels(page);
    expect(exportedLabels).toContain('書き出し確認申請 As-Is');

    const { fileName, json } = await exportWorkspace(page);
    expect(fileName).toBe(`bpr-studio_マイワークスペース_${japanToday()}.json`);
    expect(JSON.parse(json).processes).toHaveLength(exportedLabels.length);
    await page
      .getByRole('status')
      .filter({ hasText: `ワークスペースを「${fileName}」に書き出しました` })
      .waitFor();

    // Another browser profile: seeded with the samples only, so not empty.
    const other = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'ja-JP' });
    try {
      const fresh = await other.newPage();
      await openApp(fresh);
      const freshLabels = await processCardLabels(fresh);
      expect(freshLabels).not.toContain('書き出し確認申請 As-Is');

      // Not a workspace file: a Japanese error naming the problem, nothing changes.
      await pickWorkspaceFile(fresh, 'メモ.json', JSON.stringify({ format: 'something-else' }));
      await fresh.getByRole('alert').filter({ hasText: '「メモ.json」はワークスペースファイルとして読み込めません' }).waitFor();
      expect(await fresh.getByRole('alert').textContent()).toContain('BPR Studio のワークスペースファイルではありません');
      expect(await processCardLabels(fresh)).toEqual(freshLabels);

      await pickWorkspaceFile(fresh, fileName, json);
      const dialog = fresh.getByRole('dialog', { name: 'ワークスペースの読み込み' });
      await dialog.waitFor();
      expect(await dialog.getByTestId('file-processes').textContent()).toBe(`${exportedLabels.length} 件`);
      expect(await dialog.getByTestId('current-processes').textContent()).toBe(`${freshLabels.length} 件`);
      const modes = dialog.getByRole('group', { name: '読み込み方法を選んでください' });
      expect(await modes.getByRole('radio').count()).toBe(2);
      // No silent default: nothing happens until 統合 or 置き換え is chosen.
      expect(await dialog.getByRole('button', { name: '読み込む' }).isDisabled()).toBe(true);
      await screenshot(fresh, 'exchange-workspace-import');
      await modes.getByRole('radio', { name: /置き換え/ }).check();
      await dialog.getByRole('button', { name: '読み込む' }).click();

      const confirm = fresh.getByRole('dialog', { name: 'ワークスペースの置き換え' });
      await confirm.waitFor();
      const message = (await confirm.textContent()) ?? '';
      expect(message).toContain(`プロセス ${freshLabels.length} 件`);
      expect(message).toContain(`「${freshLabels[0].replace(/ (As-Is|To-Be)$/, '')}」`);
      expect(message).toContain('元に戻せません');
      await confirm.getByRole('button', { name: '置き換える' }).click();
      await fresh
        .getByRole('status')
        .filter({ hasText: `「${fileName}」で置き換えました` })
        .waitFor();
      await expect.poll(() => processCardLabels(fresh)).toEqual(exportedLabels);

      // Survives a reload, and the samples are not seeded into the imported workspace again.
      await reloadToWorkspace(fresh);
      await expect.poll(() => processCardLabels(fresh)).toEqual(exportedLabels);
    } finally {
      await other.close();
    }

    // The same file merged back into its origin: identical processes are not duplicated.
    await pickWorkspaceFile(page, fileName, json);
    const dialog = page.getByRole('dialog', { name: 'ワークスペースの読み込み' });
    await dialog.getByRole('radio', { name: /統合/ }).check();
    await dialog.getByRole('button', { name: '読み込む' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `同じ内容 ${exportedLabels.length} 件は追加せず` })
      .waitFor();
    expect(await processCardLabels(page)).toEqual(exportedLabels);
  });

  it('given an exported workspace in which one diagram got damaged, when imported, then the dialog names that process before the choice, and after 統合 the rest is there and the notice lists it', async () => {
    const { page } = session();
    await openApp(page);
    const before = await processCardLabels(page);
    const { json } = await exportWorkspace(page);
    const file = JSON.parse(json) as { processes: Array<{ id: string; name: string; kind: string; xml: string }> };
    // A copy of the workspace under new ids and names, so 統合 adds it; one diagram cut off mid-element.
    file.processes = file.processes.map((p) => ({ ...p, id: `copy-${p.id}`, name: `${p.name}（写し）` }));
    for (const p of file.processes)
      if ('linkedProcessId' in p) (p as { linkedProcessId?: string }).linkedProcessId = `copy-${(p as { linkedProcessId: string }).linkedProcessId}`;
    const damaged = file.processes.find((p) => p.kind === 'as-is')!;
    damaged.xml = damaged.xml.slice(0, Math.floor(damaged.xml.length / 2));
    const withoutInitiatives = { ...file, initiatives: [] };
    await pickWorkspaceFile(page, '写し.json', JSON.stringify(withoutInitiatives));

    const dialog = page.getByRole('dialog', { name: 'ワークスペースの読み込み' });
    const refused = dialog.getByTestId('refused-processes');
    await refused.waitFor();
    expect(await refused.textContent()).toContain('1 件のプロセスは図を読み込めないため取り込みません');
    expect(await refused.textContent()).toContain(`プロセス「${damaged.name}」は読み込みませんでした`);
    await dialog.getByRole('radio', { name: /統合/ }).check();
    await dialog.getByRole('button', { name: '読み込む' }).click();

    const notice = page.getByRole('alert').filter({ hasText: '1 件のプロセスを読み込めなかったため除外し、残りを読み込みました' });
    await notice.waitFor();
    expect(await notice.textContent()).toContain(`プロセス「${damaged.name}」は読み込みませんでした`);
    const after = await processCardLabels(page);
    expect(after.length).toBe(before.length * 2 - 1);
    expect(after.some((l) => l.startsWith(damaged.name))).toBe(false);
    expect(after.filter((l) => l.includes('（写し）'))).toHaveLength(file.processes.length - 1);
  });
});
