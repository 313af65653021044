import { validationError, type PpnError, type PpnIssue } from './errors.js';

/** Any zod (classic or mini) schema: the SDK only needs `safeParse`. */
export interface Validator<T> {
  safeParse(input: unknown): { success: true; data: T } | { success: false; error: { issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }> } };
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: PpnError };

/**
 * Validates `input`; on failure returns a `validation` PpnError whose issue paths use the
 * caller's field names (`rename` maps a column name back to the argument that fed it).
 */
export function parse<T>(schema: Validator<T>, input: unknown, rename: Record<string, string> = {}, prefix: Array<string | number> = []): Parsed<T> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  const issues: PpnIssue[] = result.error.issues.map((issue) => ({
    path: [...prefix, ...issue.path.map((p) => (typeof p === 'string' ? (rename[p] ?? p) : typeof p === 'number' ? p : String(p)))],
    message: issue.message,
  }));
  return { ok: false, error: validationError(issues) };
}
