import { lazy, Suspense, useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useI18n, type Lang } from '../i18n';
import type { ProcessRecord } from '../store/types';
import { APP_TABS, appMachine, type AppTab } from './appMachine';
import { useMachineActor } from './common/useMachineActor';
import { recallNavigation, rememberNavigation } from './navigationMemory';
import type { WorkspaceSession } from './workspace/session';

/**
 * Every tab but the workspace list is its own chunk, fetched the first time the tab is shown: the
 * modeler (bpmn-js, properties panel), the charts and the xlsx reader/writer are not part of the first
 * load (issue 13: first load ≤ 350 kB gzip). The import functions are kept so a tab can be warmed up
 * when the browser is idle after start-up.
 */
const loadWorkspace = () => import('./workspace/WorkspaceView').then((m) => ({ default: m.WorkspaceView }));
const loadEditor = () => import('./editor/EditorView').then((m) => ({ default: m.EditorView }));
const loadSimulation = () => import('./simulation/SimulationView').then((m) => ({ default: m.SimulationView }));
const loadCompare = () => import('./compare/CompareView').then((m) => ({ default: m.CompareView }));
const loadRpa = () => import('./rpa/RpaView').then((m) => ({ default: m.RpaView }));
const loadInitiatives = () => import('./initiatives/InitiativesView').then((m) => ({ default: m.InitiativesView }));
const loadInventory = () => import('./inventory/InventoryView').then((m) => ({ default: m.InventoryView }));
const WorkspaceView = lazy(loadWorkspace);
// exchange: header menu
const WorkspaceMenu = lazy(() => import('./exchange/WorkspaceMenu').then((m) => ({ default: m.WorkspaceMenu })));
const EditorView = lazy(loadEditor);
const SimulationView = lazy(loadSimulation);
const CompareView = lazy(loadCompare);
const RpaView = lazy(loadRpa);
const InitiativesView = lazy(loadInitiatives);
const InventoryView = lazy(loadInventory);

/**
 * The store (Dexie, the record schemas, seeding) is fetched after the shell has rendered, so evaluating
 * it is a task of its own rather than part of one long start-up task (issue 13: no task over 100 ms).
 */
const openSession = () => import('./workspace/session').then((m) => m.openWorkspaceSession());

export function App() {
  const { t, lang, setLang } = useI18n();
  const [snapshot, send] = useMachineActor(appMachine);
  const [session, setSession] = useState<WorkspaceSession | null>(null);
  const [startError, setStartError] = useState<string | null>(null);
  const [processes, setProcesses] = useState<ProcessRecord[]>([]);
  const [unreadable, setUnreadable] = useState<string[]>([]);
  const tabRefs = useRef<Partial<Record<AppTab, HTMLButtonElement | null>>>({});

  const activeTab = snapshot.value as AppTab;
  const openProcessId = snapshot.context.openProcessId;
  const comparePair = snapshot.context.comparePair;
  const restored = useRef(false);

  // A reload comes back to the tab, process and pair the user was on; from then on every move is remembered.
  useEffect(() => {
    if (restored.current) return;
    restored.current = true;
    const remembered = recallNavigation();
    if (remembered) send({ type: 'nav.restore', ...remembered });
  }, [send]);
  useEffect(() => {
    if (restored.current) rememberNavigation(activeTab, { openProcessId, comparePair });
  }, [activeTab, openProcessId, comparePair]);

  const refresh = useCallback(async () => {
    if (!session) return;
    const { processes: list, unreadable: bad } = await session.repo.loadProcesses(session.workspace.id);
    setProcesses(list);
    setUnreadable(bad.map((e) => e.message));
  }, [session]);

  useEffect(() => {
    let live = true;
    // The list's chunk is fetched while the database opens rather than after.
    void loadWorkspace();
    openSession().then(
      (s) => live && setSession(s),
      (e: Error) => live && setStartError(e.message),
    );
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  // A remembered process that no longer exists (deleted in another tab, workspace replaced) is let go.
  useEffect(() => {
    if (!session || processes.length === 0 || !openProcessId) return;
    if (!processes.some((p) => p.id === openProcessId)) send({ type: 'process.closed', processId: openProcessId });
  }, [session, processes, openProcessId, send]);

  const onTabKeyDown = (event: KeyboardEvent, tab: AppTab) => {
    const index = APP_TABS.indexOf(tab);
    const moves: Record<string, number> = { ArrowRight: 1, ArrowLeft: -1, Home: -index, End: APP_TABS.length - 1 - index };
    const delta = moves[event.key];
    if (delta === undefined) return;
    event.preventDefault();
    const next = APP_TABS[(index + delta + APP_TABS.length) % APP_TABS.length];
    send({ type: 'nav.tab', tab: next });
    tabRefs.current[next]?.focus();
  };

  return (
    <div className="bpr-app">
      <header className="bpr-header">
        <h1 className="bpr-title">{t('app.title')}</h1>
        {session && <span className="bpr-workspace-name">{t('app.workspaceLabel', { name: session.workspace.name })}</span>}
        {/* exchange: ワークスペースを書き出す / 読み込む */}
        {session && (
          <Suspense fallback={null}>
            <WorkspaceMenu
              repo={session.repo}
              workspace={session.workspace}
              onImported={(workspace) => {
                // What was open may be gone (置き換え); every view re-reads from the new session.
                if (openProcessId) send({ type: 'process.closed', processId: openProcessId });
                send({ type: 'nav.tab', tab: 'workspace' });
                setSession((s) => (s ? { ...s, workspace } : s));
              }}
            />
          </Suspense>
        )}
        {/* end exchange */}
        <div className="bpr-lang" role="group" aria-label={t('app.language')}>
          {(['ja', 'en'] as Lang[]).map((l) => (
            <button key={l} type="button" aria-pressed={lang === l} lang={l} onClick={() => setLang(l)}>
              {t(l === 'ja' ? 'app.langJa' : 'app.langEn')}
            </button>
          ))}
        </div>
      </header>

      <nav className="bpr-tabs" role="tablist" aria-label={t('app.mainTabs')}>
        {APP_TABS.map((tab) => (
          <button
            key={tab}
            ref={(el) => {
              tabRefs.current[tab] = el;
            }}
            type="button"
            role="tab"
            id={`tab-${tab}`}
            aria-selected={activeTab === tab}
            aria-controls={`panel-${tab}`}
            tabIndex={activeTab === tab ? 0 : -1}
            onClick={() => send({ type: 'nav.tab', tab })}
            onKeyDown={(e) => onTabKeyDown(e, tab)}
          >
            {t(`app.tab.${tab}`)}
          </button>
        ))}
      </nav>

      <main className="bpr-main" role="tabpanel" id={`panel-${activeTab}`} aria-labelledby={`tab-${activeTab}`}>
        <Suspense
          fallback={
            <p role="status" className="bpr-tab-loading">
              {t('app.loadingTab')}
            </p>
          }
        >
          {startError && (
            <div role="alert" className="bpr-error">
              {t('app.startFailed', { message: startError })}
            </div>
          )}
          {!session && !startError && <p role="status">{t('app.loading')}</p>}
          {session && unreadable.length > 0 && activeTab === 'workspace' && (
            <div role="alert" className="bpr-error">
              {t('workspace.unreadable', { count: unreadable.length, detail: unreadable.join(' / ') })}
            </div>
          )}
          {session && activeTab === 'workspace' && (
            <WorkspaceView
              repo={session.repo}
              workspaceId={session.workspace.id}
              processes={processes}
              onChanged={refresh}
              onOpen={(processId) => send({ type: 'process.open', processId })}
              onDeleted={(processId) => send({ type: 'process.closed', processId })}
              /* compare */ onCompare={(asIsId, toBeId) => send({ type: 'compare.open', asIsId, toBeId })}
            />
          )}
          {session && activeTab === 'editor' && openProcessId && (
            <EditorView
              key={openProcessId}
              repo={session.repo}
              processId={openProcessId}
              processes={processes}
              onChanged={refresh}
              onOpenProcess={(processId) => send({ type: 'process.open', processId })}
              /* compare */ onCompare={(asIsId, toBeId) => send({ type: 'compare.open', asIsId, toBeId })}
            />
          )}
          {session && activeTab === 'editor' && !openProcessId && (
            <div className="bpr-empty-editor">
              <p>{t('app.noProcessOpen')}</p>
              <button type="button" onClick={() => send({ type: 'nav.tab', tab: 'workspace' })}>
                {t('app.goToWorkspace')}
              </button>
            </div>
          )}
          {/* simulation tab (owned by src/ui/simulation) */}
          {session && activeTab === 'simulation' && (
            <SimulationView
              repo={session.repo}
              processId={openProcessId}
              hoursPerFte={session.workspace.hoursPerFte}
              onGoToWorkspace={() => send({ type: 'nav.tab', tab: 'workspace' })}
            />
          )}
          {/* end simulation tab */}
          {/* compare tab (owned by src/ui/compare) */}
          {session && activeTab === 'compare' && (
            <CompareView
              repo={session.repo}
              hoursPerFte={session.workspace.hoursPerFte}
              processes={processes}
              requestedPair={snapshot.context.comparePair}
              openProcessId={openProcessId}
              onChanged={refresh}
              onSelectPair={(pair) => send({ type: 'compare.open', ...pair })}
            />
          )}
          {/* end compare tab */}
          {/* rpa: RPA候補 tab (owned by src/ui/rpa) */}
          {session && activeTab === 'rpa' && (
            <RpaView
              repo={session.repo}
              workspaceId={session.workspace.id}
              processes={processes}
              onChanged={refresh}
              onOpenProcess={(processId) => send({ type: 'process.open', processId })}
              onCompare={(asIsId, toBeId) => send({ type: 'compare.open', asIsId, toBeId })}
            />
          )}
          {/* end rpa */}
          {/* inventory: 業務の全体像 tab (owned by src/ui/inventory) */}
          {session && activeTab === 'inventory' && (
            <InventoryView
              store={session.repo}
              workspaceId={session.workspace.id}
              hoursPerFte={session.workspace.hoursPerFte}
              processes={processes}
              onOpenProcess={(processId) => send({ type: 'process.open', processId })}
              onChanged={refresh}
            />
          )}
          {/* end inventory */}
          {/* initiatives tab (owned by src/ui/initiatives) */}
          {session && activeTab === 'initiatives' && (
            <InitiativesView
              store={session.repo}
              workspaceId={session.workspace.id}
              hoursPerFte={session.workspace.hoursPerFte}
              processes={processes}
              onOpenProcess={(processId) => send({ type: 'process.open', processId })}
              onOpenComparison={(pair) => send({ type: 'compare.open', ...pair })}
            />
          )}
          {/* end initiatives tab */}
        </Suspense>
      </main>
    </div>
  );
}
