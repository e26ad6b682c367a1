import type { Lang } from '../../i18n';

/** Date and time in the user's language, e.g. 2025/04/01 9:30 or Apr 1, 2025, 9:30 AM. */
export function formatDateTime(iso: string, lang: Lang, withSeconds = false): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(lang === 'ja' ? 'ja-JP' : 'en-US', {
    dateStyle: 'medium',
    timeStyle: withSeconds ? 'medium' : 'short',
  }).format(date);
}
