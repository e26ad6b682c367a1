import { Linter } from 'bpmnlint';
import { describe, expect, it } from 'vitest';
import { lintConfig, lintResolver, ruleKey } from '../../../src/domain/lint/config';
import { definitions, end, flow, parse, process, start, task } from './fixtures';

describe('the shared lint config and resolver (what the modeler hands bpmn-js-bpmnlint)', () => {
  it('given bpmnlint package names, when mapped, then plugin and built-in rules get their report names', () => {
    expect(ruleKey('bpmnlint', 'no-disconnected')).toBe('no-disconnected');
    expect(ruleKey('bpmnlint-plugin-bpr', 'task-has-time')).toBe('bpr/task-has-time');
    expect(ruleKey('@city/bpmnlint-plugin-x', 'y')).toBe('@city/x/y');
  });

  it('given the config, when a Linter is built the way bpmn-js-bpmnlint does, then every enabled rule resolves and reports in Japanese', async () => {
    const xml = definitions(process(start('Start_1', null) + task('T1', '受付', {}) + end('End_1') + flow('F1', 'Start_1', 'T1') + flow('F2', 'T1', 'End_1')));
    const results = await new Linter({ config: lintConfig, resolver: lintResolver }).lint(await parse(xml));
    const enabled = Object.entries(lintConfig.rules)
      .filter(([, c]) => c !== 'off')
      .map(([name]) => name);
    expect(Object.keys(results).every((rule) => enabled.includes(rule))).toBe(true);
    expect(results['bpr/task-has-time']?.map((r) => r.message)).toEqual(['「受付」(T1) の職員処理時間が未入力です']);
    expect(results['bpr/start-has-volume']?.[0]).toMatchObject({ id: 'Start_1', category: 'error' });
  });

  it('given an empty collapsed sub-process and an empty black-box process, when linted, then no start or end event is demanded of them', async () => {
    const xml = definitions(
      `<bpmn:collaboration id="C"><bpmn:participant id="Pool" name="市民課" processRef="Process_1"/><bpmn:participant id="Other" name="他課" processRef="Empty"/></bpmn:collaboration>` +
        process(start('Start_1') + `<bpmn:subProcess id="Sub" name="審査"/>` + end('End_1') + flow('F1', 'Start_1', 'Sub') + flow('F2', 'Sub', 'End_1')) +
        `<bpmn:process id="Empty"/>`,
    );
    const results = await new Linter({ config: lintConfig, resolver: lintResolver }).lint(await parse(xml));
    expect(results['start-event-required']).toBeUndefined();
    expect(results['end-event-required']).toBeUndefined();
    // The collapsed sub-process is still a step that needs its time.
    expect(results['bpr/task-has-time']?.map((r) => r.id)).toEqual(['Sub']);
  });
});
