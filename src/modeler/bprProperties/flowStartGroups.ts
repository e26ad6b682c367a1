import { h } from '@bpmn-io/properties-panel/preact';
import { useEffect, useState } from '@bpmn-io/properties-panel/preact/hooks';
import { arrivalsSchema, describeIssues, type Arrivals } from '../../domain/model/annotations';
import { probabilityOf, rawArrivals } from '../../domain/bpmn/annotationsRead';
import { AnnotationValidationError, arrivalsUpdate, flowUpdate } from '../../domain/bpmn/annotationsWrite';
import { isA, type ModdleElement } from '../../domain/bpmn/bprAccess';
import { availableCalendars, currentSettings, type DiagramShape } from './annotationEdits';
import { numberOrError, numberText, selectEntry, textEntry } from './entries';
import type { GroupDef, PanelServices } from './stepGroups';
import { tr } from './text';

/** Outgoing flows of an exclusive, event-based or inclusive gateway carry a branch probability (model/branchProbabilities.ts). */
export function isBranchFlow(bo: ModdleElement): boolean {
  const source = bo.sourceRef as ModdleElement | undefined;
  return (
    isA(bo, 'bpmn:SequenceFlow') && (isA(source, 'bpmn:ExclusiveGateway') || isA(source, 'bpmn:InclusiveGateway') || isA(source, 'bpmn:EventBasedGateway'))
  );
}

export function flowGroups(element: DiagramShape, s: PanelServices): GroupDef[] {
  const bo = element.businessObject;
  const gateway = bo.sourceRef as ModdleElement;
  const siblings = ((gateway.outgoing as ModdleElement[] | undefined) ?? []).filter(Boolean);
  const sum = siblings.reduce((acc, f) => acc + (probabilityOf(f) ?? 0), 0);
  const write = (text: string) => {
    const v = numberOrError(text, '分岐確率').value;
    const u = flowUpdate(bo, v === undefined ? undefined : { probability: v });
    s.modeling.updateModdleProperties(element, u.target, u.properties);
  };
  return [
    {
      id: 'bpr-flow',
      label: tr('group.flow'),
      shouldOpen: true,
      entries: [
        textEntry(
          {
            id: 'bpr-probability',
            label: tr('flow.probability'),
            description: tr(isA(gateway, 'bpmn:InclusiveGateway') ? 'flow.inclusiveRule' : 'flow.sum', { sum: numberText(Math.round(sum * 10) / 10) }),
            get: () => numberText(probabilityOf(bo)),
            check: (text) => {
              const n = numberOrError(text, '分岐確率');
              if (n.error) return n.error;
              try {
                flowUpdate(bo, n.value === undefined ? undefined : { probability: n.value });
                return null;
              } catch (e) {
                if (e instanceof AnnotationValidationError) return e.issues[0]?.message.replace(/^.*?: /, '') ?? e.message;
                throw e;
              }
            },
            put: write,
          },
          s.debounce,
        ),
      ],
    },
  ];
}

function currentArrivals(bo: ModdleElement): Arrivals {
  return (rawArrivals(bo) ?? {}) as Arrivals;
}

/** Validates the whole arrivals record and writes it; returns the message or null. */
function editArrivals(element: DiagramShape, s: PanelServices, change: (a: Arrivals) => Arrivals): string | null {
  const bo = element.businessObject;
  const next = change(currentArrivals(bo));
  for (const k of Object.keys(next) as (keyof Arrivals)[]) if (next[k] === undefined) delete next[k];
  const r = arrivalsSchema.safeParse(next);
  if (!r.success) return r.error.issues[0]?.message ?? describeIssues(bo.id ?? '', bo.name as string, r.error)[0].message;
  if (JSON.stringify(r.data) === JSON.stringify(rawArrivals(bo) ?? {})) return null;
  const u = arrivalsUpdate(s.moddle, bo, Object.keys(r.data).length ? r.data : undefined);
  if (Object.keys(u.properties).length) s.modeling.updateModdleProperties(element, u.target, u.properties);
  return null;
}

interface SeasonalityProps {
  id: string;
  element: unknown;
  getStored(): number[] | undefined;
  write(weights: number[] | undefined): string | null;
}

/** Twelve month inputs; written together when all twelve are numbers, or cleared when all empty. */
function SeasonalityEntry(props: SeasonalityProps) {
  const stored = props.getStored();
  const key = JSON.stringify(stored ?? null);
  const toTexts = () => Array.from({ length: 12 }, (_, i) => (stored ? numberText(stored[i]) : ''));
  const [texts, setTexts] = useState<string[]>(toTexts());
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setTexts(toTexts());
    setError(null);
  }, [key, props.element]);
  const commit = (next: string[]) => {
    if (next.every((t) => t.trim() === '')) {
      setError(stored ? props.write(undefined) : null);
      return;
    }
    if (next.some((t) => t.trim() === '')) return;
    const values: number[] = [];
    for (const t of next) {
      const n = numberOrError(t, '月別の重み');
      if (n.error) return setError(n.error);
      values.push(n.value!);
    }
    setError(props.write(values));
  };
  return h(
    'div',
    { class: `bio-properties-panel-entry bpr-seasonality${error ? ' has-error' : ''}`, 'data-entry-id': props.id },
    h('label', { class: 'bio-properties-panel-label' }, tr('arrivals.seasonality')),
    h(
      'div',
      { class: 'bpr-month-grid' },
      texts.map((t, i) =>
        h(
          'label',
          { class: 'bpr-month', key: i },
          h('span', null, tr('arrivals.month', { month: i + 1 })),
          h('input', {
            class: 'bio-properties-panel-input',
            name: `${props.id}-${i + 1}`,
            inputMode: 'decimal',
            value: t,
            onInput: (e: Event) => {
              const next = [...texts];
              next[i] = (e.target as HTMLInputElement).value;
              setTexts(next);
            },
            onBlur: () => commit(texts),
          }),
        ),
      ),
    ),
    error
      ? h('div', { class: 'bio-properties-panel-error', role: 'alert' }, error)
      : h('div', { class: 'bio-properties-panel-description' }, tr('arrivals.seasonalityHint')),
  );
}

export function startGroups(element: DiagramShape, s: PanelServices, root: ModdleElement | undefined): GroupDef[] {
  const bo = element.businessObject;
  const calendars = availableCalendars(currentSettings(root ?? ({} as ModdleElement)));
  return [
    {
      id: 'bpr-arrivals',
      label: tr('group.arrivals'),
      shouldOpen: true,
      entries: [
        textEntry(
          {
            id: 'bpr-annualVolume',
            label: tr('arrivals.annualVolume'),
            get: () => numberText(currentArrivals(bo).annualVolume),
            check: (text) => {
              const n = numberOrError(text, '年間件数');
              if (n.error) return n.error;
              const r = arrivalsSchema.safeParse({ ...currentArrivals(bo), annualVolume: n.value });
              return r.success ? null : (r.error.issues[0]?.message ?? null);
            },
            put: (text) => void editArrivals(element, s, (a) => ({ ...a, annualVolume: numberOrError(text, '年間件数').value })),
          },
          s.debounce,
        ),
        {
          id: 'bpr-seasonality',
          component: SeasonalityEntry,
          getStored: () => currentArrivals(bo).seasonality,
          write: (w: number[] | undefined) => editArrivals(element, s, (a) => ({ ...a, seasonality: w })),
        },
        selectEntry({
          id: 'bpr-arrivals-calendar',
          label: tr('arrivals.calendar'),
          options: calendars.map((c) => ({ value: c.id, label: c.name ?? c.id })),
          get: () => currentArrivals(bo).calendar ?? 'office',
          put: (v) => void editArrivals(element, s, (a) => ({ ...a, calendar: v })),
        }),
      ],
    },
  ];
}
