import { lazy, Suspense, useState } from 'react';
import { useI18n } from '../../i18n';
import type { ProcessRecord, WorkspaceRepository, WorkspaceStore } from '../../store/types';

// The dialog carries the xlsx reader/writer and the survey rules: fetched when the button is first pressed.
const SurveyImportDialog = lazy(() => import('./SurveyImportDialog').then((m) => ({ default: m.SurveyImportDialog })));

export interface SurveyImportButtonProps {
  repo: WorkspaceRepository & Partial<Pick<WorkspaceStore, 'importProcesses'>>;
  workspaceId: string;
  processes: ProcessRecord[];
  /** Called with the created processes (sheet order); the workspace then opens the first. */
  onImported(records: ProcessRecord[]): void | Promise<void>;
}

/** 業務量調査を取り込む: the toolbar button of the workspace and the dialog it opens. */
export function SurveyImportButton({ repo, workspaceId, processes, onImported }: SurveyImportButtonProps) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        {t('exchange.survey.button')}
      </button>
      {open && (
        <Suspense fallback={null}>
          <SurveyImportDialog
            repo={repo}
            workspaceId={workspaceId}
            existingNames={processes.map((p) => p.name)}
            onCancel={() => setOpen(false)}
            onImported={(records) => {
              setOpen(false);
              void onImported(records);
            }}
          />
        </Suspense>
      )}
    </>
  );
}
