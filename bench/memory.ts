import { robotCalendar } from '../src/domain/model/annotations';
import { buildSimModel } from '../src/domain/sim/modelBuilder';
import { runSimulation } from '../src/domain/sim/runSimulation';

/**
 * Peak memory of a long run: 1,000,000 cases × 30 replications of a counter → review process with a
 * queue at each step (M/M/3 then M/M/2 on the 24-hour calendar, ρ ≈ 0.8). Memory must follow the cases
 * in the system and the number of replications, not cases × replications; run as its own process by
 * `npm run bench` so the figure is this run's peak alone. Prints one JSON line.
 */
const CASES = Number(process.env.BPR_BENCH_MEMORY_CASES ?? 1_000_000);
const REPLICATIONS = 30;
const always = robotCalendar();
const model = buildSimModel({
  nodes: [
    { id: 'S', kind: 'start' },
    { id: 'Counter', kind: 'task', name: '受付', roleName: '窓口', staffTime: { type: 'exponential', mean: 6 } },
    { id: 'Review', kind: 'task', name: '審査', roleName: '審査', staffTime: { type: 'exponential', mean: 4 } },
    { id: 'E', kind: 'end' },
  ],
  flows: [
    { from: 'S', to: 'Counter' },
    { from: 'Counter', to: 'Review' },
    { from: 'Review', to: 'E' },
  ],
  roles: [
    { name: '窓口', headcount: 3, calendar: always },
    { name: '審査', headcount: 2, calendar: always },
  ],
  // λ = 0.4 per minute: ρ = 0.4 × 6 / 3 = 0.8 at the counter, 0.4 × 4 / 2 = 0.8 in review.
  arrivals: [{ start: 'S', annualVolume: 0.4 * 525_600, calendar: always }],
  defaultCalendar: always,
});

let peakHeap = 0;
const sample = () => {
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
};
const timer = setInterval(sample, 50);
const t0 = performance.now();
const result = runSimulation(model, {
  seed: 1,
  replications: REPLICATIONS,
  cases: CASES,
  startDate: '2025-04-01',
  onProgress: sample,
});
clearInterval(timer);
sample();
console.log(
  JSON.stringify({
    cases: CASES,
    replications: REPLICATIONS,
    seconds: Number(((performance.now() - t0) / 1000).toFixed(1)),
    // maxRSS is in kilobytes: the whole process, V8 heap, typed arrays and the runtime itself.
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    peakHeapMB: Math.round(peakHeap / 1_048_576),
    completed: result.kpis.casesCompleted.mean,
  }),
);
