import { readStep } from '../../bpmn/annotationsRead';
import { applyUpdate, stepUpdate } from '../../bpmn/annotationsWrite';
import { parseDiagram, serializeDiagram } from '../../bpmn/parseDiagram';
import { elementLabel, type Assessment } from '../../model/annotations';

/**
 * The RPA候補 questionnaire's answers written into the step's bpr:assessment, beside what the workshop
 * entered before (the properties panel's full screening): an answer given replaces that field only.
 * The step annotation's schema checks the answers, so a bad one is refused naming the step.
 */
export class AnswerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AnswerError';
  }
}

export async function writeAssessmentAnswers(xml: string, taskId: string, answers: Assessment): Promise<string> {
  const parsed = await parseDiagram(xml);
  if (!parsed.ok) throw new AnswerError(`図を読み込めません: ${parsed.error.message}`);
  const bo = parsed.elementsById[taskId];
  if (!bo) throw new AnswerError(`作業 ${taskId} が図にありません。別のタブで削除された可能性があります。`);
  const current = readStep(bo);
  if (current === undefined) throw new AnswerError(`${elementLabel(taskId, bo.name as string | undefined)} には作業の情報（bpr:step）がありません`);
  const given = Object.fromEntries(Object.entries(answers).filter(([, v]) => v !== undefined)) as Assessment;
  // stepUpdate validates the whole step and throws AnnotationValidationError naming the step and question.
  applyUpdate(stepUpdate(parsed.moddle, bo, { ...current, assessment: { ...(current.assessment ?? {}), ...given } }));
  return serializeDiagram(parsed.definitions);
}
