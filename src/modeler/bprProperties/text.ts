import { loadLang, translate, type TParams } from '../../i18n/core';

/**
 * Text for the modeler modules, which live outside React's i18n context: the language is read
 * when the text is built, so a panel or badge redrawn after a language switch follows it.
 */
export function tr(key: string, params?: TParams): string {
  let storage: Storage | undefined;
  try {
    storage = typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    storage = undefined;
  }
  return translate(loadLang(storage), `annotations.${key}`, params);
}
