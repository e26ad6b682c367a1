import { importSurvey, normalizeHeader, readSurveyRows, SurveyImportError, type SurveyProcess } from '../../domain/exchange/survey';
import type { CellValue } from '../../domain/exchange/xlsx';
import type { ImportedProcess } from '../../store/types';
import { uniqueName } from '../workspace/processList';

/**
 * The non-React half of 業務量調査を取り込む: file → preview (nothing stored yet), preview + the
 * 担当課 the user typed → the processes to create. The survey format itself knows no 担当課; many
 * departments add the column anyway, so it is read here when present.
 */

/** Header spellings of a 担当課 column, compared after normalizeHeader. */
const DEPARTMENT_HEADERS = ['担当課', '課', '課名', '所管課', '担当部署', '部署', '所属'].map(normalizeHeader);
const BUSINESS_HEADERS = ['業務名', '業務', '手続名', '手続き名', '事務名'].map(normalizeHeader);

const cellText = (v: CellValue | undefined) => (v === null || v === undefined ? '' : String(v).normalize('NFKC').trim());

export interface SheetDepartments {
  /** 業務名 → 担当課 from the first row of that business with one. */
  byBusiness: Map<string, string>;
  /** The first 担当課 in the sheet, for a sheet without a 業務名 column (one process). */
  first?: string;
}

/** 担当課 per 業務名 when the sheet has a 担当課 column (header within the first 20 rows), else undefined. */
export function sheetDepartments(rows: CellValue[][]): SheetDepartments | undefined {
  for (let r = 0; r < Math.min(rows.length, 20); r++) {
    const header = (rows[r] ?? []).map((c) => normalizeHeader(c));
    const deptCol = header.findIndex((h) => DEPARTMENT_HEADERS.includes(h));
    if (deptCol < 0) continue;
    const businessCol = header.findIndex((h) => BUSINESS_HEADERS.includes(h));
    const out: SheetDepartments = { byBusiness: new Map() };
    let business = '';
    for (const row of rows.slice(r + 1)) {
      // The survey carries a 業務名 forward over blank cells; follow it the same way.
      if (businessCol >= 0 && cellText(row[businessCol])) business = cellText(row[businessCol]);
      const dept = cellText(row[deptCol]);
      if (!dept) continue;
      out.first ??= dept;
      if (businessCol >= 0 && business && !out.byBusiness.has(business)) out.byBusiness.set(business, dept);
    }
    return out;
  }
  return undefined;
}

export interface SurveyPreviewProcess extends SurveyProcess {
  /** From the sheet's 担当課 column; otherwise the user's field applies. */
  sheetDepartment?: string;
}

export type SurveyPreview =
  { ok: true; fileName: string; processes: SurveyPreviewProcess[]; hasDepartmentColumn: boolean } | { ok: false; fileName: string; problems: string[] };

/** Reads and checks the whole file; on any problem nothing is returned to create (all or nothing). */
export async function previewSurvey(fileName: string, bytes: Uint8Array): Promise<SurveyPreview> {
  let processes: SurveyProcess[];
  try {
    processes = await importSurvey(fileName, bytes);
  } catch (error) {
    if (error instanceof SurveyImportError) return { ok: false, fileName, problems: error.problems };
    return {
      ok: false,
      fileName,
      problems: [`ファイルを読み取れませんでした（${(error as Error).message}）。CSV（UTF-8 または Shift_JIS）か Excel の .xlsx を選んでください。`],
    };
  }
  const departments = sheetDepartments(readSurveyRows(fileName, bytes));
  return {
    ok: true,
    fileName,
    hasDepartmentColumn: !!departments,
    processes: processes.map((p) => {
      const dept = departments?.byBusiness.get(p.name) ?? (departments && departments.byBusiness.size === 0 ? departments.first : undefined);
      return dept ? { ...p, sheetDepartment: dept } : p;
    }),
  };
}

export class MissingDepartmentError extends Error {
  constructor(readonly processNames: string[]) {
    super(`担当課を入力してください（調査票に担当課がない業務: ${processNames.map((n) => `「${n}」`).join('')}）。`);
    this.name = 'MissingDepartmentError';
  }
}

/**
 * The As-Is processes to create: the sheet's 担当課 wins over the field (a sheet may list several
 * departments), names already in the workspace get 「(取込 2)」-style suffixes so nothing is overwritten.
 */
export function plannedSurveyProcesses(
  processes: readonly SurveyPreviewProcess[],
  departmentField: string,
  existingNames: Iterable<string>,
  copyWord: string,
): ImportedProcess[] {
  const field = departmentField.trim();
  const missing = processes.filter((p) => !p.sheetDepartment && !field).map((p) => p.name);
  if (missing.length) throw new MissingDepartmentError(missing);
  const taken = new Set(existingNames);
  return processes.map((p, i) => {
    const name = taken.has(p.name) ? uniqueName(p.name, taken, copyWord) : p.name;
    taken.add(name);
    return { ref: `survey-${i + 1}`, name, department: p.sheetDepartment ?? field, kind: 'as-is', xml: p.xml };
  });
}
