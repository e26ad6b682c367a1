import { AUTOMATION_KINDS, distributionMean, type AutomationKind, type Distribution, type StepAnnotation } from '../../../domain/model/annotations';
import { AUTOMATION_LABELS } from '../../../domain/model/automationLabels';
import { CellError, formatNumber, parseNumberCell } from '../../../domain/model/numbers';

// Part of what the step table's cells are made of; kept importable from here for the table and its tests.
export { AUTOMATION_LABELS, CellError, formatNumber, parseNumberCell };

/**
 * The step table's columns and how a cell's text maps to and from a StepAnnotation. Pure so the
 * same rules serve typing, pasting from Excel and the tests.
 */
export const STEP_COLUMNS = ['name', 'role', 'staffMin', 'staffMode', 'staffMax', 'resident', 'lag', 'paper', 'systems', 'automation'] as const;
export type StepColumn = (typeof STEP_COLUMNS)[number];
/** Columns a user can type into; the name is the BPMN label and edited on the canvas. */
export const EDITABLE_COLUMNS: ReadonlySet<StepColumn> = new Set(STEP_COLUMNS.filter((c) => c !== 'name'));

export const LAG_UNIT_LABELS = { businessDays: '営業日', minutes: '分' } as const;

export interface StaffCells {
  min: string;
  mode: string;
  max: string;
  /** Set when the stored distribution has no three-point form; editing replaces it. */
  note?: string;
}

const OTHER_DISTRIBUTION_LABELS: Record<string, string> = {
  normal: '正規分布',
  lognormal: '対数正規分布',
  exponential: '指数分布',
};

export function staffCells(d: Distribution | undefined): StaffCells {
  if (!d) return { min: '', mode: '', max: '' };
  switch (d.type) {
    case 'fixed':
      return { min: '', mode: formatNumber(d.value), max: '' };
    case 'triangular':
      return { min: formatNumber(d.min), mode: formatNumber(d.mode), max: formatNumber(d.max) };
    case 'uniform':
      return { min: formatNumber(d.min), mode: '', max: formatNumber(d.max) };
    default:
      return {
        min: '',
        mode: formatNumber(distributionMean(d)),
        max: '',
        note: `${OTHER_DISTRIBUTION_LABELS[d.type]} (平均 ${formatNumber(distributionMean(d))}分)。編集すると置き換わります`,
      };
  }
}

/**
 * Three cells to a distribution: only 最頻 is a fixed time, 最小+最大 a uniform range, all three a
 * three-point estimate; all empty removes it. Ordering (min ≤ mode ≤ max) is left to the schema so
 * its message is the one users see everywhere.
 */
export function staffFromCells(min: string, mode: string, max: string): Distribution | undefined {
  const a = parseNumberCell(min, '職員 最小');
  const m = parseNumberCell(mode, '職員 最頻');
  const b = parseNumberCell(max, '職員 最大');
  if (a === undefined && m === undefined && b === undefined) return undefined;
  if (a === undefined && b === undefined) return { type: 'fixed', value: m! };
  if (a !== undefined && b !== undefined) return m === undefined ? { type: 'uniform', min: a, max: b } : { type: 'triangular', min: a, mode: m, max: b };
  throw new CellError('職員処理時間は「最頻」だけ、または「最小・最頻・最大」の3つを入力してください');
}

export function residentCell(d: Distribution | undefined): string {
  if (!d) return '';
  return d.type === 'fixed' ? formatNumber(d.value) : `≈${formatNumber(distributionMean(d))}`;
}

export function lagCell(lag: StepAnnotation['lag']): string {
  if (!lag) return '';
  const v = lag.distribution.type === 'fixed' ? formatNumber(lag.distribution.value) : `≈${formatNumber(distributionMean(lag.distribution))}`;
  return `${v} ${LAG_UNIT_LABELS[lag.unit]}`;
}

/** 「2営業日」「2 日」「30分」「2」: a bare number keeps the current unit (営業日 when none). */
export function lagFromCell(text: string, current: StepAnnotation['lag']): StepAnnotation['lag'] {
  const t = text.normalize('NFKC').trim();
  if (t === '') return undefined;
  const m = /^(.*?)(営業日|日|businessdays|days?|分|minutes?|min)?$/i.exec(t)!;
  const unitText = (m[2] ?? '').toLowerCase();
  const unit = unitText === '' ? (current?.unit ?? 'businessDays') : unitText === '分' || unitText.startsWith('min') ? 'minutes' : 'businessDays';
  const value = parseNumberCell(m[1], '待ち時間');
  if (value === undefined) throw new CellError(`待ち時間「${text.trim()}」は数値ではありません`);
  return { distribution: { type: 'fixed', value }, unit, ...(current?.reason ? { reason: current.reason } : {}) };
}

export function automationFromCell(text: string): AutomationKind | undefined {
  const t = text.normalize('NFKC').trim();
  if (t === '') return undefined;
  const lower = t.toLowerCase();
  const byKey = AUTOMATION_KINDS.find((k) => k === lower);
  if (byKey) return byKey;
  const byLabel = (Object.entries(AUTOMATION_LABELS) as [AutomationKind, string][]).find(([, l]) => l.toLowerCase() === lower);
  if (byLabel) return byLabel[0];
  throw new CellError(`自動化「${t}」は選べません (${Object.values(AUTOMATION_LABELS).join('・')})`);
}

/** The text a cell shows for a step; `laneName` is the role's fallback shown greyed. */
export function cellText(column: StepColumn, name: string, ann: StepAnnotation | undefined): string {
  const staff = staffCells(ann?.staffTime);
  switch (column) {
    case 'name':
      return name;
    case 'role':
      return ann?.role ?? '';
    case 'staffMin':
      return staff.min;
    case 'staffMode':
      return staff.mode;
    case 'staffMax':
      return staff.max;
    case 'resident':
      return residentCell(ann?.residentTime);
    case 'lag':
      return lagCell(ann?.lag);
    case 'paper':
      return formatNumber(ann?.paperSheets);
    case 'systems':
      return formatNumber(ann?.systems);
    case 'automation':
      return ann?.automation ? AUTOMATION_LABELS[ann.automation] : '';
  }
}

/**
 * Applies edited cells of one row to its annotation. The result is not yet schema-checked; the
 * caller validates it so the message names the element. A cell left as it was displayed keeps the
 * stored value exactly (≈ shown for a non-fixed resident time must not turn it into a fixed one).
 */
export function applyCells(current: StepAnnotation | undefined, edits: Partial<Record<StepColumn, string>>): StepAnnotation {
  const next: StepAnnotation = { ...(current ?? {}) };
  const shown = (c: StepColumn) => cellText(c, '', current);
  const changed = (c: StepColumn) => edits[c] !== undefined && edits[c]!.trim() !== shown(c).trim();
  const set = <K extends keyof StepAnnotation>(key: K, value: StepAnnotation[K] | undefined) => {
    if (value === undefined) delete next[key];
    else next[key] = value;
  };

  if (changed('role')) set('role', edits.role!.trim() === '' ? undefined : edits.role!.trim());
  if (changed('staffMin') || changed('staffMode') || changed('staffMax')) {
    const s = staffCells(current?.staffTime);
    set('staffTime', staffFromCells(edits.staffMin ?? s.min, edits.staffMode ?? s.mode, edits.staffMax ?? s.max));
  }
  if (changed('resident')) {
    const v = parseNumberCell(edits.resident!, '住民の所要時間');
    set('residentTime', v === undefined ? undefined : { type: 'fixed', value: v });
  }
  if (changed('lag')) set('lag', lagFromCell(edits.lag!, current?.lag));
  if (changed('paper')) set('paperSheets', parseNumberCell(edits.paper!, '紙の枚数'));
  if (changed('systems')) set('systems', parseNumberCell(edits.systems!, 'システム数'));
  if (changed('automation')) set('automation', automationFromCell(edits.automation!));
  return next;
}
