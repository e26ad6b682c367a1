import { fteOf } from '../model/fte';
import type { PreparedModel, ReplicationRaw } from './scheduler';
import type { ReplicationValues, SimulationResult } from './result';
import { estimate, FineHistogram, mean, nonNegative, type Estimate } from './stats';

/**
 * Replication sums → KPIs. Per-year figures scale the replication's totals by `annualFactor`
 * (1 / simulated years, or annual volume / simulated cases when a case count was requested).
 * Per-case figures average over completed cases after the warm-up.
 */

export interface ReplicationOutcome {
  raw: ReplicationRaw;
  annualFactor: number;
}

export interface KpiMeta {
  seed: number;
  mode: 'fast' | 'actor';
  startDate: string;
  simulatedYears: number;
  warnings: string[];
  /** Attach the per-replication values (result.replicationValues). */
  keepReplications?: boolean;
  /** Hours per person-year for 人工 (model/fte.ts decides which). */
  hoursPerFte: number;
}

const NO_ROLE = '(担当未設定)';
const HISTOGRAM_BINS = 20;

// Every figure of a run is a count, a duration, hours, yen or a utilisation: none can be negative, so
// every interval is cut at 0 (see nonNegative).
function est(xs: number[]): Estimate {
  const finite = xs.filter((x) => Number.isFinite(x));
  return finite.length ? nonNegative(estimate(finite)) : { mean: 0, ci95: [0, 0] };
}

/** NaN → null so the values survive JSON (worker boundary, CLI). */
const jsonValues = (xs: number[]) => xs.map((x) => (Number.isFinite(x) ? x : null));

const ratio = (a: number, b: number) => (b > 0 ? a / b : Number.NaN);

export function computeKpis(prepared: PreparedModel, outcomes: ReplicationOutcome[], meta: KpiMeta): SimulationResult {
  const m = prepared.model;
  const per = (f: (o: ReplicationOutcome) => number): Estimate => est(outcomes.map(f));
  const perOrNull = (f: (o: ReplicationOutcome) => number): Estimate | null => {
    const xs = outcomes.map(f).filter((x) => Number.isFinite(x));
    return xs.length ? nonNegative(estimate(xs)) : null;
  };
  const R = m.roles.length;
  const roleName = (r: number) => (r < R ? m.roles[r].name : NO_ROLE);
  const hourlyCost = (r: number) => (r < R ? m.roles[r].hourlyCost : 0);
  // Per-execution prices ride on the completed-service counts the engine keeps anyway, so the event loop
  // does no extra work; the fixed cost is already per year and needs no annualising.
  const priced = m.nodes.filter((n) => n.costPerCase > 0);
  const fixedPerYear = m.fixedCostPerYear ?? 0;
  const costPerYear = (o: ReplicationOutcome) => {
    let yen = 0;
    for (let r = 0; r <= R; r++) yen += (o.raw.roleStaffMinutes[r] / 60) * hourlyCost(r) * o.annualFactor;
    for (const n of priced) yen += o.raw.taskCount[n.index] * n.costPerCase * o.annualFactor;
    return yen + fixedPerYear;
  };
  const staffHoursPerYear = (o: ReplicationOutcome) => (o.raw.staffMinutesTotal / 60) * o.annualFactor;
  const robotHoursPerYear = (o: ReplicationOutcome) => (o.raw.robotMinutesTotal / 60) * o.annualFactor;
  const staffMinutesPerCase = (o: ReplicationOutcome) => ratio(o.raw.staffMinutesCountedSum, o.raw.casesCounted);
  const robotMinutesPerCase = (o: ReplicationOutcome) => ratio(o.raw.robotMinutesCountedSum, o.raw.casesCounted);
  const residentMinutesPerVisit = (o: ReplicationOutcome) => ratio(o.raw.residentMinutesSum, o.raw.residentVisits);
  const leadTimeMinutes = (o: ReplicationOutcome) => ratio(o.raw.leadTimeMinutesSum, o.raw.casesCounted);
  const leadTimeBusinessDays = (o: ReplicationOutcome) => ratio(o.raw.leadBusinessDaysSum, o.raw.casesCounted);
  const waitingMinutesPerCase = (o: ReplicationOutcome) => ratio(o.raw.waitMinutesSum, o.raw.casesCounted);
  const casesPerYear = (o: ReplicationOutcome) => o.raw.casesStarted * o.annualFactor;

  const activities = m.nodes.filter((n) => n.kind === 'task');
  const tasks = activities.map((n) => ({
    id: n.id,
    name: n.name ?? n.id,
    role: n.role >= 0 ? m.roles[n.role].name : null,
    lane: n.lane ?? null,
    count: per((o) => o.raw.taskCount[n.index]),
    countPerYear: per((o) => o.raw.taskCount[n.index] * o.annualFactor),
    waitMinutes: perOrNull((o) => ratio(o.raw.taskWaitSum[n.index], o.raw.taskWaitCount[n.index])),
    processingMinutes: perOrNull((o) => ratio(o.raw.taskStaffSum[n.index], o.raw.taskCount[n.index])),
    staffHoursPerYear: per((o) => (o.raw.taskStaffSum[n.index] / 60) * o.annualFactor),
    residentFacing: n.residentTime !== undefined,
  }));

  const usedRoles = new Set<number>();
  for (const n of activities) if (n.staffTime) usedRoles.add(prepared.roleOf[n.index]);
  m.roles.forEach((r) => usedRoles.add(r.index));
  const roles = [...usedRoles]
    .sort((a, b) => a - b)
    .map((r) => {
      const servers = prepared.servers[r];
      const hours = (o: ReplicationOutcome) => (o.raw.roleStaffMinutes[r] / 60) * o.annualFactor;
      return {
        name: roleName(r),
        servers: Number.isFinite(servers) ? servers : null,
        headcount: r < R ? m.roles[r].headcount : null,
        robot: prepared.robot[r] === 1,
        utilisation: Number.isFinite(servers) ? perOrNull((o) => ratio(o.raw.roleBusyMinutes[r], o.raw.roleAvailableMinutes[r])) : null,
        staffHoursPerYear: per(hours),
        overtimeHoursPerYear: per((o) => (o.raw.roleOvertimeMinutes[r] / 60) * o.annualFactor),
        load: Number.isFinite(servers) ? perOrNull((o) => ratio(o.raw.roleStaffMinutes[r], o.raw.roleAvailableMinutes[r])) : null,
        fte: per((o) => fteOf(hours(o), meta.hoursPerFte)),
        costYenPerYear: per((o) => hours(o) * hourlyCost(r)),
      };
    });

  const laneNames = [...new Set(activities.map((n) => n.lane ?? NO_ROLE))];
  const lanes = laneNames.map((lane) => ({
    name: lane,
    staffHoursPerYear: per((o) => {
      let s = 0;
      for (const n of activities) if ((n.lane ?? NO_ROLE) === lane) s += o.raw.taskStaffSum[n.index];
      return (s / 60) * o.annualFactor;
    }),
  }));

  const ends = m.nodes
    .filter((n) => n.kind === 'end' || n.kind === 'terminate')
    .map((n) => ({ id: n.id, name: n.name ?? n.id, count: per((o) => o.raw.endCount[n.index]) }));

  const pooled = new FineHistogram();
  for (const o of outcomes) pooled.merge(o.raw.leadBusinessDayBins);
  const hist = pooled.toBins(HISTOGRAM_BINS);

  const kpis = {
    casesStarted: per((o) => o.raw.casesStarted),
    casesCompleted: per((o) => o.raw.casesCompleted),
    casesPerYear: per(casesPerYear),
    staffHoursPerYear: per(staffHoursPerYear),
    staffMinutesPerCase: per(staffMinutesPerCase),
    robotMinutesPerCase: per(robotMinutesPerCase),
    robotHoursPerYear: per(robotHoursPerYear),
    residentMinutesPerVisit: perOrNull(residentMinutesPerVisit),
    leadTimeMinutes: per(leadTimeMinutes),
    leadTimeBusinessDays: per(leadTimeBusinessDays),
    waitingMinutesPerCase: per(waitingMinutesPerCase),
    costYenPerYear: per(costPerYear),
    paperSheetsPerYear: per((o) => o.raw.paperSheetsTotal * o.annualFactor),
    fte: per((o) => fteOf(staffHoursPerYear(o), meta.hoursPerFte)),
    meanCasesInSystem: per((o) => ratio(o.raw.wipArea, o.raw.endTime)),
    arrivalRatePerMinute: per((o) => ratio(o.raw.casesStarted, o.raw.endTime)),
  };

  const traces = outcomes[0]?.raw.traces;
  const result: SimulationResult = {
    seed: meta.seed,
    mode: meta.mode,
    replications: outcomes.length,
    cases: mean(outcomes.map((o) => o.raw.casesStarted)),
    startDate: meta.startDate,
    simulatedYears: meta.simulatedYears,
    events: outcomes.reduce((s, o) => s + o.raw.events, 0),
    kpis,
    tasks,
    roles,
    lanes,
    ends,
    // The histogram pools the completed cases of every replication (see allDays above).
    leadTimeHistogram: { unit: 'businessDays', edges: hist.edges, counts: hist.counts, minutesPerBusinessDay: prepared.defaultCalendar.openMinutesPerDay },
    warnings: meta.warnings,
  };
  if (traces && traces.length) result.traces = traces as SimulationResult['traces'];
  if (meta.keepReplications) {
    const col = (f: (o: ReplicationOutcome) => number) => jsonValues(outcomes.map(f));
    const values: ReplicationValues = {
      casesStarted: col((o) => o.raw.casesStarted),
      casesPerYear: col(casesPerYear),
      staffHoursPerYear: col(staffHoursPerYear),
      robotHoursPerYear: col(robotHoursPerYear),
      costYenPerYear: col(costPerYear),
      staffMinutesPerCase: col(staffMinutesPerCase),
      robotMinutesPerCase: col(robotMinutesPerCase),
      residentMinutesPerVisit: col(residentMinutesPerVisit),
      leadTimeMinutes: col(leadTimeMinutes),
      leadTimeBusinessDays: col(leadTimeBusinessDays),
      waitingMinutesPerCase: col(waitingMinutesPerCase),
      tasks: {},
      roles: {},
    };
    for (const n of activities)
      values.tasks[n.id] = {
        hoursPerYear: col((o) => (o.raw.taskStaffSum[n.index] / 60) * o.annualFactor),
        countPerYear: col((o) => o.raw.taskCount[n.index] * o.annualFactor),
      };
    for (const r of usedRoles) {
      const hours = (o: ReplicationOutcome) => (o.raw.roleStaffMinutes[r] / 60) * o.annualFactor;
      values.roles[roleName(r)] = { robot: prepared.robot[r] === 1, hoursPerYear: col(hours), costYenPerYear: col((o) => hours(o) * hourlyCost(r)) };
    }
    result.replicationValues = values;
  }
  return result;
}
