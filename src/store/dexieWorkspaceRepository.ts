import Dexie, { type Table } from 'dexie';
import { DEFAULT_HOURS_PER_FTE } from '../domain/model/annotations';
import { SCENARIO_NAME_MAX, scenarioLabelOf, scenarioNameFromProcessName } from '../domain/model/scenario';
import type { BprDatabase } from './db';
import { newRecordId } from './ids';
import { writeTransaction } from './quota';
import {
  checkForWrite,
  parseStoredProcess,
  parseStoredVersion,
  parseStoredWorkspace,
  readProcessRecord,
  readVersionRecord,
  readWorkspaceRecord,
  SCHEMA_VERSIONS,
  type StoredProcess,
  type StoredVersion,
  type StoredWorkspace,
} from './records';
import {
  ConflictError,
  InvalidProcessInputError,
  InvalidRecordError,
  ProcessNotFoundError,
  type ImportedProcess,
  type NewProcess,
  type ProcessKind,
  type ProcessPatch,
  type ProcessRecord,
  type VersionReason,
  type VersionRecord,
  type WorkspaceInfo,
  type WorkspaceStore,
} from './types';
import { readRows } from './readRows';

export const AUTOSAVE_INTERVAL_MS = 60_000;
export const MAX_AUTOSAVES_PER_PROCESS = 50;
export const DEFAULT_WORKSPACE_NAME = 'マイワークスペース';
const ACTIVE_WORKSPACE_KEY = 'activeWorkspaceId';

export interface DexieWorkspaceRepositoryOptions {
  db: BprDatabase;
  /** Injected so tests can step time for autosave throttling. */
  now?: () => Date;
  newId?: () => string;
  autosaveIntervalMs?: number;
  maxAutosavesPerProcess?: number;
}

const KIND_LABELS: Record<ProcessKind, string> = { 'as-is': 'As-Is', 'to-be': 'To-Be' };
const quoted = (p: { name: string; id: string }) => `「${p.name}」(id: ${p.id})`;

function withoutLink(p: StoredProcess, stamp: string): StoredProcess {
  const { linkedProcessId: _dropped, ...rest } = p;
  return { ...rest, updatedAt: stamp };
}

/** A To-Be made a scenario of `asIsId`; it keeps a scenario name it already had. */
function asScenario(p: StoredProcess, asIsId: string, stamp: string): StoredProcess {
  return { ...p, linkedProcessId: asIsId, scenarioName: p.scenarioName ?? scenarioNameFromProcessName(p.name), updatedAt: stamp };
}

/**
 * WorkspaceRepository on Dexie. Each write is one IndexedDB transaction, so a failure (conflict,
 * quota, invalid input) leaves the previous record and its versions exactly as they were.
 * `revision` guards what a person edits (name, department, kind, XML); link changes are merged
 * field-wise inside a transaction and do not bump it, so linking in one place never makes an
 * open editor's next save look like a conflict.
 *
 * Scenarios: a To-Be names its As-Is in `linkedProcessId`; an As-Is keeps any number of To-Be
 * scenarios and records none of them, so a new scenario never rewrites the As-Is or another scenario.
 */
// One collator for every sort: localeCompare with a locale builds its comparison each call, which
// at thousands of processes is most of a reload's wait for the first card.
const jaCollator = new Intl.Collator('ja');

export class DexieWorkspaceRepository implements WorkspaceStore {
  readonly db: BprDatabase;
  private readonly now: () => Date;
  private readonly newId: () => string;
  private readonly autosaveIntervalMs: number;
  private readonly maxAutosaves: number;

  constructor(options: DexieWorkspaceRepositoryOptions) {
    this.db = options.db;
    this.now = options.now ?? (() => new Date());
    this.newId = options.newId ?? newRecordId;
    this.autosaveIntervalMs = options.autosaveIntervalMs ?? AUTOSAVE_INTERVAL_MS;
    this.maxAutosaves = options.maxAutosavesPerProcess ?? MAX_AUTOSAVES_PER_PROCESS;
  }

  close(): void {
    this.db.close();
  }

  // ---- workspace ----

  async getOrCreateWorkspace(): Promise<{ workspace: WorkspaceInfo; created: boolean }> {
    const { db } = this;
    return this.write([db.workspaces, db.meta], async () => {
      const active = await db.meta.get(ACTIVE_WORKSPACE_KEY);
      const activeRow = typeof active?.value === 'string' ? await db.workspaces.get(active.value) : undefined;
      const existing = activeRow ?? (await db.workspaces.toCollection().first());
      if (existing) {
        const workspace = readWorkspaceRecord(existing);
        if (!activeRow) await db.meta.put({ key: ACTIVE_WORKSPACE_KEY, value: workspace.id });
        return { workspace, created: false };
      }
      const stamp = this.stamp();
      const stored = checkForWrite('workspace', {
        schemaVersion: SCHEMA_VERSIONS.workspace,
        id: this.newId(),
        name: DEFAULT_WORKSPACE_NAME,
        hoursPerFte: DEFAULT_HOURS_PER_FTE,
        createdAt: stamp,
        updatedAt: stamp,
      });
      await db.workspaces.add(stored);
      await db.meta.put({ key: ACTIVE_WORKSPACE_KEY, value: stored.id });
      return { workspace: readWorkspaceRecord(stored), created: true };
    });
  }

  async updateWorkspace(id: string, patch: { name?: string; hoursPerFte?: number }): Promise<WorkspaceInfo> {
    const { db } = this;
    return this.write([db.workspaces], async () => {
      const current = await this.loadWorkspace(id);
      const next = checkForWrite('workspace', {
        ...current,
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.hoursPerFte !== undefined ? { hoursPerFte: patch.hoursPerFte } : {}),
        updatedAt: this.stamp(),
      });
      await db.workspaces.put(next);
      return readWorkspaceRecord(next);
    });
  }

  // ---- processes: reads ----

  async listProcesses(workspaceId: string): Promise<ProcessRecord[]> {
    const { processes, unreadable } = await this.loadProcesses(workspaceId);
    if (unreadable.length > 0) throw unreadable[0];
    return processes;
  }

  async loadProcesses(workspaceId: string): Promise<{ processes: ProcessRecord[]; unreadable: InvalidRecordError[] }> {
    const rows = await this.db.processes.where('workspaceId').equals(workspaceId).toArray();
    const { records: processes, unreadable } = readRows(rows, readProcessRecord, InvalidRecordError);
    processes.sort(
      (a, b) =>
        jaCollator.compare(a.department, b.department) ||
        jaCollator.compare(a.name, b.name) ||
        (a.kind === b.kind ? 0 : a.kind === 'as-is' ? -1 : 1) ||
        a.createdAt.localeCompare(b.createdAt),
    );
    return { processes, unreadable };
  }

  async getProcess(id: string): Promise<ProcessRecord | undefined> {
    const row = await this.db.processes.get(id);
    return row === undefined ? undefined : readProcessRecord(row);
  }

  async listVersions(processId: string): Promise<VersionRecord[]> {
    const rows = await this.db.versions.where('processId').equals(processId).toArray();
    const stored = rows.map((row) => parseStoredVersion(row));
    stored.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.seq - a.seq);
    return stored.map((v) => readVersionRecord(v));
  }

  async getVersion(versionId: string): Promise<VersionRecord | undefined> {
    const row = await this.db.versions.get(versionId);
    return row === undefined ? undefined : readVersionRecord(row);
  }

  // ---- processes: writes ----

  async createProcess(workspaceId: string, input: NewProcess): Promise<ProcessRecord> {
    const { db } = this;
    return this.write([db.workspaces, db.processes, db.versions], async () => {
      await this.loadWorkspace(workspaceId);
      const stamp = this.stamp();
      const record: StoredProcess = {
        schemaVersion: SCHEMA_VERSIONS.process,
        id: this.newId(),
        workspaceId,
        name: input.name,
        department: input.department,
        kind: input.kind,
        xml: input.xml,
        ...(input.scenarioName !== undefined ? { scenarioName: input.scenarioName } : {}),
        createdAt: stamp,
        updatedAt: stamp,
        revision: 1,
      };
      const touched = new Map<string, StoredProcess>();
      const linked = await this.setLink(record, input.linkedProcessId ?? null, touched, stamp);
      const saved = await this.writeProcesses(linked, touched);
      await this.addVersion(saved, 'create', stamp);
      return readProcessRecord(saved);
    });
  }

  async saveProcess(id: string, patch: ProcessPatch, opts: { expectedRevision?: number; reason?: VersionReason } = {}): Promise<ProcessRecord> {
    const { db } = this;
    return this.write([db.processes, db.versions], async () => {
      const current = await this.loadProcess(id);
      this.checkRevision(current, opts.expectedRevision);
      const stamp = this.stamp();
      const edited: StoredProcess = {
        ...current,
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.department !== undefined ? { department: patch.department } : {}),
        ...(patch.kind !== undefined ? { kind: patch.kind } : {}),
        ...(patch.xml !== undefined ? { xml: patch.xml } : {}),
        ...(patch.scenarioName !== undefined ? { scenarioName: patch.scenarioName } : {}),
        updatedAt: stamp,
        revision: current.revision + 1,
      };
      const touched = new Map<string, StoredProcess>();
      if (current.kind === 'as-is' && edited.kind === 'to-be') await this.releaseScenarios(current.id, touched, stamp);
      const linked = await this.setLink(edited, patch.linkedProcessId, touched, stamp);
      const saved = await this.writeProcesses(linked, touched);
      const reason = opts.reason ?? 'save';
      await this.addVersion(saved, reason, stamp);
      if (reason === 'autosave') await this.pruneAutosaves(id);
      return readProcessRecord(saved);
    });
  }

  async autosaveProcess(id: string, xml: string, opts: { expectedRevision?: number } = {}): Promise<ProcessRecord> {
    const { db } = this;
    return this.write([db.processes, db.versions], async () => {
      const current = await this.loadProcess(id);
      this.checkRevision(current, opts.expectedRevision);
      if (xml === current.xml) return readProcessRecord(current);
      const stamp = this.stamp();
      const saved = checkForWrite('process', { ...current, xml, updatedAt: stamp, revision: current.revision + 1 });
      await db.processes.put(saved);
      const newest = (await this.autosaveKeys(id).reverse().limit(1).keys()) as unknown as Array<[string, string, string]>;
      const last = newest.length > 0 ? Date.parse(newest[0][2]) : Number.NEGATIVE_INFINITY;
      if (Date.parse(stamp) - last >= this.autosaveIntervalMs) {
        await this.addVersion(saved, 'autosave', stamp);
        await this.pruneAutosaves(id);
      }
      return readProcessRecord(saved);
    });
  }

  async duplicateProcess(id: string, newName?: string): Promise<ProcessRecord> {
    const { db } = this;
    return this.write([db.processes, db.versions], async () => {
      const source = await this.loadProcess(id);
      const stamp = this.stamp();
      // A copied To-Be is one more scenario of the same As-Is, under a name of its own.
      const { scenarioName, ...rest } = source;
      const copyScenario = scenarioName !== undefined ? `${scenarioName}（コピー）`.slice(0, SCENARIO_NAME_MAX) : undefined;
      const copy = checkForWrite('process', {
        ...rest,
        ...(copyScenario !== undefined ? { scenarioName: copyScenario } : {}),
        id: this.newId(),
        name: newName ?? `${source.name}のコピー`,
        createdAt: stamp,
        updatedAt: stamp,
        revision: 1,
      });
      await db.processes.add(copy);
      await this.addVersion(copy, 'create', stamp);
      return readProcessRecord(copy);
    });
  }

  async deleteProcess(id: string): Promise<void> {
    const { db } = this;
    await this.write([db.processes, db.versions, db.simulations], async () => {
      const row = await db.processes.get(id);
      if (!row) return;
      const stamp = this.stamp();
      // The To-Be scenarios of a deleted As-Is stay, without an As-Is; a deleted To-Be is in no As-Is record.
      const touched = new Map<string, StoredProcess>();
      await this.releaseScenarios(id, touched, stamp);
      for (const partner of touched.values()) await db.processes.put(checkForWrite('process', partner));
      await db.versions.where('processId').equals(id).delete();
      await db.simulations.delete(id);
      await db.processes.delete(id);
    });
  }

  async restoreVersion(versionId: string, opts: { expectedRevision?: number } = {}): Promise<ProcessRecord> {
    const { db } = this;
    return this.write([db.processes, db.versions], async () => {
      const row = await db.versions.get(versionId);
      if (!row) throw new InvalidProcessInputError(`復元しようとした版 (id: ${versionId}) が見つかりません。削除された可能性があります。`);
      const version = parseStoredVersion(row);
      const current = await this.loadProcess(version.processId);
      this.checkRevision(current, opts.expectedRevision);
      const stamp = this.stamp();
      await this.addVersion(current, 'restore', stamp);
      const restored = checkForWrite('process', { ...current, xml: version.xml, updatedAt: stamp, revision: current.revision + 1 });
      await db.processes.put(restored);
      return readProcessRecord(restored);
    });
  }

  async linkProcesses(asIsId: string, toBeId: string): Promise<void> {
    const { db } = this;
    await this.write([db.processes], async () => {
      const asIs = await this.loadProcess(asIsId);
      if (asIs.kind !== 'as-is') throw new InvalidProcessInputError(`${quoted(asIs)} は To-Be です。対応付けの1つ目には As-Is のプロセスを指定してください。`);
      const toBe = await this.loadProcess(toBeId);
      this.checkLinkable(asIs, toBe);
      if (toBe.linkedProcessId !== asIs.id) await db.processes.put(checkForWrite('process', asScenario(toBe, asIs.id, this.stamp())));
    });
  }

  async renameScenario(toBeId: string, scenarioName: string): Promise<ProcessRecord> {
    const { db } = this;
    return this.write([db.processes], async () => {
      const toBe = await this.loadProcess(toBeId);
      if (toBe.kind !== 'to-be') throw new InvalidProcessInputError(`${quoted(toBe)} は As-Is です。シナリオ名は To-Be に付けます。`);
      const name = scenarioName.trim();
      if (toBe.linkedProcessId !== undefined && name !== toBe.scenarioName) {
        const siblings = await db.processes.where('linkedProcessId').equals(toBe.linkedProcessId).primaryKeys();
        for (const siblingId of siblings) {
          if (siblingId === toBe.id) continue;
          const sibling = await this.tryLoadProcess(siblingId);
          if (sibling?.kind === 'to-be' && sibling.linkedProcessId === toBe.linkedProcessId && scenarioLabelOf(sibling) === name)
            throw new InvalidProcessInputError(`シナリオ名「${name}」は同じ As-Is の別のシナリオ${quoted(sibling)}で使われています。別の名前にしてください。`);
        }
      }
      const renamed = checkForWrite('process', { ...toBe, scenarioName: name, updatedAt: this.stamp() });
      await db.processes.put(renamed);
      return readProcessRecord(renamed);
    });
  }

  async importProcesses(workspaceId: string, items: ImportedProcess[], opts: { onceKey?: string } = {}): Promise<ProcessRecord[] | null> {
    const { db } = this;
    return this.write([db.workspaces, db.processes, db.versions, db.meta], async () => {
      if (opts.onceKey !== undefined && (await db.meta.get(opts.onceKey))) return null;
      await this.loadWorkspace(workspaceId);
      const stamp = this.stamp();
      const byRef = new Map<string, StoredProcess>();
      for (const item of items) {
        if (byRef.has(item.ref)) throw new InvalidProcessInputError(`取り込むプロセス「${item.ref}」が重複しています。`);
        byRef.set(item.ref, {
          schemaVersion: SCHEMA_VERSIONS.process,
          id: this.newId(),
          workspaceId,
          name: item.name,
          department: item.department,
          kind: item.kind,
          xml: item.xml,
          ...(item.scenarioName !== undefined ? { scenarioName: item.scenarioName } : {}),
          createdAt: stamp,
          updatedAt: stamp,
          revision: 1,
        });
      }
      for (const item of items) {
        if (item.linkedToRef === undefined) continue;
        const self = byRef.get(item.ref)!;
        const partner = byRef.get(item.linkedToRef);
        if (!partner) throw new InvalidProcessInputError(`「${item.ref}」の対応先「${item.linkedToRef}」が取り込み対象に含まれていません。`);
        this.checkLinkable(self, partner);
        const [asIs, toBeRef] = self.kind === 'as-is' ? [self, item.linkedToRef] : [partner, item.ref];
        const toBe = byRef.get(toBeRef)!;
        if (toBe.linkedProcessId !== undefined && toBe.linkedProcessId !== asIs.id)
          throw new InvalidProcessInputError(`To-Be「${toBe.name}」に複数の As-Is が指定されています。To-Be はどれか1つの As-Is のシナリオにしてください。`);
        byRef.set(toBeRef, asScenario(toBe, asIs.id, stamp));
      }
      const saved: StoredProcess[] = [];
      for (const record of byRef.values()) {
        const checked = checkForWrite('process', record);
        await db.processes.add(checked);
        await this.addVersion(checked, 'import', stamp);
        saved.push(checked);
      }
      if (opts.onceKey !== undefined) await db.meta.put({ key: opts.onceKey, value: { at: stamp, count: saved.length } });
      return saved.map((p) => readProcessRecord(p));
    });
  }

  // ---- helpers (called inside transactions) ----

  private stamp(): string {
    return this.now().toISOString();
  }

  private write<T>(tables: Table[], scope: () => Promise<T>): Promise<T> {
    return writeTransaction(this.db, tables, scope);
  }

  private async loadWorkspace(id: string): Promise<StoredWorkspace> {
    const row = await this.db.workspaces.get(id);
    if (!row) throw new InvalidProcessInputError(`ワークスペース (id: ${id}) が見つかりません。`);
    return parseStoredWorkspace(row);
  }

  private async loadProcess(id: string, touched?: Map<string, StoredProcess>): Promise<StoredProcess> {
    const pending = touched?.get(id);
    if (pending) return pending;
    const row = await this.db.processes.get(id);
    if (!row) throw new ProcessNotFoundError(id);
    return parseStoredProcess(row);
  }

  /** For best-effort link cleanup: a missing or unreadable record yields undefined and is not written. */
  private async tryLoadProcess(id: string, touched?: Map<string, StoredProcess>): Promise<StoredProcess | undefined> {
    try {
      return await this.loadProcess(id, touched);
    } catch (err) {
      if (err instanceof InvalidRecordError || err instanceof ProcessNotFoundError) return undefined;
      throw err;
    }
  }

  private checkRevision(current: StoredProcess, expected: number | undefined): void {
    if (expected !== undefined && expected !== current.revision) throw new ConflictError(current.id, expected, current.revision);
  }

  private checkLinkable(a: StoredProcess, b: StoredProcess): void {
    if (a.id === b.id) throw new InvalidProcessInputError(`${quoted(a)} を自分自身と対応付けることはできません。`);
    if (a.workspaceId !== b.workspaceId)
      throw new InvalidProcessInputError(`${quoted(a)} と ${quoted(b)} は別のワークスペースのプロセスのため対応付けできません。`);
    if (a.kind === b.kind)
      throw new InvalidProcessInputError(`${quoted(a)} と ${quoted(b)} はどちらも ${KIND_LABELS[a.kind]} です。As-Is と To-Be を1つずつ対応付けてください。`);
  }

  /**
   * Applies a link request to `a` (undefined: keep as it is; null: none; an id: that partner). A To-Be
   * gets its As-Is; an As-Is named with a To-Be makes that To-Be one of its scenarios (recorded in
   * `touched`), leaving its other scenarios as they are. An As-Is never holds a link itself.
   */
  private async setLink(a: StoredProcess, target: string | null | undefined, touched: Map<string, StoredProcess>, stamp: string): Promise<StoredProcess> {
    if (a.kind === 'as-is') {
      // Only a To-Be turned into an As-Is arrives here with a link; dropping it would hide a scenario.
      if (a.linkedProcessId !== undefined && target !== null)
        throw new InvalidProcessInputError(`${quoted(a)} は As-Is のシナリオ（To-Be）です。As-Is に変えるには先に As-Is との対応付けを外してください。`);
      const { linkedProcessId: _none, scenarioName: _notAScenario, ...self } = a;
      if (typeof target === 'string') {
        const b = await this.loadProcess(target, touched);
        this.checkLinkable(a, b);
        if (b.linkedProcessId !== a.id) touched.set(b.id, asScenario(b, a.id, stamp));
      }
      return a.linkedProcessId === undefined && a.scenarioName === undefined ? a : self;
    }
    // An unchanged link is not re-checked, so a To-Be whose As-Is went missing still saves.
    if (target === undefined || target === a.linkedProcessId) return a;
    if (target === null) return a.linkedProcessId === undefined ? a : withoutLink(a, a.updatedAt);
    const b = await this.loadProcess(target, touched);
    this.checkLinkable(a, b);
    return asScenario(a, b.id, a.updatedAt);
  }

  /** The To-Be scenarios of `asIsId` lose their As-Is (it is deleted or stops being an As-Is). */
  private async releaseScenarios(asIsId: string, touched: Map<string, StoredProcess>, stamp: string): Promise<void> {
    for (const scenarioId of await this.db.processes.where('linkedProcessId').equals(asIsId).primaryKeys()) {
      const scenario = await this.tryLoadProcess(scenarioId, touched);
      // An unreadable record is left untouched; its dangling link is harmless and visible.
      if (scenario?.linkedProcessId === asIsId) touched.set(scenario.id, withoutLink(scenario, stamp));
    }
  }

  private async writeProcesses(main: StoredProcess, others: Map<string, StoredProcess>): Promise<StoredProcess> {
    const checked = checkForWrite('process', main);
    for (const [otherId, other] of others) if (otherId !== checked.id) await this.db.processes.put(checkForWrite('process', other));
    await this.db.processes.put(checked);
    return checked;
  }

  private async addVersion(p: StoredProcess, reason: VersionReason, stamp: string): Promise<StoredVersion> {
    const last = (await this.db.versions
      .where('[processId+seq]')
      .between([p.id, Dexie.minKey], [p.id, Dexie.maxKey])
      .reverse()
      .limit(1)
      .keys()) as unknown as Array<[string, number]>;
    const version = checkForWrite('version', {
      schemaVersion: SCHEMA_VERSIONS.version,
      id: this.newId(),
      processId: p.id,
      xml: p.xml,
      name: p.name,
      reason,
      createdAt: stamp,
      revision: p.revision,
      seq: last.length > 0 ? last[0][1] + 1 : 1,
    });
    await this.db.versions.add(version);
    return version;
  }

  private autosaveKeys(processId: string) {
    return this.db.versions.where('[processId+reason+createdAt]').between([processId, 'autosave', Dexie.minKey], [processId, 'autosave', Dexie.maxKey]);
  }

  /** Explicit saves are kept forever; autosaves beyond the cap go, oldest first. */
  private async pruneAutosaves(processId: string): Promise<void> {
    const count = await this.autosaveKeys(processId).count();
    if (count <= this.maxAutosaves) return;
    const oldest = await this.autosaveKeys(processId)
      .limit(count - this.maxAutosaves)
      .primaryKeys();
    await this.db.versions.bulkDelete(oldest);
  }
}
