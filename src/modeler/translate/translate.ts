import { bpmnJsJa } from '../../i18n/bpmnjs.ja';
import { modelerLanguage } from './language';

/** Replaces bpmn-js's `translate(template, replacements)` service. */
export function translate(template: string, replacements?: Record<string, string>): string {
  const text = modelerLanguage() === 'ja' ? (bpmnJsJa[template] ?? template) : template;
  return text.replace(/{([^}]+)}/g, (whole, key: string) => (replacements && key in replacements ? replacements[key] : whole));
}
