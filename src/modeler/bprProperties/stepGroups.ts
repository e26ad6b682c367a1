import type { BpmnModdle } from 'bpmn-moddle';
import { AUTOMATION_KINDS, distributionMean, type Distribution, type StepAnnotation } from '../../domain/model/annotations';
import { laneNameOf } from '../../domain/bpmn/annotationsRead';
import type { ModdleElement } from '../../domain/bpmn/bprAccess';
import { formatNumber } from '../../domain/model/numbers';
import { currentStep, editStep, planStepEdit, type DiagramShape, type Modeling } from './annotationEdits';
import { DistributionEntry } from './DistributionEntry';
import { numberOrError, numberText, selectEntry, textEntry, type Debounce, type EntryDef } from './entries';
import { tr } from './text';

export interface PanelServices {
  modeling: Modeling;
  moddle: BpmnModdle;
  definitions(): ModdleElement | undefined;
  debounce: Debounce | undefined;
}

export interface GroupDef {
  id: string;
  label: string;
  entries?: EntryDef[];
  [prop: string]: unknown;
}

/** Groups for a task, call activity or sub-process. */
export function stepGroups(element: DiagramShape, s: PanelServices): GroupDef[] {
  const bo = element.businessObject;
  const step = () => currentStep(bo);
  const edit = (change: (a: StepAnnotation) => StepAnnotation) => editStep(s.modeling, s.moddle, element, change);
  /** What writing would say, without writing: the text field shows it as it is typed. */
  const check = (change: (a: StepAnnotation) => StepAnnotation): string | null => {
    const plan = planStepEdit(s.moddle, bo, change(step()));
    return plan.ok ? null : plan.message;
  };
  const setField =
    <K extends keyof StepAnnotation>(key: K, value: StepAnnotation[K] | undefined) =>
    (a: StepAnnotation) => {
      const next = { ...a };
      if (value === undefined) delete next[key];
      else next[key] = value;
      return next;
    };
  const numberField = (key: 'paperSheets' | 'systems' | 'costPerCase', id: string, label: string, plainLabel: string, description?: string) =>
    textEntry(
      {
        id,
        label,
        description,
        get: () => numberText(step()[key]),
        check: (text) => {
          const n = numberOrError(text, plainLabel);
          return n.error ?? check(setField(key, n.value));
        },
        put: (text) => void edit(setField(key, numberOrError(text, plainLabel).value)),
      },
      s.debounce,
    );

  const staff: GroupDef = {
    id: 'bpr-staff',
    label: tr('group.staff'),
    shouldOpen: true,
    entries: [
      {
        id: 'bpr-staffTime',
        component: DistributionEntry,
        unitLabel: tr('unit.minutes'),
        getStored: () => step().staffTime as Record<string, unknown> | undefined,
        write: (d: Distribution | undefined) => edit(setField('staffTime', d)),
      },
    ],
  };

  const resident = step().residentTime;
  const lag = step().lag;
  const residentGroup: GroupDef = {
    id: 'bpr-resident',
    label: tr('group.resident'),
    shouldOpen: true,
    entries: [
      textEntry(
        {
          id: 'bpr-residentTime',
          label: tr('resident.label'),
          description:
            resident && resident.type !== 'fixed'
              ? tr('resident.nonFixed', { type: tr(`dist.${resident.type}`), mean: formatNumber(distributionMean(resident)) })
              : undefined,
          get: () => {
            const r = step().residentTime;
            return r?.type === 'fixed' ? numberText(r.value) : '';
          },
          check: (text) => {
            const n = numberOrError(text, tr('resident.label'));
            return n.error ?? check(setField('residentTime', n.value === undefined ? undefined : { type: 'fixed', value: n.value }));
          },
          put: (text) => {
            const v = numberOrError(text, tr('resident.label')).value;
            edit(setField('residentTime', v === undefined ? undefined : { type: 'fixed', value: v }));
          },
        },
        s.debounce,
      ),
      textEntry(
        {
          id: 'bpr-lag',
          label: `${tr('lag.value')} (${tr(`unit.${lag?.unit ?? 'businessDays'}`)})`,
          get: () => {
            const l = step().lag;
            return l?.distribution.type === 'fixed'
              ? numberText(l.distribution.value)
              : l
                ? formatNumber(distributionMean(l.distribution as Distribution))
                : '';
          },
          check: (text) => numberOrError(text, tr('lag.value')).error ?? null,
          put: (text) => {
            const v = numberOrError(text, tr('lag.value')).value;
            edit((a) =>
              setField(
                'lag',
                v === undefined
                  ? undefined
                  : { distribution: { type: 'fixed', value: v }, unit: a.lag?.unit ?? 'businessDays', ...(a.lag?.reason ? { reason: a.lag.reason } : {}) },
              )(a),
            );
          },
        },
        s.debounce,
      ),
      selectEntry({
        id: 'bpr-lag-unit',
        label: tr('lag.unit'),
        options: [
          { value: 'businessDays', label: tr('unit.businessDays') },
          { value: 'minutes', label: tr('unit.minutes') },
        ],
        get: () => step().lag?.unit ?? 'businessDays',
        // A unit alone means nothing; it is stored with the value, or kept for when one is typed.
        put: (unit) => {
          if (!step().lag) return;
          edit((a) => setField('lag', { ...a.lag!, unit: unit as 'businessDays' | 'minutes' })(a));
        },
      }),
      textEntry(
        {
          id: 'bpr-lag-reason',
          label: tr('lag.reason'),
          placeholder: tr('lag.reasonPlaceholder'),
          get: () => step().lag?.reason ?? '',
          check: (text) =>
            step().lag || text.trim() === '' ? check((a) => setField('lag', a.lag ? { ...a.lag, reason: text.trim() || undefined } : undefined)(a)) : null,
          put: (text) => {
            if (!step().lag) return;
            edit((a) => {
              const l = { ...a.lag! };
              if (text.trim()) l.reason = text.trim();
              else delete l.reason;
              return setField('lag', l)(a);
            });
          },
        },
        s.debounce,
      ),
    ],
  };

  const defs = s.definitions();
  const lane = defs && bo.id ? laneNameOf(defs, bo.id) : undefined;
  const stepGroup: GroupDef = {
    id: 'bpr-step',
    label: tr('group.step'),
    shouldOpen: true,
    entries: [
      textEntry(
        {
          id: 'bpr-role',
          label: tr('role.label'),
          placeholder: lane,
          description: tr('role.description'),
          get: () => step().role ?? '',
          check: (text) => check(setField('role', text.trim() || undefined)),
          put: (text) => void edit(setField('role', text.trim() || undefined)),
        },
        s.debounce,
      ),
      numberField('paperSheets', 'bpr-paperSheets', tr('paper.label'), '紙の枚数'),
      numberField('systems', 'bpr-systems', tr('systems.label'), 'システム数'),
      numberField('costPerCase', 'bpr-costPerCase', tr('costPerCase.label'), '1件あたり費用', tr('costPerCase.description')),
      selectEntry({
        id: 'bpr-automation',
        label: tr('automation.label'),
        options: [{ value: '', label: '—' }, ...AUTOMATION_KINDS.map((k) => ({ value: k, label: tr(`automation.${k}`) }))],
        get: () => step().automation ?? '',
        put: (v) => void edit(setField('automation', (v || undefined) as StepAnnotation['automation'])),
      }),
    ],
  };

  return [staff, residentGroup, stepGroup];
}
