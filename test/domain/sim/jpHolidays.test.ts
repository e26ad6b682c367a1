import { describe, expect, it } from 'vitest';
import { autumnalEquinoxDay, isJapaneseHoliday, japaneseHolidayName, japaneseHolidaysOf, vernalEquinoxDay } from '../../../src/domain/sim/jpHolidays';

const list = (y: number) => japaneseHolidaysOf(y).map((h) => `${h.m}/${h.d} ${h.name}`);

// Official lists (内閣府「国民の祝日について」), written out by hand.
describe('japaneseHolidaysOf: official lists', () => {
  it('given 2024, when computing, then the 21 holidays incl. four 振替休日 match', () => {
    expect(list(2024)).toEqual([
      '1/1 元日',
      '1/8 成人の日',
      '2/11 建国記念の日',
      '2/12 振替休日',
      '2/23 天皇誕生日',
      '3/20 春分の日',
      '4/29 昭和の日',
      '5/3 憲法記念日',
      '5/4 みどりの日',
      '5/5 こどもの日',
      '5/6 振替休日',
      '7/15 海の日',
      '8/11 山の日',
      '8/12 振替休日',
      '9/16 敬老の日',
      '9/22 秋分の日',
      '9/23 振替休日',
      '10/14 スポーツの日',
      '11/3 文化の日',
      '11/4 振替休日',
      '11/23 勤労感謝の日',
    ]);
  });

  it('given 2025, when computing, then the 19 holidays match (5/6 振替 for Sunday 5/4 skips the 5/5 祝日)', () => {
    expect(list(2025)).toEqual([
      '1/1 元日',
      '1/13 成人の日',
      '2/11 建国記念の日',
      '2/23 天皇誕生日',
      '2/24 振替休日',
      '3/20 春分の日',
      '4/29 昭和の日',
      '5/3 憲法記念日',
      '5/4 みどりの日',
      '5/5 こどもの日',
      '5/6 振替休日',
      '7/21 海の日',
      '8/11 山の日',
      '9/15 敬老の日',
      '9/23 秋分の日',
      '10/13 スポーツの日',
      '11/3 文化の日',
      '11/23 勤労感謝の日',
      '11/24 振替休日',
    ]);
  });

  it('given 2026, when computing, then the 18 holidays match incl. 9/22 国民の休日 between 敬老の日 and 秋分の日', () => {
    expect(list(2026)).toEqual([
      '1/1 元日',
      '1/12 成人の日',
      '2/11 建国記念の日',
      '2/23 天皇誕生日',
      '3/20 春分の日',
      '4/29 昭和の日',
      '5/3 憲法記念日',
      '5/4 みどりの日',
      '5/5 こどもの日',
      '5/6 振替休日',
      '7/20 海の日',
      '8/11 山の日',
      '9/21 敬老の日',
      '9/22 国民の休日',
      '9/23 秋分の日',
      '10/12 スポーツの日',
      '11/3 文化の日',
      '11/23 勤労感謝の日',
    ]);
  });
});

describe('special years', () => {
  it('given 2019, when computing, then 即位 days, the 10-day Golden Week and no 天皇誕生日 result', () => {
    expect(japaneseHolidayName(2019, 4, 30)).toBe('国民の休日');
    expect(japaneseHolidayName(2019, 5, 1)).toBe('天皇の即位の日');
    expect(japaneseHolidayName(2019, 5, 2)).toBe('国民の休日');
    expect(japaneseHolidayName(2019, 5, 6)).toBe('振替休日');
    expect(japaneseHolidayName(2019, 10, 22)).toBe('即位礼正殿の儀の行われる日');
    expect(isJapaneseHoliday(2019, 12, 23)).toBe(false);
    expect(isJapaneseHoliday(2019, 2, 23)).toBe(false);
    expect(isJapaneseHoliday(2018, 12, 23)).toBe(true);
    expect(list(2019)).toHaveLength(22);
  });

  it('given the Olympic years, when computing, then 海の日/スポーツの日/山の日 are moved', () => {
    expect(japaneseHolidayName(2020, 7, 23)).toBe('海の日');
    expect(japaneseHolidayName(2020, 7, 24)).toBe('スポーツの日');
    expect(japaneseHolidayName(2020, 8, 10)).toBe('山の日');
    expect(isJapaneseHoliday(2020, 10, 12)).toBe(false);
    expect(isJapaneseHoliday(2020, 8, 11)).toBe(false);
    expect(japaneseHolidayName(2021, 7, 22)).toBe('海の日');
    expect(japaneseHolidayName(2021, 7, 23)).toBe('スポーツの日');
    expect(japaneseHolidayName(2021, 8, 8)).toBe('山の日');
    expect(japaneseHolidayName(2021, 8, 9)).toBe('振替休日');
    expect(isJapaneseHoliday(2021, 10, 11)).toBe(false);
    expect(isJapaneseHoliday(2021, 7, 19)).toBe(false);
  });

  it('given years before the 2003/2007 law changes, when computing, then the old rules apply', () => {
    expect(japaneseHolidayName(2000, 1, 10)).toBe('成人の日'); // Happy Monday from 2000
    expect(japaneseHolidayName(2002, 7, 20)).toBe('海の日'); // fixed until 2002
    expect(japaneseHolidayName(2002, 9, 15)).toBe('敬老の日');
    expect(japaneseHolidayName(2006, 4, 29)).toBe('みどりの日');
    expect(japaneseHolidayName(2006, 5, 4)).toBe('国民の休日');
    expect(japaneseHolidayName(2007, 4, 29)).toBe('昭和の日');
    expect(japaneseHolidayName(2007, 5, 4)).toBe('みどりの日');
    expect(japaneseHolidayName(2015, 9, 22)).toBe('国民の休日'); // 2015 Silver Week
    expect(isJapaneseHoliday(2015, 8, 11)).toBe(false); // 山の日 from 2016
    expect(japaneseHolidayName(2016, 8, 11)).toBe('山の日');
  });
});

describe('rules', () => {
  it('given the equinox formula, when evaluated for known years, then it matches the announced dates', () => {
    expect([2024, 2025, 2026, 2027, 2028].map(vernalEquinoxDay)).toEqual([20, 20, 20, 21, 20]);
    expect([2024, 2025, 2026, 2027, 2028].map(autumnalEquinoxDay)).toEqual([22, 23, 23, 23, 22]);
  });

  it('given every year 2000–2099, when computing, then counts are plausible and no holiday falls on an unexpected Sunday name', () => {
    for (let y = 2000; y <= 2099; y++) {
      const hs = japaneseHolidaysOf(y);
      expect(hs.length).toBeGreaterThanOrEqual(15);
      expect(hs.length).toBeLessThanOrEqual(22);
      for (const h of hs) {
        const dow = new Date(Date.UTC(y, h.m - 1, h.d)).getUTCDay();
        if (h.name === '振替休日' || h.name === '国民の休日') expect(dow).not.toBe(0);
      }
    }
  });

  it('given an ordinary weekday, when asking, then it is not a holiday and has no name', () => {
    expect(isJapaneseHoliday(2025, 6, 10)).toBe(false);
    expect(japaneseHolidayName(2025, 6, 10)).toBeUndefined();
  });

  it('given a year outside 2000–2099, when asking, then a RangeError explains the supported range', () => {
    expect(() => isJapaneseHoliday(2100, 1, 1)).toThrow(/2000〜2099/);
    expect(() => isJapaneseHoliday(1999, 1, 1)).toThrow(RangeError);
  });
});
