import { describe, expect, it } from 'vitest';
import { openApp, openProcess, screenshot, useBrowser } from './support/browser';
import { findSample, kindLabel } from './support/samples';

const session = useBrowser();

describe('improvement template parameters in plain Japanese', () => {
  it('given 転入届 As-Is, when a person opens the template dialog, picks 証明書, types "abc" as a licence fee and fixes it, then the controls speak Japanese, the field is named in the message and the preview states the factor and its source', async () => {
    const { page, pageErrors } = session();
    const sample = findSample('転入届', 'as-is');
    await openApp(page);
    await openProcess(page, sample.name, kindLabel(sample.kind));

    await page.getByRole('button', { name: '改善テンプレート', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: `改善テンプレート: ${sample.name}` });
    await dialog.waitFor();
    await dialog.getByRole('radio', { name: /書かない窓口/ }).check();

    // 窓口の種類 is a select with Japanese options, ワンストップ a checkbox.
    const kind = dialog.getByLabel('窓口の種類');
    expect(await kind.evaluate((el) => el.tagName)).toBe('SELECT');
    expect(await kind.locator('option').allTextContents()).toEqual(['届出', '証明書']);
    expect(await dialog.textContent()).not.toContain('notification');
    const oneStop = dialog.getByRole('checkbox', { name: 'ワンストップ（後の窓口での書き直しもなくす）' });
    expect(await oneStop.isChecked()).toBe(false);

    // 自動 says which value it will use: 届出 = 45 ÷ 54 = 83.33 %.
    const factorAuto = dialog.getByTestId('auto-counterFactorPercent');
    await expect.poll(() => factorAuto.textContent()).toBe('自動: 83.33%（届出） を使います');

    // 証明書 switches the factor to 10 ÷ 18 = 55.56 % from 岩見沢市, and the preview says so.
    await kind.selectOption({ label: '証明書' });
    await expect.poll(() => factorAuto.textContent()).toBe('自動: 55.56%（証明書） を使います');
    const used = dialog.getByTestId('template-used');
    await expect.poll(() => used.locator('li[data-param="counterFactorPercent"]').textContent()).toContain('55.56%（証明書）');
    const factorLine = (await used.locator('li[data-param="counterFactorPercent"]').textContent()) ?? '';
    expect(factorLine).toContain('出典: 岩見沢市 書かない窓口（証明書交付）');
    expect(factorLine).toContain('10 ÷ 18');
    expect(await used.locator('li[data-param="counterKind"]').textContent()).toContain('窓口の種類: 証明書（入力値）');
    await kind.scrollIntoViewIfNeeded();
    await screenshot(page, 'template-kakanai-params');

    // RPA: the licence is ¥ with separators; "abc" is refused naming the field, and nothing can be created.
    await dialog.getByRole('radio', { name: /RPA/ }).check();
    const licence = dialog.getByLabel('ロボット1台の年間ライセンス料');
    await expect.poll(() => licence.inputValue()).toBe('600,000');
    await licence.fill('abc');
    const alert = dialog.getByRole('alert').filter({ hasText: '読めない前提値' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain('「ロボット1台の年間ライセンス料」: 「abc」は金額として読めません');
    expect(await dialog.getByRole('button', { name: '作成', exact: true }).isDisabled()).toBe(true);
    await screenshot(page, 'template-rpa-bad-yen');

    // Typed without separators, the fee is read and regrouped on leaving the field; the preview uses it.
    await licence.fill('1200000');
    await licence.blur();
    await expect.poll(() => licence.inputValue()).toBe('1,200,000');
    await expect.poll(() => alert.count()).toBe(0);
    const licenceLine = used.locator('li[data-param="licenceYenPerRobotYear"]');
    await expect.poll(() => licenceLine.textContent()).toBe('ロボット1台の年間ライセンス料: 1,200,000円/年（入力値）');
    // The check time left at 自動 names the value per selected step.
    await expect.poll(() => dialog.getByTestId('auto-checkMinutes').textContent()).toMatch(/^自動: 「.+」[\d.]+分/);
    const reduction = (await used.locator('li[data-param="reductionPercent"]').textContent()) ?? '';
    expect(reduction).toContain('84.9%');
    expect(reduction).toContain('出典: 横浜市 RPA実証の平均削減率');
    await used.scrollIntoViewIfNeeded();
    await screenshot(page, 'template-rpa-params');
    expect(pageErrors).toEqual([]);
  });
});
