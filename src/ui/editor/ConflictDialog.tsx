import { useT } from '../../i18n';
import { Dialog } from '../common/Dialog';

export type ConflictChoice = 'reload' | 'overwrite' | 'copy';

export function ConflictDialog({ message, onChoose }: { message: string; onChoose(choice: ConflictChoice): void }) {
  const t = useT();
  return (
    <Dialog
      title={t('editor.conflict.title')}
      // Closing without a choice would leave saving paused with no way back; treat it as "decide later".
      onCancel={() => undefined}
      actions={
        <div className="bpr-conflict-actions">
          <button type="button" onClick={() => onChoose('reload')}>
            {t('editor.conflict.reload')}
          </button>
          <button type="button" onClick={() => onChoose('overwrite')}>
            {t('editor.conflict.overwrite')}
          </button>
          <button type="button" className="bpr-button-primary" onClick={() => onChoose('copy')}>
            {t('editor.conflict.copy')}
          </button>
        </div>
      }
    >
      <p>{t('editor.conflict.message', { message })}</p>
    </Dialog>
  );
}
