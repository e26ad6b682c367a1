import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n';
import type { VersionRecord, WorkspaceRepository } from '../../store/types';
import { Dialog } from '../common/Dialog';
import { formatDateTime } from '../common/format';
import { ColumnHeads } from '../common/ColumnHeads';

export function VersionHistoryDialog({
  repo,
  processId,
  onRestore,
  onClose,
}: {
  repo: WorkspaceRepository;
  processId: string;
  onRestore(version: VersionRecord): void;
  onClose(): void;
}) {
  const { t, lang } = useI18n();
  const [versions, setVersions] = useState<VersionRecord[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    repo.listVersions(processId).then(
      (list) => live && setVersions(list),
      (e: Error) => live && setError(t('editor.versions.loadFailed', { message: e.message })),
    );
    return () => {
      live = false;
    };
  }, [repo, processId, t]);

  return (
    <Dialog
      title={t('editor.versions.title')}
      onCancel={onClose}
      className="bpr-versions-dialog"
      actions={
        <button type="button" onClick={onClose}>
          {t('editor.versions.close')}
        </button>
      }
    >
      {error && (
        <p role="alert" className="bpr-error">
          {error}
        </p>
      )}
      {versions && versions.length === 0 && <p>{t('editor.versions.empty')}</p>}
      {versions && versions.length > 0 && (
        <table className="bpr-versions-table">
          <ColumnHeads labels={[t('editor.versions.time'), t('editor.versions.reason'), t('editor.versions.name'), t('editor.versions.actions')]} />
          <tbody>
            {versions.map((v) => {
              const time = formatDateTime(v.createdAt, lang, true);
              const reason = t(`editor.reason.${v.reason}`);
              return (
                <tr key={v.id}>
                  <td>{time}</td>
                  <td>
                    <span className={`bpr-reason bpr-reason-${v.reason}`}>{reason}</span>
                  </td>
                  <td>{v.name}</td>
                  <td>
                    <button type="button" aria-label={t('editor.versions.restoreLabel', { time, reason })} onClick={() => onRestore(v)}>
                      {t('editor.versions.restore')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </Dialog>
  );
}
