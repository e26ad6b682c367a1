import { lazy, Suspense, useId, useMemo, useRef, useState } from 'react';
import { useI18n } from '../../i18n';
import { newProcessXml } from '../../modeler/io/newDiagram';
import type { ProcessRecord, WorkspaceRepository } from '../../store/types';
import { ConfirmDialog } from '../common/Dialog';
import { formatDateTime } from '../common/format';
import { useNotice } from '../common/useNotice';
import { ImportReportDialog } from '../common/ImportReportDialog';
import type { ImportReport } from '../../domain/bpmn/importReport';
import { DIAGRAM_FILE_ACCEPT, HiddenFileInput, useFileDrop } from '../common/fileDrop';
// exchange: 業務量調査
import { SurveyImportButton } from '../exchange/SurveyImportButton';
import { CreateProcessDialog, type CreateProcessInput } from './CreateProcessDialog';
// compare: scenarios of an As-Is
// The scenario dialog brings the template library and the BPMN reader: fetched when first opened.
const NewScenarioFlow = lazy(() => import('../compare/NewScenarioDialog').then((m) => ({ default: m.NewScenarioFlow })));
import { scenarioLabel, scenariosByAsIs } from '../compare/pairs';
import { filterProcesses, groupByDepartment, uniqueName, type DepartmentGroup } from './processList';
import { VirtualProcessList, VIRTUALIZE_FROM, type ListItem } from './VirtualProcessList';

export interface WorkspaceViewProps {
  repo: WorkspaceRepository;
  workspaceId: string;
  processes: ProcessRecord[];
  /** Re-reads the process list after a change. */
  onChanged(): Promise<void>;
  onOpen(processId: string): void;
  onDeleted(processId: string): void;
  /* compare: opens the 比較 tab on a linked pair */
  onCompare?(asIsId: string, toBeId: string): void;
}

export function WorkspaceView({ repo, workspaceId, processes, onChanged, onOpen, onDeleted, onCompare }: WorkspaceViewProps) {
  const { t, lang } = useI18n();
  const searchId = useId();
  const headingId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<ProcessRecord | null>(null);
  const [newScenarioFor, setNewScenarioFor] = useState<ProcessRecord | null>(null);
  const [notice, setNotice] = useNotice();
  const [importReport, setImportReport] = useState<{ report: ImportReport; fileName: string; name: string; processId: string } | null>(null);

  const kindLabel = (p: ProcessRecord) => t(`workspace.kind.${p.kind}`);
  const byId = useMemo(() => new Map(processes.map((p) => [p.id, p])), [processes]);
  const groups = useMemo(() => groupByDepartment(filterProcesses(processes, query), t('workspace.unassigned')), [processes, query, t]);
  const departments = useMemo(() => [...new Set(processes.map((p) => p.department).filter(Boolean))].sort((a, b) => a.localeCompare(b, 'ja')), [processes]);

  const run = async (action: () => Promise<string | void>) => {
    try {
      const text = await action();
      if (text) setNotice({ kind: 'info', text });
    } catch (error) {
      setNotice({ kind: 'error', text: t('workspace.actionFailed', { message: (error as Error).message }) });
    }
  };

  const create = (input: CreateProcessInput) => {
    setCreating(false);
    void run(async () => {
      const record = await repo.createProcess(workspaceId, { ...input, xml: newProcessXml(input.name) });
      await onChanged();
      onOpen(record.id);
      return t('workspace.created', { name: record.name });
    });
  };

  const duplicate = (p: ProcessRecord) =>
    run(async () => {
      const name = uniqueName(
        p.name,
        processes.map((x) => x.name),
        t('workspace.copyWord'),
      );
      const copy = await repo.duplicateProcess(p.id, name);
      await onChanged();
      return t('workspace.duplicated', { name: copy.name });
    });

  const confirmDelete = () => {
    const target = deleting;
    setDeleting(null);
    if (!target) return;
    void run(async () => {
      await repo.deleteProcess(target.id);
      onDeleted(target.id);
      await onChanged();
      return t('workspace.deleted', { name: target.name });
    });
  };

  const importFile = async (file: File) => {
    // The BPMN reader (bpmn-moddle) is fetched on the first import, not on start-up.
    const { checkDiagramFile } = await import('../common/importDiagramFile');
    const checked = await checkDiagramFile(file);
    if (!checked.ok) {
      setNotice({ kind: 'error', text: t('workspace.importFailed', { file: checked.fileName, message: checked.message }) });
      return;
    }
    await run(async () => {
      const name = processes.some((p) => p.name === checked.suggestedName)
        ? uniqueName(
            checked.suggestedName,
            processes.map((p) => p.name),
            t('workspace.copyWord'),
          )
        : checked.suggestedName;
      const record = await repo.createProcess(workspaceId, {
        name,
        department: t('workspace.importedDepartment'),
        kind: 'as-is',
        xml: checked.xml,
      });
      await onChanged();
      // Anything dropped, warned about or not drawn: the report says what and where.
      if (!checked.clean) setImportReport({ report: checked.report, fileName: checked.fileName, name: record.name, processId: record.id });
      // exchange: a file without diagram interchange was laid out automatically; say so.
      const laidOut = checked.laidOut ? ` ${t('exchange.autoLaidOut')}` : '';
      return `${t('workspace.imported', { file: checked.fileName, name: record.name })}${laidOut}`;
    });
  };

  const { dragging, dropHandlers } = useFileDrop((file) => void importFile(file));

  // With thousands of processes every card at once would freeze the tab: past VIRTUALIZE_FROM rows only
  // the visible ones are in the page. The scenario and partner look-ups are maps, not a search per card.
  const scenarioIndex = useMemo(() => scenariosByAsIs(processes), [processes]);
  const flat = useMemo<ListItem[]>(
    () => groups.flatMap((g) => [{ kind: 'heading' as const, group: g }, ...g.processes.map((p) => ({ kind: 'card' as const, process: p }))]),
    [groups],
  );

  const departmentHeading = (group: DepartmentGroup) => (
    <h3>
      {group.department} <span className="bpr-count">{t('workspace.count', { count: group.processes.length })}</span>
    </h3>
  );

  const renderCard = (p: ProcessRecord) => {
    // compare: an As-Is lists its To-Be scenarios; a To-Be names its As-Is and its scenario name.
    const scenarios = p.kind === 'as-is' ? (scenarioIndex.get(p.id) ?? []) : [];
    const linked = p.kind === 'to-be' && p.linkedProcessId ? byId.get(p.linkedProcessId) : undefined;
    const partner = linked?.kind === 'as-is' ? linked : undefined;
    const comparePair = partner ? { asIsId: partner.id, toBeId: p.id } : scenarios[0] ? { asIsId: p.id, toBeId: scenarios[0].id } : null;
    const labelParams = { name: p.name, kind: kindLabel(p) };
    return (
      <li key={p.id} className="bpr-process-card" aria-label={`${p.name} ${kindLabel(p)}`}>
        <div className="bpr-process-main">
          <span className={`bpr-kind-badge bpr-kind-${p.kind}`}>{kindLabel(p)}</span>
          <span className="bpr-process-name">{p.name}</span>
        </div>
        <div className="bpr-process-meta">
          {partner && <span>{t('workspace.linkedTo', { name: `${partner.name}（${kindLabel(partner)}）` })}</span>}
          {partner && scenarioLabel(p) !== p.name && <span className="bpr-process-scenarios">{t('compare.scn.named', { scenario: scenarioLabel(p) })}</span>}
          {scenarios.length > 0 && (
            <span className="bpr-process-scenarios">
              <span className="bpr-process-scenario-count">{t('compare.scn.count', { count: scenarios.length })}</span>
              <ul aria-label={t('compare.scn.listLabel', { name: p.name })}>
                {scenarios.map((s) => (
                  <li key={s.id}>{scenarioLabel(s)}</li>
                ))}
              </ul>
            </span>
          )}
          <span>{t('workspace.updatedAt', { time: formatDateTime(p.updatedAt, lang) })}</span>
        </div>
        <div className="bpr-process-actions">
          <button type="button" className="bpr-button-primary" aria-label={t('workspace.openLabel', labelParams)} onClick={() => onOpen(p.id)}>
            {t('workspace.open')}
          </button>
          {/* compare: 比較 on a linked As-Is/To-Be pair */}
          {onCompare && comparePair && (
            <button type="button" aria-label={t('compare.compareLabel', { name: p.name })} onClick={() => onCompare(comparePair.asIsId, comparePair.toBeId)}>
              {t('compare.compareButton')}
            </button>
          )}
          {p.kind === 'as-is' && (
            <button type="button" aria-label={t('compare.scn.newLabel', { name: p.name })} onClick={() => setNewScenarioFor(p)}>
              {t('compare.scn.new')}
            </button>
          )}
          {/* end compare */}
          <button type="button" aria-label={t('workspace.duplicateLabel', labelParams)} onClick={() => void duplicate(p)}>
            {t('workspace.duplicate')}
          </button>
          <button type="button" className="bpr-button-danger-outline" aria-label={t('workspace.deleteLabel', labelParams)} onClick={() => setDeleting(p)}>
            {t('workspace.delete')}
          </button>
        </div>
      </li>
    );
  };

  return (
    <section className={`bpr-workspace ${dragging ? 'bpr-dragging' : ''}`} aria-labelledby={headingId} {...dropHandlers}>
      <div className="bpr-workspace-toolbar">
        <h2 id={headingId}>{t('workspace.heading')}</h2>
        <label htmlFor={searchId} className="bpr-visually-hidden">
          {t('workspace.search')}
        </label>
        <input
          id={searchId}
          type="search"
          className="bpr-search"
          placeholder={t('workspace.searchPlaceholder')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <button type="button" className="bpr-button-primary" onClick={() => setCreating(true)}>
          {t('workspace.create')}
        </button>
        <button type="button" onClick={() => fileInput.current?.click()}>
          {t('workspace.import')}
        </button>
        <HiddenFileInput
          inputRef={fileInput}
          accept={DIAGRAM_FILE_ACCEPT}
          label={t('workspace.import')}
          testId="workspace-import-input"
          onFile={(file) => void importFile(file)}
        />
        {/* exchange: 業務量調査を取り込む */}
        <SurveyImportButton
          repo={repo}
          workspaceId={workspaceId}
          processes={processes}
          onImported={async (records) => {
            await onChanged();
            if (records[0]) onOpen(records[0].id);
          }}
        />
        {/* end exchange */}
      </div>
      <p className="bpr-hint">{dragging ? t('workspace.dropHere') : t('workspace.importHint')}</p>

      {notice && (
        <div role={notice.kind === 'error' ? 'alert' : 'status'} className={notice.kind === 'error' ? 'bpr-error' : 'bpr-info'}>
          {notice.text}
          <button type="button" className="bpr-notice-close" aria-label={t('app.close')} onClick={() => setNotice(null)}>
            ×
          </button>
        </div>
      )}

      {importReport && (
        <ImportReportDialog
          report={importReport.report}
          fileName={importReport.fileName}
          processName={importReport.name}
          onClose={() => setImportReport(null)}
          onOpen={() => {
            setImportReport(null);
            onOpen(importReport.processId);
          }}
        />
      )}

      {processes.length === 0 && <p>{t('workspace.empty')}</p>}
      {processes.length > 0 && groups.length === 0 && <p>{t('workspace.noMatch', { query })}</p>}

      {flat.length < VIRTUALIZE_FROM ? (
        <div className="bpr-department-groups">
          {groups.map((group) => (
            <section key={group.department} className="bpr-department" aria-label={group.department}>
              {departmentHeading(group)}
              <ul className="bpr-process-list">{group.processes.map(renderCard)}</ul>
            </section>
          ))}
        </div>
      ) : (
        <VirtualProcessList items={flat} renderCard={renderCard} renderHeading={departmentHeading} />
      )}

      {newScenarioFor && (
        <Suspense fallback={null}>
          <NewScenarioFlow
            repo={repo}
            asIs={newScenarioFor}
            processes={processes}
            onClose={() => setNewScenarioFor(null)}
            onChanged={onChanged}
            onCreated={(asIsId, _toBeId, scenario) =>
              setNotice({ kind: 'info', text: t('compare.scn.created', { asIs: byId.get(asIsId)?.name ?? '', scenario }) })
            }
            {...(onCompare ? { onCompare } : {})}
          />
        </Suspense>
      )}
      {creating && <CreateProcessDialog departments={departments} onSubmit={create} onCancel={() => setCreating(false)} />}
      {deleting && (
        <ConfirmDialog
          title={t('workspace.deleteDialog.title')}
          message={t('workspace.deleteDialog.message', { name: deleting.name, kind: kindLabel(deleting) })}
          confirmLabel={t('workspace.deleteDialog.confirm')}
          cancelLabel={t('workspace.deleteDialog.cancel')}
          danger
          onConfirm={confirmDelete}
          onCancel={() => setDeleting(null)}
        />
      )}
    </section>
  );
}
