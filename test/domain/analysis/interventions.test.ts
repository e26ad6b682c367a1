import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyTemplate, suggestSelection, TEMPLATES } from '../../../src/domain/analysis/interventions';
import { readDiagramAnnotations, readStep } from '../../../src/domain/bpmn/annotationsRead';
import type { ModdleElement } from '../../../src/domain/bpmn/bprAccess';
import { parseDiagram } from '../../../src/domain/bpmn/parseDiagram';
import { allFlowElements } from '../../../src/domain/bpmn/walk';
import { lintDefinitions } from '../../../src/domain/lint/lintDiagram';
import { loadSimModel } from '../../../src/domain/sim/loadDiagram';
import { diagramsRoot } from '../../support/paths';
import { linearBpmn } from './compareFixtures';

const office = linearBpmn({
  annualVolume: 1200,
  roles: [
    { name: '住民', hourlyCost: 0 },
    { name: '窓口担当', hourlyCost: 3500, headcount: 3 },
    { name: '係長', hourlyCost: 4500, headcount: 1 },
  ],
  steps: [
    { id: 'Task_Write', name: '申請書を記入', role: '住民', staff: { type: 'fixed', value: 0 }, resident: { type: 'triangular', min: 5, mode: 8, max: 15 } },
    { id: 'Task_Counter', name: '受付・本人確認', role: '窓口担当', staff: { type: 'fixed', value: 54 }, resident: { type: 'fixed', value: 54 } },
    { id: 'Task_Input', name: 'システム入力', role: '窓口担当', staff: { type: 'fixed', value: 10 }, paperSheets: 2 },
    { id: 'Task_Print', name: '決裁文書を印刷', role: '窓口担当', staff: { type: 'fixed', value: 3 }, paperSheets: 4 },
    {
      id: 'Task_Approve',
      name: '係長 決裁・押印',
      role: '係長',
      staff: { type: 'fixed', value: 5 },
      lag: { distribution: { type: 'fixed', value: 2 }, unit: 'businessDays' },
      paperSheets: 4,
    },
  ],
});

async function parse(xml: string) {
  const p = await parseDiagram(xml);
  if (!p.ok) throw new Error(p.error.message);
  return p;
}

/** Every flow node and sequence flow has DI, every flow's ends exist and list it, lint has no error. */
async function expectSound(xml: string) {
  const p = await parse(xml);
  // Moddle objects are dynamic; the checks below read their references directly.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const elements = allFlowElements(p.definitions) as any[];
  const di = new Set<string>();
  for (const d of p.definitions.diagrams ?? []) for (const pe of d.plane?.planeElement ?? []) if (pe.bpmnElement?.id) di.add(pe.bpmnElement.id);
  const problems: string[] = [];
  for (const el of elements) {
    if (el.$type === 'bpmn:SequenceFlow') {
      if (!elements.includes(el.sourceRef) || !elements.includes(el.targetRef)) problems.push(`${el.id}: 端点が図にありません`);
      if (!(el.sourceRef?.outgoing ?? []).includes(el)) problems.push(`${el.id}: 始点の outgoing にありません`);
      if (!(el.targetRef?.incoming ?? []).includes(el)) problems.push(`${el.id}: 終点の incoming にありません`);
      const edge = (p.definitions.diagrams[0].plane.planeElement as ModdleElement[]).find((x) => (x.bpmnElement as ModdleElement)?.id === el.id);
      if (!edge || ((edge.waypoint as unknown[]) ?? []).length < 2) problems.push(`${el.id}: 経路点がありません`);
    }
    if (!di.has(el.id)) problems.push(`${el.id}: DI がありません`);
    for (const f of [...(el.incoming ?? []), ...(el.outgoing ?? [])])
      if (!elements.includes(f)) problems.push(`${el.id}: 削除済みのフロー ${f.id} を参照しています`);
  }
  for (const d of p.definitions.diagrams ?? [])
    for (const pe of d.plane?.planeElement ?? [])
      if (
        pe.bpmnElement &&
        pe.bpmnElement.$type !== 'bpmn:Process' &&
        pe.bpmnElement.$type !== 'bpmn:Participant' &&
        pe.bpmnElement.$type !== 'bpmn:Lane' &&
        !elements.includes(pe.bpmnElement) &&
        pe.bpmnElement.$type !== 'bpmn:TextAnnotation' &&
        pe.bpmnElement.$type !== 'bpmn:Association' &&
        pe.bpmnElement.$type !== 'bpmn:MessageFlow' &&
        pe.bpmnElement.$type !== 'bpmn:DataObjectReference' &&
        pe.bpmnElement.$type !== 'bpmn:DataStoreReference' &&
        pe.bpmnElement.$type !== 'bpmn:Group'
      )
        problems.push(`${pe.id}: 削除された要素 ${pe.bpmnElement.id} の図形が残っています`);
  const lint = (await lintDefinitions(p.definitions)).filter((f) => f.category === 'error');
  problems.push(...lint.map((f) => `lint: ${f.message}`));
  expect(problems).toEqual([]);
  const model = await loadSimModel(xml);
  expect(model.ok && model.model.issues.filter((i) => i.severity === 'error')).toEqual([]);
  return p;
}

const idsOf = (p: { definitions: ModdleElement }) => allFlowElements(p.definitions).map((e) => e.id as string);

describe('intervention templates', () => {
  it('given RPA on the input step, when applied, then the step is run by the 24h robot role, a check and an exception path are added, the licence is written into the settings, and the As-Is text is untouched', async () => {
    const before = office.slice();
    const r = await applyTemplate(office, 'rpa', ['Task_Input'], { exceptionPercent: 10, checkMinutes: 2 });
    expect(office).toBe(before);
    expect(r.changes.map((c) => [c.kind, c.id, c.applied])).toEqual([
      ['modified', 'rpa:modified:Task_Input', true],
      ['added', 'rpa:added:Task_Input:check', true],
      ['added', 'rpa:added:Task_Input:exception', true],
    ]);
    expect(r.changes.every((c) => c.description.includes('推計'))).toBe(true);
    const p = await expectSound(r.xml);
    const { annotations } = readDiagramAnnotations(p.definitions);
    expect(annotations.settings.roles.find((x) => x.name === 'RPA')).toMatchObject({ calendar: '24h', headcount: 1 });
    expect(annotations.settings.calendars.some((c) => c.id === '24h' && c.close === '24:00')).toBe(true);
    expect(annotations.steps.Task_Input).toMatchObject({ role: 'RPA', automation: 'rpa' });
    expect(annotations.steps.Task_Input_RpaCheck).toMatchObject({ role: '窓口担当', staffTime: { type: 'fixed', value: 2 } });
    expect(annotations.steps.Task_Input_RpaException).toMatchObject({ role: '窓口担当', staffTime: { type: 'fixed', value: 10 } });
    const probs = Object.entries(annotations.flows)
      .map(([, f]) => f.probability)
      .sort((a, b) => (a ?? 0) - (b ?? 0));
    expect(probs).toEqual([10, 90]);
    expect(r.costs.fixedYenPerYear).toBe(600_000);
    // The licence travels inside the To-Be, so a comparison needs no external costs.
    expect(annotations.settings.fixedCostPerYear).toBe(600_000);
  });

  it('given the RPA result, when re-applied without the exception change, then only that change is undone', async () => {
    const r = await applyTemplate(office, 'rpa', ['Task_Input'], { checkMinutes: 2 }, { exclude: ['rpa:added:Task_Input:exception'] });
    expect(r.changes.map((c) => c.applied)).toEqual([true, true, false]);
    const p = await expectSound(r.xml);
    const ids = idsOf(p);
    expect(ids).toContain('Task_Input_RpaCheck');
    expect(ids.some((id) => id.includes('RpaException'))).toBe(false);
  });

  it('given the RPA result, when re-applied without the robot change, then its dependants are left out too and the diagram keeps the As-Is steps and no licence', async () => {
    const r = await applyTemplate(office, 'rpa', ['Task_Input'], {}, { exclude: ['rpa:modified:Task_Input'] });
    expect(r.changes.map((c) => c.applied)).toEqual([false, false, false]);
    const p = await expectSound(r.xml);
    const asIs = await parse(office);
    expect(idsOf(p).sort()).toEqual(idsOf(asIs).sort());
    expect(readStep(p.elementsById.Task_Input)).toEqual(readStep(asIs.elementsById.Task_Input));
    expect(r.costs.fixedYenPerYear).toBe(0);
    expect(readDiagramAnnotations(p.definitions).annotations.settings.fixedCostPerYear).toBeUndefined();
  });

  it('given AI-OCR on a 2-sheet input, when applied, then the correction branch has probability 1 − 0.95² and the per-sheet cost and the fee are listed and written into the To-Be', async () => {
    const r = await applyTemplate(office, 'ai-ocr', ['Task_Input'], {});
    const p = await expectSound(r.xml);
    const { annotations } = readDiagramAnnotations(p.definitions);
    const correction = Object.values(annotations.flows)
      .map((f) => f.probability!)
      .sort((a, b) => a - b);
    expect(correction[0]).toBeCloseTo((1 - 0.95 ** 2) * 100, 3);
    expect(correction[0] + correction[1]).toBeCloseTo(100, 9);
    expect(annotations.steps.Task_Input).toMatchObject({ role: 'AI-OCR', automation: 'ai-ocr' });
    expect(r.costs.perExecution).toEqual([{ elementId: 'Task_Input', yen: 20 }]);
    // Both prices are written into the To-Be: 2 sheets × 10 円 per read case, the service fee per year.
    expect(annotations.steps.Task_Input.costPerCase).toBe(20);
    expect(annotations.settings.fixedCostPerYear).toBe(1_000_000);
    expect(r.parameters.find((x) => x.key === 'reductionPercent')?.default.source).toBe('beppuRpaOcr');
  });

  it('given 書かない窓口, when applied, then the resident writing step is removed, its flows reconnected, and the counter takes 45/54 of its time', async () => {
    const r = await applyTemplate(office, 'kakanai', [], {});
    expect(r.changes.map((c) => [c.kind, c.elementId])).toEqual([
      ['removed', 'Task_Write'],
      ['modified', 'Task_Counter'],
    ]);
    const p = await expectSound(r.xml);
    expect(idsOf(p)).not.toContain('Task_Write');
    const start = p.elementsById.Start_1;
    expect(start.outgoing.map((f: ModdleElement) => (f.targetRef as ModdleElement).id)).toEqual(['Task_Counter']);
    const counter = readStep(p.elementsById.Task_Counter)!;
    expect(counter.staffTime).toEqual({ type: 'fixed', value: 45 });
    expect(counter.residentTime).toEqual({ type: 'fixed', value: 45 });
    const undone = await applyTemplate(office, 'kakanai', [], {}, { exclude: ['kakanai:removed:Task_Write'] });
    expect(idsOf(await expectSound(undone.xml))).toContain('Task_Write');
  });

  it('given 電子決裁, when applied, then printing is removed, the approval wait becomes 0.5 business days and no paper remains', async () => {
    const r = await applyTemplate(office, 'e-approval', [], {});
    const p = await expectSound(r.xml);
    expect(idsOf(p)).not.toContain('Task_Print');
    const { annotations } = readDiagramAnnotations(p.definitions);
    expect(annotations.steps.Task_Approve.lag).toMatchObject({ distribution: { type: 'fixed', value: 0.5 }, unit: 'businessDays' });
    expect(Object.values(annotations.steps).every((s) => !s.paperSheets)).toBe(true);
    expect(r.changes.find((c) => c.elementId === 'Task_Print')?.kind).toBe('removed');
  });

  it('given オンライン申請, when applied, then a 30/70 choice follows the start and the online review joins after the last counter step', async () => {
    const r = await applyTemplate(office, 'online', [], {});
    expect(r.changes).toHaveLength(1);
    const p = await expectSound(r.xml);
    const gw = (p.elementsById.Start_1.outgoing[0] as ModdleElement).targetRef as ModdleElement;
    expect(gw.$type).toBe('bpmn:ExclusiveGateway');
    const probs = (gw.outgoing as ModdleElement[]).map((f) => (f.get as (k: string) => unknown)('bpr:probability')).sort();
    expect(probs).toEqual([30, 70]);
    const review = (gw.outgoing as ModdleElement[]).map((f) => f.targetRef as ModdleElement).find((n) => n.name === 'オンライン申請の審査')!;
    const reviewOut = review.outgoing as ModdleElement[];
    expect(readStep(review)?.staffTime).toEqual({ type: 'fixed', value: 10 });
    const join = reviewOut[0].targetRef as ModdleElement;
    expect((join.incoming as ModdleElement[]).map((f) => (f.sourceRef as ModdleElement).id)).toContain('Task_Counter');
  });

  it('given a step that is not annotated, when selected for RPA, then it is skipped with a Japanese warning naming it', async () => {
    const r = await applyTemplate(office, 'rpa', ['End_1'], {});
    expect(r.changes).toEqual([]);
    expect(r.warnings[0]).toContain('(End_1)');
  });

  const manifestPath = join(diagramsRoot, 'manifest.json');
  const samples: Array<{ file: string; kind: string }> = existsSync(manifestPath) ? JSON.parse(readFileSync(manifestPath, 'utf8')) : [];
  it('given every As-Is sample and every template with its suggested selection, when applied, then the result is sound BPMN with DI that simulates', async () => {
    const asIs = samples.filter((s) => s.kind === 'as-is');
    expect(asIs.length).toBeGreaterThan(0);
    let applied = 0;
    for (const s of asIs) {
      const xml = readFileSync(join(diagramsRoot, s.file), 'utf8');
      for (const id of Object.keys(TEMPLATES) as Array<keyof typeof TEMPLATES>) {
        const r = await applyTemplate(xml, id, await suggestSelection(xml, id), {});
        await expectSound(r.xml);
        applied += r.changes.filter((c) => c.applied).length;
      }
    }
    expect(applied).toBeGreaterThan(20);
  });
});
