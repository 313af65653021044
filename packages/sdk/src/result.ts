import type { PpnError } from './errors.js';

/** What every call resolves to, like supabase-js: data or an error, never both. */
export type PpnResult<T> = { data: T; error: null } | { data: null; error: PpnError };

/** With `throwOnError: true`, a call resolves only on success and throws the `PpnError` otherwise. */
export type PpnSuccess<T> = { data: T; error: null };

export type ResultMode = 'result' | 'throw';

/** The result type of a call in the given mode. */
export type Outcome<M extends ResultMode, T> = M extends 'throw' ? PpnSuccess<T> : PpnResult<T>;

export function ok<T>(data: T): PpnResult<T> {
  return { data, error: null };
}

export function fail<T = never>(error: PpnError): PpnResult<T> {
  return { data: null, error };
}
