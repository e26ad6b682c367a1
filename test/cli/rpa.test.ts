import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bpr as run } from '../support/cli';
import { diagramsRoot } from '../support/paths';
import { fixtureXml } from '../domain/analysis/rpaFixtures';

const rpa = (...args: string[]) => run('rpa', ...args);

// A folder without manifest.json: every diagram counts as As-Is.
const dir = mkdtempSync(join(tmpdir(), 'bpr-rpa-'));
writeFileSync(
  join(dir, 'nyuryoku.bpmn'),
  fixtureXml({
    id: 'P1',
    annualVolume: 10_000,
    roles: [{ name: '入力担当', hourlyCost: 3_000 }],
    tasks: [
      { id: 'Entry', name: '申請内容をシステムへ入力', attrs: 'role="入力担当" systems="1"', staff: 6 },
      { id: 'Tiny', name: '受付簿に記録', attrs: 'role="入力担当" systems="1"', staff: 0.5 },
    ],
  }),
);

describe('bpr rpa', () => {
  it('given the sample folder, when run with --json, then candidates come best first without To-Be diagrams', async () => {
    const r = await rpa(diagramsRoot, '--json', '--replications', '2', '--seed', '7');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out) as { candidates: Array<Record<string, unknown>>; seed: number; replications: number };
    expect(out.seed).toBe(7);
    expect(out.replications).toBe(2);
    const c = out.candidates;
    expect(c.length).toBeGreaterThan(10);
    for (const k of ['processName', 'taskId', 'taskName', 'score', 'automationPotential', 'hoursSavedPerYear', 'yenSavedPerYear', 'paybackMonths'])
      expect(c[0]).toHaveProperty(k);
    // Unscreened samples: ordinary steps first, face-to-face and judgement after; net ¥ descending within each group.
    const tier = (x: Record<string, unknown>) => ((x.needsAnswers as unknown[]).length === 0 ? 0 : x.caution ? 2 : 1);
    for (let i = 1; i < c.length; i++) {
      expect(tier(c[i - 1])).toBeLessThanOrEqual(tier(c[i]));
      if (tier(c[i - 1]) === tier(c[i])) expect(c[i - 1].netAnnualYen as number).toBeGreaterThanOrEqual(c[i].netAnnualYen as number);
    }
    expect(c.some((x) => String(x.processId).includes('tobe'))).toBe(false);
    const idx = (file: string, task: string) => c.findIndex((x) => String(x.processId).endsWith(file) && x.taskId === task);
    expect(idx('kyuyo-shiharai-asis.bpmn', 'Task_Entry')).toBeLessThan(idx('tennyu-asis.bpmn', 'Task_Receive'));
    expect(c[0].department).toBe('税務課 市民税係');
  });

  it('given a folder without a manifest, when run, then a Japanese table lists every task with units and the unassessed flag', async () => {
    const r = await rpa(dir, '--replications', '2');
    expect(r.code).toBe(0);
    expect(r.out).toContain('RPA候補の順位');
    const rows = r.out.split('\n').filter((l) => /^\d+ \| /.test(l));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain('申請内容をシステムへ入力 (Entry)');
    expect(rows[0]).toMatch(/時間\/年/);
    expect(rows[0]).toMatch(/円\/年/);
    expect(rows[0]).toContain('未評価（推定値）');
    // 0.5 min × 10,000 ≈ 83 h × 0.45 × 3,000 ¥ ≈ 112,500 ¥ < 275,000 ¥ running cost
    expect(rows[1]).toContain('回収不能');
  });

  it('given a minimum score, when run with --json, then lower-scoring candidates are left out', async () => {
    const r = await rpa(dir, '--json', '--replications', '2', '--min-score', '60');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).candidates).toEqual([]);
  });

  it('given no path or a bad option, when run, then it prints the usage in Japanese and exits 2', async () => {
    expect((await rpa()).code).toBe(2);
    const bad = await rpa(dir, '--replications', 'x');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--replications には1以上の整数を指定してください');
    const missing = await rpa(join(dir, 'nothing-here'));
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('ファイルまたはフォルダが見つかりません');
  });
});
