import { h } from '@bpmn-io/properties-panel/preact';
import './rpaAssessment.css';
import { useEffect, useRef, useState } from '@bpmn-io/properties-panel/preact/hooks';
import { describeStepAssessment, type AssessmentField } from '../../domain/analysis/rpaCandidates';
import { RPA_QUESTIONS } from '../../domain/analysis/rpaScore';
import { laneNameOf } from '../../domain/bpmn/annotationsRead';
import { isA } from '../../domain/bpmn/bprAccess';
import type { Assessment, StepAnnotation } from '../../domain/model/annotations';
import { loadLang, translate, type TParams } from '../../i18n/core';
import { currentStep, editStep, type DiagramShape } from './annotationEdits';
import { numberOrError, numberText } from './entries';
import type { GroupDef, PanelServices } from './stepGroups';

/**
 * The RPA評価 group: the five screening questions, the exception rate and the resulting score, for
 * the steps the RPA ranking considers (tasks and call activities). Unanswered questions show the
 * value the ranking assumes, marked 推定, from the same domain function as the ranking, so the panel
 * and the RPA候補 tab never disagree. Answers go through editStep → modeling.updateModdleProperties,
 * so each change is one undoable command like every other BPR field.
 */

function rt(key: string, params?: TParams): string {
  let storage: Storage | undefined;
  try {
    storage = typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    storage = undefined;
  }
  return translate(loadLang(storage), `rpa.panel.${key}`, params);
}

const oneDecimal = (n: number) => String(Math.round(n * 10) / 10);

/** The assessment with `field` set (or removed); an assessment left empty is dropped entirely. */
export function withAnswer(step: StepAnnotation, field: AssessmentField, value: number | undefined): StepAnnotation {
  const assessment: Assessment = { ...(step.assessment ?? {}) };
  if (value === undefined) delete assessment[field];
  else assessment[field] = value;
  const next = { ...step };
  if (Object.values(assessment).every((v) => v === undefined)) delete next.assessment;
  else next.assessment = assessment;
  return next;
}

interface RpaAssessmentEntryProps {
  id: string;
  element: DiagramShape;
  services: PanelServices;
}

function RpaAssessmentEntry({ id, element, services }: RpaAssessmentEntryProps) {
  const bo = element.businessObject;
  const step = currentStep(bo);
  const defs = services.definitions();
  const lane = defs && bo.id ? laneNameOf(defs, bo.id) : undefined;
  const taskName = typeof bo.name === 'string' && bo.name.trim() ? bo.name.trim() : (bo.id ?? '');
  const view = describeStepAssessment(step, { taskId: bo.id ?? '', taskName, role: step.role ?? lane, lane });
  const stored = step.assessment?.exceptionRate;
  const [exceptionText, setExceptionText] = useState(numberText(stored));
  const [error, setError] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    setExceptionText(numberText(stored));
    setError(null);
  }, [stored, element]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const write = (field: AssessmentField, value: number | undefined) =>
    setError(editStep(services.modeling, services.moddle, element, (a) => withAnswer(a, field, value)));

  const commitException = (text: string) => {
    clearTimeout(timer.current);
    timer.current = undefined;
    const n = numberOrError(text, '例外率');
    if (n.error) return setError(n.error);
    if (n.value === stored) return setError(null);
    write('exceptionRate', n.value);
  };

  const fieldOf = (f: AssessmentField) => view.fields.find((x) => x.field === f)!;
  const question = (q: (typeof RPA_QUESTIONS)[number]) => {
    const f = fieldOf(q);
    const selectId = `bio-properties-panel-${id}-${q}`;
    const answered = step.assessment?.[q];
    return h(
      'div',
      { class: 'bio-properties-panel-select bpr-rpa-question', key: q },
      h('label', { for: selectId, class: 'bio-properties-panel-label' }, rt(`q.${q}`)),
      h(
        'select',
        {
          id: selectId,
          name: `bpr-rpa-${q}`,
          class: `bio-properties-panel-input${f.estimated ? ' bpr-rpa-estimated' : ''}`,
          value: answered === undefined ? '' : String(answered),
          onChange: (e: Event) => {
            const v = (e.target as HTMLSelectElement).value;
            write(q, v === '' ? undefined : Number(v));
          },
        },
        h('option', { value: '' }, rt('unanswered', { value: f.value })),
        [1, 2, 3, 4, 5].map((v) =>
          h('option', { value: String(v), key: v }, v === 1 ? rt('low', { value: v }) : v === 5 ? rt('high', { value: v }) : String(v)),
        ),
      ),
      h('div', { class: 'bio-properties-panel-description bpr-hint' }, rt(`hint.${q}`)),
      f.estimated && f.note ? h('div', { class: 'bio-properties-panel-description bpr-rpa-note' }, rt('estimatedNote', { note: f.note })) : null,
    );
  };

  const exceptionField = fieldOf('exceptionRate');
  const exceptionId = `bio-properties-panel-${id}-exceptionRate`;
  const score = view.score;

  return h(
    'div',
    { class: 'bio-properties-panel-entry bpr-rpa-panel', 'data-entry-id': id },
    view.excludedMessage ? h('div', { class: 'bio-properties-panel-description bpr-rpa-excluded' }, rt('excluded', { message: view.excludedMessage })) : null,
    RPA_QUESTIONS.map(question),
    h(
      'div',
      { class: 'bio-properties-panel-textfield' },
      h('label', { for: exceptionId, class: 'bio-properties-panel-label' }, rt('exceptionRate')),
      h('input', {
        id: exceptionId,
        name: 'bpr-rpa-exceptionRate',
        class: `bio-properties-panel-input${exceptionField.estimated ? ' bpr-rpa-estimated' : ''}`,
        type: 'text',
        inputMode: 'decimal',
        autoComplete: 'off',
        placeholder: rt('exceptionPlaceholder', { value: exceptionField.value }),
        value: exceptionText,
        onInput: (e: Event) => {
          const text = (e.target as HTMLInputElement).value;
          setExceptionText(text);
          clearTimeout(timer.current);
          timer.current = setTimeout(() => commitException(text), 500);
        },
        onBlur: () => timer.current !== undefined && commitException(exceptionText),
        onKeyDown: (e: KeyboardEvent) => e.key === 'Enter' && commitException(exceptionText),
      }),
      h('div', { class: 'bio-properties-panel-description bpr-hint' }, rt('exceptionHint')),
      exceptionField.estimated && exceptionField.note
        ? h('div', { class: 'bio-properties-panel-description bpr-rpa-note' }, rt('estimatedNote', { note: exceptionField.note }))
        : null,
    ),
    error ? h('div', { class: 'bio-properties-panel-error', role: 'alert' }, error) : null,
    h(
      'div',
      { class: 'bio-properties-panel-description bpr-rpa-systems' },
      `${rt('systems')}: `,
      step.systems === undefined ? rt('systemsUnset') : rt('systemsValue', { count: view.systems }),
    ),
    h(
      'dl',
      { class: 'bpr-rpa-score', 'aria-live': 'polite', 'data-testid': 'rpa-panel-score' },
      h('dt', null, rt('score')),
      h('dd', { 'data-field': 'score' }, rt('points', { value: oneDecimal(score.suitability) })),
      h('dt', null, rt('potential')),
      h('dd', { 'data-field': 'potential' }, rt('percent', { value: oneDecimal(score.automationPotential * 100) })),
      h('dt', null, rt('ease')),
      h('dd', { 'data-field': 'ease' }, rt('points', { value: oneDecimal(score.ease) })),
    ),
    h('div', { class: 'bio-properties-panel-description bpr-rpa-status' }, view.assessed ? rt('assessed') : `${view.label}・${rt('estimatedBadge')}`),
    h('details', { class: 'bpr-rpa-formula' }, h('summary', null, rt('formula')), h('p', null, rt('formulaText'))),
  );
}

/** Groups for the selected element; empty unless it is a step the ranking considers. */
export function rpaAssessmentGroups(element: DiagramShape, services: PanelServices): GroupDef[] {
  const bo = element.businessObject;
  if (!isA(bo, 'bpmn:Task') && !isA(bo, 'bpmn:CallActivity')) return [];
  return [
    {
      id: 'bpr-rpa',
      label: rt('group'),
      shouldOpen: true,
      entries: [{ id: 'bpr-rpa-assessment', component: RpaAssessmentEntry, element, services }],
    },
  ];
}
