import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDiagramAnnotations } from '../../src/domain/bpmn/annotationsRead';
import {
  arrivalsSchema,
  defaultOfficeCalendar,
  distributionMean,
  robotCalendar,
  stepAnnotationSchema,
  type Distribution,
} from '../../src/domain/model/annotations';
import type { ModdleObject } from '../../src/domain/bpmn/parseDiagram';
import { generateAll } from '../../scripts/diagrams/generate';
import { diagramsRoot } from '../support/paths';
import { contains, extension, loadSample, onBoundary, overlaps, reachable, readManifest, type SampleModel } from './sampleModel';

const manifest = readManifest();

/** The samples use only the two kinds a workshop writes down: fixed and three-point. */
const distOf = (d: ModdleObject): Distribution =>
  d.type === 'fixed' ? { type: 'fixed', value: d.value } : { type: 'triangular', min: d.min, mode: d.mode, max: d.max };
const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff]/;
const ASCII_ID = /^[A-Za-z][A-Za-z0-9_]*$/;

describe('diagrams/manifest.json', () => {
  it('given the manifest, when read, then it lists four As-Is and four To-Be samples that all exist', () => {
    expect(manifest.filter((m) => m.kind === 'as-is')).toHaveLength(4);
    expect(manifest.filter((m) => m.kind === 'to-be')).toHaveLength(4);
    expect(new Set(manifest.map((m) => m.file)).size).toBe(manifest.length);
    for (const m of manifest) {
      expect(existsSync(resolve(diagramsRoot, m.file)), m.file).toBe(true);
      expect(m.name).toMatch(JAPANESE);
      expect(m.department).toMatch(JAPANESE);
      expect(m.description.length).toBeGreaterThan(20);
    }
  });

  it('given each entry, when its partner is looked up, then the link is symmetric and pairs As-Is with To-Be', () => {
    for (const m of manifest) {
      const partner = manifest.find((p) => p.file === m.linkedTo);
      expect(partner, `${m.file} → ${m.linkedTo}`).toBeDefined();
      expect(partner!.linkedTo).toBe(m.file);
      expect(partner!.kind).not.toBe(m.kind);
      expect(partner!.department).toBe(m.department);
    }
  });

  it('given the generator, when it is run again, then it reproduces the committed files byte for byte', () => {
    const { files, manifest: generated } = generateAll();
    expect(generated).toBe(readFileSync(resolve(diagramsRoot, 'manifest.json'), 'utf8'));
    for (const [file, xml] of files) expect(xml, `${file} は古い: npx tsx scripts/diagrams/build.ts`).toBe(readFileSync(resolve(diagramsRoot, file), 'utf8'));
  });
});

describe.each(manifest.map((m) => [m.file, m] as const))('sample %s', (file, entry) => {
  let s: SampleModel;
  beforeAll(async () => {
    s = await loadSample(file);
  });

  const tasks = () => s.flowNodes.filter((n) => n.$instanceOf('bpmn:Task'));
  const laneOf = (id: string) => s.lanes.find((l) => (l.flowNodeRef ?? []).some((n: ModdleObject) => n.id === id));
  const settings = () => extension(s.collaboration, 'bpr:Settings');

  it('given the file, when parsed with the bpr: descriptor, then there are no warnings and it uses bpmn:/bpr: prefixes', () => {
    expect(s.warnings.map((w) => w.message)).toEqual([]);
    expect(s.xml).toContain('xmlns:bpr="urn:bpr-studio:bpmn:annotations:1.0"');
    expect(s.xml).toContain('<bpmn:definitions');
    expect(s.process.name).toBe(entry.name);
  });

  it('given the app reader, when it reads the annotations, then it reports no issue', () => {
    const { issues, annotations } = readDiagramAnnotations(s.definitions);
    expect(issues.map((i) => i.message)).toEqual([]);
    expect(Object.keys(annotations.steps)).toHaveLength(tasks().length);
  });

  it('given the collaboration, when inspected, then one horizontal pool holds horizontal lanes with Japanese names', () => {
    expect(s.collaboration.participants).toHaveLength(1);
    expect(s.collaboration.participants[0].processRef).toBe(s.process);
    expect(s.collaboration.participants[0].name).toMatch(JAPANESE);
    expect(s.lanes.length).toBeGreaterThanOrEqual(3);
    const robots = new Set((settings().roles ?? []).filter((r: ModdleObject) => r.calendar === '24h').map((r: ModdleObject) => r.name));
    for (const lane of s.lanes) {
      if (!robots.has(lane.name)) expect(lane.name).toMatch(JAPANESE);
      expect(s.shapes.get(lane.id)?.isHorizontal, lane.id).toBe(true);
    }
    expect(s.shapes.get(s.collaboration.participants[0].id)?.isHorizontal).toBe(true);
  });

  it('given every element, when its id is read, then it is ASCII and each flow node sits in exactly one lane', () => {
    for (const el of [...s.flowNodes, ...s.sequenceFlows, ...s.lanes]) expect(el.id).toMatch(ASCII_ID);
    for (const n of s.flowNodes) {
      const holders = s.lanes.filter((l) => (l.flowNodeRef ?? []).includes(n));
      expect(holders.map((l) => l.id), n.id).toHaveLength(1);
    }
  });

  it('given every task, when its bpr:step is read, then it has a valid staff time and the role is its lane', () => {
    const roleNames = new Set((settings().roles ?? []).map((r: ModdleObject) => r.name));
    expect(tasks().length).toBeGreaterThanOrEqual(6);
    for (const t of tasks()) {
      const step = extension(t, 'bpr:Step');
      expect(step, `${t.id} has no bpr:step`).toBeDefined();
      const parsed = stepAnnotationSchema.safeParse({
        staffTime: step.staffTime && distOf(step.staffTime),
        role: step.role,
        paperSheets: step.paperSheets,
        systems: step.systems,
        automation: step.automation,
      });
      expect(parsed.success, t.id).toBe(true);
      expect(step.staffTime?.type, t.id).toMatch(/^(triangular|fixed)$/);
      expect(t.name, t.id).toMatch(JAPANESE);
      expect(step.role).toBe(laneOf(t.id)?.name);
      expect(roleNames.has(step.role), `${t.id} role ${step.role}`).toBe(true);
    }
  });

  it('given the staff tasks, when their staff times are added, then the expected staff minutes per case are plausible', () => {
    const staffed = tasks().filter((t) => distributionMean(distOf(extension(t, 'bpr:Step').staffTime)) > 0);
    // Every sample has real staff work, and residents are never charged staff time.
    expect(staffed.length).toBeGreaterThanOrEqual(4);
    for (const t of tasks().filter((x) => extension(x, 'bpr:Step').role === '住民')) {
      const st = extension(t, 'bpr:Step').staffTime;
      expect(st.type === 'fixed' && st.value === 0, t.id).toBe(true);
      expect(extension(t, 'bpr:Step').residentTime, t.id).toBeDefined();
    }
  });

  it('given every exclusive split, when its outgoing probabilities are added, then they sum to 100', () => {
    const splits = s.flowNodes.filter((n) => n.$type === 'bpmn:ExclusiveGateway' && n.outgoing.length > 1);
    expect(splits.length).toBeGreaterThanOrEqual(1);
    for (const g of splits) {
      const ps = g.outgoing.map((f: ModdleObject) => f.get('bpr:probability'));
      expect(ps.every((p: unknown) => typeof p === 'number'), g.id).toBe(true);
      expect(ps.reduce((a: number, b: number) => a + b, 0), g.id).toBeCloseTo(100, 9);
    }
  });

  it('given every inclusive split, when read, then each branch but the default has its own probability between 0 and 100', () => {
    for (const g of s.flowNodes.filter((n) => n.$type === 'bpmn:InclusiveGateway' && n.outgoing.length > 1))
      for (const f of g.outgoing.filter((o: { id: string }) => o !== g.default)) {
        const p = f.get('bpr:probability');
        expect(p, f.id).toBeGreaterThan(0);
        expect(p, f.id).toBeLessThanOrEqual(100);
      }
  });

  it('given every start event, when its arrivals are read, then the volume is positive with 12 monthly weights on the office calendar', () => {
    const starts = s.flowNodes.filter((n) => n.$type === 'bpmn:StartEvent');
    expect(starts).toHaveLength(1);
    for (const st of starts) {
      const a = extension(st, 'bpr:Arrivals');
      expect(a, st.id).toBeDefined();
      expect(a.annualVolume).toBeGreaterThan(0);
      const weights = String(a.seasonality).split(',').map(Number);
      expect(weights).toHaveLength(12);
      expect(arrivalsSchema.safeParse({ annualVolume: a.annualVolume, seasonality: weights, calendar: a.calendar }).success).toBe(true);
      expect(a.calendar).toBe('office');
    }
  });

  it('given the settings, when read, then roles match the lanes and the calendars are the office (and robot) calendars', () => {
    const set = settings();
    expect(set?.hoursPerFte).toBe(1860);
    const roles: ModdleObject[] = set.roles ?? [];
    expect(roles.map((r) => r.name).sort()).toEqual(s.lanes.map((l) => l.name).sort());
    for (const r of roles.filter((x) => x.name !== '住民')) {
      expect(r.headcount, r.name).toBeGreaterThan(0);
      expect(r.hourlyCost, r.name).toBeGreaterThan(0);
    }
    for (const r of roles.filter((x) => x.calendar !== '24h' && x.name !== '住民')) {
      expect(r.hourlyCost, r.name).toBeGreaterThanOrEqual(3000);
      expect(r.hourlyCost, r.name).toBeLessThanOrEqual(5000);
    }
    const office = set.calendars.find((c: ModdleObject) => c.id === 'office');
    const want = defaultOfficeCalendar();
    expect({ open: office.open, close: office.close, lunchStart: office.lunchStart, lunchEnd: office.lunchEnd }).toEqual({
      open: want.open,
      close: want.close,
      lunchStart: want.lunchStart,
      lunchEnd: want.lunchEnd,
    });
    expect(office.weekdays).toBe('1,2,3,4,5');
    expect(office.publicHolidays && office.yearEndClosure).toBe(true);
    const usesRobot = roles.some((r) => r.calendar === '24h');
    expect(set.calendars.some((c: ModdleObject) => c.id === robotCalendar().id)).toBe(usesRobot);
  });

  it('given the flow graph, when walked, then every node is reachable from the start and reaches an end', () => {
    const ids = s.flowNodes.map((n) => n.id);
    for (const f of s.sequenceFlows) {
      expect(ids, `${f.id} source`).toContain(f.sourceRef?.id);
      expect(ids, `${f.id} target`).toContain(f.targetRef?.id);
    }
    const starts = s.flowNodes.filter((n) => n.$type === 'bpmn:StartEvent').map((n) => n.id);
    const ends = s.flowNodes.filter((n) => n.$type === 'bpmn:EndEvent').map((n) => n.id);
    const forward = reachable(starts, s.sequenceFlows);
    const backward = reachable(ends, s.sequenceFlows, true);
    expect(ids.filter((id) => !forward.has(id))).toEqual([]);
    expect(ids.filter((id) => !backward.has(id))).toEqual([]);
    for (const n of s.flowNodes) {
      if (n.$type !== 'bpmn:StartEvent') expect(n.incoming?.length ?? 0, n.id).toBeGreaterThan(0);
      if (n.$type !== 'bpmn:EndEvent') expect(n.outgoing?.length ?? 0, n.id).toBeGreaterThan(0);
    }
  });

  it('given the DI, when checked, then every node has a shape inside its lane and no two shapes overlap', () => {
    const bounds = s.flowNodes.map((n) => {
      const shape = s.shapes.get(n.id);
      expect(shape, `${n.id} has no BPMNShape`).toBeDefined();
      return { id: n.id, b: shape.bounds };
    });
    for (const { id, b } of bounds) expect(contains(s.shapes.get(laneOf(id)!.id).bounds, b), `${id} outside its lane`).toBe(true);
    for (let i = 0; i < bounds.length; i++)
      for (let j = i + 1; j < bounds.length; j++)
        expect(overlaps(bounds[i].b, bounds[j].b), `${bounds[i].id} overlaps ${bounds[j].id}`).toBe(false);
    for (const lane of s.lanes) expect(s.shapes.get(lane.id).bounds.height, lane.id).toBeGreaterThanOrEqual(120);
  });

  it('given the DI, when checked, then every flow has an orthogonal edge from its source to its target', () => {
    for (const f of s.sequenceFlows) {
      const edge = s.edges.get(f.id);
      expect(edge, `${f.id} has no BPMNEdge`).toBeDefined();
      const pts: { x: number; y: number }[] = edge.waypoint;
      expect(pts.length).toBeGreaterThanOrEqual(2);
      for (let i = 0; i + 1 < pts.length; i++) expect(pts[i].x === pts[i + 1].x || pts[i].y === pts[i + 1].y, `${f.id} segment ${i}`).toBe(true);
      expect(onBoundary(s.shapes.get(f.sourceRef.id).bounds, pts[0]), `${f.id} start`).toBe(true);
      expect(onBoundary(s.shapes.get(f.targetRef.id).bounds, pts[pts.length - 1]), `${f.id} end`).toBe(true);
    }
  });

  it('given the edges, when compared with the shapes, then no edge runs through a shape other than its own ends', () => {
    const nodeBounds = s.flowNodes.map((n) => ({ id: n.id, b: s.shapes.get(n.id).bounds }));
    for (const f of s.sequenceFlows) {
      const pts: { x: number; y: number }[] = s.edges.get(f.id).waypoint;
      for (let i = 0; i + 1 < pts.length; i++) {
        const seg = {
          x: Math.min(pts[i].x, pts[i + 1].x),
          y: Math.min(pts[i].y, pts[i + 1].y),
          width: Math.abs(pts[i].x - pts[i + 1].x) || 0.5,
          height: Math.abs(pts[i].y - pts[i + 1].y) || 0.5,
        };
        for (const { id, b } of nodeBounds)
          if (id !== f.sourceRef.id && id !== f.targetRef.id) expect(overlaps(seg, b), `${f.id} crosses ${id}`).toBe(false);
      }
    }
  });
});
