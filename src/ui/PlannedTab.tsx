import { useT } from '../i18n';

/** A tab whose feature is not built yet: says what it will hold, shows no invented numbers. */
export function PlannedTab({ feature }: { feature: 'simulation' | 'rpa' | 'initiatives' }) {
  const t = useT();
  return (
    <section className="bpr-planned" aria-labelledby={`planned-${feature}`}>
      <h2 id={`planned-${feature}`}>
        {t(`app.tab.${feature}`)} <span className="bpr-planned-badge">{t('app.planned')}</span>
      </h2>
      <p>{t(`app.planned.${feature}`)}</p>
    </section>
  );
}
