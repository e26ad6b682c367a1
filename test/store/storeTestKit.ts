import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { DBCoreMutateRequest } from 'dexie';
import { BprDatabase } from '../../src/store/db';
import { DexieWorkspaceRepository } from '../../src/store/dexieWorkspaceRepository';

/** A clock the test moves by hand; starts on a fixed instant so timestamps are reproducible. */
export class FakeClock {
  constructor(public ms = Date.parse('2025-04-01T00:00:00.000Z')) {}
  readonly now = (): Date => new Date(this.ms);
  advance(seconds: number): void {
    this.ms += seconds * 1000;
  }
}

/** One in-memory IndexedDB per test; `open()` is a new connection to it (a reload or a second tab). */
export function freshIndexedDb(name = 'bpr-studio') {
  const factory = new IDBFactory();
  return { factory, open: () => new BprDatabase({ name, indexedDB: factory, IDBKeyRange }) };
}

export async function repositoryWithWorkspace(clock = new FakeClock(), beforeOpen?: (db: BprDatabase) => void) {
  const idb = freshIndexedDb();
  const db = idb.open();
  beforeOpen?.(db);
  const repo = new DexieWorkspaceRepository({ db, now: clock.now });
  const { workspace } = await repo.getOrCreateWorkspace();
  return { idb, db, repo, clock, workspaceId: workspace.id };
}

/**
 * Makes chosen IndexedDB writes fail the way a full disk does. Registered as Dexie middleware,
 * so the failure happens inside the real transaction and its rollback is the real one.
 */
export function simulateQuota(db: BprDatabase, fails: (table: string, req: DBCoreMutateRequest) => boolean): void {
  db.use({
    stack: 'dbcore',
    name: 'test-quota',
    create: (down) => ({
      ...down,
      table: (tableName) => {
        const table = down.table(tableName);
        return {
          ...table,
          mutate: (req) => (fails(tableName, req) ? Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError')) : table.mutate(req)),
        };
      },
    }),
  });
}

/** Smallest BPMN that bpmn-js opens: one task named `taskName`, so XML snapshots are distinguishable. */
export function bpmnXml(taskName: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="Defs" targetNamespace="urn:test">
  <bpmn:process id="Process_1" isExecutable="false">
    <bpmn:startEvent id="Start_1" />
    <bpmn:task id="Task_1" name="${taskName}" />
    <bpmn:endEvent id="End_1" />
    <bpmn:sequenceFlow id="Flow_1" sourceRef="Start_1" targetRef="Task_1" />
    <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_1" targetRef="End_1" />
  </bpmn:process>
</bpmn:definitions>`;
}
