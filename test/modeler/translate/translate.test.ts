import { afterEach, describe, expect, it } from 'vitest';
import { setModelerLanguage } from '../../../src/modeler/translate/language';
import { translate } from '../../../src/modeler/translate/translate';

describe('bpmn-js translate service', () => {
  afterEach(() => setModelerLanguage('ja'));

  it('given Japanese, when a palette string is translated, then the Japanese text comes back', () => {
    setModelerLanguage('ja');
    expect(translate('Create task')).toBe('タスク（工程）を作成');
    expect(translate('Open {element}', { element: '審査' })).toBe('審査 を開く');
    // The panel header names the element type in title case.
    expect(translate('User Task')).toBe('ユーザータスク');
    expect(translate('Collaboration')).toBe('コラボレーション');
  });

  it('given English, when translated, then the template is kept with replacements filled in', () => {
    setModelerLanguage('en');
    expect(translate('Create task')).toBe('Create task');
    expect(translate('Open {element}', { element: 'Review' })).toBe('Open Review');
  });

  it('given a string without a translation, when translated, then it stays as it is', () => {
    expect(translate('Some new bpmn-js string')).toBe('Some new bpmn-js string');
  });
});
