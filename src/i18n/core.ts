/**
 * Translations. Each feature keeps its own `resources/<feature>.ts` exporting `{ ja, en }` with flat
 * keys; keys are addressed as `<feature>.<key>` (e.g. `workspace.create`) so files never collide and a
 * new feature adds a file without editing this one.
 */
export type Lang = 'ja' | 'en';
export const LANGS: readonly Lang[] = ['ja', 'en'];
export type Messages = Record<string, string>;
export interface FeatureResources {
  ja: Messages;
  en: Messages;
}
export type TParams = Record<string, string | number>;

const modules = import.meta.glob<FeatureResources>('./resources/*.ts', { eager: true, import: 'default' });

function featureName(path: string): string {
  return path.replace(/^.*\//, '').replace(/\.ts$/, '');
}

/** All resource files as `{ feature → { ja, en } }`; exposed for the key-parity test. */
export const featureResources: Record<string, FeatureResources> = Object.fromEntries(Object.entries(modules).map(([path, res]) => [featureName(path), res]));

function flatten(lang: Lang): Messages {
  const out: Messages = {};
  for (const [feature, res] of Object.entries(featureResources)) {
    for (const [key, value] of Object.entries(res[lang] ?? {})) out[`${feature}.${key}`] = value;
  }
  return out;
}

export const messages: Record<Lang, Messages> = { ja: flatten('ja'), en: flatten('en') };

/** Looks the key up, falls back to Japanese, then to the key itself so a missing text is visible. */
export function translate(lang: Lang, key: string, params?: TParams): string {
  const template = messages[lang][key] ?? messages.ja[key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole));
}

export const LANG_STORAGE_KEY = 'bpr-studio.lang';

export function loadLang(storage: Pick<Storage, 'getItem'> | undefined): Lang {
  const stored = storage?.getItem(LANG_STORAGE_KEY);
  return stored === 'en' ? 'en' : 'ja';
}
