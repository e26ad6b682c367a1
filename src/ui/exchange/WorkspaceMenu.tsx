import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { WorkspaceFile } from '../../domain/exchange/workspaceFile';
import { useI18n } from '../../i18n';
import { downloadBlob } from '../../modeler/io/download';
import type { WorkspaceInfo } from '../../store/types';
import type { WorkspaceImportResult } from '../../store/workspaceFile';
import { HiddenFileInput } from '../common/fileDrop';
import { useNotice } from '../common/useNotice';
import { WorkspaceImportDialog } from './WorkspaceImportDialog';
import { currentContents, exportWorkspaceFile, readWorkspaceFileUpload, refusalReason, storeDatabase, type WorkspaceContents } from './workspaceTransfer';
import type { RefusedProcess, ScreenedWorkspaceFile } from '../../domain/exchange/screenWorkspaceFile';
import './exchange.css';

export interface WorkspaceMenuProps {
  /** The store (Dexie-backed); whole-workspace exchange reads its database. */
  repo: unknown;
  workspace: WorkspaceInfo;
  /** After an import: the workspace may have a new id and name (置き換え), and every view must re-read. */
  onImported(workspace: WorkspaceInfo): void;
}

interface PendingImport {
  fileName: string;
  file: WorkspaceFile;
  refused: RefusedProcess[];
  screened: ScreenedWorkspaceFile;
  current: WorkspaceContents & { empty: boolean };
}

/** Header menu: ワークスペースを書き出す / ワークスペースを読み込む. */
export function WorkspaceMenu({ repo, workspace, onImported }: WorkspaceMenuProps) {
  const { t } = useI18n();
  const menuId = useId();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState<PendingImport | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [notice, setNotice] = useNotice();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const itemRefs = useRef<Array<HTMLButtonElement | null>>([]);
  const fileInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!open) return;
    itemRefs.current[0]?.focus();
    const onPointer = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  const close = (focusButton = true) => {
    setOpen(false);
    if (focusButton) buttonRef.current?.focus();
  };

  const onMenuKeyDown = (event: KeyboardEvent) => {
    const items = itemRefs.current.filter((el): el is HTMLButtonElement => !!el);
    const index = items.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const next = (index + (event.key === 'ArrowDown' ? 1 : -1) + items.length) % items.length;
      items[next]?.focus();
    } else if (event.key === 'Tab') {
      close(false);
    }
  };

  const exportNow = async () => {
    close();
    setProblems([]);
    try {
      const { fileName, json, processes, unreadable } = await exportWorkspaceFile(storeDatabase(repo), workspace.id);
      downloadBlob(fileName, new Blob([json], { type: 'application/json' }));
      setNotice(
        unreadable.length
          ? { kind: 'error', text: t('exchange.exportedWithSkipped', { file: fileName, count: unreadable.length, detail: unreadable.join(' / ') }) }
          : { kind: 'info', text: t('exchange.exported', { file: fileName, processes }) },
      );
    } catch (error) {
      setNotice({ kind: 'error', text: t('exchange.exportFailed', { message: (error as Error).message }) });
    }
  };

  const pickFile = () => {
    close(false);
    fileInput.current?.click();
  };

  const readPicked = async (file: File) => {
    setNotice(null);
    setProblems([]);
    try {
      const read = await readWorkspaceFileUpload(file, (done, total) =>
        setNotice({ kind: 'info', text: t('exchange.import.reading', { file: file.name, done: done.toLocaleString(), total: total.toLocaleString() }) }),
      );
      setNotice(null);
      if (!read.ok) {
        setProblems(read.problems);
        setNotice({ kind: 'error', text: t('exchange.readFailed', { file: file.name }) });
        return;
      }
      const current = await currentContents(storeDatabase(repo), workspace);
      setPending({ fileName: file.name, file: read.file, refused: read.refused, screened: read.screened, current });
    } catch (error) {
      setNotice({ kind: 'error', text: t('exchange.import.failed', { message: (error as Error).message }) });
    }
  };

  const imported = (result: WorkspaceImportResult) => {
    const fileName = pending?.fileName ?? '';
    setPending(null);
    const text =
      result.mode === 'replace'
        ? t('exchange.imported.replace', { file: fileName, processes: result.processesCreated, initiatives: result.initiativesCreated })
        : t('exchange.imported.merge', {
            file: fileName,
            processes: result.processesCreated,
            identical: result.processesIdentical,
            initiatives: result.initiativesCreated,
          });
    const refused = result.refusedProcesses;
    const left = refused.length ? [t('diagramFile.workspace.processesRefused', { count: refused.length })] : [];
    setProblems(refused.map((r) => t('diagramFile.workspace.processRefused', { name: r.name, reason: refusalReason(r.error, t) })));
    setNotice({ kind: refused.length ? 'error' : 'info', text: [text, ...left, ...result.notes].join(' ') });
    onImported(result.workspace);
  };

  return (
    <div className="bpr-exchange-menu" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="bpr-exchange-menu-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={menuId}
        aria-label={t('exchange.menu.label')}
        onClick={() => setOpen((v) => !v)}
      >
        {t('exchange.menu.button')} ▾
      </button>
      {open && (
        <div id={menuId} role="menu" aria-label={t('exchange.menu.label')} className="bpr-exchange-menu-list" onKeyDown={onMenuKeyDown}>
          <button ref={(el) => void (itemRefs.current[0] = el)} type="button" role="menuitem" onClick={() => void exportNow()}>
            {t('exchange.menu.export')}
          </button>
          <button ref={(el) => void (itemRefs.current[1] = el)} type="button" role="menuitem" onClick={pickFile}>
            {t('exchange.menu.import')}
          </button>
        </div>
      )}
      <HiddenFileInput
        inputRef={fileInput}
        accept=".json,application/json"
        label={t('exchange.menu.fileInput')}
        testId="workspace-file-input"
        onFile={(file) => void readPicked(file)}
      />
      {notice && (
        <div role={notice.kind === 'error' ? 'alert' : 'status'} className={`bpr-exchange-notice ${notice.kind === 'error' ? 'bpr-error' : 'bpr-info'}`}>
          <div>
            {notice.text}
            {problems.length > 0 && (
              <ul className="bpr-exchange-problems">
                {problems.map((p, i) => (
                  <li key={i}>{p}</li>
                ))}
              </ul>
            )}
          </div>
          <button type="button" className="bpr-notice-close" aria-label={t('app.close')} onClick={() => setNotice(null)}>
            ×
          </button>
        </div>
      )}
      {pending && (
        <WorkspaceImportDialog
          db={storeDatabase(repo)}
          workspaceId={workspace.id}
          fileName={pending.fileName}
          file={pending.file}
          refused={pending.refused}
          screened={pending.screened}
          current={pending.current}
          onImported={imported}
          onCancel={() => setPending(null)}
        />
      )}
    </div>
  );
}
