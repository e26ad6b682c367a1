import { toCsv, type CsvCell } from '../exchange/csv';
import { writeXlsx, type CellValue, type WriteSheet } from '../exchange/xlsx';
import { INVENTORY_FIELD_LABELS, INVENTORY_FIELDS, type InventoryField } from './parse';
import { DEFAULT_RANK_WEIGHTS, RANK_REASON_LABELS, rankInventory, type RankWeights } from './rank';
import { annualHoursOf, fteOfRow, type InventoryFields } from './record';

/**
 * 業務の全体像 out to Excel and CSV: the survey's own columns as entered (so the file re-imports),
 * then the computed ones (年間時間, where it came from, 人工), and the BPR 対象 ranking as a second
 * sheet. Headers use the labels the importer recognises, so an exported sheet reads back unchanged.
 */

const HOURS_SOURCE_LABELS = { computed: '件数×分', entered: '入力値', none: 'なし' } as const;
const COMPUTED_HEADERS = ['年間時間(h)[計算]', '年間時間の根拠', '人工[計算]'];

/** Excel formats for the survey columns; blank means text or general. */
const FIELD_FORMATS: Partial<Record<InventoryField, string>> = {
  annualCount: '#,##0',
  minutesPerCase: '#,##0.0',
  enteredHours: '#,##0.0',
  staffCount: '#,##0.0',
  enteredFte: '0.00',
};

const flagText = (v: boolean | undefined) => (v ? '○' : '');

function fieldCell(row: InventoryFields, f: InventoryField): CellValue {
  const v = row[f];
  if (typeof v === 'boolean') return flagText(v);
  if (v === undefined || v === '') return null;
  return v as CellValue;
}

export function inventoryExportRows(rows: readonly InventoryFields[], hoursPerFte: number): CellValue[][] {
  const header: CellValue[] = [...INVENTORY_FIELDS.map((f) => INVENTORY_FIELD_LABELS[f]), ...COMPUTED_HEADERS];
  return [
    header,
    ...rows.map((r) => {
      const { hours, source } = annualHoursOf(r);
      return [...INVENTORY_FIELDS.map((f) => fieldCell(r, f)), hours, HOURS_SOURCE_LABELS[source], fteOfRow(r, hoursPerFte)];
    }),
  ];
}

export function rankingExportRows(rows: readonly InventoryFields[], weights: RankWeights = DEFAULT_RANK_WEIGHTS): CellValue[][] {
  const header: CellValue[] = ['順位', '部', '課', '係', '整理番号', '業務名', '年間時間(h)', '倍率', 'スコア', '理由'];
  return [
    header,
    ...rankInventory(rows, weights).map((r) => [
      r.rank,
      r.row.department || null,
      r.row.section,
      r.row.unit || null,
      r.row.code || null,
      r.row.name,
      r.hours,
      r.hours > 0 ? r.score / r.hours : null,
      r.score,
      r.reasons.map((x) => RANK_REASON_LABELS[x]).join('、'),
    ]),
  ];
}

const inventorySheet = (rows: readonly InventoryFields[], hoursPerFte: number): WriteSheet => ({
  name: '業務一覧',
  rows: inventoryExportRows(rows, hoursPerFte),
  headerRows: 1,
  numberFormats: [...INVENTORY_FIELDS.map((f) => FIELD_FORMATS[f]), '#,##0.0', undefined, '0.00'],
});

export function inventoryToXlsx(rows: readonly InventoryFields[], hoursPerFte: number, weights: RankWeights = DEFAULT_RANK_WEIGHTS): Uint8Array {
  return writeXlsx([
    inventorySheet(rows, hoursPerFte),
    {
      name: 'BPR対象の選定',
      rows: rankingExportRows(rows, weights),
      headerRows: 1,
      numberFormats: ['0', undefined, undefined, undefined, undefined, undefined, '#,##0.0', '0.00', '#,##0.0', undefined],
    },
  ]);
}

/** UTF-8 with BOM (Excel opens it without mojibake), the 業務一覧 sheet only. */
export function inventoryToCsv(rows: readonly InventoryFields[], hoursPerFte: number): string {
  return toCsv(inventoryExportRows(rows, hoursPerFte) as CsvCell[][]);
}

/** A sheet to fill in: every recognised column, one example row a 課 can overwrite. */
export function inventoryTemplateXlsx(): Uint8Array {
  const example: Partial<Record<InventoryField, CellValue>> = {
    department: '市民生活部',
    section: '市民課',
    unit: '窓口係',
    name: '住民票の写しの交付',
    code: '001',
    purpose: '住民票の写しを請求者に交付する',
    legalBasis: '住民基本台帳法第12条',
    routine: '定型',
    core: 'ノンコア',
    annualCount: 12000,
    minutesPerCase: 6,
    peakPeriod: '3〜4月',
    paper: '○',
    systemEntry: '○',
  };
  return writeXlsx([
    {
      name: '業務量調査',
      rows: [INVENTORY_FIELDS.map((f) => INVENTORY_FIELD_LABELS[f]), INVENTORY_FIELDS.map((f) => example[f] ?? null)],
      headerRows: 1,
      numberFormats: INVENTORY_FIELDS.map((f) => FIELD_FORMATS[f]),
    },
  ]);
}
