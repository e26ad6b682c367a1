import { describe, expect, it } from 'vitest';
import { applyTemplate, checkParamValue, InterventionError, readParamInput, TEMPLATES } from '../../../src/domain/analysis/interventions';
import { messages } from '../../../src/i18n/core';
import { linearBpmn } from './compareFixtures';

const specOf = (template: keyof typeof TEMPLATES, key: string) => TEMPLATES[template].params.find((p) => p.key === key)!;

const counter = linearBpmn({
  annualVolume: 1000,
  roles: [
    { name: '住民', hourlyCost: 0 },
    { name: '窓口担当', hourlyCost: 3500, headcount: 2 },
  ],
  steps: [
    { id: 'Task_Write', name: '申請書を記入', role: '住民', staff: { type: 'fixed', value: 0 }, resident: { type: 'fixed', value: 10 } },
    { id: 'Task_Counter', name: '受付', role: '窓口担当', staff: { type: 'fixed', value: 18 }, resident: { type: 'fixed', value: 18 } },
    { id: 'Task_Input', name: 'システム入力', role: '窓口担当', staff: { type: 'fixed', value: 10 } },
  ],
});

describe('typed template parameters', () => {
  it('given every template parameter, when its type is looked at, then choices carry Japanese labels and numbers a unit', () => {
    for (const t of Object.values(TEMPLATES))
      for (const p of t.params) {
        if (p.type.kind === 'choice') for (const o of p.type.options) expect(o.label).toMatch(/\P{ASCII}/u);
        if (['yen', 'minutes', 'percent', 'quantity'].includes(p.type.kind)) expect(p.unit).not.toBe('');
      }
    expect(specOf('kakanai', 'counterKind').type).toEqual({
      kind: 'choice',
      options: [
        { value: 'notification', label: '届出' },
        { value: 'certificate', label: '証明書' },
      ],
    });
    expect(specOf('kakanai', 'oneStop').type.kind).toBe('boolean');
    expect(specOf('rpa', 'licenceYenPerRobotYear').type.kind).toBe('yen');
  });

  it('given every template parameter, when the dialog labels are looked up, then ja equals the spec label and en exists, and every choice has both', () => {
    for (const t of Object.values(TEMPLATES))
      for (const p of t.params) {
        expect(messages.ja[`templates.p.${t.id}.${p.key}`]).toBe(p.label);
        expect(messages.en[`templates.p.${t.id}.${p.key}`]).toBeTruthy();
        if (p.type.kind === 'choice')
          for (const o of p.type.options) {
            expect(messages.ja[`templates.opt.${p.key}.${o.value}`]).toBe(o.label);
            expect(messages.en[`templates.opt.${p.key}.${o.value}`]).toBeTruthy();
          }
      }
  });

  it('given ¥ typed as people write it, when read, then separators, ¥ and 円 are understood and "abc" is refused naming the field', () => {
    const yen = specOf('rpa', 'licenceYenPerRobotYear');
    expect(readParamInput(yen, '600,000')).toEqual({ ok: true, value: 600000 });
    expect(readParamInput(yen, '¥１,２００,０００')).toEqual({ ok: true, value: 1200000 });
    expect(readParamInput(yen, '480000円')).toEqual({ ok: true, value: 480000 });
    expect(readParamInput(yen, '')).toEqual({ ok: true, value: undefined });
    const bad = readParamInput(yen, 'abc');
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.problem).toMatchObject({ key: 'licenceYenPerRobotYear', label: 'ロボット1台の年間ライセンス料', code: 'notYen', input: 'abc' });
    expect(readParamInput(yen, '-5')).toMatchObject({ ok: false, problem: { code: 'belowMin', min: 0 } });
    // "1e3" is a number, "0x10" and "12abc" are not what a person means by a price.
    expect(readParamInput(yen, '0x10').ok).toBe(false);
    expect(readParamInput(yen, '12abc').ok).toBe(false);
  });

  it('given percents, minutes and counts, when read, then units are stripped and bounds refused: percent above 100, a fraction of a robot', () => {
    expect(readParamInput(specOf('rpa', 'exceptionPercent'), '15%')).toEqual({ ok: true, value: 15 });
    expect(readParamInput(specOf('rpa', 'exceptionPercent'), '150')).toMatchObject({ ok: false, problem: { code: 'aboveMax', max: 100 } });
    expect(readParamInput(specOf('rpa', 'checkMinutes'), '2.5分')).toEqual({ ok: true, value: 2.5 });
    expect(readParamInput(specOf('rpa', 'checkMinutes'), '自動')).toEqual({ ok: true, value: undefined });
    expect(readParamInput(specOf('rpa', 'robots'), '1.5')).toMatchObject({ ok: false, problem: { code: 'notInteger' } });
    expect(readParamInput(specOf('rpa', 'robots'), '0')).toMatchObject({ ok: false, problem: { code: 'belowMin', min: 1 } });
  });

  it('given a choice, when read, then the option value or its Japanese label is accepted and anything else refused', () => {
    const kind = specOf('kakanai', 'counterKind');
    expect(readParamInput(kind, 'certificate')).toEqual({ ok: true, value: 'certificate' });
    expect(readParamInput(kind, '証明書')).toEqual({ ok: true, value: 'certificate' });
    expect(readParamInput(kind, '住民票')).toMatchObject({ ok: false, problem: { code: 'notChoice', input: '住民票' } });
    expect(checkParamValue(kind, 'certificat')?.code).toBe('notChoice');
    expect(checkParamValue(specOf('kakanai', 'oneStop'), 'yes')?.code).toBe('notBoolean');
  });

  it('given a value of the wrong type handed to applyTemplate, when applied, then it is refused with a message naming the field instead of silently using the default', async () => {
    await expect(applyTemplate(counter, 'kakanai', [], { counterKind: 'certificat' })).rejects.toThrowError(InterventionError);
    await expect(applyTemplate(counter, 'kakanai', [], { counterKind: 'certificat' })).rejects.toThrowError(
      '「窓口の種類」の「certificat」は選択肢にありません',
    );
    await expect(applyTemplate(counter, 'rpa', ['Task_Input'], { licenceYenPerRobotYear: 'abc' })).rejects.toThrowError(
      '「ロボット1台の年間ライセンス料」の「abc」は金額（円）として読めません',
    );
  });

  it('given 書かない窓口 for 証明書 with the factor left at 自動, when applied, then the preview states 10 ÷ 18 = 55.56% from 岩見沢市', async () => {
    const r = await applyTemplate(counter, 'kakanai', [], { counterKind: 'certificate' });
    const factor = r.parameters.find((p) => p.key === 'counterFactorPercent')!;
    expect(factor.value).toBe('auto');
    expect(factor.auto).toEqual({ text: '55.56%（証明書）', source: 'iwamizawaKakanai', derivation: '岩見沢市 証明書交付 18分 → 10分（10 ÷ 18）' });
    // The counter step takes the same factor: 18 min × 10/18 = 10 min.
    expect(r.changes.find((c) => c.elementId === 'Task_Counter')?.description).toContain('平均18分 → 10分');
    const set = await applyTemplate(counter, 'kakanai', [], { counterFactorPercent: 50 });
    const entered = set.parameters.find((p) => p.key === 'counterFactorPercent')!;
    expect(entered).toMatchObject({ value: 50, overridden: true });
    expect(entered.auto).toBeUndefined();
  });

  it('given RPA with the check time left at 自動, when applied, then the preview states the check minutes per step: 10 × (1 − 84.9% − 10%) = 0.51 分', async () => {
    const r = await applyTemplate(counter, 'rpa', ['Task_Input'], {});
    expect(r.parameters.find((p) => p.key === 'checkMinutes')?.auto).toMatchObject({ text: '「システム入力」0.51分', source: 'yokohamaRpa' });
  });
});
