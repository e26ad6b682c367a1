import { describe, expect, it } from 'vitest';
import { featureResources, loadLang, messages, translate } from '../../src/i18n/core';

describe('i18n resources', () => {
  it('given every feature file, when ja and en keys are compared, then each key exists in both languages', () => {
    const features = Object.keys(featureResources);
    expect(features).toEqual(expect.arrayContaining(['app', 'workspace', 'editor']));
    for (const feature of features) {
      const { ja, en } = featureResources[feature];
      const onlyJa = Object.keys(ja)
        .filter((k) => !(k in en))
        .map((k) => `${feature}.${k}`);
      const onlyEn = Object.keys(en)
        .filter((k) => !(k in ja))
        .map((k) => `${feature}.${k}`);
      expect({ onlyJa, onlyEn }).toEqual({ onlyJa: [], onlyEn: [] });
    }
  });

  it('given every message, when its placeholders are listed, then ja and en use the same placeholders', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(messages.ja)) {
      expect({ key, en: placeholders(messages.en[key] ?? '') }).toEqual({ key, en: placeholders(messages.ja[key]) });
    }
  });

  it('given no message is empty, when texts are checked, then every value has visible text', () => {
    for (const lang of ['ja', 'en'] as const) {
      const empty = Object.entries(messages[lang])
        .filter(([, v]) => v.trim() === '')
        .map(([k]) => k);
      expect(empty).toEqual([]);
    }
  });

  it('given a key with params, when translated, then the params are filled in and unknown ones stay visible', () => {
    expect(translate('ja', 'workspace.openLabel', { name: '転入届', kind: 'As-Is' })).toBe('「転入届」（As-Is）を開く');
    expect(translate('en', 'workspace.openLabel', { name: 'Move-in', kind: 'As-Is' })).toBe('Open "Move-in" (As-Is)');
    expect(translate('ja', 'workspace.openLabel', { name: '転入届' })).toBe('「転入届」（{kind}）を開く');
  });

  it('given an unknown key, when translated, then the key itself is shown so the gap is visible', () => {
    expect(translate('en', 'nope.missing')).toBe('nope.missing');
  });

  it('given stored language values, when loaded, then only "en" switches to English', () => {
    expect(loadLang({ getItem: () => 'en' })).toBe('en');
    expect(loadLang({ getItem: () => 'fr' })).toBe('ja');
    expect(loadLang({ getItem: () => null })).toBe('ja');
    expect(loadLang(undefined)).toBe('ja');
  });
});
