import { ListGroup } from '@bpmn-io/properties-panel';
import {
  DEFAULT_CALENDAR_ID,
  DEFAULT_HOURS_PER_FTE,
  defaultOfficeCalendar,
  processSettingsSchema,
  type Calendar,
  type ProcessSettings,
  type Role,
} from '../../domain/model/annotations';
import { settingsUpdate } from '../../domain/bpmn/annotationsWrite';
import { availableCalendars, currentSettings, type DiagramShape } from './annotationEdits';
import { numberOrError, numberText, selectEntry, textEntry, type EntryDef } from './entries';
import type { GroupDef, PanelServices } from './stepGroups';
import { tr } from './text';

/** Groups for the process or collaboration itself (nothing selected on the canvas). */
export function settingsGroups(element: DiagramShape, s: PanelServices): GroupDef[] {
  const bo = element.businessObject;
  const settings = () => currentSettings(bo);

  const plan = (change: (x: ProcessSettings) => ProcessSettings): { next?: ProcessSettings; error?: string } => {
    const r = processSettingsSchema.safeParse(change(structuredClone(settings())));
    return r.success ? { next: r.data } : { error: r.error.issues[0]?.message ?? '' };
  };
  const check = (change: (x: ProcessSettings) => ProcessSettings) => plan(change).error ?? null;
  const edit = (change: (x: ProcessSettings) => ProcessSettings) => {
    const p = plan(change);
    if (!p.next) return;
    const u = settingsUpdate(s.moddle, bo, p.next);
    if (Object.keys(u.properties).length) s.modeling.updateModdleProperties(element, u.target, u.properties);
  };

  // Roles -----------------------------------------------------------------------------------
  const changeRole = (index: number, patch: (r: Role) => Role) => (x: ProcessSettings) => {
    x.roles[index] = patch({ ...x.roles[index] });
    return x;
  };
  const calendars = availableCalendars(settings());
  const roleItems = settings().roles.map((role, index) => {
    const id = `bpr-role-${index}`;
    const numberOf = (key: 'headcount' | 'hourlyCost', label: string, plain: string): EntryDef =>
      textEntry(
        {
          id: `${id}-${key}`,
          label,
          get: () => numberText(settings().roles[index]?.[key]),
          check: (text) => {
            const n = numberOrError(text, plain);
            return n.error ?? check(changeRole(index, (r) => ({ ...r, [key]: n.value })));
          },
          put: (text) => edit(changeRole(index, (r) => ({ ...r, [key]: numberOrError(text, plain).value }))),
        },
        s.debounce,
      );
    return {
      id,
      label: role.name,
      entries: [
        textEntry(
          {
            id: `${id}-name`,
            label: tr('roles.name'),
            get: () => settings().roles[index]?.name ?? '',
            check: (text) => check(changeRole(index, (r) => ({ ...r, name: text.trim() }))),
            put: (text) => edit(changeRole(index, (r) => ({ ...r, name: text.trim() }))),
          },
          s.debounce,
        ),
        numberOf('headcount', tr('roles.headcount'), '人数'),
        numberOf('hourlyCost', tr('roles.hourlyCost'), '時間単価'),
        selectEntry({
          id: `${id}-calendar`,
          label: tr('roles.calendar'),
          options: calendars.map((c) => ({ value: c.id, label: c.name ?? c.id })),
          get: () => settings().roles[index]?.calendar ?? DEFAULT_CALENDAR_ID,
          put: (v) => edit(changeRole(index, (r) => ({ ...r, calendar: v }))),
        }),
      ],
      remove: () => edit((x) => ({ ...x, roles: x.roles.filter((_, i) => i !== index) })),
    };
  });
  const addRole = () =>
    edit((x) => {
      let n = x.roles.length + 1;
      while (x.roles.some((r) => r.name === tr('roles.new', { n }))) n += 1;
      return { ...x, roles: [...x.roles, { name: tr('roles.new', { n }), headcount: 1, calendar: DEFAULT_CALENDAR_ID }] };
    });

  // Office hours: the default calendar, created from the built-in one on first edit ----------
  const office = (): Calendar => settings().calendars.find((c) => c.id === DEFAULT_CALENDAR_ID) ?? defaultOfficeCalendar();
  const changeOffice = (patch: (c: Calendar) => Calendar) => (x: ProcessSettings) => {
    const at = x.calendars.findIndex((c) => c.id === DEFAULT_CALENDAR_ID);
    const next = patch({ ...(at >= 0 ? x.calendars[at] : defaultOfficeCalendar()) });
    if (at >= 0) x.calendars[at] = next;
    else x.calendars.push(next);
    return x;
  };
  const timeEntry = (key: 'open' | 'close' | 'lunchStart' | 'lunchEnd'): EntryDef =>
    textEntry(
      {
        id: `bpr-calendar-${key}`,
        label: tr(`calendar.${key}`),
        get: () => office()[key] ?? '',
        check: (text) => check(changeOffice((c) => ({ ...c, [key]: text.normalize('NFKC').trim() || undefined }))),
        put: (text) => edit(changeOffice((c) => ({ ...c, [key]: text.normalize('NFKC').trim() || undefined }))),
      },
      s.debounce,
    );

  return [
    { id: 'bpr-roles', label: tr('group.roles'), component: ListGroup, items: roleItems, add: addRole, shouldOpen: true },
    {
      id: 'bpr-calendar',
      label: tr('group.calendar'),
      shouldOpen: true,
      entries: [timeEntry('open'), timeEntry('close'), timeEntry('lunchStart'), timeEntry('lunchEnd')],
    },
    {
      id: 'bpr-fte',
      label: tr('group.fte'),
      shouldOpen: true,
      entries: [
        textEntry(
          {
            id: 'bpr-hoursPerFte',
            label: tr('fte.hours'),
            placeholder: DEFAULT_HOURS_PER_FTE.toLocaleString('ja-JP'),
            get: () => {
              const raw = (bo.extensionElements?.values ?? []).find((v) => v.$type === 'bpr:Settings');
              return raw && typeof raw.hoursPerFte === 'number' ? numberText(raw.hoursPerFte) : '';
            },
            check: (text) => {
              const n = numberOrError(text, '1人あたり年間勤務時間');
              return n.error ?? check((x) => ({ ...x, hoursPerFte: n.value ?? DEFAULT_HOURS_PER_FTE }));
            },
            put: (text) => edit((x) => ({ ...x, hoursPerFte: numberOrError(text, '1人あたり年間勤務時間').value ?? DEFAULT_HOURS_PER_FTE })),
          },
          s.debounce,
        ),
      ],
    },
    {
      id: 'bpr-costs',
      label: tr('group.costs'),
      shouldOpen: true,
      entries: [
        textEntry(
          {
            id: 'bpr-fixedCostPerYear',
            label: tr('fixedCost.label'),
            description: tr('fixedCost.description'),
            get: () => numberText(settings().fixedCostPerYear),
            check: (text) => {
              const n = numberOrError(text, '年間固定費');
              return n.error ?? check(setFixedCost(n.value));
            },
            put: (text) => edit(setFixedCost(numberOrError(text, '年間固定費').value)),
          },
          s.debounce,
        ),
      ],
    },
  ];
}

/** An empty field removes the attribute rather than storing 0, so "not entered" stays visible. */
const setFixedCost =
  (value: number | undefined) =>
  (x: ProcessSettings): ProcessSettings => {
    const next = { ...x };
    if (value === undefined) delete next.fixedCostPerYear;
    else next.fixedCostPerYear = value;
    return next;
  };
