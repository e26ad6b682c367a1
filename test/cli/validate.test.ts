import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bpr } from '../support/cli';

const validate = (...files: string[]) => bpr('validate', ...files);

const dir = mkdtempSync(join(tmpdir(), 'bpr-validate-'));
const good = join(dir, 'good.bpmn');
writeFileSync(
  good,
  `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpr="urn:bpr-studio:bpmn:annotations:1.0" id="D" targetNamespace="urn:t">
  <bpmn:collaboration id="C"><bpmn:participant id="Pool" name="市民課" processRef="P"/></bpmn:collaboration>
  <bpmn:process id="P">
    <bpmn:laneSet id="LS"><bpmn:lane id="L1" name="窓口"><bpmn:flowNodeRef>T1</bpmn:flowNodeRef></bpmn:lane></bpmn:laneSet>
    <bpmn:task id="T1" name="本人確認"><bpmn:extensionElements><bpr:step><bpr:staffTime type="fixed" value="-3"/></bpr:step></bpmn:extensionElements></bpmn:task>
    <bpmn:sequenceFlow id="F1" sourceRef="T1" targetRef="Nowhere"/>
  </bpmn:process>
</bpmn:definitions>`,
);
const bad = join(dir, 'bad.bpmn');
writeFileSync(bad, 'this is no xml');

describe('bpr validate', () => {
  it('given a BPMN file, when validated, then it exits 0 and prints counts, warnings and annotation issues in Japanese', async () => {
    const r = await validate(good);
    expect(r.code).toBe(0);
    expect(r.out).toContain('読み込みOK');
    expect(r.out).toContain('プロセス: 1 個、プール: 1 個、レーン: 1 個');
    expect(r.out).toContain('フロー要素: 2 個');
    expect(r.out).toContain('参照先「Nowhere」が見つからない');
    expect(r.out).toContain('「本人確認」(T1)の職員処理時間: 値に負の値は入力できません');
  });

  it('given a file that is not XML, when validated, then it exits 1 with the Japanese reason', async () => {
    const r = await validate(bad);
    expect(r.code).toBe(1);
    expect(r.err).toContain('読み込めません [not-xml] XML ファイルではありません');
  });

  it('given no file, when run, then it prints the usage and exits 2', async () => {
    const r = await validate();
    expect(r.code).toBe(2);
    expect(r.err).toContain('使い方');
  });
});
