import type { ProcessRecord } from '../../store/types';

export interface DepartmentGroup {
  department: string;
  processes: ProcessRecord[];
}

/** Folds full-width/half-width and case so 「ﾃﾝﾆｭｳ」-style and ＡＢＣ input still match. */
export function normalizeForSearch(text: string): string {
  return text.normalize('NFKC').toLowerCase().trim();
}

/** Processes whose name or 担当課 contains every whitespace-separated word of the query. */
export function filterProcesses(processes: readonly ProcessRecord[], query: string): ProcessRecord[] {
  const words = normalizeForSearch(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...processes];
  return processes.filter((p) => {
    const haystack = normalizeForSearch(`${p.name} ${p.department}`);
    return words.every((w) => haystack.includes(w));
  });
}

const collator = new Intl.Collator('ja');

/**
 * Groups by 担当課, departments in Japanese collation order. Inside a group each As-Is is followed by
 * its To-Be scenarios, so they stand together however they are named.
 */
export function groupByDepartment(processes: readonly ProcessRecord[], unassignedLabel: string): DepartmentGroup[] {
  const byId = new Map(processes.map((p) => [p.id, p]));
  const groups = new Map<string, ProcessRecord[]>();
  for (const p of processes) {
    const key = p.department.trim() || unassignedLabel;
    const list = groups.get(key);
    if (list) list.push(p);
    else groups.set(key, [p]);
  }
  const sortKey = (p: ProcessRecord): [string, number, string] => {
    const partner = p.linkedProcessId ? byId.get(p.linkedProcessId) : undefined;
    const anchor = p.kind === 'to-be' && partner?.kind === 'as-is' && partner.department === p.department ? partner : p;
    return [anchor.name, p.kind === 'as-is' ? 0 : 1, p.name];
  };
  return [...groups.entries()]
    .sort(([a], [b]) => collator.compare(a, b))
    .map(([department, list]) => ({
      department,
      processes: list
        .map((p) => ({ p, key: sortKey(p) }))
        .sort((a, b) => collator.compare(a.key[0], b.key[0]) || a.key[1] - b.key[1] || collator.compare(a.key[2], b.key[2]))
        .map(({ p }) => p),
    }));
}

/** A name not yet used in the workspace: 「転入届 (コピー)」, 「転入届 (コピー 2)」, … */
export function uniqueName(base: string, taken: Iterable<string>, copyWord: string): string {
  const names = new Set(taken);
  const first = `${base} (${copyWord})`;
  if (!names.has(first)) return first;
  for (let i = 2; ; i++) {
    const candidate = `${base} (${copyWord} ${i})`;
    if (!names.has(candidate)) return candidate;
  }
}
