import { readFileSync } from 'node:fs';
import { Linter } from 'bpmnlint';
import { describe, expect, it, vi } from 'vitest';
import { parseDiagram } from '../../../src/domain/bpmn/parseDiagram';
import { createResolver, lintConfig } from '../../../src/domain/lint/config';
import { lintDefinitions } from '../../../src/domain/lint/lintDiagram';
import { corpusAvailable, corpusRoot } from '../../support/paths';
import { corpusFiles, shortName } from '../bpmn/corpusFiles';
import { cleanProcess, definitions, end, flow, parse, process, start, task } from './fixtures';

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

/** Same ids and flows in both diagrams: a linter that kept state would call the second one's flows duplicates. */
const twin = (name: string) =>
  definitions(process(start('Start_1') + task('Task_1', name) + end('End_1') + flow('Flow_1', 'Start_1', 'Task_1') + flow('Flow_2', 'Task_1', 'End_1')));

describe('lintDefinitions', () => {
  it('given a clean annotated process, when linted without the DI and label rules, then there are no findings', async () => {
    const found = await lintDefinitions(await parse(cleanProcess()), { rules: { 'no-bpmndi': 'off', 'label-required': 'off' } });
    expect(found).toEqual([]);
  });

  it('given two diagrams with the same ids linted one after the other, when linted, then no false duplicate flows appear', async () => {
    const first = await lintDefinitions(await parse(twin('受付')));
    const second = await lintDefinitions(await parse(twin('受付')));
    expect(first.filter((f) => f.rule === 'no-duplicate-sequence-flows')).toEqual([]);
    expect(second.filter((f) => f.rule === 'no-duplicate-sequence-flows')).toEqual([]);
    expect(second).toEqual(first);
  });

  it('given one Linter reused for both diagrams, when linted, then the duplicate rule misfires (why lintDefinitions builds a new one)', async () => {
    const linter = new Linter({ config: lintConfig, resolver: createResolver() });
    await linter.lint(await parse(twin('受付')));
    const second = await linter.lint(await parse(twin('受付')));
    expect(second['no-duplicate-sequence-flows']?.length ?? 0).toBeGreaterThan(0);
  });

  it('given a real duplicate sequence flow, when linted, then it is an error in Japanese naming the flow', async () => {
    const xml = definitions(
      process(start('Start_1') + task('T1', '受付') + end('End_1') + flow('F1', 'Start_1', 'T1') + flow('F1b', 'Start_1', 'T1') + flow('F2', 'T1', 'End_1')),
    );
    const dup = (await lintDefinitions(await parse(xml))).filter((f) => f.rule === 'no-duplicate-sequence-flows');
    expect(dup.map((f) => f.id)).toEqual(['F1b', 'Start_1', 'T1']);
    expect(dup[0]).toMatchObject({ category: 'error', message: 'シーケンスフロー(F1b) は同じ接続元・接続先・条件のフローと重複しています' });
    expect(dup[2].message).toBe('タスク「受付」(T1) に重複したシーケンスフローが入っています');
  });

  it('given a rule that throws while checking, when linted, then it becomes one error finding and the other rules still run', async () => {
    const boom = () => ({
      check(node: { $type: string }) {
        if (node.$type === 'bpmn:Task') throw new Error('想定外の値');
      },
    });
    const found = await lintDefinitions(await parse(twin('')), { extraRules: { 'test/boom': { factory: boom, category: 'warn' } } });
    const crash = found.filter((f) => f.rule === 'test/boom');
    expect(crash).toEqual([
      { id: 'Defs_1', rule: 'test/boom', category: 'error', message: expect.stringContaining('ルール test/boom の実行中にエラーが発生したため') },
    ]);
    expect(crash[0].message).toContain('想定外の値');
    expect(found.some((f) => f.rule === 'label-required' && f.id === 'Task_1')).toBe(true);
  });

  it('given a rule factory that throws, when linted, then that too is a finding and not an exception', async () => {
    const found = await lintDefinitions(await parse(twin('受付')), {
      extraRules: {
        'test/broken': {
          factory: () => {
            throw new TypeError('設定が壊れています');
          },
        },
      },
    });
    expect(found.filter((f) => f.rule === 'test/broken').map((f) => f.category)).toEqual(['error']);
  });

  it('given a bpmnlint built-in finding, when linted, then its message is Japanese and names the element', async () => {
    const found = await lintDefinitions(await parse(twin('')));
    const label = found.find((f) => f.rule === 'label-required' && f.id === 'Task_1');
    expect(label).toMatchObject({
      id: 'Task_1',
      category: 'warn',
      message: 'タスク(Task_1) に名前がありません（図の上で何のタスクか分かるように名前を付けてください）',
    });
  });
});

describe.runIf(corpusAvailable('bpmnjs'))('lintDefinitions on outside files', () => {
  it('given definitions without any process (bpmn-js empty-definitions.bpmn), when linted, then the crashing global (switched on) and no-bpmndi rules become error findings', async () => {
    const text = readFileSync(`${corpusRoot}/bpmnjs/bpmn-js/test/fixtures/bpmn/empty-definitions.bpmn`, 'utf8');
    const found = await lintDefinitions(await parse(text), { rules: { global: 'warn' } });
    expect(found.map((f) => [f.rule, f.category]).sort()).toEqual([
      ['global', 'error'],
      ['no-bpmndi', 'error'],
    ]);
    expect(found.every((f) => f.id === 'empty-definitions' && f.message.startsWith(`ルール ${f.rule} の実行中にエラー`))).toBe(true);
  });

  it('given every file of the MIWG reference set and the bpmn-js / bpmn-moddle fixtures that parse, when linted, then lint never throws and speaks Japanese', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    const files = corpusFiles('miwg/Reference', 'bpmnjs');
    let linted = 0;
    for (const file of files) {
      const parsed = await parseDiagram(new Uint8Array(readFileSync(file)));
      if (!parsed.ok) continue;
      const found = await lintDefinitions(parsed.definitions);
      linted++;
      for (const f of found) {
        expect(typeof f.id, shortName(file)).toBe('string');
        expect(['error', 'warn']).toContain(f.category);
        expect(f.message, `${shortName(file)} ${f.rule}`).toMatch(JAPANESE);
        // Every bpmnlint message we show has a Japanese text, not "label: English".
        expect(f.message, `${shortName(file)} ${f.rule}`).not.toMatch(/\): [A-Z][a-z]+ /);
      }
    }
    // bpmnlint itself logs a rule crash; our guard means it never gets to.
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
    expect(linted).toBeGreaterThanOrEqual(40);
  });
});
