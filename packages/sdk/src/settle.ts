import { notFound, toPpnError, type PostgrestErrorLike } from './errors.js';
import { fail, ok, type PpnResult } from './result.js';

/** A supabase-js response: data, or the PostgREST error with the HTTP status. */
export interface PostgrestResponseLike<T> {
  data: T | null;
  error: PostgrestErrorLike | null;
  status: number;
}

/**
 * A response as a `PpnResult`: the data as it came, or the error mapped by `toPpnError`.
 * Without an error supabase-js always has data, except `.maybeSingle()` finding no row:
 * there, name `T` with its `| null` (`settle<Row | null>(...)`).
 */
export function settle<T>(response: PostgrestResponseLike<T>): PpnResult<T> {
  return response.error ? fail(toPpnError(response.error, response.status)) : ok(response.data as T);
}

/**
 * The response of a targeted update or delete (`.eq(pk).select()`): the row it touched, or
 * `not_found` when it touched none, since a row that is missing and a row that is not yours
 * must read the same.
 */
export function settleTouched<T>(response: PostgrestResponseLike<T[]>, what: string): PpnResult<T> {
  if (response.error) return fail(toPpnError(response.error, response.status));
  const [row] = response.data ?? [];
  return row ? ok(row) : fail(notFound(what));
}
