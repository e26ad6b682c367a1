/**
 * The language bpmn-js speaks follows the app's toggle. bpmn-js translates while it renders palette,
 * context pad and panel, so a getter read at that moment is enough; the editor redraws on a switch.
 */
export type ModelerLanguage = 'ja' | 'en';

let current: ModelerLanguage = 'ja';

export function setModelerLanguage(lang: ModelerLanguage): void {
  current = lang;
}

export function modelerLanguage(): ModelerLanguage {
  return current;
}
