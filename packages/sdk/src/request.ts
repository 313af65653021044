import type { RequestOptions } from './context.js';
import { abortedError, notFound, toPpnError, type PostgrestErrorLike } from './errors.js';
import { fail, ok, type PpnResult } from './result.js';

/** A supabase-js response: data, or the PostgREST error with the HTTP status. */
export interface PostgrestResponseLike<T> {
  data: T | null;
  error: PostgrestErrorLike | null;
  status: number;
  count?: number | null;
}

/** What the SDK needs of a supabase-js query builder before it is sent. */
interface Sendable<R> extends PromiseLike<R> {
  retry(enabled: boolean): this;
  abortSignal(signal: AbortSignal): this;
}

/**
 * Sends one request: supabase-js's own retries off (a query layer decides, with
 * `isRetryable`), the caller's signal attached, nothing sent once it has aborted.
 */
export async function send<R extends PostgrestResponseLike<unknown>>(query: Sendable<R>, options: RequestOptions | undefined): Promise<PpnResult<R>> {
  const signal = options?.signal;
  if (signal?.aborted) return fail(abortedError());
  let builder = query.retry(false);
  if (signal) builder = builder.abortSignal(signal);
  const response = await builder;
  return response.error ? fail(toPpnError(response.error, response.status, signal)) : ok(response);
}

/** Sends one request and resolves with its data. */
export async function settle<T>(query: Sendable<PostgrestResponseLike<T>>, options: RequestOptions | undefined): Promise<PpnResult<T>> {
  const sent = await send(query, options);
  return sent.error ? sent : ok(sent.data.data as T);
}

/**
 * Sends a targeted read, update or delete and resolves with the one row it touched, or
 * `not_found` when it touched none: a row that is missing and a row that is not yours read
 * the same.
 */
export async function settleOne<T>(query: Sendable<PostgrestResponseLike<T[]>>, options: RequestOptions | undefined, what: string): Promise<PpnResult<T>> {
  const sent = await settle(query, options);
  if (sent.error) return sent;
  const [row] = sent.data ?? [];
  return row ? ok(row) : fail(notFound(what));
}
