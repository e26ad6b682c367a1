/**
 * `bpr.table.paste`: several `element.updateModdleProperties` as ONE command-stack entry, so a block
 * pasted from Excel is undone with one Ctrl+Z. Commands executed in preExecute share the parent's
 * undo unit in diagram-js, which is what makes the group atomic.
 */
export interface BatchUpdate {
  element: unknown;
  target: unknown;
  properties: Record<string, unknown>;
}

export const BATCH_COMMAND = 'bpr.table.paste';

interface CommandStack {
  registerHandler(command: string, handler: unknown): void;
  execute(command: string, context: unknown): void;
}

class BatchUpdateHandler {
  static $inject = ['modeling'];
  constructor(private readonly modeling: { updateModdleProperties(e: unknown, t: unknown, p: Record<string, unknown>): void }) {}

  preExecute(context: { updates: BatchUpdate[] }) {
    for (const u of context.updates) this.modeling.updateModdleProperties(u.element, u.target, u.properties);
  }

  // The nested commands change the elements; this one only groups them.
  execute() {
    return [];
  }

  revert() {
    return [];
  }
}

class BatchUpdateRegistration {
  static $inject = ['commandStack'];
  constructor(commandStack: CommandStack) {
    commandStack.registerHandler(BATCH_COMMAND, BatchUpdateHandler);
  }
}

/** Runs the updates as one undoable step (a single update is executed the same way). */
export function executeBatch(commandStack: CommandStack, updates: BatchUpdate[]): void {
  if (updates.length === 0) return;
  commandStack.execute(BATCH_COMMAND, { updates });
}

export const batchUpdateModule = {
  __init__: ['bprBatchUpdate'],
  bprBatchUpdate: ['type', BatchUpdateRegistration],
};
