/**
 * The compact form a sample process is written in: lanes, nodes on a (column, row) grid, flows,
 * and the workshop's bpr: figures. `layout.ts` turns it into coordinates, `xml.ts` into BPMN.
 */
import type { AutomationKind } from '../../src/domain/model/annotations';

export type Dist =
  | { type: 'fixed'; value: number }
  | { type: 'triangular'; min: number; mode: number; max: number };

/** Three-point estimate (minutes unless the field says otherwise). */
export const tri = (min: number, mode: number, max: number): Dist => ({ type: 'triangular', min, mode, max });
export const fixed = (value: number): Dist => ({ type: 'fixed', value });

export interface LagSpec {
  dist: Dist;
  unit: 'businessDays' | 'minutes';
  reason: string;
}

export interface StepSpec {
  staff: Dist;
  resident?: Dist;
  lag?: LagSpec;
  paper?: number;
  systems?: number;
  automation?: AutomationKind;
}

export type NodeKind = 'start' | 'end' | 'task' | 'userTask' | 'manualTask' | 'serviceTask' | 'sendTask' | 'xor' | 'or';

export interface NodeSpec {
  id: string;
  kind: NodeKind;
  name: string;
  /** Lane id. */
  lane: string;
  col: number;
  /** Row inside the lane, 0 = top. */
  row?: number;
  step?: StepSpec;
  arrivals?: { annualVolume: number; seasonality: number[] };
}

export interface FlowSpec {
  from: string;
  to: string;
  name?: string;
  /** bpr:probability in percent. */
  p?: number;
  /** The gateway's default flow: taken when no other branch is (inclusive: none of the others chosen). */
  isDefault?: boolean;
  /** Layout hints where the router's choice reads badly: the side the flow leaves / enters by. */
  exit?: 'right' | 'left' | 'top' | 'bottom';
  entry?: 'right' | 'left' | 'top' | 'bottom';
}

export interface LaneSpec {
  id: string;
  name: string;
  rows?: number;
}

export interface RoleSpec {
  /** Equal to a lane's name. */
  name: string;
  headcount?: number;
  hourlyCost: number;
  calendar?: 'office' | '24h';
}

export interface ProcessSpec {
  file: string;
  /** ASCII stem for ids, e.g. TennyuAsIs. */
  key: string;
  name: string;
  department: string;
  kind: 'as-is' | 'to-be';
  linkedTo: string;
  description: string;
  participant: string;
  lanes: LaneSpec[];
  nodes: NodeSpec[];
  flows: FlowSpec[];
  roles: RoleSpec[];
}
