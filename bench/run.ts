import { runSimulation } from '../src/domain/sim/runSimulation';
import { runBaseline } from './baseline';
import { BENCH_CASES, benchModel } from './model';

/**
 * `npm run bench`: events per second of the engine's fast and actor modes and of the plain-JS baseline on
 * the generated 20-task model, and the wall time of 30 replications × 10,000 cases in fast mode.
 * Events = discrete events taken off the event heap (arrivals, service ends, lags, timers).
 * The last line is one JSON object for scripts.
 */
const model = benchModel();
const start = { y: 2025, m: 4, d: 1 };

function timeIt<T>(f: () => T): [T, number] {
  const t0 = performance.now();
  const v = f();
  return [v, (performance.now() - t0) / 1000];
}

// Warm-up so the JIT has compiled the hot paths of all three before measuring.
runSimulation(model, { seed: 99, replications: 4, cases: BENCH_CASES, mode: 'fast' });
for (let r = 0; r < 4; r++) runBaseline(model, 99 + r, BENCH_CASES, start);

const [fast, fastSec] = timeIt(() => runSimulation(model, { seed: 1, replications: 5, cases: BENCH_CASES, mode: 'fast' }));
const fastEventsPerSec = fast.events / fastSec;
console.log(`fast モード:        ${Math.round(fastEventsPerSec).toLocaleString()} イベント/秒 (${fast.events.toLocaleString()} イベント, ${fastSec.toFixed(2)} 秒)`);

const [base, baseSec] = timeIt(() => {
  let events = 0;
  for (let r = 0; r < 5; r++) events += runBaseline(model, r + 1, BENCH_CASES, start).events;
  return events;
});
const baselineEventsPerSec = base / baseSec;
console.log(`ベースライン (JS):  ${Math.round(baselineEventsPerSec).toLocaleString()} イベント/秒 (${base.toLocaleString()} イベント, ${baseSec.toFixed(2)} 秒)`);

const [, thirtySec] = timeIt(() => runSimulation(model, { seed: 7, replications: 30, cases: BENCH_CASES, mode: 'fast' }));
console.log(`30 反復 × ${BENCH_CASES.toLocaleString()} 件 (fast): ${thirtySec.toFixed(2)} 秒`);

// Actor mode last: its driver makes the scheduler's call sites polymorphic, which would slow the rest.
const [actor, actorSec] = timeIt(() => runSimulation(model, { seed: 1, replications: 1, cases: BENCH_CASES, mode: 'actor' }));
const actorEventsPerSec = actor.events / actorSec;
console.log(`actor モード:       ${Math.round(actorEventsPerSec).toLocaleString()} イベント/秒 (${actor.events.toLocaleString()} イベント, ${actorSec.toFixed(2)} 秒)`);

console.log(
  JSON.stringify({
    fastEventsPerSec: Math.round(fastEventsPerSec),
    actorEventsPerSec: Math.round(actorEventsPerSec),
    baselineEventsPerSec: Math.round(baselineEventsPerSec),
    fastVsBaseline: Number((fastEventsPerSec / baselineEventsPerSec).toFixed(3)),
    thirtyReplicationsSeconds: Number(thirtySec.toFixed(3)),
  }),
);
