import { useT } from '../../i18n';
import './inputRange.css';

/**
 * 想定の幅 beside a figure's 95 % interval, and the one sentence telling the two apart. Kept apart from
 * the cards that use them so each view adds one line.
 */

export function InputRangeText({ text }: { text: string | null | undefined }) {
  if (!text) return null;
  return (
    <span className="bpr-input-range" data-testid="input-range">
      {text}
    </span>
  );
}

export function InputRangeExplainer({ show = true }: { show?: boolean }) {
  const t = useT();
  if (!show) return null;
  return (
    <p className="bpr-input-range-note" data-testid="input-range-note">
      {t('inputRange.explain')}
    </p>
  );
}
