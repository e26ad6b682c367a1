import Modeler from 'bpmn-js/lib/Modeler';
// The palette, context pad and replace menu draw their icons with this font: only the modeler needs it.
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { moddleExtensions } from '../../domain/bpmn/moddle';
import { useI18n } from '../../i18n';
import { exportFileName, processFileParts } from '../../domain/exchange/fileName';
import { downloadBlob } from '../../modeler/io/download';
import { exportBpmn, exportPng, exportSvg } from '../../modeler/io/exportImage';
import { bprModelerModules, bprModelerOptions } from '../../modeler/modules';
import type { ProcessRecord, VersionRecord, WorkspaceRepository } from '../../store/types';
import { ConfirmDialog } from '../common/Dialog';
import { ImportReportDialog } from '../common/ImportReportDialog';
import { isCleanImport, type ImportReport } from '../../domain/bpmn/importReport';
import { formatDateTime } from '../common/format';
import { useNotice } from '../common/useNotice';
import { checkDiagramFile } from '../common/importDiagramFile';
import { DIAGRAM_FILE_ACCEPT, HiddenFileInput, useFileDrop } from '../common/fileDrop';
// exchange: BIMP export
import { BimpExportButton } from '../exchange/BimpExportButton';
import { StepTablePanel } from '../process/StepTablePanel';
// compare: 改善テンプレート
import { TemplateDialog } from '../templates/TemplateDialog';
import { uniqueName } from '../workspace/processList';
import { ConflictDialog, type ConflictChoice } from './ConflictDialog';
import { EditorSession, type SaveStatus } from './editorSession';
import { browserStorage, clearDraft, readDraft, usableDraft, writeDraft } from './drafts';
import { fitDiagram, MIN_FIT_SCALE, type FittableCanvas } from './fitDiagram';
import { VersionHistoryDialog } from './VersionHistoryDialog';
import { ProblemsPanel } from './ProblemsPanel';
// rpa: step selection requested by the RPA候補 tab
import { selectPendingStep } from '../rpa/pendingSelection';

export interface EditorViewProps {
  repo: WorkspaceRepository;
  processId: string;
  /** The whole list, for the linked partner's name and unique copy names. */
  processes: ProcessRecord[];
  onChanged(): Promise<void>;
  onOpenProcess(processId: string): void;
  /* compare: opens the 比較 tab on a pair (after a To-Be was made from a template) */
  onCompare?(asIsId: string, toBeId: string): void;
}

type Pending =
  | { type: 'replace'; fileName: string; xml: string; laidOut?: boolean /* exchange: auto layout notice */; report?: ImportReport }
  | { type: 'restore'; version: VersionRecord }
  | null;

interface CommandStackLike {
  undo(): void;
  redo(): void;
  canUndo(): boolean;
  canRedo(): boolean;
}
interface CanvasLike {
  zoom(level?: number | 'fit-viewport', center?: 'auto' | { x: number; y: number }): number;
}

export function EditorView({ repo, processId, processes, onChanged, onOpenProcess, onCompare }: EditorViewProps) {
  /* compare: the As-Is XML the templates dialog works on; null = closed */
  const [templateXml, setTemplateXml] = useState<string | null>(null);
  const { t, lang } = useI18n();
  const nameId = useId();
  const canvasRef = useRef<HTMLDivElement>(null);
  const propertiesRef = useRef<HTMLDivElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const sessionRef = useRef<EditorSession | null>(null);
  const [modeler, setModeler] = useState<Modeler | null>(null);
  const [record, setRecord] = useState<ProcessRecord | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [status, setStatus] = useState<SaveStatus>('saved');
  const [notice, setNotice] = useNotice();
  const [nameDraft, setNameDraft] = useState('');
  const [canUndo, setCanUndo] = useState(false);
  const [canRedo, setCanRedo] = useState(false);
  const [showVersions, setShowVersions] = useState(false);
  const [conflict, setConflict] = useState<string | null>(null);
  const [pending, setPending] = useState<Pending>(null);
  const [importReport, setImportReport] = useState<{ report: ImportReport; fileName: string } | null>(null);
  const [problemsOpen, setProblemsOpen] = useState(false);

  // translate: the palette and context pad redraw in the new language.
  useEffect(() => {
    modeler?.get<{ fire(event: string): void }>('eventBus').fire('i18n.changed');
  }, [lang, modeler]);

  const onChangedRef = useRef(onChanged);
  onChangedRef.current = onChanged;
  const tRef = useRef(t);
  tRef.current = t;

  useEffect(() => {
    const container = canvasRef.current;
    const propertiesParent = propertiesRef.current;
    if (!container || !propertiesParent) return;
    let disposed = false;
    const instance = new Modeler({
      container,
      additionalModules: bprModelerModules,
      moddleExtensions,
      ...bprModelerOptions,
      propertiesPanel: { ...((bprModelerOptions.propertiesPanel as object | undefined) ?? {}), parent: propertiesParent },
    } as ConstructorParameters<typeof Modeler>[0]);
    const commandStack = instance.get<CommandStackLike>('commandStack');

    const updateUndo = () => {
      setCanUndo(commandStack.canUndo());
      setCanRedo(commandStack.canRedo());
    };
    // The newest XML, kept ready so `pagehide` can park it synchronously (see drafts.ts).
    let latestXml: string | null = null;
    let xmlRequest = 0;
    instance.on('commandStack.changed', (event: { trigger?: string | null }) => {
      updateUndo();
      // Import clears the stack; that is not an edit and must not trigger an autosave.
      if (event.trigger === 'clear') return;
      sessionRef.current?.markChanged();
      const request = ++xmlRequest;
      void instance.saveXML({ format: true }).then(
        ({ xml }) => {
          if (request === xmlRequest && xml) latestXml = xml;
        },
        () => undefined,
      );
    });

    (async () => {
      const stored = await repo.getProcess(processId);
      if (disposed) return;
      if (!stored) {
        setLoadError(tRef.current('editor.notFound'));
        return;
      }
      const draft = usableDraft(readDraft(browserStorage(), processId), stored);
      await instance.importXML(draft?.xml ?? stored.xml);
      if (disposed) return;
      fitDiagram(instance.get<FittableCanvas>('canvas'));
      sessionRef.current = new EditorSession(repo, stored, async () => (await instance.saveXML({ format: true })).xml ?? '', {
        onRecord: (rec) => {
          if (!sessionRef.current?.isDirty) clearDraft(browserStorage(), processId);
          if (disposed) return;
          setRecord(rec);
          void onChangedRef.current();
        },
        onStatus: (s) => !disposed && setStatus(s),
        onConflict: (error) => !disposed && setConflict(error.message),
        onError: (error) => !disposed && setNotice({ kind: 'error', text: tRef.current('editor.saveFailed', { message: error.message }) }),
      });
      setRecord(stored);
      setNameDraft(stored.name);
      setModeler(instance);
      // rpa: 「図で編集」 from the RPA候補 tab selects the step it named
      selectPendingStep(instance, processId);
      updateUndo();
      if (draft) {
        sessionRef.current.markChanged();
        latestXml = draft.xml;
        setNotice({ kind: 'info', text: tRef.current('editor.draftRecovered') });
      } else {
        clearDraft(browserStorage(), processId);
      }
    })().catch((error: Error) => {
      if (!disposed) setLoadError(tRef.current('editor.loadFailed', { message: error.message }));
    });

    // Closing or hiding the tab must not lose the last two seconds of edits: park them synchronously,
    // then try the normal (asynchronous) save, which clears the draft when it gets through.
    const flush = () => {
      const session = sessionRef.current;
      if (!session?.isDirty) return;
      if (latestXml) writeDraft(browserStorage(), { processId, revision: session.current.revision, xml: latestXml, savedAt: new Date().toISOString() });
      void session.flush();
    };
    const onVisibility = () => document.visibilityState === 'hidden' && flush();
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', flush);

    return () => {
      disposed = true;
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', flush);
      const session = sessionRef.current;
      sessionRef.current = null;
      setModeler(null);
      // The modeler must outlive the final save, which reads its XML.
      void Promise.resolve(session?.flush())
        .catch(() => undefined)
        .finally(() => {
          instance.destroy();
          void onChangedRef.current();
        });
    };
  }, [repo, processId]);

  const importIntoModeler = useCallback(
    async (xml: string) => {
      if (!modeler) return;
      await modeler.importXML(xml);
      fitDiagram(modeler.get<FittableCanvas>('canvas'));
    },
    [modeler],
  );

  const save = async () => {
    const rec = await sessionRef.current?.save();
    if (rec) setNotice({ kind: 'info', text: t('editor.saved') });
  };

  const rename = async () => {
    const name = nameDraft.trim();
    if (!name || !record || name === record.name) return;
    const rec = await sessionRef.current?.save({ name });
    if (rec) setNotice({ kind: 'info', text: t('editor.renamed', { name: rec.name }) });
  };

  const zoom = (factor: number | 'fit') => {
    if (!modeler) return;
    const canvas = modeler.get<CanvasLike>('canvas');
    if (factor === 'fit') fitDiagram(modeler.get<FittableCanvas>('canvas'), MIN_FIT_SCALE);
    else canvas.zoom(canvas.zoom() * factor, 'auto');
  };

  const exportAs = async (format: 'bpmn' | 'svg' | 'png') => {
    if (!modeler || !record) return;
    const name = exportFileName({ parts: processFileParts(record), date: new Date(), ext: format });
    try {
      if (format === 'bpmn') downloadBlob(name, new Blob([await exportBpmn(modeler)], { type: 'application/xml' }));
      if (format === 'svg') downloadBlob(name, new Blob([await exportSvg(modeler)], { type: 'image/svg+xml' }));
      if (format === 'png') downloadBlob(name, await exportPng(modeler, 2));
    } catch (error) {
      setNotice({ kind: 'error', text: t('editor.exportFailed', { message: (error as Error).message }) });
    }
  };

  const importFile = async (file: File) => {
    const checked = await checkDiagramFile(file);
    if (!checked.ok) {
      setNotice({ kind: 'error', text: t('editor.importFailed', { file: checked.fileName, message: checked.message }) });
      return;
    }
    setPending({ type: 'replace', fileName: checked.fileName, xml: checked.xml, laidOut: checked.laidOut, report: checked.report });
  };

  const confirmPending = async () => {
    const action = pending;
    setPending(null);
    const session = sessionRef.current;
    if (!action || !session || !modeler) return;
    try {
      if (action.type === 'replace') {
        // Keep the current diagram as an explicit version before it is replaced.
        const before = await session.save();
        if (!before) return;
        const rec = await session.replace((expectedRevision) => repo.saveProcess(processId, { xml: action.xml }, { expectedRevision, reason: 'import' }));
        if (!rec) return;
        await importIntoModeler(rec.xml);
        session.reset(rec);
        // exchange: say when the file had no diagram and was laid out automatically.
        setNotice({ kind: 'info', text: `${t('editor.replaced', { file: action.fileName })}${action.laidOut ? ` ${t('exchange.autoLaidOut')}` : ''}` });
        if (action.report && !isCleanImport(action.report)) setImportReport({ report: action.report, fileName: action.fileName });
      } else {
        const rec = await session.replace((expectedRevision) => repo.restoreVersion(action.version.id, { expectedRevision }));
        if (!rec) return;
        await importIntoModeler(rec.xml);
        session.reset(rec);
        setNameDraft(rec.name);
        setShowVersions(false);
        setNotice({ kind: 'info', text: t('editor.restored', { time: formatDateTime(action.version.createdAt, lang, true) }) });
      }
    } catch (error) {
      setNotice({ kind: 'error', text: t('editor.loadFailed', { message: (error as Error).message }) });
    }
  };

  const resolveConflict = async (choice: ConflictChoice) => {
    setConflict(null);
    const session = sessionRef.current;
    if (!session || !modeler) return;
    try {
      if (choice === 'reload') {
        const theirs = await repo.getProcess(processId);
        if (!theirs) return setLoadError(t('editor.notFound'));
        await importIntoModeler(theirs.xml);
        session.reset(theirs);
        setRecord(theirs);
        setNameDraft(theirs.name);
      } else if (choice === 'overwrite') {
        await session.overwrite();
      } else {
        const current = session.current;
        const xml = await exportBpmn(modeler);
        const name = uniqueName(
          current.name,
          processes.map((p) => p.name),
          t('editor.copyWord'),
        );
        const copy = await repo.createProcess(current.workspaceId, { name, department: current.department, kind: current.kind, xml });
        // The conflicted original stays as the other tab left it; continue in the copy.
        session.close();
        await onChanged();
        onOpenProcess(copy.id);
      }
    } catch (error) {
      setNotice({ kind: 'error', text: t('editor.saveFailed', { message: (error as Error).message }) });
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
      event.preventDefault();
      void save();
    }
  };
  const { dragging, dropHandlers } = useFileDrop((file) => void importFile(file));

  const partner = record?.linkedProcessId ? processes.find((p) => p.id === record.linkedProcessId) : undefined;
  const statusText =
    status === 'saved' && record ? t('editor.status.savedAt', { time: formatDateTime(record.updatedAt, lang, true) }) : t(`editor.status.${status}`);
  const ready = !!modeler && !!record;

  return (
    <div className="bpr-editor" onKeyDown={onKeyDown}>
      <div className="bpr-editor-header">
        <form
          className="bpr-rename"
          onSubmit={(e) => {
            e.preventDefault();
            void rename();
          }}
        >
          <label htmlFor={nameId}>{t('editor.processName')}</label>
          <input id={nameId} value={nameDraft} onChange={(e) => setNameDraft(e.target.value)} disabled={!ready} />
          <button type="submit" disabled={!ready || !nameDraft.trim() || nameDraft.trim() === record?.name}>
            {t('editor.rename')}
          </button>
        </form>
        {record && (
          <div className="bpr-editor-meta">
            <span className={`bpr-kind-badge bpr-kind-${record.kind}`}>{t(`workspace.kind.${record.kind}`)}</span>
            <span>{t('editor.department', { department: record.department })}</span>
            {partner && <span>{t('editor.linkedTo', { name: `${partner.name}（${t(`workspace.kind.${partner.kind}`)}）` })}</span>}
          </div>
        )}
        <span role="status" className={`bpr-save-status bpr-save-${status}`}>
          {ready ? statusText : t('editor.loading')}
        </span>
      </div>

      <div role="toolbar" aria-label={t('editor.toolbar')} className="bpr-toolbar">
        <button type="button" className="bpr-button-primary" onClick={() => void save()} disabled={!ready}>
          {t('editor.save')}
        </button>
        <span className="bpr-toolbar-sep" aria-hidden="true" />
        <button type="button" onClick={() => modeler?.get<CommandStackLike>('commandStack').undo()} disabled={!ready || !canUndo}>
          {t('editor.undo')}
        </button>
        <button type="button" onClick={() => modeler?.get<CommandStackLike>('commandStack').redo()} disabled={!ready || !canRedo}>
          {t('editor.redo')}
        </button>
        <span className="bpr-toolbar-sep" aria-hidden="true" />
        <button type="button" onClick={() => zoom(1.2)} disabled={!ready}>
          {t('editor.zoomIn')}
        </button>
        <button type="button" onClick={() => zoom(1 / 1.2)} disabled={!ready}>
          {t('editor.zoomOut')}
        </button>
        <button type="button" onClick={() => zoom('fit')} disabled={!ready}>
          {t('editor.fit')}
        </button>
        <span className="bpr-toolbar-sep" aria-hidden="true" />
        <button type="button" onClick={() => setShowVersions(true)} disabled={!ready}>
          {t('editor.versions')}
        </button>
        <button type="button" onClick={() => fileInput.current?.click()} disabled={!ready}>
          {t('editor.import')}
        </button>
        <HiddenFileInput
          inputRef={fileInput}
          accept={DIAGRAM_FILE_ACCEPT}
          label={t('editor.import')}
          testId="editor-import-input"
          onFile={(file) => void importFile(file)}
        />
        <span className="bpr-toolbar-group" role="group" aria-label={t('editor.export')}>
          <span className="bpr-toolbar-label" aria-hidden="true">
            {t('editor.export')}:
          </span>
          <button type="button" aria-label={t('editor.exportBpmnLabel')} onClick={() => void exportAs('bpmn')} disabled={!ready}>
            {t('editor.exportBpmn')}
          </button>
          <button type="button" aria-label={t('editor.exportSvgLabel')} onClick={() => void exportAs('svg')} disabled={!ready}>
            {t('editor.exportSvg')}
          </button>
          <button type="button" aria-label={t('editor.exportPngLabel')} onClick={() => void exportAs('png')} disabled={!ready}>
            {t('editor.exportPng')}
          </button>
          {/* exchange: BIMP export */}
          <BimpExportButton
            getXml={async () => (modeler ? exportBpmn(modeler) : '')}
            processName={record?.name ?? ''}
            scenario={record ? processFileParts(record)[1] : ''}
            disabled={!ready}
            onNotice={setNotice}
          />
          {/* end exchange */}
        </span>
        {/* compare: 改善テンプレート (As-Is only; the As-Is itself is never changed) */}
        {record?.kind === 'as-is' && (
          <button
            type="button"
            title={t('compare.tpl.openLabel', { name: record.name })}
            disabled={!ready}
            onClick={() => void (modeler ? exportBpmn(modeler) : Promise.resolve(record.xml)).then(setTemplateXml)}
          >
            {t('compare.tpl.open')}
          </button>
        )}
        {/* end compare */}
      </div>

      {notice && (
        <div role={notice.kind === 'error' ? 'alert' : 'status'} className={notice.kind === 'error' ? 'bpr-error' : 'bpr-info'}>
          {notice.text}
          <button type="button" className="bpr-notice-close" aria-label={t('app.close')} onClick={() => setNotice(null)}>
            ×
          </button>
        </div>
      )}
      {loadError && (
        <div role="alert" className="bpr-error">
          {loadError}
        </div>
      )}

      <div className={`bpr-editor-body ${dragging ? 'bpr-dragging' : ''}`} {...dropHandlers}>
        <div className="bpr-canvas-column">
          <div ref={canvasRef} className="bpr-canvas" role="region" aria-label={t('editor.canvas')} />
          <ProblemsPanel modeler={modeler} open={problemsOpen} onToggle={setProblemsOpen} />
        </div>
        <aside ref={propertiesRef} className="bpr-properties-panel" aria-label={t('editor.properties')} />
        {dragging && <div className="bpr-drop-overlay">{t('editor.dropHere')}</div>}
      </div>

      <StepTablePanel modeler={modeler} />

      {showVersions && record && (
        <VersionHistoryDialog
          repo={repo}
          processId={record.id}
          onRestore={(version) => setPending({ type: 'restore', version })}
          onClose={() => setShowVersions(false)}
        />
      )}
      {pending?.type === 'replace' && (
        <ConfirmDialog
          title={t('editor.replaceDialog.title')}
          message={t('editor.replaceDialog.message', { file: pending.fileName })}
          confirmLabel={t('editor.replaceDialog.confirm')}
          cancelLabel={t('editor.replaceDialog.cancel')}
          onConfirm={() => void confirmPending()}
          onCancel={() => setPending(null)}
        />
      )}
      {importReport && <ImportReportDialog report={importReport.report} fileName={importReport.fileName} onClose={() => setImportReport(null)} />}
      {pending?.type === 'restore' && (
        <ConfirmDialog
          title={t('editor.restoreDialog.title')}
          message={t('editor.restoreDialog.message', {
            time: formatDateTime(pending.version.createdAt, lang, true),
            reason: t(`editor.reason.${pending.version.reason}`),
          })}
          confirmLabel={t('editor.restoreDialog.confirm')}
          cancelLabel={t('editor.restoreDialog.cancel')}
          onConfirm={() => void confirmPending()}
          onCancel={() => setPending(null)}
        />
      )}
      {/* compare: templates dialog */}
      {templateXml !== null && record && (
        <TemplateDialog
          repo={repo}
          asIs={record}
          asIsXml={templateXml}
          processes={processes}
          onClose={() => setTemplateXml(null)}
          onCreated={() => onChanged()}
          onCompare={(asIsId, toBeId) => {
            setTemplateXml(null);
            onCompare?.(asIsId, toBeId);
          }}
        />
      )}
      {/* end compare */}
      {conflict && <ConflictDialog message={conflict} onChoose={(choice) => void resolveConflict(choice)} />}
    </div>
  );
}
