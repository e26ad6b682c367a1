/** Public i18n entry: pure lookup (`core`) plus the React provider and hooks. */
export * from './core';
export { I18nProvider, useI18n, useT, type I18nValue } from './I18nProvider';
