import { useId, useState } from 'react';
import type { WorkspaceFile } from '../../domain/exchange/workspaceFile';
import { useI18n } from '../../i18n';
import type { BprDatabase } from '../../store/db';
import { importWorkspaceFile, type ImportMode, type WorkspaceImportResult } from '../../store/workspaceFile';
import { Dialog } from '../common/Dialog';
import { formatDateTime } from '../common/format';
import type { RefusedProcess, ScreenedWorkspaceFile } from '../../domain/exchange/screenWorkspaceFile';
import { fileContents, quotedNames, refusalReason, type WorkspaceContents } from './workspaceTransfer';

export interface WorkspaceImportDialogProps {
  db: BprDatabase;
  workspaceId: string;
  fileName: string;
  file: WorkspaceFile;
  /** Processes of the file the .bpmn reader refuses; listed before the user chooses. */
  refused?: readonly RefusedProcess[];
  /** The file as already read for `refused`, so the import does not read every diagram again. */
  screened?: ScreenedWorkspaceFile;
  current: WorkspaceContents & { empty: boolean };
  onImported(result: WorkspaceImportResult): void;
  onCancel(): void;
}

/**
 * Shows what the file and the current workspace hold side by side. A non-empty workspace is never
 * overwritten without a choice: 統合 or 置き換え, and 置き換え asks once more, naming what goes.
 */
export function WorkspaceImportDialog({ db, workspaceId, fileName, file, refused = [], screened, current, onImported, onCancel }: WorkspaceImportDialogProps) {
  const { t, lang } = useI18n();
  const legendId = useId();
  const [mode, setMode] = useState<ImportMode | null>(current.empty ? 'replace' : null);
  const [confirmingReplace, setConfirmingReplace] = useState(false);
  const [working, setWorking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const incoming = fileContents(file);
  const count = (n: number) => t('exchange.import.countUnit', { count: n.toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-US') });

  const run = async (chosen: ImportMode) => {
    setWorking(true);
    setError(null);
    try {
      onImported(await importWorkspaceFile(db, workspaceId, file, { mode: chosen, ...(screened ? { screened } : {}) }));
    } catch (e) {
      setError(t('exchange.import.failed', { message: (e as Error).message }));
      setWorking(false);
      setConfirmingReplace(false);
    }
  };

  const submit = () => {
    if (!mode) return setError(t('exchange.import.chooseMode'));
    if (mode === 'replace' && !current.empty) return setConfirmingReplace(true);
    void run(mode);
  };

  if (confirmingReplace)
    return (
      <Dialog
        title={t('exchange.replace.title')}
        onCancel={() => !working && setConfirmingReplace(false)}
        actions={
          <>
            <button type="button" onClick={() => setConfirmingReplace(false)} disabled={working} autoFocus>
              {t('exchange.replace.back')}
            </button>
            <button type="button" className="bpr-button-danger" onClick={() => void run('replace')} disabled={working}>
              {t('exchange.replace.confirm')}
            </button>
          </>
        }
      >
        <p>
          {t('exchange.replace.message', {
            name: current.name,
            processes: current.processes,
            names: current.processNames.length ? `（${quotedNames(current.processNames, 8, (rest) => t('exchange.replace.more', { count: rest }))}）` : '',
            versions: current.versions,
            initiatives: current.initiatives,
            file: fileName,
            fileProcesses: incoming.processes,
          })}
        </p>
        <p className="bpr-hint">{t('exchange.replace.hint')}</p>
        {working && <p role="status">{t('exchange.import.working')}</p>}
      </Dialog>
    );

  return (
    <Dialog
      title={t('exchange.import.title')}
      className="bpr-exchange-dialog"
      onCancel={() => !working && onCancel()}
      actions={
        <>
          <button type="button" onClick={onCancel} disabled={working}>
            {t('exchange.import.cancel')}
          </button>
          <button type="button" className="bpr-button-primary" onClick={submit} disabled={working || !mode}>
            {t('exchange.import.submit')}
          </button>
        </>
      }
    >
      <table className="bpr-exchange-compare">
        <caption>{t('exchange.import.compareCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('exchange.import.item')}</th>
            <th scope="col">{t('exchange.import.fileHeading', { file: fileName })}</th>
            <th scope="col">{t('exchange.import.currentHeading')}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{t('exchange.import.workspaceName')}</th>
            <td>{incoming.name}</td>
            <td>{current.name}</td>
          </tr>
          <tr>
            <th scope="row">{t('exchange.import.processes')}</th>
            <td data-testid="file-processes">{count(incoming.processes)}</td>
            <td data-testid="current-processes">{count(current.processes)}</td>
          </tr>
          <tr>
            <th scope="row">{t('exchange.import.versions')}</th>
            <td>{count(incoming.versions)}</td>
            <td>{count(current.versions)}</td>
          </tr>
          <tr>
            <th scope="row">{t('exchange.import.initiatives')}</th>
            <td>{count(incoming.initiatives)}</td>
            <td>{count(current.initiatives)}</td>
          </tr>
        </tbody>
      </table>
      <p className="bpr-hint">{t('exchange.import.exportedAt', { time: formatDateTime(file.exportedAt, lang) })}</p>
      {refused.length > 0 && (
        <div role="alert" className="bpr-error bpr-exchange-refused" data-testid="refused-processes">
          <p>{t('diagramFile.workspace.processesWillBeRefused', { count: refused.length })}</p>
          <ul className="bpr-exchange-problems">
            {refused.map((r) => (
              <li key={r.id}>{t('diagramFile.workspace.processRefused', { name: r.name, reason: refusalReason(r.error, t) })}</li>
            ))}
          </ul>
        </div>
      )}

      {current.empty ? (
        <p>{t('exchange.import.emptyTarget')}</p>
      ) : (
        <fieldset className="bpr-exchange-modes" aria-labelledby={legendId} disabled={working}>
          <legend id={legendId}>{t('exchange.import.modeLegend')}</legend>
          {(['merge', 'replace'] as const).map((m) => (
            <label key={m} className="bpr-exchange-mode">
              <input type="radio" name="bpr-import-mode" value={m} checked={mode === m} onChange={() => setMode(m)} />
              <span>
                <strong>{t(`exchange.import.${m}`)}</strong>
                <span className="bpr-hint">{t(`exchange.import.${m}Hint`)}</span>
              </span>
            </label>
          ))}
        </fieldset>
      )}
      {working && <p role="status">{t('exchange.import.working')}</p>}
      {error && (
        <div role="alert" className="bpr-error">
          {error}
        </div>
      )}
    </Dialog>
  );
}
