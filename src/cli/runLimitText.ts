import simulationText from '../i18n/resources/simulation';
import { runLimitProblem, type RunLimitField, type RunLimitProblem } from '../domain/sim/runLimits';

const FLAG: Record<RunLimitField, string> = { replications: '--replications', seed: '--seed', years: '--years', cases: '--cases' };

/** The simulation tab's own sentence for a refused setting, with the CLI flag and the value given. */
export function runLimitText(problem: RunLimitProblem, given: string | undefined): string {
  const ja = simulationText.ja;
  const sentence = ja.invalidSetting
    .replace('{field}', `${FLAG[problem.field]}（${ja[problem.field]}）`)
    .replace('{min}', problem.min.toLocaleString('ja-JP'))
    .replace('{max}', problem.max.toLocaleString('ja-JP'));
  return `${sentence}${problem.integer ? '（整数）' : ''}（指定: ${given ?? '(なし)'}）`;
}

/** Reads a flag's value and checks it against the one table of run limits; a string is the refusal. */
export function runLimitArg(field: RunLimitField, given: string | undefined, min?: number): number | string {
  const value = given === undefined || given.trim() === '' ? NaN : Number(given);
  const problem = runLimitProblem(field, value, min);
  return problem ? runLimitText(problem, given) : value;
}
