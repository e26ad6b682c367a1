/** The slice of bpmnlint's rule API our rules and wrappers use (bpmnlint ships no TS types we can import). */
import type { Bo } from './model';

export interface Reporter {
  report(id: string, message: string, context?: string[] | Record<string, unknown>): void;
}

export type EnterFn = (node: Bo, reporter: Reporter) => boolean | void;
export type LeaveFn = (node: Bo, reporter: Reporter) => void;

export type CheckDefinition = EnterFn | { enter?: EnterFn; leave?: LeaveFn };

export interface RuleDefinition {
  meta?: { documentation?: { url?: string } };
  check: CheckDefinition;
}

export type RuleFactory = (config?: unknown) => RuleDefinition;

export type RuleCategory = 'error' | 'warn';
