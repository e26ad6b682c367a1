import { rawStep, readArrivals, readSettings, settingsOwners } from '../../bpmn/annotationsRead';
import { isA, type ModdleElement } from '../../bpmn/bprAccess';
import { describeIssues, stepAnnotationSchema, type StepAnnotation } from '../../model/annotations';
import { parseDiagram } from '../../bpmn/parseDiagram';
import { allFlowElements, allLanes } from '../../bpmn/walk';
import type { Estimate } from '../../sim/stats';
import { groupDigits } from '../../model/numbers';
import { automationRoi } from '../roi';
import { scoreAssessment, type RpaAssessment } from '../rpaScore';
import { cautionOf, exclusionOf, missingKeyAnswers, resolveAssessment, type StepContext } from './derivedAssessment';
import {
  PARTLY_ASSESSED_LABEL,
  UNASSESSED_LABEL,
  type HoursByTask,
  type RpaCandidate,
  type RpaExcludedStep,
  type RpaProcessInput,
  type RpaRanking,
  type RpaRankingSettings,
  type TaskSimFigures,
} from './types';

/**
 * Ranking every task of every As-Is process as an automation candidate.
 *
 * Hours come from the simulation (`hoursByTask`), never from mean time × volume: rework loops,
 * branch shares and boundary timers change how often a step really runs, and the simulation is the
 * one place that knows. Hours saved = automation potential × simulated hours (the CI is the hours'
 * CI scaled by the same factor); ¥ saved = hours saved × the role's hourly cost.
 *
 * Order: first whether the step has been screened. A step whose key questions (judgement, digital
 * input, fixed fields, exceptions) are unanswered ranks after every screened one: its neutral answers
 * are a guess, and a guess must not put a step on top before anyone has looked at it. Among the
 * unscreened, face-to-face steps (the resident is present) and a superior's judgement come last, since
 * a robot can rarely take those over. Within each group: net annual benefit in ¥ (¥ saved − running
 * cost), best first. Yen rather than hours because a reviewer's hour costs more than a clerk's, and net
 * rather than gross so that a step that never pays back its running cost sinks. Ties (e.g. several
 * steps saving nothing) fall back to hours saved, then score, then process id, task id and input
 * order, so the same workspace always ranks the same.
 */

const TASK_TYPES = ['bpmn:Task', 'bpmn:CallActivity'];
const isTask = (el: ModdleElement) => TASK_TYPES.some((t) => isA(el, t));

const ZERO: Estimate = { mean: 0, ci95: [0, 0] };
const scale = (e: Estimate, k: number): Estimate => ({ mean: e.mean * k, ci95: [e.ci95[0] * k, e.ci95[1] * k] });

function figuresOf(v: TaskSimFigures | Estimate | undefined): TaskSimFigures | undefined {
  if (!v) return undefined;
  return 'staffHoursPerYear' in v ? v : { staffHoursPerYear: v };
}

/** Innermost lane name per flow node, built once per diagram (children override parents). */
function laneIndex(definitions: ModdleElement): Map<string, string> {
  const byNode = new Map<string, string>();
  for (const lane of allLanes(definitions)) {
    const name = typeof lane.name === 'string' ? lane.name.trim() : '';
    if (!name) continue;
    for (const ref of (lane.flowNodeRef as ModdleElement[] | undefined) ?? []) if (ref?.id) byNode.set(ref.id, name);
  }
  return byNode;
}

/**
 * Only what the ranking needs from the bpr: data: steps (role defaulting to the lane), arrivals and
 * hourly costs. readDiagramAnnotations would also resolve calendars and check every gateway, which
 * at 200 diagrams costs more than the ranking itself.
 */
function readForRanking(definitions: ModdleElement, tasks: ModdleElement[], lanes: Map<string, string>, warn: (m: string) => void) {
  const steps = new Map<string, StepAnnotation>();
  for (const el of tasks) {
    const raw = rawStep(el);
    if (raw === undefined) continue;
    const r = stepAnnotationSchema.safeParse(raw);
    if (!r.success) {
      for (const i of describeIssues(el.id ?? '', el.name as string | undefined, r.error)) warn(i.message);
      continue;
    }
    const step = r.data;
    if (step.role === undefined) step.role = lanes.get(el.id as string);
    steps.set(el.id as string, step);
  }
  const hourlyCosts = new Map<string, number | undefined>();
  for (const owner of settingsOwners(definitions))
    for (const role of readSettings(owner)?.roles ?? []) if (!hourlyCosts.has(role.name)) hourlyCosts.set(role.name, role.hourlyCost);
  return { steps, hourlyCosts };
}

function annualArrivalsOf(elements: ModdleElement[]): number {
  let total = 0;
  for (const el of elements) if (isA(el, 'bpmn:StartEvent')) total += readArrivals(el)?.annualVolume ?? 0;
  return total;
}

/**
 * Candidates are built once with rank 0 and numbered after sorting, input order kept in a side array:
 * copying ~30 fields per candidate by rest/spread after the sort made V8 fall back to slow
 * dictionary objects and dominated ranking a 200-process workspace.
 */
/** 0 = screened, 1 = unscreened, 2 = unscreened and face-to-face or judgement. */
export function screeningTier(c: Pick<RpaCandidate, 'needsAnswers' | 'caution'>): number {
  if (c.needsAnswers.length === 0) return 0;
  return c.caution ? 2 : 1;
}

function compareRanked(a: RpaCandidate, b: RpaCandidate): number {
  return (
    screeningTier(a) - screeningTier(b) ||
    b.netAnnualYen - a.netAnnualYen ||
    b.hoursSavedPerYear.mean - a.hoursSavedPerYear.mean ||
    b.score - a.score ||
    (a.processId < b.processId ? -1 : a.processId > b.processId ? 1 : 0) ||
    (a.taskId < b.taskId ? -1 : a.taskId > b.taskId ? 1 : 0)
  );
}

export type ParsedRpaProcess = RpaProcessInput & { definitions: ModdleElement };

/** The ranking over diagrams already parsed; pure and synchronous (node, worker, UI). */
export function rankParsedProcesses(processes: readonly ParsedRpaProcess[], hoursByTask: HoursByTask, settings: RpaRankingSettings): RpaRanking {
  const ranked: RpaCandidate[] = [];
  const excluded: RpaExcludedStep[] = [];
  const warnings: string[] = [];
  // Costs are the same for every task; computing them once also validates the settings once.
  automationRoi(0, settings);

  for (const p of processes) {
    if (p.kind === 'to-be') continue;
    const department = p.department ?? '';
    const elements = allFlowElements(p.definitions);
    const tasks = elements.filter((el) => !!el.id && isTask(el));
    const lanes = laneIndex(p.definitions);
    const { steps, hourlyCosts } = readForRanking(p.definitions, tasks, lanes, (m) => warnings.push(`${p.processName}: ${m}`));
    const annualArrivals = annualArrivalsOf(elements);
    const table = hoursByTask(p.processId);
    if (!table) warnings.push(`${p.processName}: シミュレーション結果がないため、職員時間・削減時間を0として表示します`);

    for (const el of tasks as Array<ModdleElement & { id: string }>) {
      const step = steps.get(el.id);
      const taskName = typeof el.name === 'string' && el.name.trim() ? el.name.trim() : el.id;
      const ctx: StepContext = { taskId: el.id, taskName, role: step?.role, lane: lanes.get(el.id) };
      const base = { processId: p.processId, processName: p.processName, department, taskId: el.id, taskName };
      const exclusion = exclusionOf(step, ctx);
      if (exclusion) {
        excluded.push({ ...base, ...exclusion });
        continue;
      }

      const { answers, estimatedFields, derivationNotes } = resolveAssessment(step, ctx);
      const assessment: RpaAssessment = {
        ruleBased: answers.ruleBased,
        digitalInput: answers.digitalInput,
        structuredInput: answers.structuredInput,
        stability: answers.stability,
        documented: answers.documented,
        exceptionRatePct: answers.exceptionRate,
        // A robot works in at least one system; an unset count does not penalise ease.
        systems: step?.systems ?? 1,
      };
      const s = scoreAssessment(assessment);
      const notes: string[] = [];

      const figures = figuresOf(table?.[el.id]);
      if (table && !figures) notes.push('シミュレーション結果にこの作業がないため、削減時間を0として扱います');
      const hours = figures?.staffHoursPerYear ?? null;
      const annualVolume = figures?.countPerYear?.mean ?? null;
      const hoursSaved = hours ? scale(hours, s.automationPotential) : ZERO;

      const roleCost = step?.role !== undefined ? hourlyCosts.get(step.role) : undefined;
      const hourlyCostYen = roleCost ?? settings.hourlyCostFallbackYen;
      if (roleCost === undefined)
        notes.push(
          `${step?.role ? `役割「${step.role}」` : '担当役割'}の時間単価が未設定のため、既定値 ${groupDigits(settings.hourlyCostFallbackYen)} 円/時間 で計算しました`,
        );
      const yenSaved = scale(hoursSaved, hourlyCostYen);
      const roi = automationRoi(yenSaved.mean, settings);

      ranked.push({
        rank: 0,
        ...base,
        role: step?.role ?? null,
        assessed: estimatedFields.length === 0,
        assessmentLabel: estimatedFields.length === 0 ? '' : estimatedFields.length === 6 ? UNASSESSED_LABEL : PARTLY_ASSESSED_LABEL,
        assessment,
        estimatedFields,
        needsAnswers: missingKeyAnswers(step),
        caution: cautionOf(step, ctx),
        derivationNotes,
        score: s.suitability,
        automationPotential: s.automationPotential,
        ease: s.ease,
        annualVolume,
        visitsPerCase: annualVolume !== null && annualArrivals > 0 ? annualVolume / annualArrivals : null,
        staffHoursPerYear: hours,
        hoursSavedPerYear: hoursSaved,
        hourlyCostYen,
        hourlyCostSource: roleCost === undefined ? 'fallback' : 'role',
        yenSavedPerYear: yenSaved,
        developmentYen: settings.developmentYenPerTask,
        annualCostYen: roi.annualCostYen,
        netAnnualYen: roi.netAnnualYen,
        paybackMonths: roi.paybackMonths,
        roi3y: roi.roi3y,
        totalCost3yYen: roi.totalCost3yYen,
        notes,
      });
    }
  }

  // Stable sort: equal candidates keep their input order.
  const candidates = ranked.sort(compareRanked);
  for (let i = 0; i < candidates.length; i++) candidates[i].rank = i + 1;
  return { candidates, excluded, warnings };
}

/** Parses the diagrams given as text, then ranks; an unreadable diagram becomes a warning, not a failure. */
export async function rankRpaWorkspace(processes: readonly RpaProcessInput[], hoursByTask: HoursByTask, settings: RpaRankingSettings): Promise<RpaRanking> {
  const parsed: ParsedRpaProcess[] = [];
  const warnings: string[] = [];
  for (const p of processes) {
    if (p.kind === 'to-be') continue;
    if (p.definitions) {
      parsed.push({ ...p, definitions: p.definitions });
      continue;
    }
    if (p.xml === undefined) {
      warnings.push(`${p.processName}: 図の内容がないため順位付けから除きました`);
      continue;
    }
    const r = await parseDiagram(p.xml);
    if (r.ok) parsed.push({ ...p, definitions: r.definitions });
    else warnings.push(`${p.processName}: 読み込めないため順位付けから除きました（${r.error.message}）`);
  }
  const ranking = rankParsedProcesses(parsed, hoursByTask, settings);
  return { ...ranking, warnings: [...warnings, ...ranking.warnings] };
}

/** Every task of every As-Is process, best first (see the order above). */
export async function rankRpaCandidates(
  processes: readonly RpaProcessInput[],
  hoursByTask: HoursByTask,
  settings: RpaRankingSettings,
): Promise<RpaCandidate[]> {
  return (await rankRpaWorkspace(processes, hoursByTask, settings)).candidates;
}
