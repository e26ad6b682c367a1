import { useEffect, useId, useRef, useState } from 'react';
import { SURVEY_HEADERS, surveyTemplateCsv, surveyTemplateXlsx } from '../../domain/exchange/survey';
import { useI18n } from '../../i18n';
import { readImportFile } from '../../modeler/io/files';
import type { ProcessRecord, WorkspaceRepository, WorkspaceStore } from '../../store/types';
import { Dialog } from '../common/Dialog';
import { plannedSurveyProcesses, previewSurvey, type SurveyPreview } from './surveyImport';
import './exchange.css';

export interface SurveyImportDialogProps {
  repo: WorkspaceRepository & Partial<Pick<WorkspaceStore, 'importProcesses'>>;
  workspaceId: string;
  existingNames: string[];
  /** The processes created, in sheet order. */
  onImported(records: ProcessRecord[]): void;
  onCancel(): void;
}

/** An object URL for a download link, made on mount and revoked when the dialog goes away (StrictMode-safe). */
function useObjectUrl(make: () => Blob): string | undefined {
  const [url, setUrl] = useState<string>();
  const makeRef = useRef(make);
  useEffect(() => {
    const next = URL.createObjectURL(makeRef.current());
    setUrl(next);
    return () => URL.revokeObjectURL(next);
  }, []);
  return url;
}

/**
 * 業務量調査 → preview → 取り込む. Nothing is stored until 取り込む, and a file with any problem
 * shows every problem (row and column) instead of a preview.
 */
export function SurveyImportDialog({ repo, workspaceId, existingNames, onImported, onCancel }: SurveyImportDialogProps) {
  const { t, lang } = useI18n();
  const fileId = useId();
  const deptId = useId();
  const deptHintId = useId();
  const [department, setDepartment] = useState('');
  const [reading, setReading] = useState<string | null>(null);
  const [preview, setPreview] = useState<SurveyPreview | null>(null);
  const [working, setWorking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const csvUrl = useObjectUrl(() => new Blob([surveyTemplateCsv()], { type: 'text/csv' }));
  const xlsxUrl = useObjectUrl(
    () => new Blob([surveyTemplateXlsx() as Uint8Array<ArrayBuffer>], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
  );
  const number = (n: number) => n.toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-US');

  const read = async (file: File) => {
    setPreview(null);
    setError(null);
    setReading(file.name);
    try {
      setPreview(await previewSurvey(file.name, await readImportFile(file)));
    } catch (e) {
      setPreview({ ok: false, fileName: file.name, problems: [(e as Error).message] });
    } finally {
      setReading(null);
    }
  };

  const submit = async () => {
    if (!preview?.ok) return;
    setError(null);
    let items;
    try {
      items = plannedSurveyProcesses(preview.processes, department, existingNames, t('exchange.survey.copyWord'));
    } catch (e) {
      setError((e as Error).message);
      return;
    }
    setWorking(true);
    try {
      // One transaction when the store offers it, so a failure (e.g. storage full) creates nothing.
      const records = repo.importProcesses
        ? ((await repo.importProcesses(workspaceId, items)) ?? [])
        : await items.reduce<Promise<ProcessRecord[]>>(
            async (done, { ref: _ref, linkedToRef: _l, ...input }) => [...(await done), await repo.createProcess(workspaceId, input)],
            Promise.resolve([]),
          );
      onImported(records);
    } catch (e) {
      setError(t('exchange.survey.failed', { message: (e as Error).message }));
      setWorking(false);
    }
  };

  const needsDepartment = preview?.ok === true && preview.processes.some((p) => !p.sheetDepartment);

  return (
    <Dialog
      title={t('exchange.survey.title')}
      className="bpr-exchange-dialog bpr-survey-dialog"
      onCancel={() => !working && onCancel()}
      actions={
        <>
          <button type="button" onClick={onCancel} disabled={working}>
            {t('exchange.survey.cancel')}
          </button>
          <button type="button" className="bpr-button-primary" onClick={() => void submit()} disabled={working || preview?.ok !== true}>
            {t('exchange.survey.submit')}
          </button>
        </>
      }
    >
      <p>{t('exchange.survey.intro')}</p>
      <p className="bpr-hint">{t('exchange.survey.headers', { headers: SURVEY_HEADERS.join('、') })}</p>
      <p className="bpr-survey-template">
        {t('exchange.survey.template')}{' '}
        <a href={csvUrl} download={`${t('exchange.survey.templateFileBase')}.csv`}>
          {t('exchange.survey.templateCsv')}
        </a>{' '}
        <a href={xlsxUrl} download={`${t('exchange.survey.templateFileBase')}.xlsx`}>
          {t('exchange.survey.templateXlsx')}
        </a>
      </p>

      <div className="bpr-survey-fields">
        <label htmlFor={fileId}>{t('exchange.survey.file')}</label>
        <input
          id={fileId}
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          disabled={working}
          data-testid="survey-file-input"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void read(file);
          }}
        />
        <label htmlFor={deptId}>{t('exchange.survey.department')}</label>
        <span>
          <input id={deptId} type="text" value={department} onChange={(e) => setDepartment(e.target.value)} disabled={working} aria-describedby={deptHintId} />
          <span id={deptHintId} className="bpr-hint">
            {' '}
            {t('exchange.survey.departmentHint')}
          </span>
        </span>
      </div>

      {reading && <p role="status">{t('exchange.survey.reading', { file: reading })}</p>}

      {preview && !preview.ok && (
        <div role="alert" className="bpr-error bpr-survey-problems">
          <div>
            <p>{t('exchange.survey.problems', { file: preview.fileName, count: preview.problems.length })}</p>
            <ul>
              {preview.problems.map((p, i) => (
                <li key={i}>{p}</li>
              ))}
            </ul>
          </div>
        </div>
      )}

      {preview?.ok && (
        <table className="bpr-exchange-table">
          <caption>{t('exchange.survey.previewCaption', { count: preview.processes.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('exchange.survey.col.name')}</th>
              <th scope="col">{t('exchange.survey.col.steps')}</th>
              <th scope="col">{t('exchange.survey.col.lanes')}</th>
              <th scope="col">{t('exchange.survey.col.volume')}</th>
              <th scope="col">{t('exchange.survey.col.department')}</th>
              <th scope="col">{t('exchange.survey.col.notes')}</th>
            </tr>
          </thead>
          <tbody>
            {preview.processes.map((p) => (
              <tr key={p.name}>
                <th scope="row">{p.name}</th>
                <td>{t('exchange.survey.steps', { count: p.stepCount })}</td>
                <td>{p.roles.join('、')}</td>
                <td>{p.annualVolume !== undefined ? t('exchange.survey.volume', { count: number(p.annualVolume) }) : t('exchange.survey.noVolume')}</td>
                <td>{p.sheetDepartment ?? (department.trim() || t('exchange.survey.departmentFromField'))}</td>
                <td>{p.notes.join(' ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {needsDepartment && !department.trim() && <p className="bpr-hint">{t('exchange.survey.departmentHint')}</p>}
      {working && <p role="status">{t('exchange.survey.working')}</p>}
      {error && (
        <div role="alert" className="bpr-error">
          {error}
        </div>
      )}
    </Dialog>
  );
}
