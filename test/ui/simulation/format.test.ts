import { describe, expect, it } from 'vitest';
import { decimalsFor, formatEstimate, formatInterval, formatNumber, formatPlain } from '../../../src/ui/simulation/format';

describe('simulation number formatting', () => {
  it('given figures of different sizes, when formatted in Japanese, then thousands are grouped and decimals follow the size', () => {
    expect(formatNumber(1234.4, 'ja')).toBe('1,234');
    expect(formatNumber(46.94, 'ja')).toBe('46.9');
    expect(formatNumber(0.347, 'ja')).toBe('0.35');
    expect(decimalsFor(-250)).toBe(0);
  });

  it('given zero, NaN or infinity, when formatted, then no "0.00", "NaN" or "∞" reaches the user', () => {
    expect(formatNumber(0, 'ja')).toBe('0');
    expect(formatNumber(-0.0001, 'ja', 2)).toBe('0.00');
    expect(formatNumber(Number.NaN, 'ja')).toBe('―');
    expect(formatNumber(Infinity, 'en')).toBe('―');
  });

  it('given an estimate, when formatted in Japanese, then the mean, unit and 95% interval read as one sentence', () => {
    const f = formatEstimate({ mean: 1234.2, ci95: [1200.4, 1268.1] }, '時間/年', 'ja');
    expect(f.text).toBe('1,234 時間/年（95%信頼区間 1,200〜1,268）');
    expect(f.value).toBe('1,234');
  });

  it('given an estimate, when formatted in English, then the interval uses an en dash', () => {
    expect(formatEstimate({ mean: 46.94, ci95: [46.71, 47.12] }, 'min/case', 'en').text).toBe('46.9 min/case (95% CI 46.7–47.1)');
  });

  it('given a single replication, when formatted, then it says there is no interval instead of a zero-width one', () => {
    expect(formatEstimate({ mean: 5, ci95: [5, 5] }, '分', 'ja', 1, 1).text).toBe('5.00 分（反復1回のため信頼区間なし）');
  });

  it('given several replications that all gave 0, when formatted, then it says the value was the same in every replication, not that there was one replication', () => {
    const f = formatEstimate({ mean: 0, ci95: [0, 0] }, '枚/年', 'ja', 1, 5);
    expect(f.text).toBe('0 枚/年（全反復で同じ値のため区間の幅なし）');
    expect(f.text).not.toContain('反復1回');
    // A count the caller does not know (a comparison, an 取組 estimate) is never one replication.
    expect(formatEstimate({ mean: 0.23, ci95: [0.23, 0.23] }, '営業日', 'ja').ci).toBe('（全反復で同じ値のため区間の幅なし）');
  });

  it('given a utilisation fraction, when formatted as percent, then it is scaled and the unit is not spaced', () => {
    expect(formatEstimate({ mean: 0.2087, ci95: [0.203, 0.213] }, '%', 'ja', 100).text).toBe('20.9%（95%信頼区間 20.3〜21.3）');
    expect(formatInterval({ mean: 0.2087, ci95: [0.203, 0.213] }, 'ja', 100)).toBe('95%信頼区間 20.3〜21.3');
  });

  it('given plain figures, when formatted, then whole numbers show no decimals', () => {
    expect(formatPlain(3, 'ja')).toBe('3');
    expect(formatPlain(1.5, 'ja')).toBe('1.5');
    expect(formatPlain(Number.NaN, 'ja')).toBe('―');
  });
});
