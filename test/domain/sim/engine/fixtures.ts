import { robotCalendar } from '../../../../src/domain/model/annotations';
import type { SimModel } from '../../../../src/domain/sim/model';
import { buildSimModel } from '../../../../src/domain/sim/modelBuilder';

/** Branching, looping single-token model; no headcount → no queues. */
export function reworkModel(): SimModel {
  return buildSimModel({
    nodes: [
      { id: 'S', kind: 'start' },
      { id: 'Receive', kind: 'task', name: '受付', roleName: '窓口', staffTime: { type: 'triangular', min: 4, mode: 6, max: 11 } },
      { id: 'Check', kind: 'exclusive', name: '不備' },
      { id: 'Fix', kind: 'task', name: '補正', roleName: '窓口', staffTime: { type: 'exponential', mean: 7 } },
      { id: 'Review', kind: 'task', name: '審査', roleName: '審査', staffTime: { type: 'uniform', min: 10, max: 20 } },
      { id: 'Approve', kind: 'exclusive', name: '決裁' },
      { id: 'Reject', kind: 'task', name: '却下通知', roleName: '審査', staffTime: { type: 'fixed', value: 15 } },
      { id: 'E1', kind: 'end' },
      { id: 'E2', kind: 'end' },
    ],
    flows: [
      { from: 'S', to: 'Receive' },
      { from: 'Receive', to: 'Check' },
      { from: 'Check', to: 'Fix', probability: 0.3 },
      { from: 'Fix', to: 'Receive' },
      { from: 'Check', to: 'Review', probability: 0.7 },
      { from: 'Review', to: 'Approve' },
      { from: 'Approve', to: 'E1', probability: 0.75 },
      { from: 'Approve', to: 'Reject', probability: 0.15 },
      { from: 'Approve', to: 'Receive', probability: 0.1 },
      { from: 'Reject', to: 'E2' },
    ],
    roles: [{ name: '窓口' }, { name: '審査' }],
    arrivals: [{ start: 'S', annualVolume: 3000 }],
  });
}

/** M/M/c on a 24-hour calendar: Poisson arrivals at rate λ per minute, exponential service of mean 1/μ. */
export function mmcModel(c: number, lambdaPerMinute: number, serviceMean: number): SimModel {
  const always = robotCalendar();
  return buildSimModel({
    nodes: [
      { id: 'S', kind: 'start' },
      { id: 'Serve', kind: 'task', name: '窓口対応', roleName: '窓口', staffTime: { type: 'exponential', mean: serviceMean } },
      { id: 'E', kind: 'end' },
    ],
    flows: [
      { from: 'S', to: 'Serve' },
      { from: 'Serve', to: 'E' },
    ],
    roles: [{ name: '窓口', headcount: c, calendar: always }],
    // Flat seasonality: one constant rate per open minute. Runs of these models start on 2025-04-01, whose
    // year windows have 365 days (525,600 minutes) until the one holding 29 February 2028.
    arrivals: [{ start: 'S', annualVolume: lambdaPerMinute * 525_600, calendar: always }],
    defaultCalendar: always,
  });
}

/** Parallel split/join and an inclusive split/join whose join must wait only for the branches taken. */
export function joinsModel(): SimModel {
  return buildSimModel({
    nodes: [
      { id: 'S', kind: 'start' },
      { id: 'Split', kind: 'parallel' },
      { id: 'A', kind: 'task', staffTime: { type: 'fixed', value: 10 } },
      { id: 'B', kind: 'task', staffTime: { type: 'fixed', value: 30 } },
      { id: 'Join', kind: 'parallel' },
      { id: 'Or', kind: 'inclusive', name: '必要な照会' },
      { id: 'X', kind: 'task', staffTime: { type: 'fixed', value: 5 } },
      { id: 'Y', kind: 'task', staffTime: { type: 'fixed', value: 50 } },
      { id: 'Z', kind: 'task', staffTime: { type: 'fixed', value: 20 } },
      { id: 'OrJoin', kind: 'inclusive' },
      { id: 'After', kind: 'task', staffTime: { type: 'fixed', value: 1 } },
      { id: 'E', kind: 'end' },
    ],
    flows: [
      { from: 'S', to: 'Split' },
      { from: 'Split', to: 'A' },
      { from: 'Split', to: 'B' },
      { from: 'A', to: 'Join' },
      { from: 'B', to: 'Join' },
      { from: 'Join', to: 'Or' },
      { from: 'Or', to: 'X', probability: 0.5 },
      { from: 'Or', to: 'Y', probability: 0.4 },
      { from: 'Or', to: 'Z', probability: 0.6 },
      { from: 'X', to: 'OrJoin' },
      { from: 'Y', to: 'OrJoin' },
      { from: 'Z', to: 'OrJoin' },
      { from: 'OrJoin', to: 'After' },
      { from: 'After', to: 'E' },
    ],
    arrivals: [{ start: 'S', annualVolume: 500 }],
    defaultCalendar: robotCalendar(),
  });
}

/** Timers: boundary timer (interrupting) on a slow task, event-based race, intermediate timer. */
export function timersModel(): SimModel {
  return buildSimModel({
    nodes: [
      { id: 'S', kind: 'start' },
      { id: 'Slow', kind: 'task', name: '照会', staffTime: { type: 'exponential', mean: 120 } },
      { id: 'Timeout', kind: 'boundaryTimer', attachedToId: 'Slow', timerMinutes: 60 },
      { id: 'Remind', kind: 'task', name: '督促', staffTime: { type: 'fixed', value: 5 } },
      { id: 'Wait', kind: 'timer', name: '3日待つ', timerMinutes: 3 * 1440 },
      { id: 'Merge', kind: 'exclusive' },
      { id: 'E', kind: 'end' },
    ],
    flows: [
      { from: 'S', to: 'Slow' },
      { from: 'Slow', to: 'Merge' },
      { from: 'Timeout', to: 'Remind' },
      { from: 'Remind', to: 'Wait' },
      { from: 'Wait', to: 'Merge' },
      { from: 'Merge', to: 'E' },
    ],
    arrivals: [{ start: 'S', annualVolume: 1000 }],
    defaultCalendar: robotCalendar(),
  });
}
