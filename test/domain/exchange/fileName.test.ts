import { describe, expect, it } from 'vitest';
import { exportFileName, fileNamePart, localDateStamp, processFileParts, scenarioLabel } from '../../../src/domain/exchange/fileName';

describe('export file names', () => {
  it('given an instant that is still 6 December in UTC but 01:30 on 7 December in Japan, when it is stamped, then the Japanese date is used', () => {
    // 16:30 UTC + 9 h = 01:30 JST the next day.
    const instant = new Date('2026-12-06T16:30:00Z');
    expect(localDateStamp(instant)).toBe('2026-12-07');
    expect(exportFileName({ parts: ['転入届', scenarioLabel('as-is')], date: instant, ext: 'bpmn' })).toBe('転入届_As-Is_2026-12-07.bpmn');
  });

  it('given an instant at 14:59 UTC (23:59 JST), when it is stamped, then it stays on the same Japanese day', () => {
    expect(localDateStamp(new Date('2026-12-06T14:59:59Z'))).toBe('2026-12-06');
    expect(localDateStamp(new Date('2026-12-06T15:00:00Z'))).toBe('2026-12-07');
  });

  it('given another time zone, when it is stamped, then that zone’s calendar day is used', () => {
    expect(localDateStamp(new Date('2026-12-06T16:30:00Z'), 'UTC')).toBe('2026-12-06');
  });

  it('given names with characters Windows and macOS refuse, when a name is made, then each becomes 「_」 and the Japanese text is kept', () => {
    expect(fileNamePart('a/b\\c:d*e?f"g<h>i|j')).toBe('a_b_c_d_e_f_g_h_i_j');
    expect(fileNamePart('起案・決裁（現行・紙回議）')).toBe('起案・決裁（現行・紙回議）');
    expect(fileNamePart('  給与 支払\t報告書 ')).toBe('給与_支払_報告書');
    expect(fileNamePart('tab\u0000name\u001f')).toBe('tab_name');
    // Windows drops trailing dots; leading dots would hide the file on macOS.
    expect(fileNamePart('..秘密...')).toBe('秘密');
  });

  it('given a To-Be compared with its As-Is, when the sheet name is made, then both maps and 比較 are named with the date', () => {
    const date = new Date('2026-04-01T00:00:00+09:00');
    expect(exportFileName({ parts: ['転入届（現行）', '転入届（書かない窓口・ワンストップ）', '比較'], date, ext: 'csv' })).toBe(
      '転入届（現行）_転入届（書かない窓口・ワンストップ）_比較_2026-04-01.csv',
    );
  });

  it('given empty or unusable parts, when a name is made, then they are left out, and 「export」 stands in when nothing is left', () => {
    const date = new Date('2026-12-07T03:00:00Z');
    expect(exportFileName({ parts: ['取組一覧', undefined, ''], date, ext: '.xlsx' })).toBe('取組一覧_2026-12-07.xlsx');
    expect(exportFileName({ parts: ['///'], date, ext: 'json' })).toBe('export_2026-12-07.json');
  });

  it('given a very long process name, when a name is made, then the part is cut at 60 characters', () => {
    const long = 'あ'.repeat(100);
    expect(exportFileName({ parts: [long], date: new Date('2026-12-07T03:00:00Z'), ext: 'bpmn' })).toBe(`${'あ'.repeat(60)}_2026-12-07.bpmn`);
  });
});

describe('process file parts', () => {
  it('given a To-Be scenario whose name the process name does not hold, when named, then the scenario is added; otherwise not twice', () => {
    expect(processFileParts({ name: '転入届', kind: 'to-be', scenarioName: '書かない窓口' })).toEqual(['転入届', 'To-Be-書かない窓口']);
    expect(processFileParts({ name: '転入届（To-Be: 書かない窓口）', kind: 'to-be', scenarioName: '書かない窓口' })).toEqual([
      '転入届（To-Be: 書かない窓口）',
      'To-Be',
    ]);
    expect(processFileParts({ name: '転入届（現行）', kind: 'as-is' })).toEqual(['転入届（現行）', 'As-Is']);
  });
});
