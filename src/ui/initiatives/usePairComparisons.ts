import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { COMPARISON_RECORD_VERSION, comparisonRepositoryOf, type ComparisonInputOptions, type ComparisonRecord } from '../../store/comparisonRepository';
import type { ProcessRecord, WorkspaceStore } from '../../store/types';
import { ComparisonCancelledError, runComparison } from '../compare/compareClient';
import { comparisonInputHash } from '../compare/inputHash';
import type { ComparisonLookup, PairComparison } from './comparisonFigures';

/** Same settings as the 比較 tab's defaults, so a result computed here is the one that tab shows and vice versa. */
export const INITIATIVE_COMPARE_REPLICATIONS = 20;
export const INITIATIVE_COMPARE_SEED = 1;

export interface PairState {
  record?: ComparisonRecord;
  /** A diagram changed since the stored result was computed. */
  outdated: boolean;
  /** 0–1 while computing. */
  progress?: number;
  error?: string;
}

export const pairId = (p: { asIsId: string; toBeId: string }) => `${p.asIsId}|${p.toBeId}`;

/**
 * The stored comparison of each attached pair, and 「再計算」: runs the comparison in its worker and
 * saves it where the 比較 tab reads it.
 */
export function usePairComparisons(
  store: WorkspaceStore,
  pairs: readonly { asIsId: string; toBeId: string }[],
  processes: readonly ProcessRecord[],
  hoursPerFte: number,
) {
  const repo = useMemo(() => comparisonRepositoryOf(store), [store]);
  const [states, setStates] = useState<Record<string, PairState>>({});
  const aborts = useRef(new Map<string, AbortController>());
  const xmlOf = useCallback((id: string) => processes.find((p) => p.id === id)?.xml, [processes]);
  const pairsKey = pairs.map(pairId).join(',');

  useEffect(() => () => aborts.current.forEach((c) => c.abort()), []);

  useEffect(() => {
    let live = true;
    (async () => {
      const next: Record<string, PairState> = {};
      for (const p of pairs) {
        const record = await repo?.getLatest(p.asIsId, p.toBeId).catch(() => undefined);
        let outdated = false;
        const a = xmlOf(p.asIsId);
        const b = xmlOf(p.toBeId);
        if (record?.options && a !== undefined && b !== undefined) outdated = (await comparisonInputHash(a, b, record.options)) !== record.inputHash;
        next[pairId(p)] = { ...(record ? { record } : {}), outdated };
      }
      if (live)
        setStates((prev) =>
          Object.fromEntries(Object.entries(next).map(([k, v]) => [k, prev[k]?.progress !== undefined ? { ...v, progress: prev[k].progress } : v])),
        );
    })().catch(() => undefined);
    return () => {
      live = false;
    };
    // The pair list is compared by its ids; a new array with the same pairs must not reload.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [repo, pairsKey, xmlOf]);

  const recalc = useCallback(
    async (p: { asIsId: string; toBeId: string }, messages: { missing: string }) => {
      const key = pairId(p);
      const a = xmlOf(p.asIsId);
      const b = xmlOf(p.toBeId);
      if (a === undefined || b === undefined) {
        setStates((s) => ({ ...s, [key]: { ...s[key], outdated: s[key]?.outdated ?? false, error: messages.missing, progress: undefined } }));
        return;
      }
      aborts.current.get(key)?.abort();
      const controller = new AbortController();
      aborts.current.set(key, controller);
      const options: ComparisonInputOptions = { replications: INITIATIVE_COMPARE_REPLICATIONS, seed: INITIATIVE_COMPARE_SEED, hoursPerFte };
      setStates((s) => ({ ...s, [key]: { ...s[key], outdated: s[key]?.outdated ?? false, progress: 0, error: undefined } }));
      try {
        const result = await runComparison(a, b, options, {
          signal: controller.signal,
          onProgress: (progress) => setStates((s) => ({ ...s, [key]: { ...s[key], outdated: s[key]?.outdated ?? false, progress } })),
        });
        const inputHash = await comparisonInputHash(a, b, options);
        const record: ComparisonRecord = repo
          ? await repo.save(p.asIsId, p.toBeId, inputHash, result, { options })
          : {
              schemaVersion: COMPARISON_RECORD_VERSION,
              id: key,
              asIsId: p.asIsId,
              toBeId: p.toBeId,
              inputHash,
              options,
              computedAt: new Date().toISOString(),
              result,
              sensitivity: null,
            };
        setStates((s) => ({ ...s, [key]: { record, outdated: false } }));
      } catch (error) {
        const cancelled = error instanceof ComparisonCancelledError;
        setStates((s) => ({
          ...s,
          [key]: { ...s[key], outdated: s[key]?.outdated ?? false, progress: undefined, ...(cancelled ? {} : { error: (error as Error).message }) },
        }));
      } finally {
        if (aborts.current.get(key) === controller) aborts.current.delete(key);
      }
    },
    [repo, xmlOf, hoursPerFte],
  );

  const cancel = useCallback((p: { asIsId: string; toBeId: string }) => aborts.current.get(pairId(p))?.abort(), []);

  /**
   * Right after a pair is attached: its comparison is computed unless one is already stored (from the
   * 比較 tab or an earlier attachment), so the linked indicators get their estimate without a click.
   */
  const computeIfMissing = useCallback(
    async (p: { asIsId: string; toBeId: string }, messages: { missing: string }) => {
      const stored = await repo?.getLatest(p.asIsId, p.toBeId).catch(() => undefined);
      if (!stored && !aborts.current.has(pairId(p))) await recalc(p, messages);
    },
    [repo, recalc],
  );

  const comparisonOf: ComparisonLookup = useCallback(
    (asIsId, toBeId) => {
      const rec = states[pairId({ asIsId, toBeId })]?.record;
      return rec ? { asIsId: rec.asIsId, toBeId: rec.toBeId, inputHash: rec.inputHash, computedAt: rec.computedAt, result: rec.result } : undefined;
    },
    [states],
  );

  const comparisons: PairComparison[] = useMemo(
    () => pairs.flatMap((p) => comparisonOf(p.asIsId, p.toBeId) ?? []),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [comparisonOf, pairsKey],
  );

  return { states, comparisons, comparisonOf, recalc, computeIfMissing, cancel };
}
