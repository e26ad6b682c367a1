/**
 * Names of every file the app hands out (BPMN / SVG / PNG / BIMP, comparison and RPA sheets, 取組一覧,
 * workspace backups): what it is, then the date, e.g. 「転入届_As-Is_2026-12-07.bpmn」.
 *
 * The date is the calendar day in Japan, not the UTC day of the instant: a file exported at 01:30 JST
 * is dated that morning, not the evening before, whatever time zone the browser or server runs in.
 */
export const FILE_NAME_TIME_ZONE = 'Asia/Tokyo';

/** Longest a single part (process name, scenario, …) may get before it is cut, so names stay usable on Windows. */
export const FILE_NAME_PART_MAX = 60;

/** YYYY-MM-DD of `date` as a calendar in `timeZone` shows it. */
export function localDateStamp(date: Date, timeZone: string = FILE_NAME_TIME_ZONE): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(date);
  const get = (type: 'year' | 'month' | 'day') => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/**
 * One part of a file name with the characters Windows or macOS refuse (\ / : * ? " < > | and control
 * characters) replaced by 「_」; white space becomes 「_」 too and leading/trailing dots and 「_」 go, as
 * Windows drops trailing dots silently. Empty when nothing usable is left.
 */
export function fileNamePart(text: string): string {
  const cleaned = text
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- control characters are what this replaces
    .replace(/[\\/:*?"<>|\u0000-\u001f\u007f]+/g, '_')
    .replace(/\s+/g, '_')
    .replace(/_+/g, '_')
    .replace(/^[._]+|[._]+$/g, '');
  return [...cleaned]
    .slice(0, FILE_NAME_PART_MAX)
    .join('')
    .replace(/[._]+$/g, '');
}

export interface ExportFileNameInput {
  /** What the file holds, most specific first: process name, scenario (As-Is / To-Be), 比較, …; empty parts are left out. */
  parts: readonly (string | undefined)[];
  /** When it was exported; written as the Japanese calendar day. */
  date: Date;
  /** Extension without the dot: bpmn, csv, xlsx, json, svg, png. */
  ext: string;
  timeZone?: string;
}

/** 「転入届_As-Is_2026-12-07.bpmn」; 「export」 stands in when no part has anything usable in it. */
export function exportFileName({ parts, date, ext, timeZone }: ExportFileNameInput): string {
  const named = parts.map((p) => fileNamePart(p ?? '')).filter(Boolean);
  const stem = [...(named.length ? named : ['export']), localDateStamp(date, timeZone)].join('_');
  return `${stem}.${ext.replace(/^\./, '')}`;
}

/** The scenario part of a process' files: 「As-Is」 or 「To-Be」 (a named To-Be scenario passes its own name). */
export function scenarioLabel(kind: 'as-is' | 'to-be', scenarioName?: string): string {
  if (kind === 'as-is') return 'As-Is';
  return scenarioName?.trim() ? `To-Be-${scenarioName.trim()}` : 'To-Be';
}

/** The parts naming one process's file: its name, and As-Is or the To-Be scenario unless the name already says it. */
export function processFileParts(process: { name: string; kind: 'as-is' | 'to-be'; scenarioName?: string }): string[] {
  const scenario = process.scenarioName && process.name.includes(process.scenarioName) ? undefined : process.scenarioName;
  return [process.name, scenarioLabel(process.kind, scenario)];
}
