import { describe, expect, it } from 'vitest';
import { readDiagramAnnotations } from '../../../src/domain/bpmn/annotationsRead';
import { parseDiagram } from '../../../src/domain/bpmn/parseDiagram';
import { BRANCH_SUM_TOLERANCE, checkBranchProbabilities } from '../../../src/domain/model/branchProbabilities';
import { loadSimModel } from '../../../src/domain/sim/loadDiagram';
import { runSimulation } from '../../../src/domain/sim/runSimulation';
import { definitions, end, findingsOf, flow, or, process, start, task, xor } from '../lint/fixtures';

/**
 * One rule, every consumer: the same diagrams go through lint, the model validation (what the panel and
 * a file's reading report) and the simulator (what the worker and the CLI run). Expected verdicts are
 * hand arithmetic on the percentages.
 */
type Kind = 'exclusive' | 'eventBased' | 'inclusive';
interface Case {
  name: string;
  kind: Kind;
  probabilities: (number | undefined)[];
  defaultIndex?: number;
  ok: boolean;
}

const CASES: Case[] = [
  { name: '33.33 × 3 = 99.99, inside ±0.01', kind: 'exclusive', probabilities: [33.33, 33.33, 33.33], ok: true },
  { name: '70 + 30 = 100', kind: 'exclusive', probabilities: [70, 30], ok: true },
  { name: '60 + 30 = 90', kind: 'exclusive', probabilities: [60, 30], ok: false },
  { name: '99.98, outside ±0.01', kind: 'exclusive', probabilities: [49.99, 49.99], ok: false },
  { name: '100.02, outside ±0.01', kind: 'exclusive', probabilities: [50.01, 50.01], ok: false },
  { name: 'event-based 60 + 30 = 90', kind: 'eventBased', probabilities: [60, 30], ok: false },
  { name: 'event-based 25 + 75', kind: 'eventBased', probabilities: [25, 75], ok: true },
  { name: 'empty default takes the remaining 30', kind: 'exclusive', probabilities: [70, undefined], defaultIndex: 1, ok: true },
  { name: 'a branch left empty without default', kind: 'exclusive', probabilities: [70, undefined], ok: false },
  { name: 'inclusive 80 and 50, independent', kind: 'inclusive', probabilities: [80, 50], ok: true },
  { name: 'inclusive all 0 without default', kind: 'inclusive', probabilities: [0, 0], ok: false },
  { name: 'a percentage above 100', kind: 'exclusive', probabilities: [120, -20], ok: false },
];

function diagram(c: Case): string {
  const n = c.probabilities.length;
  const flowId = (i: number) => `Out_${i}`;
  const gateway =
    c.kind === 'exclusive'
      ? xor('Gw', '判定', c.defaultIndex !== undefined ? flowId(c.defaultIndex) : undefined)
      : c.kind === 'inclusive'
        ? or('Gw', '判定', c.defaultIndex !== undefined ? flowId(c.defaultIndex) : undefined)
        : '<bpmn:eventBasedGateway id="Gw" name="判定"/>';
  let body = start('S') + task('T', '受付', { staff: 5, role: '窓口' }) + gateway + flow('F0', 'S', 'T') + flow('F1', 'T', 'Gw');
  const join = c.kind === 'inclusive' ? or('J', '合流') : xor('J', '合流');
  for (let i = 0; i < n; i++) {
    const target =
      c.kind === 'eventBased'
        ? `<bpmn:intermediateCatchEvent id="W${i}" name="待つ${i}"><bpmn:timerEventDefinition><bpmn:timeDuration>PT${i + 1}H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>`
        : task(`B${i}`, `分岐${i}`, { staff: 5, role: '窓口' });
    const id = c.kind === 'eventBased' ? `W${i}` : `B${i}`;
    body += target + flow(flowId(i), 'Gw', id, c.probabilities[i]) + flow(`Back${i}`, id, 'J');
  }
  body += join + end('E') + flow('FE', 'J', 'E');
  return definitions(process(body, { roles: [['窓口', 3]] }));
}

describe('branch probabilities: the rule', () => {
  it('given the tolerance, when read, then it is 0.01 percentage points', () => {
    expect(BRANCH_SUM_TOLERANCE).toBeGreaterThan(0.01);
    expect(BRANCH_SUM_TOLERANCE).toBeLessThan(0.0100001);
  });

  it.each(CASES)('given $name, when checked, then the verdict is ok = $ok', (c) => {
    const rule = c.kind === 'inclusive' ? 'inclusive' : 'exclusive';
    const finding = checkBranchProbabilities(
      rule,
      c.probabilities.map((p, i) => ({ probability: p, isDefault: i === c.defaultIndex })),
    );
    expect(finding === null).toBe(c.ok);
  });
});

describe('branch probabilities: every consumer agrees', () => {
  it.each(CASES)('given $name, when linted, validated and simulated, then all three give the same verdict', async (c) => {
    const xml = diagram(c);
    const lint = await findingsOf('bpr/gateway-probabilities', xml);
    expect(lint.length === 0).toBe(c.ok);

    const parsed = await parseDiagram(xml);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const validation = readDiagramAnnotations(parsed.definitions).issues.filter((i) => i.path === 'probability' || /分岐確率/.test(i.message));
    // Validation reports what is entered; a split with nothing entered at all is lint's and the simulator's "missing".
    const somethingEntered = c.probabilities.some((p) => p !== undefined);
    if (somethingEntered) expect(validation.length === 0).toBe(c.ok);

    const loaded = await loadSimModel(xml);
    if (!loaded.ok) throw new Error(loaded.message);
    const refused = loaded.model.issues.some((i) => i.severity === 'error');
    expect(refused).toBe(!c.ok);
    if (c.ok) expect(runSimulation(loaded.model, { replications: 1, cases: 50, startDate: '2025-04-01' }).kpis.casesCompleted.mean).toBe(50);
    else expect(() => runSimulation(loaded.model, { replications: 1, cases: 50, startDate: '2025-04-01' })).toThrow();
  });
});
