import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../src/domain/exchange/csv';
import { spawnBpr } from '../support/cli';
import { diagramsRoot } from '../support/paths';

// One run per command of the `bpr` a person types (bin/bpr.mjs, the built bundle) in a process of its own:
// the exit code and the line that shows the command ran. What each command does is tested in-process in test/cli/.
const dir = mkdtempSync(join(tmpdir(), 'bpr-bin-'));
const asIs = join(diagramsRoot, 'tennyu-asis.bpmn');
const toBe = join(diagramsRoot, 'tennyu-tobe.bpmn');
const survey = join(dir, '調査.csv');
writeFileSync(
  survey,
  toCsv([
    ['課', '業務名', '手順', '担当', '処理時間(分)', '件数/年'],
    ['市民課', '転入届', '受付', '窓口担当', 5, 1200],
    ['市民課', '転入届', '入力', '入力担当', 10, null],
  ]),
);
const inventory = join(dir, '業務量.csv');
writeFileSync(
  inventory,
  toCsv([
    ['課', '業務名', '年間処理件数', '1件当たり処理時間（分）'],
    ['市民課', '転入届', 1200, 15],
  ]),
);

describe('bin/bpr.mjs', () => {
  it('given --help, when run, then it exits 0 and lists all eight commands', () => {
    const r = spawnBpr(['--help']);
    expect(r.code).toBe(0);
    for (const c of ['compare', 'export-qbp', 'import-survey', 'inventory', 'lint', 'rpa', 'simulate', 'validate'])
      expect(r.out).toMatch(new RegExp(`^  ${c} `, 'm'));
  });

  it('given a sample diagram, when validate runs, then it exits 0 and says it was read', () => {
    const r = spawnBpr(['validate', asIs]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('tennyu-asis.bpmn: 読み込みOK');
  });

  it('given a sample diagram, when lint runs, then it exits 0 with no problem', () => {
    const r = spawnBpr(['lint', asIs]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('→ 問題はありません');
  });

  it('given a sample diagram, when simulate --json runs, then it exits 0 with the JSON of 2 replications', () => {
    const r = spawnBpr(['simulate', asIs, '--json', '--replications', '2', '--cases', '50']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ replications: 2, seed: expect.any(Number) });
  });

  it('given the As-Is and To-Be samples, when compare runs, then it exits 0 with the hours saved', () => {
    const r = spawnBpr(['compare', asIs, toBe, '--replications', '2']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/削減した業務時間: [\d,.-]+時間\/年/);
  });

  it('given one As-Is sample, when rpa runs, then it exits 0 with the ranking table', () => {
    const r = spawnBpr(['rpa', asIs, '--replications', '2']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('RPA候補の順位');
  });

  it('given a survey CSV, when import-survey runs, then it exits 0 and writes the diagram', () => {
    const out = join(dir, 'tennyu.bpmn');
    const r = spawnBpr(['import-survey', survey, '-o', out]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('「転入届」手順 2 件');
    expect(readFileSync(out, 'utf8')).toContain('name="転入届"');
  });

  it('given an inventory CSV, when inventory --json runs, then it exits 0 with 1 row of 1,200 × 15 / 60 = 300 h', () => {
    const r = spawnBpr(['inventory', inventory, '--json']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ rows: 1, totalHours: 300 });
  });

  it('given a sample diagram, when export-qbp runs, then it exits 0 and writes the BIMP file', () => {
    const out = join(dir, 'qbp.bpmn');
    const r = spawnBpr(['export-qbp', asIs, '-o', out]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('BIMP のシミュレーション設定');
    expect(existsSync(out)).toBe(true);
  });
});
