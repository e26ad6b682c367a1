import type { BpmnModdle } from 'bpmn-moddle';
import { elementLabel } from '../../../domain/model/annotations';
import { currentStep, planStepEdit } from '../../../modeler/bprProperties/annotationEdits';
import type { BatchUpdate } from '../../../modeler/bprProperties/batchUpdate';
import { applyCells, CellError, EDITABLE_COLUMNS, STEP_COLUMNS, type StepColumn } from './cellValues';
import type { TableRow } from './diagramRows';

/**
 * A block of cells (typed or pasted) → the model updates, all or nothing: if any row is invalid,
 * nothing is written and every message is returned, each naming its step.
 */
export interface PastePlan {
  updates: BatchUpdate[];
  errors: string[];
  /** Rows of the block that fell below the last step. */
  droppedRows: number;
  /** Rows of the table the block covers (for selecting them afterwards). */
  rowCount: number;
}

export function planBlock(moddle: BpmnModdle, rows: TableRow[], startRow: number, startCol: number, block: string[][]): PastePlan {
  const updates: BatchUpdate[] = [];
  const errors: string[] = [];
  const usable = block.slice(0, Math.max(0, rows.length - startRow));
  usable.forEach((cells, i) => {
    const row = rows[startRow + i];
    const edits: Partial<Record<StepColumn, string>> = {};
    cells.forEach((text, j) => {
      const column = STEP_COLUMNS[startCol + j];
      if (column && EDITABLE_COLUMNS.has(column)) edits[column] = text;
    });
    if (Object.keys(edits).length === 0) return;
    const bo = row.element.businessObject;
    try {
      const next = applyCells(currentStep(bo), edits);
      const plan = planStepEdit(moddle, bo, next);
      if (!plan.ok) errors.push(plan.fullMessage);
      else if (plan.update) updates.push({ element: row.element, target: plan.update.target, properties: plan.update.properties });
    } catch (e) {
      if (!(e instanceof CellError)) throw e;
      errors.push(`${elementLabel(row.id, row.name)}: ${e.message}`);
    }
  });
  return { updates: errors.length ? [] : updates, errors, droppedRows: block.length - usable.length, rowCount: usable.length };
}
