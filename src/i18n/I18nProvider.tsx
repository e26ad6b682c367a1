import { setModelerLanguage } from '../modeler/translate/language';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { LANG_STORAGE_KEY, loadLang, translate, type Lang, type TParams } from './core';

export interface I18nValue {
  lang: Lang;
  setLang(lang: Lang): void;
  t(key: string, params?: TParams): string;
}

const I18nContext = createContext<I18nValue>({
  lang: 'ja',
  setLang: () => undefined,
  t: (key, params) => translate('ja', key, params),
});

function browserStorage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    // Some privacy modes throw on access; the UI still works in Japanese.
    return undefined;
  }
}

export function I18nProvider({ children, initialLang }: { children: ReactNode; initialLang?: Lang }) {
  const [lang, setLangState] = useState<Lang>(() => initialLang ?? loadLang(browserStorage()));

  // bpmn-js reads the language through its translate service (src/modeler/translate) while rendering.
  setModelerLanguage(lang);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      browserStorage()?.setItem(LANG_STORAGE_KEY, next);
    } catch {
      // Not persisting the choice is acceptable when storage is unavailable.
    }
  }, []);

  const value = useMemo<I18nValue>(() => ({ lang, setLang, t: (key, params) => translate(lang, key, params) }), [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  return useContext(I18nContext);
}

export function useT(): I18nValue['t'] {
  return useContext(I18nContext).t;
}
