import * as z from 'zod/mini';
import { SESSION_EVENTS_COLUMNS, sessionEventInsert, type EventTypeName, type Tables, type TablesInsert } from '@ppn/schema';
import { id, instant, items, pageParams, rfcUuid, typeName } from './args.js';
import type { PpnContext, RequestOptions } from './context.js';
import { bind, type BoundDomain } from './domain.js';
import { PpnError, validationError, type PpnIssue } from './errors.js';
import { readPage, type Page } from './page.js';
import { resolveNames } from './refs.js';
import { send } from './request.js';
import { fail, ok, type PpnResult, type ResultMode } from './result.js';
import type { DateInput, Loose, OneOf } from './types.js';
import { check, keys, oneOf, params, read } from './validate.js';

export type SessionEvent = Tables<'session_events'>;
type EventTypeRow = Tables<'ref_event_types'>;

/**
 * One event to log: the columns of `session_events`, with the event type given by id
 * (`event_type_id`) or by name (`event_type`), exactly one of them.
 */
export type LogSessionEventParams = { protocol_id: number } & Loose<Pick<TablesInsert<'session_events'>, 'intensity_level' | 'notes' | 'client_event_id'>> & {
    /** When it happened. Default: the device's clock at the call. */
    event_timestamp?: DateInput | undefined;
  } & OneOf<{ event_type_id: number }, { event_type: EventTypeName }>;

export interface LogManySessionEventsParams {
  /** 1 to 100,000 events, each as `log` takes it. */
  events: LogSessionEventParams[];
}

/** A timeline entry: the event with its type's name, color and icon. */
export type TimelineEvent = SessionEvent & {
  ref_event_types: Pick<EventTypeRow, 'event_type_id' | 'event_name' | 'color_code' | 'icon_name'> | null;
};

export interface TimelineParams {
  protocol_id: number;
  /** Only events at or after this instant. */
  from?: DateInput | undefined;
  /** Only events at or before this instant. */
  to?: DateInput | undefined;
  /** Only these types, by id or name. */
  eventTypes?: Array<number | EventTypeName> | undefined;
  /** Page size, 1 to 1000 (default 50). */
  limit?: number | undefined;
  /** The `nextCursor` of the previous page. */
  cursor?: string | undefined;
}

type Row = TablesInsert<'session_events'> & { protocol_id: number; client_event_id: string };

/** A validated event: the row to insert, and its type's name when given by name. */
type Checked = { row: Row; name?: string; path: Array<string | number> };

const logKeys = keys(['protocol_id', 'event_type_id', 'event_type', 'event_timestamp', 'intensity_level', 'notes', 'client_event_id'], {
  protocol_id: id(),
  event_type_id: z.optional(id()),
  event_type: z.optional(typeName()),
  // An RFC 9562 uuid, stricter than Postgres' uuid type: the idempotency key of a retry.
  client_event_id: z.optional(rfcUuid()),
});

/** Validates one input against the SDK's keys and `session_events`' own rules. Sends nothing. */
function checkOne(ctx: PpnContext, input: unknown, prefix: Array<string | number>): PpnResult<Checked> {
  const given = params(input, false, prefix);
  if (given.error) return given;
  const { event_type, ...fields } = given.data;
  const id = fields.client_event_id;
  const row = {
    ...fields,
    event_timestamp: fields.event_timestamp === undefined ? ctx.now().toISOString() : fields.event_timestamp,
    // Postgres returns uuids in lower case; the stored row is matched to its input by this key.
    client_event_id: typeof id === 'string' ? id.toLowerCase() : (id ?? crypto.randomUUID()),
  };
  // The table's own rules (intensity 1-10, notes length, uuid, timestamp) live in @ppn/schema.
  const checked = check<Row>(given.data, logKeys, row, sessionEventInsert, oneOf(given.data, 'event_type_id', 'event_type', prefix), prefix);
  return checked.error ? checked : ok({ row: checked.data, ...(typeof event_type === 'string' && { name: event_type }), path: [...prefix, 'event_type'] });
}

/** Validates every input, then resolves the type names in one lookup. */
async function rows(ctx: PpnContext, inputs: unknown[], prefix: (i: number) => Array<string | number>, options: RequestOptions | undefined): Promise<PpnResult<Row[]>> {
  const checked: Checked[] = [];
  const issues: PpnIssue[] = [];
  inputs.forEach((input, i) => {
    const one = checkOne(ctx, input, prefix(i));
    if (one.error) issues.push(...one.error.issues);
    else checked.push(one.data);
  });
  if (issues.length) return fail(validationError(issues));
  const named = checked.filter((c) => c.name !== undefined);
  const ids = await resolveNames(ctx, 'ref_event_types', named.map((c) => ({ name: c.name!, path: c.path })), options);
  if (ids.error) return ids;
  named.forEach((c, i) => (c.row.event_type_id = ids.data[i]!));
  return ok(checked.map((c) => c.row));
}

const LOOKUP_SLICE = 100;

/** An event's identity for retries: the unique (protocol_id, client_event_id) pair. */
const eventKey = (e: { protocol_id: number | null; client_event_id: string }) => `${e.protocol_id}/${e.client_event_id}`;

/** Inserts rows, ignoring those already stored (same protocol and client_event_id), and returns all, in input order. */
async function insertIdempotent(ctx: PpnContext, rows: Row[], options: RequestOptions | undefined): Promise<PpnResult<SessionEvent[]>> {
  const inserted = await send(
    ctx.supabase.from('session_events').upsert(rows, { onConflict: 'protocol_id,client_event_id', ignoreDuplicates: true }).select(SESSION_EVENTS_COLUMNS),
    options,
  );
  if (inserted.error) return inserted;
  const byKey = new Map((inserted.data.data ?? []).map((e) => [eventKey(e), e]));
  const missing = rows.filter((r) => !byKey.has(eventKey(r)));
  // Retries: these were stored by an earlier attempt whose response was lost. Looked up in
  // slices so the URL stays well under gateway limits.
  for (let i = 0; i < missing.length; i += LOOKUP_SLICE) {
    const slice = missing.slice(i, i + LOOKUP_SLICE);
    const existing = await send(
      ctx.supabase
        .from('session_events')
        .select(SESSION_EVENTS_COLUMNS)
        .in('client_event_id', slice.map((r) => r.client_event_id))
        .in('protocol_id', [...new Set(slice.map((r) => r.protocol_id))]),
      options,
    );
    if (existing.error) return existing;
    for (const e of existing.data.data ?? []) byKey.set(eventKey(e), e);
  }
  const out: SessionEvent[] = [];
  for (const r of rows) {
    const event = byKey.get(eventKey(r));
    // Neither stored nor visible: the protocol is not one the caller may write to.
    if (!event) return fail(new PpnError('not_found', `Protocol ${r.protocol_id} was not found, or is not visible to you.`));
    out.push(event);
  }
  return ok(out);
}

/**
 * Logs one session event. Safe to retry: send the same `client_event_id` (returned in the
 * result) and the event is stored once; a retry returns the stored event with `error: null`.
 * `event_timestamp` defaults to the device's clock at the call.
 *
 * @example
 * ```ts
 * const { data, error } = await ppn.sessionEvents.log({ protocol_id: 1, event_type: 'Distress', intensity_level: 7 });
 * if (error && isRetryable(error)) retryLater({ ...input, client_event_id: pendingId });
 * ```
 */
async function log(ctx: PpnContext, input: LogSessionEventParams, options?: RequestOptions): Promise<PpnResult<SessionEvent>> {
  const row = await rows(ctx, [input], () => [], options);
  if (row.error) return row;
  const stored = await insertIdempotent(ctx, row.data, options);
  return stored.error ? stored : ok(stored.data[0]!);
}

const BATCH = 1000;
const manyParams = z.strictObject({ events: items<unknown>(1, 100_000) });

/**
 * Logs many events in one insert request per 1,000 events, all validated before anything
 * is sent. Idempotent per event like `log`: events already stored are returned, not
 * duplicated. Results are in input order.
 *
 * @example
 * ```ts
 * const { data } = await ppn.sessionEvents.logMany({ events: queuedOffline }); // replay an offline queue safely
 * ```
 */
async function logMany(ctx: PpnContext, input: LogManySessionEventsParams, options?: RequestOptions): Promise<PpnResult<SessionEvent[]>> {
  const list = read(manyParams, input, false);
  if (list.error) return list;
  const all = await rows(ctx, list.data.events, (i) => ['events', i], options);
  if (all.error) return all;
  const out: SessionEvent[] = [];
  for (let i = 0; i < all.data.length; i += BATCH) {
    const stored = await insertIdempotent(ctx, all.data.slice(i, i + BATCH), options);
    if (stored.error) return stored;
    out.push(...stored.data);
  }
  return ok(out);
}

const [typeId, typeNameRule] = [id(), typeName()];

const timelineParams = z.strictObject({
  protocol_id: id(),
  from: z.optional(instant()),
  to: z.optional(instant()),
  eventTypes: z.optional(
    // Each an id or a name, judged by that one's rules (what a z.union of the two reported).
    items<number | string>(1, 100, (t) => (typeof t === 'string' ? typeNameRule : Number.isInteger(t) ? typeId : undefined)),
  ),
  ...pageParams(),
});

/**
 * A protocol's session events in time order (then by id), each with its event type's name,
 * color and icon, a page at a time. Another site's protocol reads as an empty timeline: what
 * you may not see is absent.
 *
 * A cursor continues after the last event of its page: an event logged later with an
 * earlier `event_timestamp` sorts before the cursor and appears when the timeline is read
 * again from the start.
 *
 * @example
 * ```ts
 * const { data: page } = await ppn.sessionEvents.timeline({ protocol_id: 1, eventTypes: ['Distress', 'Breakthrough'] });
 * page?.rows.forEach((e) => plot(e.event_timestamp, e.ref_event_types?.color_code));
 * ```
 */
async function timeline(ctx: PpnContext, input: TimelineParams, options?: RequestOptions): Promise<PpnResult<Page<TimelineEvent>>> {
  const parsed = read(timelineParams, input, false);
  if (parsed.error) return parsed;
  const { protocol_id, from, to, eventTypes } = parsed.data;
  const named = (eventTypes ?? []).flatMap((t, i) => (typeof t === 'string' ? [{ name: t, path: ['eventTypes', i] }] : []));
  const resolved = await resolveNames(ctx, 'ref_event_types', named, options);
  if (resolved.error) return resolved;
  const typeIds = eventTypes && [...eventTypes.filter((t): t is number => typeof t === 'number'), ...resolved.data];
  return readPage<TimelineEvent>(
    ctx,
    { name: 'timeline', keys: [{ column: 'event_timestamp' }, { column: 'event_id' }] },
    (count) => {
      let query = ctx.supabase
        .from('session_events')
        .select(`${SESSION_EVENTS_COLUMNS},ref_event_types(event_type_id,event_name,color_code,icon_name)`, count)
        .eq('protocol_id', protocol_id);
      if (from) query = query.gte('event_timestamp', from);
      if (to) query = query.lte('event_timestamp', to);
      if (typeIds) query = query.in('event_type_id', typeIds);
      return query as never;
    },
    parsed.data,
    options,
  );
}

const calls = { log, logMany, timeline };

/** The session events domain bound to a context: `sessionEvents(ctx).log(...)` is `ppn.sessionEvents.log(...)`. */
export function sessionEvents<M extends ResultMode>(ctx: PpnContext<M>): BoundDomain<M, typeof calls> {
  return bind(ctx, calls);
}
