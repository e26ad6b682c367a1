import type Modeler from 'bpmn-js/lib/Modeler';
import { useCallback, useEffect, useMemo, useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import type { BpmnModdle } from 'bpmn-moddle';
import { useI18n } from '../../i18n';
import { executeBatch } from '../../modeler/bprProperties/batchUpdate';
import { AUTOMATION_LABELS, cellText, EDITABLE_COLUMNS, formatNumber, STEP_COLUMNS, staffCells, type StepColumn } from './stepTable/cellValues';
import { buildRows, type DiagramElement, type TableRow } from './stepTable/diagramRows';
import type { StepAnnotation } from '../../domain/model/annotations';
import { simulationInputsOf } from '../../domain/sim/loadDiagram';
import { planBlock } from './stepTable/pastePlan';
import { roleTotals, UNASSIGNED_ROLE } from './stepTable/roleTotals';
import { parseTsv, toTsv } from './stepTable/tsv';
import { useDiagramVersion } from './stepTable/useDiagramVersion';
import './stepTable/stepTable.css';

/**
 * 工程表: every step of the diagram in flow order, edited like a spreadsheet. Each edit or paste goes
 * through the command stack (one undo per paste) and the diagram stays the only source of truth.
 */
interface Cell {
  row: number;
  col: number;
}
type Notice = { kind: 'error' | 'info'; lines: string[] } | null;

const NUMERIC: ReadonlySet<StepColumn> = new Set(['staffMin', 'staffMode', 'staffMax', 'resident', 'paper', 'systems']);

export function StepTablePanel({ modeler }: { modeler: Modeler | null }) {
  const { t } = useI18n();
  const version = useDiagramVersion(modeler);
  const gridRef = useRef<HTMLDivElement>(null);
  const [selected, setSelected] = useState<Cell>({ row: 0, col: 1 });
  const [editing, setEditingState] = useState<{ cell: Cell; text: string } | null>(null);
  // Blur fires while focus moves back to the grid, before state settles: the ref says whether an
  // edit is still open, so Esc really cancels and Enter does not commit twice.
  const editingRef = useRef<{ cell: Cell; text: string } | null>(null);
  const setEditing = (next: { cell: Cell; text: string } | null) => {
    editingRef.current = next;
    setEditingState(next);
  };
  const [notice, setNotice] = useState<Notice>(null);
  // A BIMP file without annotations of its own: the steps as the simulation reads them (one loader).
  const [qbpSteps, setQbpSteps] = useState<Record<string, StepAnnotation> | null>(null);
  useEffect(() => {
    if (!modeler) return;
    let current = true;
    void (async () => {
      try {
        const { xml } = await modeler.saveXML();
        const inputs = xml ? simulationInputsOf(modeler.getDefinitions(), xml) : undefined;
        if (current) setQbpSteps(inputs?.source === 'qbp' ? inputs.annotations.steps : null);
      } catch {
        if (current) setQbpSteps(null);
      }
    })();
    return () => {
      current = false;
    };
  }, [modeler, version]);

  const rows = useMemo<TableRow[]>(() => {
    if (!modeler) return [];
    const registry = modeler.get('elementRegistry') as { getAll(): DiagramElement[] };
    let definitions;
    try {
      definitions = modeler.getDefinitions();
    } catch {
      definitions = undefined;
    }
    return buildRows(registry.getAll(), definitions, qbpSteps ?? undefined);
    // `version` is the signal that the diagram changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [modeler, version, qbpSteps]);
  const fromQbp = qbpSteps !== null && rows.some((r) => r.source === 'qbp');
  const totals = useMemo(() => roleTotals(rows), [rows]);

  // Keep the selection inside the table when steps are removed.
  useEffect(() => {
    if (rows.length && selected.row >= rows.length) setSelected({ row: rows.length - 1, col: selected.col });
  }, [rows.length, selected]);

  const focusGrid = () => gridRef.current?.focus({ preventScroll: true });

  /** Writes a block at `at`; all rows are checked first and nothing is written if one fails. */
  const writeBlock = useCallback(
    (at: Cell, block: string[][]): boolean => {
      if (!modeler) return false;
      // One edited step would make the simulation read this step from bpr: and every other from nothing.
      if (fromQbp) {
        setNotice({ kind: 'info', lines: [t('annotations.table.qbpReadOnly')] });
        return false;
      }
      const plan = planBlock(modeler.get('moddle') as BpmnModdle, rows, at.row, at.col, block);
      if (plan.errors.length) {
        setNotice({ kind: 'error', lines: plan.errors });
        return false;
      }
      executeBatch(modeler.get('commandStack') as Parameters<typeof executeBatch>[0], plan.updates);
      if (block.length > 1) {
        const lines = [t('annotations.table.pasted', { rows: plan.rowCount })];
        if (plan.droppedRows) lines.push(t('annotations.table.pasteTruncated', { rows: plan.droppedRows }));
        setNotice({ kind: 'info', lines });
      } else setNotice(null);
      return true;
    },
    [modeler, rows, t, fromQbp],
  );

  const move = (dr: number, dc: number) => {
    setSelected((s) => ({
      row: Math.min(Math.max(s.row + dr, 0), Math.max(rows.length - 1, 0)),
      col: Math.min(Math.max(s.col + dc, 0), STEP_COLUMNS.length - 1),
    }));
  };

  const startEdit = (cell: Cell, initial?: string) => {
    const column = STEP_COLUMNS[cell.col];
    const row = rows[cell.row];
    if (!row) return;
    if (!EDITABLE_COLUMNS.has(column)) {
      setNotice({ kind: 'info', lines: [t('annotations.table.nameReadOnly')] });
      return;
    }
    if (fromQbp) {
      setNotice({ kind: 'info', lines: [t('annotations.table.qbpReadOnly')] });
      return;
    }
    setEditing({ cell, text: initial ?? editText(column, row) });
  };

  const commitEdit = (then: (dr: number, dc: number) => void, dr: number, dc: number) => {
    if (!editing) return;
    const ok = writeBlock(editing.cell, [[editing.text]]);
    if (!ok) return; // keep the editor open with the rejected text and the message
    setEditing(null);
    then(dr, dc);
    focusGrid();
  };

  const selectOnCanvas = (row: TableRow | undefined) => {
    if (!modeler || !row) return;
    const selection = modeler.get('selection') as { select(e: unknown): void };
    selection.select(row.element);
  };

  const onGridKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (editing || e.nativeEvent.isComposing) return;
    const mod = e.ctrlKey || e.metaKey;
    switch (e.key) {
      case 'ArrowUp':
        move(-1, 0);
        break;
      case 'ArrowDown':
        move(1, 0);
        break;
      case 'ArrowLeft':
        move(0, -1);
        break;
      case 'ArrowRight':
        move(0, 1);
        break;
      case 'Tab':
        // At the row's edge Tab leaves the table, so keyboard users are never trapped in it.
        if (e.shiftKey ? selected.col === 0 : selected.col === STEP_COLUMNS.length - 1) return;
        move(0, e.shiftKey ? -1 : 1);
        break;
      case 'Home':
        setSelected((s) => ({ ...s, col: 1 }));
        break;
      case 'End':
        setSelected((s) => ({ ...s, col: STEP_COLUMNS.length - 1 }));
        break;
      case 'Enter':
      case 'F2':
        startEdit(selected);
        break;
      case 'Delete':
      case 'Backspace':
        if (EDITABLE_COLUMNS.has(STEP_COLUMNS[selected.col])) writeBlock(selected, [['']]);
        break;
      case 'Escape':
        setNotice(null);
        break;
      default:
        // Typing a character starts editing with it, like a spreadsheet.
        if (!mod && !e.altKey && e.key.length === 1) {
          startEdit(selected, e.key);
          e.preventDefault();
        }
        return;
    }
    e.preventDefault();
  };

  const onEditorKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.nativeEvent.isComposing) return; // IME conversion uses Enter too
    if (e.key === 'Enter') {
      e.preventDefault();
      commitEdit(move, e.shiftKey ? -1 : 1, 0);
    } else if (e.key === 'Tab') {
      e.preventDefault();
      commitEdit(move, 0, e.shiftKey ? -1 : 1);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      setEditing(null);
      setNotice(null);
      focusGrid();
    }
    e.stopPropagation();
  };

  const onPaste = (e: ClipboardEvent<HTMLDivElement>) => {
    if (editing) return; // inside the cell editor the browser pastes text as usual
    const text = e.clipboardData.getData('text/plain');
    if (!text) return;
    e.preventDefault();
    const block = parseTsv(text);
    if (block.length) writeBlock(selected, block);
  };

  const onCopy = (e: ClipboardEvent<HTMLDivElement>) => {
    if (editing) return;
    const row = rows[selected.row];
    if (!row) return;
    e.preventDefault();
    e.clipboardData.setData('text/plain', toTsv([[cellText(STEP_COLUMNS[selected.col], row.name, row.annotation)]]));
  };

  if (!modeler) {
    return (
      <section className="bpr-step-table" aria-label={t('annotations.table.title')}>
        <p className="bpr-step-table-empty">{t('annotations.table.noModeler')}</p>
      </section>
    );
  }

  const header = (c: StepColumn) => t(`annotations.table.col.${c}`);
  return (
    <section className="bpr-step-table" aria-label={t('annotations.table.title')}>
      <header className="bpr-step-table-header">
        <h2>{t('annotations.table.title')}</h2>
        <span className="bpr-step-table-hint">{t('annotations.table.hint')}</span>
      </header>
      {fromQbp && (
        <p className="bpr-step-table-source" data-testid="step-table-qbp">
          {t('annotations.table.qbpSource')}
        </p>
      )}
      {notice && (
        <div role={notice.kind === 'error' ? 'alert' : 'status'} className={`bpr-step-table-notice bpr-step-table-${notice.kind}`}>
          {notice.lines.map((l, i) => (
            <div key={i}>{l}</div>
          ))}
        </div>
      )}
      {rows.length === 0 ? (
        <p className="bpr-step-table-empty">{t('annotations.table.empty')}</p>
      ) : (
        <div
          ref={gridRef}
          className="bpr-step-table-scroll"
          tabIndex={0}
          role="grid"
          aria-label={t('annotations.table.title')}
          aria-rowcount={rows.length + 2}
          data-testid="step-table"
          onKeyDown={onGridKeyDown}
          onPaste={onPaste}
          onCopy={onCopy}
        >
          <table>
            <colgroup>
              <col className="bpr-w-no" />
              <col />
              <col className="bpr-w-role" />
              <col className="bpr-w-num" />
              <col className="bpr-w-num" />
              <col className="bpr-w-num" />
              <col className="bpr-w-num" />
              <col className="bpr-w-lag" />
              <col className="bpr-w-num" />
              <col className="bpr-w-num" />
              <col className="bpr-w-auto" />
            </colgroup>
            <thead>
              <tr>
                <th rowSpan={2} className="bpr-col-no">
                  {t('annotations.table.col.no')}
                </th>
                <th rowSpan={2} className="bpr-col-name">
                  {header('name')}
                </th>
                <th rowSpan={2}>{header('role')}</th>
                <th colSpan={3} className="bpr-col-group">
                  {t('annotations.table.col.staff')}
                </th>
                <th rowSpan={2}>{header('resident')}</th>
                <th rowSpan={2}>{header('lag')}</th>
                <th rowSpan={2}>{header('paper')}</th>
                <th rowSpan={2}>{header('systems')}</th>
                <th rowSpan={2}>{header('automation')}</th>
              </tr>
              <tr>
                <th>{header('staffMin')}</th>
                <th>{header('staffMode')}</th>
                <th>{header('staffMax')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, r) => (
                <tr key={row.id} data-element-id={row.id} data-source={row.source} className={row.problem ? 'bpr-row-problem' : undefined} title={row.problem}>
                  <td className="bpr-col-no">{r + 1}</td>
                  {STEP_COLUMNS.map((column, c) => {
                    const isSel = selected.row === r && selected.col === c;
                    const isEditing = editing && editing.cell.row === r && editing.cell.col === c;
                    const text = cellText(column, row.name, row.annotation);
                    const placeholder = column === 'role' && !text ? (row.laneName ?? '') : '';
                    const note = column.startsWith('staff') ? staffCells(row.annotation?.staffTime).note : undefined;
                    return (
                      <td
                        key={column}
                        role="gridcell"
                        aria-selected={isSel}
                        data-col={column}
                        title={note}
                        className={[
                          isSel ? 'bpr-cell-selected' : '',
                          NUMERIC.has(column) ? 'bpr-cell-number' : '',
                          column === 'name' ? 'bpr-col-name' : '',
                          column === 'staffMin' ? 'bpr-col-group-start' : '',
                        ].join(' ')}
                        onMouseDown={(e) => {
                          if (isEditing) return;
                          e.preventDefault();
                          setSelected({ row: r, col: c });
                          focusGrid();
                          selectOnCanvas(row);
                        }}
                        onDoubleClick={() => startEdit({ row: r, col: c })}
                      >
                        {isEditing ? (
                          <input
                            className="bpr-cell-editor"
                            autoFocus
                            value={editing.text}
                            list={column === 'automation' ? 'bpr-automation-options' : undefined}
                            aria-label={`${row.name} ${header(column)}`}
                            onChange={(e) => setEditing({ cell: editing.cell, text: e.target.value })}
                            onKeyDown={onEditorKeyDown}
                            onBlur={() => {
                              // Leaving the cell by clicking elsewhere commits, as in Excel; a rejected value stays visible.
                              const open = editingRef.current;
                              if (open && writeBlock(open.cell, [[open.text]])) setEditing(null);
                            }}
                          />
                        ) : placeholder ? (
                          <span className="bpr-cell-placeholder">{placeholder}</span>
                        ) : (
                          <>
                            {text}
                            {note && column === 'staffMode' ? <span className="bpr-cell-note">*</span> : null}
                          </>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
          <datalist id="bpr-automation-options">
            {Object.values(AUTOMATION_LABELS).map((l) => (
              <option key={l} value={l} />
            ))}
          </datalist>
        </div>
      )}
      {rows.length > 0 && (
        <div className="bpr-step-table-totals">
          <h3>{t('annotations.table.totals')}</h3>
          <table>
            <tbody>
              {totals.roles.map((tot) => (
                <tr key={tot.role} data-role={tot.role}>
                  <th scope="row">{tot.role === UNASSIGNED_ROLE ? tot.role : t('annotations.table.totalRow', { role: tot.role })}</th>
                  <td className="bpr-cell-number">{t('annotations.table.minutes', { minutes: formatNumber(tot.staffMinutes) })}</td>
                  <td>{t('annotations.table.totalSteps', { steps: tot.steps })}</td>
                  <td className={tot.missing ? 'bpr-total-missing' : ''}>{tot.missing ? t('annotations.table.totalMissing', { missing: tot.missing }) : ''}</td>
                </tr>
              ))}
              <tr className="bpr-total-all">
                <th scope="row">{t('annotations.table.totalAll')}</th>
                <td className="bpr-cell-number">{t('annotations.table.minutes', { minutes: formatNumber(totals.all.staffMinutes) })}</td>
                <td>{t('annotations.table.totalSteps', { steps: totals.all.steps })}</td>
                <td className={totals.all.missing ? 'bpr-total-missing' : ''}>
                  {totals.all.missing ? t('annotations.table.totalMissing', { missing: totals.all.missing }) : ''}
                </td>
              </tr>
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** What the editor starts with: the shown text, without the unit or ≈ decorations that are display only. */
function editText(column: StepColumn, row: TableRow): string {
  const text = cellText(column, row.name, row.annotation);
  return column === 'lag' ? text.replace(/\s+/, '') : text;
}
