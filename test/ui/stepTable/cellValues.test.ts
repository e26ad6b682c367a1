import { describe, expect, it } from 'vitest';
import {
  applyCells,
  automationFromCell,
  CellError,
  cellText,
  lagFromCell,
  parseNumberCell,
  staffFromCells,
} from '../../../src/ui/process/stepTable/cellValues';
import type { StepAnnotation } from '../../../src/domain/model/annotations';

describe('parseNumberCell', () => {
  it('given full-width digits, separators and a unit, when parsed, then the number comes back', () => {
    expect(parseNumberCell('１，２００分', 'x')).toBe(1200);
    expect(parseNumberCell(' 2.5 枚', 'x')).toBe(2.5);
    expect(parseNumberCell('', 'x')).toBeUndefined();
  });

  it('given text, when parsed, then a Japanese message names the column', () => {
    expect(() => parseNumberCell('たくさん', '紙の枚数')).toThrow('紙の枚数「たくさん」は数値ではありません');
  });
});

describe('staffFromCells', () => {
  it('given min, mode and max, when mapped, then it is a three-point estimate', () => {
    expect(staffFromCells('5', '8', '15')).toEqual({ type: 'triangular', min: 5, mode: 8, max: 15 });
  });
  it('given only the mode, when mapped, then it is a fixed time', () => {
    expect(staffFromCells('', '12', '')).toEqual({ type: 'fixed', value: 12 });
  });
  it('given min and max without mode, when mapped, then it is uniform', () => {
    expect(staffFromCells('3', '', '9')).toEqual({ type: 'uniform', min: 3, max: 9 });
  });
  it('given all empty, when mapped, then there is no staff time', () => {
    expect(staffFromCells('', '', '')).toBeUndefined();
  });
  it('given min without max, when mapped, then a Japanese message explains what to enter', () => {
    expect(() => staffFromCells('3', '5', '')).toThrow(CellError);
  });
});

describe('lagFromCell and automationFromCell', () => {
  it('given value with unit words, when parsed, then the unit follows the word', () => {
    expect(lagFromCell('2営業日', undefined)).toEqual({ distribution: { type: 'fixed', value: 2 }, unit: 'businessDays' });
    expect(lagFromCell('30分', undefined)?.unit).toBe('minutes');
  });
  it('given a bare number, when parsed, then the current unit and reason are kept', () => {
    const current = { distribution: { type: 'fixed' as const, value: 1 }, unit: 'minutes' as const, reason: '決裁待ち' };
    expect(lagFromCell('45', current)).toEqual({ distribution: { type: 'fixed', value: 45 }, unit: 'minutes', reason: '決裁待ち' });
  });
  it('given a Japanese label or a key, when parsed, then the automation kind is found; unknown text is rejected', () => {
    expect(automationFromCell('電子決裁')).toBe('e-approval');
    expect(automationFromCell('RPA')).toBe('rpa');
    expect(() => automationFromCell('ロボット')).toThrow(/自動化「ロボット」は選べません/);
  });
});

describe('applyCells', () => {
  const current: StepAnnotation = {
    staffTime: { type: 'normal', mean: 10, sd: 2 },
    residentTime: { type: 'triangular', min: 1, mode: 2, max: 6 },
    paperSheets: 2,
  };

  it('given cells shown unchanged, when applied, then non-fixed distributions are kept exactly', () => {
    const shown = {
      staffMode: cellText('staffMode', '', current),
      resident: cellText('resident', '', current),
      paper: '2',
    };
    expect(shown.resident).toBe('≈3');
    expect(applyCells(current, shown)).toEqual(current);
  });

  it('given new figures, when applied, then only the edited fields change', () => {
    const next = applyCells(current, { staffMin: '5', staffMode: '8', staffMax: '15', paper: '', automation: 'RPA' });
    expect(next.staffTime).toEqual({ type: 'triangular', min: 5, mode: 8, max: 15 });
    expect(next.residentTime).toEqual(current.residentTime);
    expect(next.paperSheets).toBeUndefined();
    expect(next.automation).toBe('rpa');
  });

  it('given one staff cell of a three-point estimate, when applied, then the other two are kept', () => {
    const tri: StepAnnotation = { staffTime: { type: 'triangular', min: 5, mode: 8, max: 15 } };
    expect(applyCells(tri, { staffMax: '20' }).staffTime).toEqual({ type: 'triangular', min: 5, mode: 8, max: 20 });
  });
});
