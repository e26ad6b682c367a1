import { useId } from 'react';
import { STAGES, type Stage } from '../../domain/model/initiative';
import { fiscalYearLabel } from '../../domain/model/fiscalYear';
import { useI18n } from '../../i18n';
import type { InitiativeRecord } from '../../store/initiativeRepository';
import type { InitiativeFilter } from './filters';

export interface InitiativeListProps {
  items: readonly InitiativeRecord[];
  total: number;
  filter: InitiativeFilter;
  choices: { departments: string[]; policies: string[]; fiscalYears: number[] };
  currentFiscalYear: number;
  onFilter(filter: InitiativeFilter): void;
  onOpen(id: string): void;
}

/** The filter bar shared by the list and the schedule view. */
export function FilterBar({ filter, choices, onFilter }: Pick<InitiativeListProps, 'filter' | 'choices' | 'onFilter'>) {
  const { t, lang } = useI18n();
  const id = useId();
  const t2 = (key: string, params?: Record<string, string | number>) => t(`initiatives.${key}`, params);
  return (
    <div className="bpr-init-filters" role="search" aria-label={t2('filters')}>
      <label htmlFor={`${id}-dept`}>{t2('field.departments')}</label>
      <select id={`${id}-dept`} value={filter.department ?? ''} onChange={(e) => onFilter({ ...filter, department: e.target.value || undefined })}>
        <option value="">{t2('all')}</option>
        {choices.departments.map((d) => (
          <option key={d} value={d}>
            {d}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-policy`}>{t2('policy')}</label>
      <select id={`${id}-policy`} value={filter.policy ?? ''} onChange={(e) => onFilter({ ...filter, policy: e.target.value || undefined })}>
        <option value="">{t2('all')}</option>
        {choices.policies.map((p) => (
          <option key={p} value={p}>
            {p}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-stage`}>{t2('stage')}</label>
      <select
        id={`${id}-stage`}
        value={filter.stage ?? ''}
        onChange={(e) => onFilter({ ...filter, stage: (e.target.value || undefined) as Stage | undefined })}
      >
        <option value="">{t2('all')}</option>
        {STAGES.map((s) => (
          <option key={s} value={s}>
            {t2(`stage.${s}`)}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-fy`}>{t2('fiscalYear')}</label>
      <select
        id={`${id}-fy`}
        value={filter.fiscalYear ?? ''}
        onChange={(e) => onFilter({ ...filter, fiscalYear: e.target.value ? Number(e.target.value) : undefined })}
      >
        <option value="">{t2('all')}</option>
        {choices.fiscalYears.map((fy) => (
          <option key={fy} value={fy}>
            {fiscalYearLabel(fy, lang)}
          </option>
        ))}
      </select>
      <input
        type="search"
        aria-label={t2('search')}
        placeholder={t2('search')}
        value={filter.text ?? ''}
        onChange={(e) => onFilter({ ...filter, text: e.target.value || undefined })}
      />
    </div>
  );
}

/** 取組一覧: one row per 取組 with what a 推進本部 meeting looks at first. */
export function InitiativeList({ items, total, currentFiscalYear, onOpen }: InitiativeListProps) {
  const { t, lang } = useI18n();
  const t2 = (key: string, params?: Record<string, string | number>) => t(`initiatives.${key}`, params);
  if (total === 0) return <p className="bpr-hint">{t2('empty')}</p>;
  return (
    <>
      <p className="bpr-count" role="status">
        {t2('countShown', { shown: items.length, total })}
      </p>
      <table className="bpr-init-table bpr-init-list">
        <thead>
          <tr>
            <th scope="col">{t2('field.title')}</th>
            <th scope="col">{t2('categoryPath')}</th>
            <th scope="col">{t2('field.departments')}</th>
            <th scope="col">{t2('stageIn', { year: fiscalYearLabel(currentFiscalYear, lang) })}</th>
            <th scope="col">{t2('maps')}</th>
            <th scope="col">{t2('field.nextStep')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((i) => {
            const now = i.schedule.find((s) => s.fiscalYear === currentFiscalYear);
            return (
              <tr key={i.id} data-initiative={i.title}>
                <td>
                  <button type="button" className="bpr-init-link" onClick={() => onOpen(i.id)}>
                    {i.title}
                  </button>
                </td>
                <td>{i.categoryPath.join(' ＞ ')}</td>
                <td>{i.departments.join('、')}</td>
                <td>{now ? now.stages.map((s) => t2(`stage.${s}`)).join('・') || now.note : '―'}</td>
                <td>{t2('mapCount', { count: i.attachments.length })}</td>
                <td>{i.nextStep ? t2(`next.${i.nextStep}`) : '―'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}
