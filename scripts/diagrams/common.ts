/**
 * Figures shared by the As-Is and To-Be of a pair, so that a comparison differs only where the
 * workshop changed something. Sources and which figures are assumptions: diagrams/SOURCES.md.
 */
import type { RoleSpec } from './spec';

/** 転入: 住民基本台帳の移動は3〜4月（年度替わりの転勤・進学）に集中する。 */
export const TENNYU_SEASONALITY = [7, 7, 16, 15, 8, 7, 7, 7, 7, 7, 6, 6];
/** 市人口 約6万人の転入届（世帯単位の届出件数）。 */
export const TENNYU_ANNUAL = 2300;

/** 児童手当 認定請求: 出生・転入による。転入に連動して3〜4月がやや多い。 */
export const JIDOTEATE_SEASONALITY = [7, 7, 10, 11, 8, 8, 8, 8, 8, 8, 8, 9];
export const JIDOTEATE_ANNUAL = 900;

/** 起案: 年度当初（4月）と年度末（3月）の契約・通知が多い。 */
export const KIAN_SEASONALITY = [8, 8, 12, 11, 8, 8, 8, 8, 8, 8, 7, 6];
export const KIAN_ANNUAL = 1200;

/** 給与支払報告書: 提出期限は1月31日。1〜2月に集中し、残りは退職者分など。 */
export const KYUYO_SEASONALITY = [55, 30, 5, 2, 1, 1, 1, 1, 1, 1, 1, 1];
/** 紙で提出される枚数（eLTAX 提出分を除く）。 */
export const KYUYO_ANNUAL = 24000;

/** Residents give their own time but are no staff resource: no headcount, no cost. */
export const RESIDENT_ROLE: RoleSpec = { name: '住民', hourlyCost: 0 };
