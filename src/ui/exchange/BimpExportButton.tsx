import { useI18n } from '../../i18n';
import { downloadBlob, safeFileName } from '../../modeler/io/download';
import type { Notice } from '../common/useNotice';
import { bimpFile } from './bimpExport';

export interface BimpExportButtonProps {
  /** The diagram as the editor shows it now (unsaved edits included). */
  getXml(): Promise<string>;
  processName: string;
  disabled: boolean;
  onNotice(notice: Notice): void;
}

/** 「BIMP形式で書き出す」 in the editor's export group. */
export function BimpExportButton({ getXml, processName, disabled, onNotice }: BimpExportButtonProps) {
  const { t } = useI18n();
  const run = async () => {
    try {
      const out = await bimpFile(await getXml(), safeFileName(processName));
      downloadBlob(out.fileName, new Blob([out.xml], { type: 'application/xml' }));
      onNotice(
        out.warnings.length
          ? { kind: 'info', text: t('exchange.bimp.exportedWithWarnings', { file: out.fileName, detail: out.warnings.join(' / ') }) }
          : { kind: 'info', text: t('exchange.bimp.exported', { file: out.fileName }) },
      );
    } catch (error) {
      onNotice({ kind: 'error', text: t('exchange.bimp.failed', { message: (error as Error).message }) });
    }
  };
  return (
    <button type="button" aria-label={t('exchange.bimp.exportLabel')} onClick={() => void run()} disabled={disabled}>
      {t('exchange.bimp.export')}
    </button>
  );
}
