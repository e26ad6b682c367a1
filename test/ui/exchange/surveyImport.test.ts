import { describe, expect, it } from 'vitest';
import { surveyTemplateXlsx } from '../../../src/domain/exchange/survey';
import { MissingDepartmentError, plannedSurveyProcesses, previewSurvey, sheetDepartments } from '../../../src/ui/exchange/surveyImport';

const utf8 = (text: string) => new TextEncoder().encode(text);

const SURVEY = [
  '業務名,手順,担当,処理時間(分),件数/年,住民の記入時間(分)',
  '住民票の写し交付,申請書を記入する,住民,5,4800,',
  '住民票の写し交付,本人確認をして交付する,窓口担当,8,,2',
  '印鑑登録,申請書を受け付ける,窓口担当,6,1200,',
  '印鑑登録,登録する,審査担当,4,,',
].join('\n');

describe('業務量調査 import (dialog helpers)', () => {
  it('given a survey CSV without 担当課, when previewed, then one process per 業務名 with steps and lanes, none with a sheet department', async () => {
    const preview = await previewSurvey('調査.csv', utf8(SURVEY));
    if (!preview.ok) throw new Error(preview.problems.join('\n'));
    expect(preview.hasDepartmentColumn).toBe(false);
    expect(preview.processes.map((p) => [p.name, p.stepCount, p.roles, p.annualVolume, p.sheetDepartment])).toEqual([
      ['住民票の写し交付', 2, ['住民', '窓口担当'], 4800, undefined],
      ['印鑑登録', 2, ['窓口担当', '審査担当'], 1200, undefined],
    ]);
    expect(preview.processes[0].xml).toContain('bpmndi:BPMNShape');
  });

  it('given a survey with a 担当課 column, when previewed, then each business takes its department from the sheet (carried over blank 業務名 cells)', async () => {
    const csv = [
      '業務名,担当課,手順,担当,処理時間(分)',
      '住民票の写し交付,市民課,受付,窓口担当,5',
      ',,交付,窓口担当,3',
      '印鑑登録,戸籍住民課,登録,審査担当,4',
    ].join('\n');
    const preview = await previewSurvey('調査.csv', utf8(csv));
    if (!preview.ok) throw new Error(preview.problems.join('\n'));
    expect(preview.hasDepartmentColumn).toBe(true);
    expect(preview.processes.map((p) => [p.name, p.sheetDepartment])).toEqual([
      ['住民票の写し交付', '市民課'],
      ['印鑑登録', '戸籍住民課'],
    ]);
  });

  it('given a survey with bad rows, when previewed, then every problem names its row and column and no process is offered', async () => {
    const csv = ['業務名,手順,担当,処理時間(分)', '住民票の写し交付,受付,,5', '住民票の写し交付,交付,窓口担当,約3'].join('\n');
    const preview = await previewSurvey('調査.csv', utf8(csv));
    expect(preview.ok).toBe(false);
    const problems = preview.ok ? [] : preview.problems;
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/2行目の「担当」/);
    expect(problems[1]).toMatch(/3行目の「処理時間\(分\)」/);
  });

  it('given the .xlsx template, when previewed, then its example business is found', async () => {
    const preview = await previewSurvey('テンプレート.xlsx', surveyTemplateXlsx());
    if (!preview.ok) throw new Error(preview.problems.join('\n'));
    expect(preview.processes.map((p) => p.name)).toEqual(['住民票の写し交付']);
  });

  it('given a file that is neither CSV text nor xlsx, when previewed, then a Japanese problem is returned instead of an exception', async () => {
    const preview = await previewSurvey('古い.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]));
    expect(preview.ok).toBe(false);
    expect(!preview.ok && preview.problems.join()).toMatch(/\.xls/);
  });

  it('given a preview, when planned with a typed 担当課, then As-Is processes get the sheet department first, the field otherwise, and unique names', async () => {
    const planned = plannedSurveyProcesses(
      [
        { name: '住民票の写し交付', xml: '<a/>', roles: [], stepCount: 1, notes: [] },
        { name: '印鑑登録', xml: '<b/>', roles: [], stepCount: 1, notes: [], sheetDepartment: '戸籍住民課' },
      ],
      ' 市民課 ',
      ['住民票の写し交付'],
      '取込',
    );
    expect(planned.map((p) => [p.name, p.department, p.kind])).toEqual([
      ['住民票の写し交付 (取込)', '市民課', 'as-is'],
      ['印鑑登録', '戸籍住民課', 'as-is'],
    ]);
    expect(new Set(planned.map((p) => p.ref)).size).toBe(2);
  });

  it('given a business without a sheet department and an empty field, when planned, then MissingDepartmentError names the business', () => {
    expect(() => plannedSurveyProcesses([{ name: '印鑑登録', xml: '<b/>', roles: [], stepCount: 1, notes: [] }], '  ', [], '取込')).toThrow(
      MissingDepartmentError,
    );
    expect(() => plannedSurveyProcesses([{ name: '印鑑登録', xml: '<b/>', roles: [], stepCount: 1, notes: [] }], '', [], '取込')).toThrow(/「印鑑登録」/);
  });

  it('given rows without a 担当課 header, when departments are read, then there are none', () => {
    expect(
      sheetDepartments([
        ['業務名', '手順'],
        ['a', 'b'],
      ]),
    ).toBeUndefined();
    expect(
      sheetDepartments([
        ['手順', '担当課'],
        ['受付', '市民課'],
      ]),
    ).toEqual({ byBusiness: new Map(), first: '市民課' });
  });
});
