import type { SimIssue } from './model';

/** Validation found errors that make a run meaningless; `issues` lists each with the element named. */
export class SimValidationError extends Error {
  constructor(readonly issues: SimIssue[]) {
    super(`シミュレーションを実行できません（${issues.length}件の問題）:\n${issues.map((i) => `・${i.message}`).join('\n')}`);
    this.name = 'SimValidationError';
  }
}

/** A case would never finish (loop without exit, exploding splits, too many events). */
export class RunawayError extends Error {
  constructor(
    message: string,
    readonly elementId?: string,
  ) {
    super(message);
    this.name = 'RunawayError';
  }
}

/** The caller asked to stop (worker cancel message). */
export class SimCancelledError extends Error {
  constructor() {
    super('シミュレーションは中止されました');
    this.name = 'SimCancelledError';
  }
}
