import type { PpnContext, RequestOptions } from './context.js';
import { validationError, type PpnError } from './errors.js';
import { send, type PostgrestResponseLike } from './request.js';
import { fail, ok, type PpnResult } from './result.js';

/**
 * One page of a list that can grow.
 *
 * - `total`: the rows the params select, ignoring the cursor; exact, or the database
 *   planner's estimate where `totalIsEstimate` (a broad directory search above the row cap).
 * - `nextCursor`: pass it as `cursor` for the next page; `null` on the last page. Whether a
 *   page is the last comes from the count PostgREST reports, never from its length: a page
 *   may be shorter than `limit` when the server caps responses lower.
 */
export interface Page<T> {
  rows: T[];
  total: number;
  totalIsEstimate: boolean;
  nextCursor: string | null;
}

/** One sort key of a list; the last is the table's unique id. */
export interface SortKey {
  column: string;
  descending?: boolean;
  /** The column may be null: nulls sort last unless `nullsFirst`. */
  nullable?: boolean;
  nullsFirst?: boolean;
}

/** A list's name (so a cursor of another list is refused) and its order. */
export interface ListSpec {
  name: string;
  keys: SortKey[];
}

type Key = string | number | null;

/** What the SDK needs of a filtered supabase-js select. */
interface ListQuery<R> extends PromiseLike<PostgrestResponseLike<R[]>> {
  or(filters: string): this;
  order(column: string, options: { ascending: boolean; nullsFirst?: boolean }): this;
  limit(count: number): this;
  retry(enabled: boolean): this;
  abortSignal(signal: AbortSignal): this;
}

/** Builds a list's filtered select: `head` for the total only. */
export type BuildList<R> = (count: { count: 'exact' | 'estimated'; head?: boolean }) => ListQuery<R>;

function encode(values: Key[]): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(JSON.stringify(values))) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * The sort keys a cursor holds, exactly as the database returned them (timestamps keep
 * their microseconds), or a `validation` error on `['cursor']`.
 */
export function decodeCursor(spec: ListSpec, cursor: string | undefined): PpnResult<Key[] | null> {
  if (cursor === undefined) return ok(null);
  try {
    const binary = atob(cursor.replace(/-/g, '+').replace(/_/g, '/'));
    const values = JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)))) as unknown;
    if (
      Array.isArray(values) &&
      values.length === spec.keys.length + 1 &&
      values[0] === spec.name &&
      values.every((v) => v === null || typeof v === 'string' || typeof v === 'number') &&
      values.at(-1) !== null
    ) {
      return ok(values.slice(1) as Key[]);
    }
  } catch {
    // Not base64 or not JSON: the same answer as a cursor of another list.
  }
  return fail(validationError([{ path: ['cursor'], code: 'invalid_format', message: `cursor is not a cursor of ${spec.name}: pass the nextCursor of a page of this list`, expected: 'cursor' }]));
}

const quote = (value: Key) => `"${String(value).replace(/["\\]/g, (c) => `\\${c}`)}"`;

/** The PostgREST `or` filter for "sorts after these keys" (keyset pagination). */
function after(keys: SortKey[], values: Key[]): string {
  const terms: string[] = [];
  keys.forEach((key, i) => {
    const equal = keys.slice(0, i).map((k, j) => (values[j] === null ? `${k.column}.is.null` : `${k.column}.eq.${quote(values[j]!)}`));
    const value = values[i]!;
    const later: string[] = [];
    if (value === null) {
      if (key.nullsFirst) later.push(`${key.column}.not.is.null`);
    } else {
      later.push(`${key.column}.${key.descending ? 'lt' : 'gt'}.${quote(value)}`);
      if (key.nullable && !key.nullsFirst) later.push(`${key.column}.is.null`);
    }
    for (const term of later) terms.push(equal.length ? `and(${[...equal, term].join(',')})` : term);
  });
  return terms.join(',');
}

interface Chunk<R> {
  rows: R[];
  /** Rows after the cursor, this chunk's included. */
  remaining: number;
  nextCursor: string | null;
}

async function readChunk<R>(spec: ListSpec, build: BuildList<R>, cursor: Key[] | null, limit: number | undefined, count: 'exact' | 'estimated', options: RequestOptions | undefined): Promise<PpnResult<Chunk<R>>> {
  let query = build({ count });
  if (cursor) query = query.or(after(spec.keys, cursor));
  for (const key of spec.keys) query = query.order(key.column, { ascending: !key.descending, ...(key.nullable && { nullsFirst: key.nullsFirst === true }) });
  if (limit !== undefined) query = query.limit(limit);
  const sent = await send(query, options);
  if (sent.error) return sent;
  const rows = sent.data.data ?? [];
  const remaining = sent.data.count ?? rows.length;
  const last = rows.at(-1) as Record<string, Key> | undefined;
  const nextCursor = last && remaining > rows.length ? encode([spec.name, ...spec.keys.map((k) => last[k.column] ?? null)]) : null;
  return ok({ rows, remaining, nextCursor });
}

/**
 * Reads one page after `cursor` (keyset: the order continues exactly where the previous page
 * ended, whatever was inserted since). A page after the first asks for the total in a second,
 * parallel request, since the page's own count starts at the cursor.
 */
export async function readPage<R>(
  ctx: PpnContext,
  spec: ListSpec,
  build: BuildList<R>,
  page: { limit?: number | undefined; cursor?: string | undefined },
  options: RequestOptions | undefined,
  count: 'exact' | 'estimated' = 'exact',
  defaultLimit = 50,
): Promise<PpnResult<Page<R>>> {
  const cursor = decodeCursor(spec, page.cursor);
  if (cursor.error) return cursor;
  const [chunk, total] = await Promise.all([
    readChunk(spec, build, cursor.data, page.limit ?? defaultLimit, count, options),
    cursor.data ? send(build({ count, head: true }), options) : undefined,
  ]);
  if (chunk.error) return chunk;
  if (total?.error) return total;
  const all = total ? (total.data.count ?? 0) : chunk.data.remaining;
  const { rows, remaining } = chunk.data;
  // PostgREST estimates a count above its row cap. A page cut short while more remain shows
  // the cap; otherwise it is the one the app configured (default 1000).
  const cap = rows.length < (page.limit ?? defaultLimit) && remaining > rows.length ? rows.length : ctx.maxRows;
  return ok({ rows, total: all, totalIsEstimate: count === 'estimated' && all > cap, nextCursor: chunk.data.nextCursor });
}

/**
 * Reads every row of a bounded list (reference data), one request per server-capped chunk
 * until the count says nothing remains.
 */
export async function readAll<R>(spec: ListSpec, build: BuildList<R>, options: RequestOptions | undefined): Promise<PpnResult<R[]>> {
  const rows: R[] = [];
  let cursor: Key[] | null = null;
  for (;;) {
    const chunk: PpnResult<Chunk<R>> = await readChunk(spec, build, cursor, undefined, 'exact', options);
    if (chunk.error) return chunk;
    rows.push(...chunk.data.rows);
    if (!chunk.data.nextCursor) return ok(rows);
    cursor = decodeCursor(spec, chunk.data.nextCursor).data;
  }
}

/** A paged call as `allRows` takes it: bound, either result mode. */
type PagedCall<P, T> = (params: P, options?: RequestOptions) => Promise<{ data: Page<T> | null; error: PpnError | null }>;

/**
 * Every row of a paged call, page after page, as an async iterator. A failed page throws its
 * `PpnError`.
 *
 * @example
 * ```ts
 * for await (const profile of allRows(ppn.supervision.search, { modalities: ['Ketamine'] })) {
 *   console.log(profile.display_name);
 * }
 * ```
 */
export async function* allRows<P, T>(call: PagedCall<P, T>, params: NoInfer<Exclude<P, undefined>>, options?: RequestOptions): AsyncGenerator<T, void, undefined> {
  let cursor = (params as { cursor?: string | undefined }).cursor;
  do {
    const { data, error } = await call({ ...params, cursor } as P, options);
    if (error) throw error;
    yield* data!.rows;
    cursor = data!.nextCursor ?? undefined;
  } while (cursor);
}
