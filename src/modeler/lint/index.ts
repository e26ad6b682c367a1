import lintingModule from 'bpmn-js-bpmnlint';
import 'bpmn-js-bpmnlint/dist/assets/css/bpmn-js-bpmnlint.css';
import { loadLang } from '../../i18n/core';
import { lintConfig, lintResolver } from '../../domain/lint/config';

/**
 * Live lint in the modeler: bpmn-js-bpmnlint running the very rule set and resolver the CLI uses
 * (src/domain/lint/config.ts), so a diagram shows the same findings in both. The rules come
 * wrapped by guardRule, so a rule that throws shows up as one finding instead of breaking the
 * lint on every edit; bpmn-js-bpmnlint builds a fresh Linter per run, so no state leaks between
 * diagrams. Findings are Japanese already; only the plugin's own button texts are translated here.
 */

export const lintingOptions = {
  bpmnlint: { config: lintConfig, resolver: lintResolver },
  active: true,
};

const UI_TEXT: Record<'ja' | 'en', Record<string, string>> = {
  ja: {
    'Toggle linting overlays': '検査結果の表示を切り替える',
    '{errors} Errors, {warnings} Warnings': 'エラー {errors} 件、警告 {warnings} 件',
    'No Issues': '問題なし',
    'Issues for child elements': '内部の要素の問題',
  },
  en: {},
};

type Translate = (template: string, replacements?: Record<string, string>) => string;

function currentLang(): 'ja' | 'en' {
  try {
    return loadLang(typeof localStorage === 'undefined' ? undefined : localStorage);
  } catch {
    return 'ja';
  }
}

// The plugin's Linting service, re-registered with a translate that knows its few UI strings, so
// the app's global translate service stays untouched.
const [, Linting] = (lintingModule as { linting: [string, new (...args: unknown[]) => object] }).linting;

function BprLinting(
  this: object,
  bpmnjs: unknown,
  canvas: unknown,
  config: unknown,
  elementRegistry: unknown,
  eventBus: unknown,
  overlays: unknown,
  translate: Translate,
) {
  const lintTranslate: Translate = (template, replacements) => translate(UI_TEXT[currentLang()][template] ?? template, replacements);
  Linting.call(this, bpmnjs, canvas, config, elementRegistry, eventBus, overlays, lintTranslate);
}
BprLinting.prototype = Object.create(Linting.prototype);
BprLinting.prototype.constructor = BprLinting;
BprLinting.$inject = (Linting as unknown as { $inject: string[] }).$inject;

export default {
  __depends__: [lintingModule],
  linting: ['type', BprLinting],
};
