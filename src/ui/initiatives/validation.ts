import { initiativeSchema } from '../../domain/model/initiative';

/** One problem of a 取組 being edited, located by its field path (e.g. indicators.0.name). */
export interface FieldIssue {
  path: (string | number)[];
  message: string;
}

const hasJapanese = (s: string) => /[\u3040-\u30ff\u4e00-\u9faf]/.test(s);

/**
 * The schema's own messages are Japanese; zod's built-in ones (wrong type, not a number) are not, so
 * those are replaced by a plain Japanese sentence rather than shown in English.
 */
export function validateInitiative(candidate: unknown): FieldIssue[] {
  const parsed = initiativeSchema.safeParse(candidate);
  if (parsed.success) return [];
  return parsed.error.issues.map((i) => ({
    path: i.path.map((p) => (typeof p === 'number' ? p : String(p))),
    message: hasJapanese(i.message) ? i.message : i.code === 'invalid_type' ? '値の形式が正しくありません' : '入力内容が正しくありません',
  }));
}
