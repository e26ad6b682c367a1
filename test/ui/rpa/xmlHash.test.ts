import { describe, expect, it } from 'vitest';
import { xmlHash } from '../../../src/ui/rpa/xmlHash';

describe('xmlHash', () => {
  it('given the same text, when hashed twice, then the key is the same; one changed character gives another key', () => {
    const xml = '<bpmn:task id="T1" name="入力"/>';
    expect(xmlHash(xml)).toBe(xmlHash(`${xml}`));
    expect(xmlHash(xml)).not.toBe(xmlHash(xml.replace('入力', '出力')));
    expect(xmlHash('')).toMatch(/^[0-9a-z]+-0$/);
  });
});
