import { useI18n } from '../../i18n';
import type { RunIssue } from './simRunMachine';

export interface IssueListProps {
  title: string;
  hint?: string;
  issues: RunIssue[];
  tone: 'error' | 'warn';
  onSelect(elementId: string): void;
}

/** Problems found before or during a run, each naming its element; a click points it out on the diagram. */
export function IssueList({ title, hint, issues, tone, onSelect }: IssueListProps) {
  const { t } = useI18n();
  if (issues.length === 0) return null;
  return (
    <section className={`bpr-sim-issues bpr-sim-issues-${tone}`} role={tone === 'error' ? 'alert' : undefined} aria-label={title}>
      <h3>{title}</h3>
      {hint && <p className="bpr-sim-hint">{hint}</p>}
      <ul>
        {issues.map((issue, i) => (
          <li key={`${issue.elementId ?? ''}-${i}`}>
            <span className={`bpr-sim-source bpr-sim-source-${issue.source}`}>{t(`simulation.source.${issue.source}`)}</span>
            {issue.elementId ? (
              <button
                type="button"
                className="bpr-sim-issue-link"
                title={t('simulation.selectElement', { id: issue.elementId })}
                onClick={() => onSelect(issue.elementId!)}
              >
                {issue.message}
              </button>
            ) : (
              <span>{issue.message}</span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
