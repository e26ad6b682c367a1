import { fiscalYearLabel } from '../../domain/model/fiscalYear';
import { useI18n } from '../../i18n';
import type { InitiativeRecord } from '../../store/initiativeRepository';

/** 年度別スケジュール: rows are 取組, columns 令和 fiscal years, each cell the planned stages (Gantt-like). */
export function ScheduleView({
  items,
  years,
  currentFiscalYear,
  onOpen,
}: {
  items: readonly InitiativeRecord[];
  years: readonly number[];
  currentFiscalYear: number;
  onOpen(id: string): void;
}) {
  const { t, lang } = useI18n();
  const t2 = (key: string, params?: Record<string, string | number>) => t(`initiatives.${key}`, params);
  if (items.length === 0) return <p className="bpr-hint">{t2('emptyFiltered')}</p>;
  return (
    <div className="bpr-init-gantt-wrap">
      <table className="bpr-init-table bpr-init-gantt" aria-label={t2('scheduleView')}>
        <thead>
          <tr>
            <th scope="col">{t2('field.title')}</th>
            {years.map((fy) => (
              <th key={fy} scope="col" className={fy === currentFiscalYear ? 'bpr-init-current-year' : undefined}>
                {fiscalYearLabel(fy, lang)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {items.map((i) => (
            <tr key={i.id}>
              <th scope="row">
                <button type="button" className="bpr-init-link" onClick={() => onOpen(i.id)}>
                  {i.title}
                </button>
                <div className="bpr-hint">{i.departments.join('、')}</div>
              </th>
              {years.map((fy) => {
                const s = i.schedule.find((x) => x.fiscalYear === fy);
                return (
                  <td
                    key={fy}
                    className={`bpr-init-gantt-cell${s && s.stages.length ? ' bpr-init-gantt-active' : ''}${fy === currentFiscalYear ? ' bpr-init-current-year' : ''}`}
                  >
                    {s?.stages.map((st) => (
                      <span key={st} className={`bpr-init-stage bpr-init-stage-${STAGE_CLASS[st] ?? 'other'}`}>
                        {t2(`stage.${st}`)}
                      </span>
                    ))}
                    {s?.note && <div className="bpr-init-gantt-note">{s.note}</div>}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const STAGE_CLASS: Record<string, string> = {
  '調査・研究': 'research',
  検討: 'study',
  予算要求: 'budget',
  導入: 'introduce',
  運用: 'operate',
  継続実施: 'continue',
};
