import { comparisonResultSchema, type ComparisonResult } from '../../../src/domain/analysis/compare';

const est = (mean: number, lo: number, hi: number) => ({ mean, ci95: [lo, hi] as [number, number] });

/** A small comparison: one step removed, one automated by a robot, one new step that adds time. */
export function sampleResult(): ComparisonResult {
  return comparisonResultSchema.parse({
    seed: 7,
    replications: 20,
    hoursPerFte: 1860,
    estimated: true,
    hoursSavedPerYear: est(225.2, 216.6, 233.8),
    percentSaved: est(12.84, 12.5, 13.2),
    fte: est(0.1211, 0.1165, 0.1257),
    yenSavedPerYear: est(1028620, 994272, 1062968),
    staffHoursPerYear: { asIs: est(1754, 1740, 1768), toBe: est(1528.8, 1516, 1540) },
    robotHoursPerYear: { asIs: est(0, 0, 0), toBe: est(40, 39, 41) },
    costYenPerYear: { asIs: est(8e6, 7.9e6, 8.1e6), toBe: est(7e6, 6.9e6, 7.1e6) },
    casesPerYear: { asIs: est(2300, 2250, 2350), toBe: est(2300, 2250, 2350) },
    staffMinutesPerCase: { asIs: est(45.5, 45.4, 45.7), toBe: est(39.7, 39.6, 39.8) },
    staffMinutesSavedPerCase: est(5.8, 5.7, 5.9),
    residentMinutesPerVisit: { asIs: est(74.3, 74, 74.7), toBe: est(61.3, 61.1, 61.4) },
    residentMinutesSavedPerVisit: est(13, 12.8, 13.2),
    leadTimeBusinessDays: { asIs: est(0.23, 0.23, 0.23), toBe: est(0.15, 0.15, 0.15) },
    leadTimeBusinessDaysSaved: est(0.08, 0.08, 0.08),
    tasks: [
      {
        key: 'Task_check', asIsId: 'Task_check', toBeId: null, name: '転出証明書と記載内容を照合', matchedBy: null, status: 'removed',
        asIsRole: '窓口担当', toBeRole: null, robot: false, asIsHoursPerYear: est(270.8, 266, 275), toBeHoursPerYear: null, hoursSavedPerYear: est(270.8, 266.4, 275.1),
      },
      {
        key: 'Task_input', asIsId: 'Task_input', toBeId: 'Task_input', name: '住基システムへ転入処理を入力', matchedBy: 'id', status: 'matched',
        asIsRole: '審査担当', toBeRole: 'RPA', robot: true, asIsHoursPerYear: est(175.3, 172, 178), toBeHoursPerYear: est(0, 0, 0), hoursSavedPerYear: est(175.3, 172.6, 178),
      },
      {
        key: 'Task_new', asIsId: null, toBeId: 'Task_new', name: '聞き取り・本人確認', matchedBy: null, status: 'added',
        asIsRole: null, toBeRole: '窓口担当', robot: false, asIsHoursPerYear: null, toBeHoursPerYear: est(220.9, 218, 224), hoursSavedPerYear: est(-220.9, -224, -218),
      },
      {
        key: 'Task_same', asIsId: 'Task_same', toBeId: 'Task_same', name: '住民票の写し等を印刷・交付', matchedBy: 'id', status: 'matched',
        asIsRole: '窓口担当', toBeRole: '窓口担当', robot: false, asIsHoursPerYear: est(80, 79, 81), toBeHoursPerYear: est(80, 79, 81), hoursSavedPerYear: est(0, 0, 0),
      },
    ],
    roles: [
      { name: '窓口担当', robot: false, asIsHoursPerYear: est(900, 890, 910), toBeHoursPerYear: est(850, 840, 860), hoursSavedPerYear: est(50, 45, 55), yenSavedPerYear: est(200000, 180000, 220000) },
      { name: 'RPA', robot: true, asIsHoursPerYear: null, toBeHoursPerYear: est(40, 39, 41), hoursSavedPerYear: est(0, 0, 0), yenSavedPerYear: est(-100000, -100000, -100000) },
    ],
    warnings: ['現行と見直し後で年間件数が異なります。'],
  });
}
