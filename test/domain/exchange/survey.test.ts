import { describe, expect, it } from 'vitest';
import { readDiagramAnnotations } from '../../../src/domain/bpmn/annotationsRead';
import { createModdle } from '../../../src/domain/bpmn/moddle';
import { toCsv } from '../../../src/domain/exchange/csv';
import { importSurvey, readSurveyRows, readSurveyTable, SurveyImportError, surveyTemplateCsv, surveyTemplateXlsx } from '../../../src/domain/exchange/survey';
import { readXlsx, writeXlsx } from '../../../src/domain/exchange/xlsx';

const bytes = (s: string) => new TextEncoder().encode(s);

async function parse(xml: string) {
  const { rootElement, warnings } = await createModdle().fromXML(xml);
  return { defs: rootElement, warnings };
}

const survey = toCsv([
  ['業務名', '手順', '担当', '処理時間（分）', '件数／年', '住民の記入時間（分）'],
  ['転入届', '届出書を記入する', '住民', 6, '1,200', null],
  [null, '受付・本人確認', '窓口担当', 5, null, 1],
  [null, '住基システム入力', '入力担当', 10, null, null],
  [null, '決裁', '係長', 2, null, null],
  ['児童手当 認定請求', '請求書を記入する', '住民', 8, 300, null],
  ['児童手当 認定請求', '審査', '審査担当', 15, null, null],
]);

describe('readSurveyTable', () => {
  it('given full-width header variants and continuation rows without 業務名, when read, then steps group by business in order', () => {
    const [a, b] = readSurveyTable(readSurveyRows('s.csv', bytes(survey)));
    expect(a.name).toBe('転入届');
    expect(a.annualVolume).toBe(1200);
    expect(a.steps.map((s) => s.name)).toEqual(['届出書を記入する', '受付・本人確認', '住基システム入力', '決裁']);
    expect(a.steps[0]).toMatchObject({ row: 2, role: '住民', resident: true, residentTime: { type: 'fixed', value: 6 } });
    expect(a.steps[0].staffTime).toBeUndefined();
    expect(a.steps[1]).toMatchObject({ staffTime: { type: 'fixed', value: 5 }, residentTime: { type: 'fixed', value: 1 } });
    expect(b).toMatchObject({ name: '児童手当 認定請求', annualVolume: 300 });
    expect(b.steps).toHaveLength(2);
  });

  it('given 最小/最頻/最大 columns, when read, then the staff time is triangular', () => {
    const rows = [
      ['業務名', '手順', '担当', '最小(分)', '最頻(分)', '最大(分)', '件数/年'],
      ['交付', '審査', '審査担当', 5, 8, 20, 100],
    ];
    const [b] = readSurveyTable(rows);
    expect(b.steps[0].staffTime).toEqual({ type: 'triangular', min: 5, mode: 8, max: 20 });
  });

  it('given rows with a missing 手順, non-numeric minutes and conflicting volumes, when read, then every problem is listed with row and column', () => {
    const rows = [
      ['業務名', '手順', '担当', '処理時間(分)', '件数/年'],
      ['交付', '', '窓口', 5, 100],
      ['交付', '審査', '審査担当', '約10', 200],
      ['交付', '交付', '窓口', -1, null],
    ];
    let error: SurveyImportError | undefined;
    try {
      readSurveyTable(rows);
    } catch (e) {
      error = e as SurveyImportError;
    }
    expect(error).toBeInstanceOf(SurveyImportError);
    expect(error!.problems).toEqual([
      '2行目の「手順」: 空欄です。手順の名前を入力してください。',
      '3行目の「処理時間(分)」: 数値ではありません（「約10」）。半角または全角の数字で入力してください。',
      '3行目の「件数/年」: 業務「交付」の件数が 2行目 (100件) と異なります (200件)。1つの業務には1つの年間件数を入力してください。',
      '4行目の「処理時間(分)」: 負の値 (-1) は入力できません。',
    ]);
    expect(error!.message).toContain('4件の問題');
  });

  it('given a sheet without a 手順 header, when read, then the error says which headers are expected', () => {
    expect(() =>
      readSurveyTable([
        ['名前', '時間'],
        ['a', 1],
      ]),
    ).toThrow(/見出し行が見つかりません.*業務名.*手順/);
  });
});

describe('importSurvey', () => {
  it('given a CSV with two businesses, when imported, then each becomes a collaboration with lanes (住民 first), ordered tasks, flows and DI', async () => {
    const processes = await importSurvey('調査.csv', bytes(survey));
    expect(processes.map((p) => p.name)).toEqual(['転入届', '児童手当 認定請求']);
    const p = processes[0];
    expect(p.roles).toEqual(['住民', '窓口担当', '入力担当', '係長']);
    const { defs, warnings } = await parse(p.xml);
    expect(warnings).toEqual([]);
    const collab = defs.rootElements.find((r: { $type: string }) => r.$type === 'bpmn:Collaboration');
    const process = collab.participants[0].processRef;
    expect(collab.participants[0].name).toBe('転入届');
    expect(process.laneSets[0].lanes.map((l: { name: string }) => l.name)).toEqual(['住民', '窓口担当', '入力担当', '係長']);
    const tasks = process.flowElements.filter((e: { $type: string }) => e.$type === 'bpmn:Task');
    expect(tasks.map((t: { name: string }) => t.name)).toEqual(['届出書を記入する', '受付・本人確認', '住基システム入力', '決裁']);
    const flows = process.flowElements.filter((e: { $type: string }) => e.$type === 'bpmn:SequenceFlow');
    expect(flows.map((f: { sourceRef: { name: string }; targetRef: { name: string } }) => `${f.sourceRef.name}→${f.targetRef.name}`)).toEqual([
      '受付→届出書を記入する',
      '届出書を記入する→受付・本人確認',
      '受付・本人確認→住基システム入力',
      '住基システム入力→決裁',
      '決裁→完了',
    ]);

    const { annotations, issues } = readDiagramAnnotations(defs);
    expect(issues).toEqual([]);
    expect(Object.values(annotations.starts)[0]).toMatchObject({ annualVolume: 1200, calendar: 'office' });
    expect(annotations.steps[tasks[0].id]).toEqual({ role: '住民', residentTime: { type: 'fixed', value: 6 } });
    expect(annotations.steps[tasks[1].id]).toEqual({ role: '窓口担当', staffTime: { type: 'fixed', value: 5 }, residentTime: { type: 'fixed', value: 1 } });
    expect(annotations.settings.roles.map((r) => [r.name, r.headcount])).toEqual([
      ['住民', undefined],
      ['窓口担当', 1],
      ['入力担当', 1],
      ['係長', 1],
    ]);
    expect(annotations.settings.calendars.map((c) => c.id)).toEqual(['office']);
    expect(p.notes[0]).toContain('仮に1人');

    // Shapes: every flow node and lane has one; each task sits in its lane's band, left to right.
    const shapes = new Map<string, { x: number; y: number; width: number; height: number }>(
      defs.diagrams[0].plane.planeElement
        .filter((e: { $type: string }) => e.$type === 'bpmndi:BPMNShape')
        .map((s: { bpmnElement: { id: string }; bounds: never }) => [s.bpmnElement.id, s.bounds]),
    );
    for (const el of [...process.flowElements.filter((e: { $type: string }) => e.$type !== 'bpmn:SequenceFlow'), ...process.laneSets[0].lanes])
      expect(shapes.has(el.id), el.id).toBe(true);
    const edges = defs.diagrams[0].plane.planeElement.filter((e: { $type: string }) => e.$type === 'bpmndi:BPMNEdge');
    expect(edges).toHaveLength(flows.length);
    const xs = tasks.map((t: { id: string }) => shapes.get(t.id)!.x);
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
    process.laneSets[0].lanes.forEach((lane: { id: string; flowNodeRef: Array<{ id: string }> }) => {
      const band = shapes.get(lane.id)!;
      for (const n of lane.flowNodeRef) {
        const s = shapes.get(n.id)!;
        expect(s.y).toBeGreaterThanOrEqual(band.y);
        expect(s.y + s.height).toBeLessThanOrEqual(band.y + band.height);
      }
    });
  });

  it('given an .xlsx survey, when imported, then it reads the same as the CSV', async () => {
    const rows = readSurveyRows('s.csv', bytes(survey));
    const fromXlsx = await importSurvey('調査.xlsx', writeXlsx([{ name: '調査', rows }]));
    expect(fromXlsx.map((p) => [p.name, p.stepCount, p.annualVolume])).toEqual([
      ['転入届', 4, 1200],
      ['児童手当 認定請求', 2, 300],
    ]);
  });
});

describe('templates', () => {
  it('given the downloadable templates, when read back, then they have the headers and two example rows that import cleanly', async () => {
    const csvRows = readSurveyRows('t.csv', bytes(surveyTemplateCsv()));
    expect(csvRows[0]).toEqual(['業務名', '手順', '担当', '処理時間(分)', '件数/年', '住民の記入時間(分)']);
    expect(csvRows).toHaveLength(3);
    const xlsxRows = readXlsx(surveyTemplateXlsx())[0].rows;
    expect(xlsxRows[0]).toEqual(csvRows[0]);
    expect(xlsxRows).toHaveLength(3);
    const [p] = await importSurvey('template.xlsx', surveyTemplateXlsx());
    expect(p).toMatchObject({ name: '住民票の写し交付', stepCount: 2, annualVolume: 4800, roles: ['住民', '窓口担当'] });
  });
});
