/**
 * To-Be scenarios: one As-Is keeps any number of named To-Be processes (書かない窓口, RPA, 電子決裁,
 * or several templates applied in turn). The To-Be names its As-Is and carries the scenario's short
 * name; the As-Is records nothing, so adding or removing a scenario never rewrites the As-Is.
 */
export const SCENARIO_NAME_MAX = 100;

/** The text inside the full-width brackets that close `name` (nested brackets kept), or null. */
function trailingBracket(name: string): { inner: string; before: string } | null {
  if (!name.endsWith('）')) return null;
  let depth = 0;
  for (let i = name.length - 1; i >= 0; i--) {
    if (name[i] === '）') depth++;
    else if (name[i] === '（' && --depth === 0) return { inner: name.slice(i + 1, -1).trim(), before: name.slice(0, i).trim() };
  }
  return null;
}

/**
 * The short name of a scenario taken from its process name: what the template and RPA dialogs put in
 * 「（To-Be: …）」, else what a hand-named To-Be says in its closing brackets (「起案・決裁（電子決裁）」 →
 * 電子決裁), else the whole name. A numbered copy (「… 2」) keeps its number.
 */
export function scenarioNameFromProcessName(processName: string): string {
  const name = processName.trim();
  const numbered = /^(.*）)\s+(\d+)$/u.exec(name);
  const [base, suffix] = numbered ? [numbered[1], ` ${numbered[2]}`] : [name, ''];
  const bracket = trailingBracket(base);
  const tagged = bracket ? /^To-?Be[:：]\s*(.+)$/u.exec(bracket.inner) : null;
  const inner = tagged ? tagged[1].trim() : bracket && bracket.before ? bracket.inner : '';
  const picked = inner ? `${inner}${suffix}` : name;
  return picked.length > SCENARIO_NAME_MAX ? picked.slice(0, SCENARIO_NAME_MAX) : picked;
}

/** The label a scenario is shown and told apart by: its own name, else one taken from its process name. */
export const scenarioLabelOf = (toBe: { name: string; scenarioName?: string }): string => toBe.scenarioName ?? scenarioNameFromProcessName(toBe.name);

/** 「RPA」, 「RPA 2」, …: a name not yet used by another scenario of the same As-Is. */
export function uniqueScenarioName(base: string, taken: Iterable<string>): string {
  const names = new Set(taken);
  const trimmed = base.trim().slice(0, SCENARIO_NAME_MAX - 4);
  if (!names.has(trimmed)) return trimmed;
  for (let i = 2; ; i++) {
    const candidate = `${trimmed} ${i}`;
    if (!names.has(candidate)) return candidate;
  }
}

export type ScenarioNameProblem = 'nameEmpty' | 'nameTooLong' | 'nameTaken';

/** Why a scenario name cannot be used for a new scenario of an As-Is whose scenarios are named `taken`; null when it can. */
export function checkScenarioName(name: string, taken: Iterable<string>): ScenarioNameProblem | null {
  const trimmed = name.trim();
  if (!trimmed) return 'nameEmpty';
  if (trimmed.length > SCENARIO_NAME_MAX) return 'nameTooLong';
  for (const other of taken) if (other.trim() === trimmed) return 'nameTaken';
  return null;
}
