import { useI18n } from '../../i18n';
import { exportFileName } from '../../domain/exchange/fileName';
import { downloadBlob } from '../../modeler/io/download';
import type { Notice } from '../common/useNotice';
import { bimpFile } from './bimpExport';

export interface BimpExportButtonProps {
  /** The diagram as the editor shows it now (unsaved edits included). */
  getXml(): Promise<string>;
  processName: string;
  /** As-Is / To-Be (or the To-Be scenario's name), named in the file. */
  scenario: string;
  disabled: boolean;
  onNotice(notice: Notice): void;
}

/** 「BIMP形式で書き出す」 in the editor's export group. */
export function BimpExportButton({ getXml, processName, scenario, disabled, onNotice }: BimpExportButtonProps) {
  const { t } = useI18n();
  const run = async () => {
    try {
      const out = await bimpFile(await getXml(), exportFileName({ parts: [processName, scenario, 'BIMP'], date: new Date(), ext: 'bpmn' }));
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
