import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import { initiativesToCsv, initiativesToXlsx } from '../../domain/exchange/initiativeExport';
import { fiscalYearOf } from '../../domain/model/fiscalYear';
import { INITIATIVE_SCHEMA_VERSION } from '../../domain/model/initiative';
import { useI18n } from '../../i18n';
import { exportFileName } from '../../domain/exchange/fileName';
import { downloadBlob } from '../../modeler/io/download';
import type { BprDatabase } from '../../store/db';
import { InitiativeRepository, type InitiativeRecord } from '../../store/initiativeRepository';
import type { ProcessRecord, WorkspaceStore } from '../../store/types';
import { Dialog } from '../common/Dialog';
import { useNotice } from '../common/useNotice';
import { parseDepartments } from './categories';
import { filterChoices, filterInitiatives, scheduleYears, type InitiativeFilter } from './filters';
import { InitiativeEditor } from './InitiativeEditor';
import { FilterBar, InitiativeList } from './InitiativeList';
import { ScheduleView } from './ScheduleView';
import { validateInitiative } from './validation';
import './initiatives.css';

export interface InitiativesViewProps {
  store: WorkspaceStore;
  workspaceId: string;
  hoursPerFte: number;
  processes: readonly ProcessRecord[];
  onOpenProcess(processId: string): void;
  onOpenComparison?(pair: { asIsId: string; toBeId: string }): void;
}

type Mode = { kind: 'list' } | { kind: 'schedule' } | { kind: 'edit'; id: string };

/**
 * The 取組 open in the editor, per workspace, for this browser tab: switching to another tab of the
 * app or reloading comes back to the same 取組 instead of the list.
 */
const openKey = (workspaceId: string) => `bpr-studio.initiatives.open.${workspaceId}`;
function readOpenInitiative(workspaceId: string): Mode {
  try {
    const id = sessionStorage.getItem(openKey(workspaceId));
    return id ? { kind: 'edit', id } : { kind: 'list' };
  } catch {
    return { kind: 'list' };
  }
}
function rememberMode(workspaceId: string, mode: Mode): void {
  try {
    if (mode.kind === 'edit') sessionStorage.setItem(openKey(workspaceId), mode.id);
    else sessionStorage.removeItem(openKey(workspaceId));
  } catch {
    // Without sessionStorage the list is shown next time; nothing is lost.
  }
}

/** The 取組 tab: list and schedule of the workspace's 取組, and the editor / 進捗管理票 of one. */
export function InitiativesView(props: InitiativesViewProps) {
  const { store, workspaceId, processes } = props;
  const { t } = useI18n();
  const t2 = (key: string, params?: Record<string, string | number>) => t(`initiatives.${key}`, params);
  const repo = useMemo(() => {
    const db = (store as { db?: BprDatabase }).db;
    return db?.initiatives ? new InitiativeRepository({ db }) : null;
  }, [store]);
  const [items, setItems] = useState<InitiativeRecord[] | null>(null);
  const [unreadable, setUnreadable] = useState<string[]>([]);
  const [mode, setModeState] = useState<Mode>(() => readOpenInitiative(workspaceId));
  const setMode = useCallback(
    (next: Mode) => {
      rememberMode(workspaceId, next);
      setModeState(next);
    },
    [workspaceId],
  );
  const [filter, setFilter] = useState<InitiativeFilter>({});
  const [creating, setCreating] = useState(false);
  const [notice, setNotice] = useNotice();
  const currentFy = fiscalYearOf(new Date());

  const reload = useCallback(async () => {
    if (!repo) return;
    try {
      const { initiatives, unreadable: bad } = await repo.load(workspaceId);
      setItems(initiatives);
      setUnreadable(bad.map((e) => e.message));
    } catch (err) {
      setNotice({ kind: 'error', text: t('initiatives.loadFailed', { message: (err as Error).message }) });
      setItems([]);
    }
  }, [repo, workspaceId, setNotice, t]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const shown = useMemo(() => filterInitiatives(items ?? [], filter), [items, filter]);
  const choices = useMemo(() => filterChoices(items ?? []), [items]);
  const years = useMemo(() => scheduleYears(items ?? [], [currentFy, currentFy + 1, currentFy + 2]), [items, currentFy]);

  if (!repo)
    return (
      <div role="alert" className="bpr-error">
        {t2('storeMissing')}
      </div>
    );

  const processNames = Object.fromEntries(processes.map((p) => [p.id, p.name]));
  const exportList = (kind: 'csv' | 'xlsx') => {
    const name = exportFileName({ parts: ['取組一覧'], date: new Date(), ext: kind });
    if (kind === 'csv') downloadBlob(name, new Blob([initiativesToCsv(shown, { processNames })], { type: 'text/csv;charset=utf-8' }));
    else
      downloadBlob(
        name,
        new Blob([initiativesToXlsx(shown, { processNames }) as Uint8Array<ArrayBuffer>], {
          type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        }),
      );
  };

  if (mode.kind === 'edit') {
    const record = items?.find((i) => i.id === mode.id);
    if (!record && items !== null) {
      // Deleted meanwhile (or unreadable): back to the list rather than waiting for it forever.
      setMode({ kind: 'list' });
      return null;
    }
    if (!record) return <p role="status">{t2('loading')}</p>;
    return (
      <InitiativeEditor
        key={record.id}
        repo={repo}
        store={store}
        record={record}
        all={items ?? []}
        processes={processes}
        hoursPerFte={props.hoursPerFte}
        onSaved={(next) => setItems((list) => (list ?? []).map((i) => (i.id === next.id ? next : i)))}
        onDeleted={(id) => {
          setItems((list) => (list ?? []).filter((i) => i.id !== id));
          setMode({ kind: 'list' });
          setNotice({ kind: 'info', text: t2('deleted') });
        }}
        onBack={() => {
          setMode({ kind: 'list' });
          void reload();
        }}
        onOpenProcess={props.onOpenProcess}
        {...(props.onOpenComparison ? { onOpenComparison: props.onOpenComparison } : {})}
      />
    );
  }

  return (
    <section className="bpr-init" aria-labelledby="bpr-init-heading">
      <header className="bpr-init-header">
        <h2 id="bpr-init-heading">{t2('heading')}</h2>
        <div className="bpr-init-modes" role="group" aria-label={t2('viewSwitch')}>
          <button type="button" aria-pressed={mode.kind === 'list'} onClick={() => setMode({ kind: 'list' })}>
            {t2('listView')}
          </button>
          <button type="button" aria-pressed={mode.kind === 'schedule'} onClick={() => setMode({ kind: 'schedule' })}>
            {t2('scheduleView')}
          </button>
        </div>
        <button type="button" className="bpr-button-primary" onClick={() => setCreating(true)}>
          {t2('create')}
        </button>
        <button type="button" disabled={shown.length === 0} onClick={() => exportList('csv')}>
          {t2('exportCsv')}
        </button>
        <button type="button" disabled={shown.length === 0} onClick={() => exportList('xlsx')}>
          {t2('exportXlsx')}
        </button>
      </header>
      {notice && (
        <div role={notice.kind === 'error' ? 'alert' : 'status'} className={notice.kind === 'error' ? 'bpr-error' : 'bpr-info'}>
          {notice.text}
        </div>
      )}
      {unreadable.length > 0 && (
        <div role="alert" className="bpr-error">
          {t2('unreadable', { count: unreadable.length, detail: unreadable.join(' / ') })}
        </div>
      )}
      {items === null ? (
        <p role="status">{t2('loading')}</p>
      ) : (
        <>
          <FilterBar filter={filter} choices={choices} onFilter={setFilter} />
          {mode.kind === 'list' ? (
            <InitiativeList
              items={shown}
              total={items.length}
              filter={filter}
              choices={choices}
              currentFiscalYear={currentFy}
              onFilter={setFilter}
              onOpen={(id) => setMode({ kind: 'edit', id })}
            />
          ) : (
            <ScheduleView items={shown} years={years} currentFiscalYear={currentFy} onOpen={(id) => setMode({ kind: 'edit', id })} />
          )}
        </>
      )}
      {creating && (
        <CreateInitiativeDialog
          departments={[...new Set(processes.map((p) => p.department))]}
          onCancel={() => setCreating(false)}
          onCreate={async (title, departments) => {
            const record = await repo.create(workspaceId, { title, departments });
            setItems((list) => [...(list ?? []), record]);
            setCreating(false);
            setMode({ kind: 'edit', id: record.id });
          }}
        />
      )}
    </section>
  );
}

function CreateInitiativeDialog({
  departments,
  onCancel,
  onCreate,
}: {
  departments: string[];
  onCancel(): void;
  onCreate(title: string, departments: string[]): Promise<void>;
}) {
  const { t } = useI18n();
  const id = useId();
  const t2 = (key: string) => t(`initiatives.${key}`);
  const [title, setTitle] = useState('');
  const [dept, setDept] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const submit = async () => {
    const deps = parseDepartments(dept);
    const issues = validateInitiative({
      schemaVersion: INITIATIVE_SCHEMA_VERSION,
      id: 'new',
      workspaceId: 'new',
      title: title.trim(),
      departments: deps,
      createdAt: '',
      updatedAt: '',
    });
    if (issues.length) return setErrors(issues.map((i) => `${t2(`field.${String(i.path[0])}`)}: ${i.message}`));
    try {
      await onCreate(title.trim(), deps);
    } catch (err) {
      setErrors([(err as Error).message]);
    }
  };
  return (
    <Dialog
      title={t2('createTitle')}
      onCancel={onCancel}
      actions={
        <>
          <button type="button" onClick={onCancel}>
            {t2('cancel')}
          </button>
          <button type="button" className="bpr-button-primary" onClick={() => void submit()}>
            {t2('createSubmit')}
          </button>
        </>
      }
    >
      <div className="bpr-form">
        <label htmlFor={`${id}-title`}>{t2('field.title')}</label>
        <input id={`${id}-title`} autoFocus value={title} onChange={(e) => setTitle(e.target.value)} />
        <label htmlFor={`${id}-dept`}>{t2('field.departments')}</label>
        <input id={`${id}-dept`} list={`${id}-dept-list`} value={dept} onChange={(e) => setDept(e.target.value)} />
        <datalist id={`${id}-dept-list`}>
          {departments.map((d) => (
            <option key={d} value={d} />
          ))}
        </datalist>
      </div>
      <p className="bpr-hint">{t2('departmentsHint')}</p>
      {errors.length > 0 && (
        <ul role="alert" className="bpr-error">
          {errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
    </Dialog>
  );
}
