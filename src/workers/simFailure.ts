import { RunawayError, SimCancelledError, SimValidationError } from '../domain/sim/errors';
import { plainFailure, type FailureOf } from './rpc';

/** How the simulation and comparison workers report the engine's own errors (findings, the runaway element). */
export const simFailureOf: FailureOf = (error) => {
  if (error instanceof SimCancelledError) return 'cancelled';
  if (error instanceof SimValidationError) return { message: error.message, issues: error.issues.map((i) => i.message) };
  if (error instanceof RunawayError) return { message: error.message, issues: [error.message], ...(error.elementId ? { elementId: error.elementId } : {}) };
  return plainFailure(error);
};
