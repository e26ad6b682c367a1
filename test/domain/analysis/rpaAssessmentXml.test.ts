import { describe, expect, it } from 'vitest';
import { readDiagramAnnotations, readStep } from '../../../src/domain/bpmn/annotationsRead';
import { AnnotationValidationError, applyUpdate, stepUpdate } from '../../../src/domain/bpmn/annotationsWrite';
import { parseDiagram, serializeDiagram, type ParsedDiagram } from '../../../src/domain/bpmn/parseDiagram';
import { stepAnnotationSchema } from '../../../src/domain/model/annotations';
import { fixtureXml } from './rpaFixtures';

async function load(xml: string): Promise<ParsedDiagram> {
  const r = await parseDiagram(xml);
  if (!r.ok) throw new Error(r.error.message);
  return r;
}

const ASSESSED = fixtureXml({
  id: 'P1',
  tasks: [
    {
      id: 'Task_1',
      name: '手入力',
      attrs: 'role="入力担当" paperSheets="1" systems="1"',
      staff: 5,
      assessment: 'ruleBased="5" digitalInput="2" structuredInput="5" stability="4" documented="4" exceptionRate="10"',
    },
  ],
});

describe('bpr:assessment in the .bpmn', () => {
  it('given a step with bpr:assessment, when read, then the answers sit beside the other step fields', async () => {
    const d = await load(ASSESSED);
    const step = readStep(d.elementsById.Task_1);
    expect(step).toEqual({
      staffTime: { type: 'fixed', value: 5 },
      role: '入力担当',
      paperSheets: 1,
      systems: 1,
      assessment: { ruleBased: 5, digitalInput: 2, structuredInput: 5, stability: 4, documented: 4, exceptionRate: 10 },
    });
  });

  it('given an assessment written through stepUpdate, when saved and reopened, then it round-trips and other fields stay', async () => {
    const d = await load(fixtureXml({ id: 'P1', tasks: [{ id: 'Task_1', name: '手入力', attrs: 'role="入力担当" paperSheets="2"', staff: 5 }] }));
    const bo = d.elementsById.Task_1;
    const current = readStep(bo)!;
    applyUpdate(stepUpdate(d.moddle, bo, { ...current, assessment: { ruleBased: 4, exceptionRate: 25.5 } }));
    const xml = await serializeDiagram(d.definitions);
    expect(xml).toMatch(/<bpr:assessment ruleBased="4" exceptionRate="25.5"\s*\/>/);
    const again = await load(xml);
    expect(readStep(again.elementsById.Task_1)).toEqual({ ...current, assessment: { ruleBased: 4, exceptionRate: 25.5 } });

    applyUpdate(stepUpdate(again.moddle, again.elementsById.Task_1, current));
    expect(await serializeDiagram(again.definitions)).not.toContain('bpr:assessment');
  });

  it('given answers outside 1–5 or a fraction, when written, then it is refused with a Japanese message naming the step and question', async () => {
    const d = await load(ASSESSED);
    const bo = d.elementsById.Task_1;
    const attempt = (assessment: object) => () => stepUpdate(d.moddle, bo, { ...readStep(bo)!, assessment });
    expect(attempt({ ruleBased: 6 })).toThrowError(AnnotationValidationError);
    expect(attempt({ ruleBased: 6 })).toThrowError('「手入力」(Task_1)のRPA評価: 判断の定型性は1〜5の整数で入力してください');
    expect(attempt({ documented: 2.5 })).toThrowError('手順の文書化は1〜5の整数で入力してください');
    expect(attempt({ exceptionRate: 120 })).toThrowError('例外率は0〜100%の範囲で入力してください');
  });

  it('given an invalid assessment in a file, when the diagram is read, then the issue names the step and the step is left out', async () => {
    const d = await load(ASSESSED.replace('ruleBased="5"', 'ruleBased="9"'));
    const { annotations, issues } = readDiagramAnnotations(d.definitions);
    expect(annotations.steps.Task_1).toBeUndefined();
    expect(issues.map((i) => i.message)).toContain('「手入力」(Task_1)のRPA評価: 判断の定型性は1〜5の整数で入力してください');
  });

  it('given the schema, when an empty assessment is parsed, then it is accepted (every answer optional)', () => {
    expect(stepAnnotationSchema.safeParse({ assessment: {} }).success).toBe(true);
  });
});
