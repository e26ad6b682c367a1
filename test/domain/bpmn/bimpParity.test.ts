import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDiagram } from '../../../src/domain/bpmn/parseDiagram';
import { exportQbp } from '../../../src/domain/bpmn/qbpExport';
import { convertQbp, readQbp } from '../../../src/domain/bpmn/qbpImport';
import { isResidentRole, type DiagramAnnotations } from '../../../src/domain/model/annotations';
import { compileModel } from '../../../src/domain/sim/compile';
import { loadSimModel } from '../../../src/domain/sim/loadDiagram';
import { runSimulation } from '../../../src/domain/sim/runSimulation';
import type { SimModel } from '../../../src/domain/sim/model';
import { diagramsRoot } from '../../support/paths';

/**
 * Our engine against BIMP 2.0.7 on the same exported file. The BIMP figures were recorded by hand
 * (fixtures/bimp-parity.json says how: jar, sha256, commands); CI has no java. Our side reads the
 * exported file's BIMP settings only — arrivals, timetables with their lunch break, resources,
 * durations, branch probabilities — as `bpr simulate` does for a file BIMP saved.
 */

interface ParitySample {
  file: string;
  qbpBlockSha256: string;
  processInstances: number;
  runs: number;
  meanCycleTimeSeconds: number;
  /** The sample changed before export: 'interArrival=fixed' sets evenly spaced arrivals on its start. */
  variant?: 'interArrival=fixed';
  /**
   * 'expected': within 5 %. 'resident-presence': see note; within 5 % once 住民 is simulated as BIMP
   * does. 'engine-pending': BIMP's figure for an engine change still to come (see note); not compared.
   */
  parity: 'expected' | 'resident-presence' | 'engine-pending';
  note?: string;
}
const fixture = JSON.parse(readFileSync(join(__dirname, 'fixtures/bimp-parity.json'), 'utf8')) as { exportCommand: string; samples: ParitySample[] };
const START = '2025-04-01T08:30:00+09:00';
const TOLERANCE = 0.05;

const title = (s: ParitySample) => `${s.file}${s.variant ? ` (${s.variant})` : ''}`;
const blockOf = (xml: string) =>
  xml.slice(xml.indexOf('<qbp:processSimulationInfo'), xml.indexOf('</qbp:processSimulationInfo>') + '</qbp:processSimulationInfo>'.length);

/** The sample as `export-qbp --start 2025-04-01T08:30:00+09:00 [--bimp-only]` writes it. */
async function exported(s: Pick<ParitySample, 'file' | 'variant'>, bimpOnly = false): Promise<string> {
  let input = readFileSync(join(diagramsRoot, s.file), 'utf8');
  if (s.variant === 'interArrival=fixed') input = input.replace(/(<bpr:arrivals [^>]*?)\s*\/>/, '$1 interArrival="fixed"/>');
  const { xml } = await exportQbp(input, { startDateTime: START, bimpOnly });
  return xml;
}

const meanCycleTimeSeconds = (model: SimModel) => runSimulation(model, { replications: 20, seed: 1, startDate: '2025-04-01' }).kpis.leadTimeMinutes.mean * 60;

describe('BIMP 2.0.7 parity on the exported samples (recorded BIMP figures)', () => {
  it.each(fixture.samples.map((s) => [title(s), s] as const))(
    'given %s, when exported today with and without bpr: annotations, then the BIMP block is the one BIMP was run on',
    async (_f, s) => {
      const hash = createHash('sha256')
        .update(blockOf(await exported(s)))
        .digest('hex');
      expect(
        createHash('sha256')
          .update(blockOf(await exported(s, true)))
          .digest('hex'),
      ).toBe(hash);
      // A different hash means the export changed: run BIMP again as fixtures/bimp-parity.json describes.
      expect(hash, `re-run BIMP: ${fixture.exportCommand.replace('<file>', s.file)}`).toBe(s.qbpBlockSha256);
    },
  );

  it.each(fixture.samples.filter((s) => s.parity === 'expected').map((s) => [title(s), s] as const))(
    'given %s exported, when our engine runs its BIMP settings, then the mean cycle time is within 5% of BIMP',
    async (_f, s) => {
      // What `bpr simulate` does with the file BIMP ran on.
      const loaded = await loadSimModel(await exported(s, true));
      if (!loaded.ok) throw new Error(loaded.message);
      expect(loaded.source).toBe('qbp');
      expect(loaded.model.processInstances).toBe(s.processInstances);
      const ours = meanCycleTimeSeconds(loaded.model);
      expect(Math.abs(ours / s.meanCycleTimeSeconds - 1), `ours ${Math.round(ours)} s, BIMP ${s.meanCycleTimeSeconds} s`).toBeLessThanOrEqual(TOLERANCE);
    },
  );

  it.each(fixture.samples.filter((s) => s.parity === 'resident-presence').map((s) => [title(s), s] as const))(
    'given %s with 住民 steps, when 住民 is simulated as BIMP does (a never-queueing pool that pauses outside the timetable), then the mean cycle time is within 5% of BIMP',
    async (_f, s) => {
      const xml = await exported(s, true);
      const parsed = await parseDiagram(xml);
      if (!parsed.ok) throw new Error(parsed.error.message);
      const conv = convertQbp(readQbp(parsed.xml)!, parsed.definitions);
      const model = compileModel(parsed.definitions, residentAsPausedPool(conv.annotations));
      model.processInstances = conv.processInstances;
      const ours = meanCycleTimeSeconds(model);
      expect(Math.abs(ours / s.meanCycleTimeSeconds - 1), `ours ${Math.round(ours)} s, BIMP ${s.meanCycleTimeSeconds} s`).toBeLessThanOrEqual(TOLERANCE);
    },
  );
});

/**
 * BIMP has no resident: its 住民 resource is a pool like any other, whose work stops at closing time
 * and over lunch. Our engine lets a counter finish a case while the resident is in the building.
 * This is BIMP's reading, for the comparison only.
 */
function residentAsPausedPool(a: DiagramAnnotations): DiagramAnnotations {
  const pool = 'BIMP の住民リソース';
  const residentRole = a.settings.roles.find((r) => isResidentRole(r.name));
  const steps = Object.fromEntries(
    Object.entries(a.steps).map(([id, s]) => (s.residentTime ? [id, { ...s, residentTime: undefined, staffTime: s.residentTime, role: pool }] : [id, s])),
  );
  return {
    ...a,
    steps,
    settings: { ...a.settings, roles: [...a.settings.roles, { name: pool, headcount: 9999, hourlyCost: 0, calendar: residentRole?.calendar }] },
  };
}
