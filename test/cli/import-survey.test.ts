import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BpmnModdle } from 'bpmn-moddle';
import { describe, expect, it } from 'vitest';
import { bpr as run } from '../support/cli';
import { bprDescriptor } from '../../src/domain/bpmn/bprDescriptor';
import { toCsv } from '../../src/domain/exchange/csv';
import { writeXlsx } from '../../src/domain/exchange/xlsx';
import { loadSimModel } from '../../src/domain/sim/loadDiagram';
import { runSimulation } from '../../src/domain/sim/runSimulation';

const bpr = (...args: string[]) => run('import-survey', ...args);

const rows = [
  ['業務名', '手順', '担当', '処理時間(分)', '件数/年', '住民の記入時間(分)'],
  ['転入届', '届出書を記入する', '住民', 6, 1200, null],
  ['転入届', '受付・本人確認', '窓口担当', 5, null, 1],
  ['転入届', '住基システム入力', '入力担当', 10, null, null],
  ['児童手当', '審査', '審査担当', 15, 300, null],
];
const dir = mkdtempSync(join(tmpdir(), 'bpr-import-survey-'));
const csvFile = join(dir, '調査.csv');
writeFileSync(csvFile, toCsv(rows), 'utf8');
const xlsxFile = join(dir, '調査.xlsx');
writeFileSync(xlsxFile, writeXlsx([{ name: '調査', rows }]));

describe('bpr import-survey', () => {
  it('given a CSV with two businesses and -o out.bpmn, when run, then out-1.bpmn and out-2.bpmn parse with bpmn-moddle with lanes, tasks and bpr: annotations, and simulate', async () => {
    const out = join(dir, 'out.bpmn');
    const r = await bpr(csvFile, '-o', out);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('「転入届」手順 3 件');
    expect(r.out).toContain('仮に1人');
    const xml = readFileSync(join(dir, 'out-1.bpmn'), 'utf8');
    expect(existsSync(join(dir, 'out-2.bpmn'))).toBe(true);

    const moddle = new BpmnModdle({ bpr: bprDescriptor as unknown as object });
    const { rootElement, warnings } = await moddle.fromXML(xml);
    expect(warnings).toEqual([]);
    const process = rootElement.rootElements.find((e: { $type: string }) => e.$type === 'bpmn:Process');
    expect(process.laneSets[0].lanes.map((l: { name: string }) => l.name)).toEqual(['住民', '窓口担当', '入力担当']);
    const tasks = process.flowElements.filter((e: { $type: string }) => e.$type === 'bpmn:Task');
    expect(tasks.map((t: { name: string }) => t.name)).toEqual(['届出書を記入する', '受付・本人確認', '住基システム入力']);
    const step = tasks[1].extensionElements.values[0];
    expect(step).toMatchObject({ $type: 'bpr:Step', role: '窓口担当' });
    expect(step.staffTime).toMatchObject({ type: 'fixed', value: 5 });
    expect(xml).toContain('<bpr:arrivals annualVolume="1200" calendar="office" />');
    expect(rootElement.diagrams[0].plane.planeElement.length).toBeGreaterThan(8);

    const loaded = await loadSimModel(xml);
    if (!loaded.ok) throw new Error(loaded.message);
    const result = runSimulation(loaded.model, { seed: 7, replications: 2, cases: 40 });
    // Fixed times and no branches: every case costs exactly 5 + 10 staff minutes (the resident's 6 are not staff time).
    expect(result.kpis.casesCompleted.mean).toBe(40);
    expect(result.kpis.staffMinutesPerCase.mean).toBeCloseTo(15, 9);
  });

  it('given an .xlsx and -o a folder, when run, then one file per 業務名 is written into the folder', async () => {
    const folder = join(dir, 'processes/');
    const r = await bpr(xlsxFile, '-o', folder);
    expect(r.code).toBe(0);
    expect(readFileSync(join(folder, '転入届.bpmn'), 'utf8')).toContain('name="転入届"');
    expect(existsSync(join(folder, '児童手当.bpmn'))).toBe(true);
  });

  it('given a survey with row errors, when run, then it exits 1 listing each row and column and writes nothing', async () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, toCsv([rows[0], ['転入届', '', '窓口担当', 5, 100, null], ['転入届', '審査', '審査担当', 'たくさん', null, null]]));
    const out = join(dir, 'bad-out.bpmn');
    const r = await bpr(bad, '-o', out);
    expect(r.code).toBe(1);
    expect(r.err).toContain('2行目の「手順」: 空欄です');
    expect(r.err).toContain('3行目の「処理時間(分)」: 数値ではありません');
    expect(existsSync(out)).toBe(false);
  });

  it('given no input file, when run, then it prints the usage and exits 2', async () => {
    const r = await bpr();
    expect(r.code).toBe(2);
    expect(r.err).toContain('使い方: npm run bpr -- import-survey');
  });
});
