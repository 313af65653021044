import * as z from 'zod/mini';
import { sessionEventInsert, type Tables } from '@ppn/schema';
import { id, instant } from './args.js';
import type { PpnContext } from './context.js';
import { toPpnError } from './errors.js';
import { readAll } from './paginate.js';
import { resolveTypeId } from './reference-cache.js';
import { fail, ok, type PpnResult } from './result.js';
import { parse } from './validate.js';

export type SessionEvent = Tables<'session_events'>;
type EventType = Tables<'ref_event_types'>;

/** One event to log. `eventType` is an id or a name such as `'Distress'`. */
export interface LogSessionEventInput {
  protocolId: number;
  eventType: number | string;
  /** When it happened: ISO 8601 with an offset, or a Date. Default: the device's clock at the call. */
  occurredAt?: string | Date;
  /** 1 to 10. */
  intensity?: number | null;
  notes?: string | null;
  /**
   * Idempotency key (a uuid). Generated when absent and returned in the result: send the
   * same key again to retry safely; the event is never stored twice.
   */
  clientEventId?: string;
}

/** A timeline entry: the event with its type's name, color and icon. */
export interface TimelineEvent extends SessionEvent {
  event_type: Pick<EventType, 'event_type_id' | 'event_name' | 'color_code' | 'icon_name'> | null;
}

export interface TimelineOptions {
  /** Only events at or after this instant. */
  from?: string | Date;
  /** Only events at or before this instant. */
  to?: string | Date;
  /** Only these types (ids or names). */
  eventTypes?: Array<number | string>;
}

const typeRef = z.union([id(), z.string().check(z.minLength(1), z.maxLength(200))]);

const logInput = z.strictObject({
  protocolId: id(),
  eventType: typeRef,
  occurredAt: z.optional(instant()),
  intensity: z.optional(z.nullable(z.number())),
  notes: z.optional(z.nullable(z.string())),
  clientEventId: z.optional(z.uuid()),
});

const RENAME = {
  protocol_id: 'protocolId',
  event_type_id: 'eventType',
  event_timestamp: 'occurredAt',
  intensity_level: 'intensity',
  notes: 'notes',
  client_event_id: 'clientEventId',
};

type Row = { protocol_id: number; event_type_id: number; event_timestamp: string; intensity_level: number | null; notes: string | null; client_event_id: string };

/** A validated event: the row to insert, and its type as given (an id, or a name still to resolve). */
type Checked = { row: Row; eventType: number | string; prefix: Array<string | number> };

/** Validates one input and turns it into the row to insert, or the validation error. Sends nothing. */
function check(ctx: PpnContext, input: unknown, prefix: Array<string | number>): PpnResult<Checked> {
  const parsed = parse(logInput, input, {}, prefix);
  if (!parsed.ok) return fail(parsed.error);
  const args = parsed.value;
  const row = {
    protocol_id: args.protocolId,
    event_type_id: typeof args.eventType === 'number' ? args.eventType : 0,
    event_timestamp: args.occurredAt ?? ctx.now().toISOString(),
    intensity_level: args.intensity ?? null,
    notes: args.notes ?? null,
    // Postgres returns uuids in lower case; the stored row is matched to its input by this key.
    client_event_id: (args.clientEventId ?? crypto.randomUUID()).toLowerCase(),
  };
  // The table's own rules (intensity 1-10, notes length) live in @ppn/schema.
  const checked = parse(sessionEventInsert, row, RENAME, prefix);
  if (!checked.ok) return fail(checked.error);
  return ok({ row, eventType: args.eventType, prefix });
}

/** Resolves the event type of a validated event (a name may need the reference data). */
async function toRow(ctx: PpnContext, { row, eventType, prefix }: Checked): Promise<PpnResult<Row>> {
  const typeId = await resolveTypeId(ctx, 'eventType', eventType, [...prefix, 'eventType']);
  if (typeId.error) return fail(typeId.error);
  return ok({ ...row, event_type_id: typeId.data });
}

const LOOKUP_SLICE = 100;

/** An event's identity for retries: the unique (protocol_id, client_event_id) pair. */
const eventKey = (e: { protocol_id: number | null; client_event_id: string }) => `${e.protocol_id}/${e.client_event_id}`;

/** Inserts rows, ignoring those already stored (same protocol and clientEventId), and returns all, in input order. */
async function insertIdempotent(ctx: PpnContext, rows: Row[]): Promise<PpnResult<SessionEvent[]>> {
  const inserted = await ctx.supabase
    .from('session_events')
    .upsert(rows, { onConflict: 'protocol_id,client_event_id', ignoreDuplicates: true })
    .select('*');
  if (inserted.error) return fail(toPpnError(inserted.error, inserted.status));
  const byKey = new Map(inserted.data.map((e) => [eventKey(e), e]));
  const missing = rows.filter((r) => !byKey.has(eventKey(r)));
  // Retries: these were stored by an earlier attempt whose response was lost. Looked up in
  // slices so the URL stays well under gateway limits.
  for (let i = 0; i < missing.length; i += LOOKUP_SLICE) {
    const slice = missing.slice(i, i + LOOKUP_SLICE);
    const existing = await ctx.supabase
      .from('session_events')
      .select('*')
      .in('client_event_id', slice.map((r) => r.client_event_id))
      .in('protocol_id', [...new Set(slice.map((r) => r.protocol_id))]);
    if (existing.error) return fail(toPpnError(existing.error, existing.status));
    for (const e of existing.data) byKey.set(eventKey(e), e);
  }
  const out: SessionEvent[] = [];
  for (const r of rows) {
    const event = byKey.get(eventKey(r));
    if (!event) return fail(toPpnError({ message: `Event ${r.client_event_id} was neither stored nor found`, code: 'PGRST116' }, 404));
    out.push(event);
  }
  return ok(out);
}

/**
 * Logs one session event. Safe to retry: pass the same `clientEventId` (returned in the
 * result as `client_event_id`) and the event is stored once; a retry returns the stored
 * event with `error: null`. `occurredAt` defaults to the device's clock at the call.
 *
 * @example
 * ```ts
 * const { data, error } = await ppn.sessionEvents.log({ protocolId: 1, eventType: 'Distress', intensity: 7 });
 * if (error?.code === 'network') retryLater({ ...input, clientEventId: pendingId });
 * ```
 */
export async function logSessionEvent(ctx: PpnContext, input: LogSessionEventInput): Promise<PpnResult<SessionEvent>> {
  const checked = check(ctx, input, []);
  if (checked.error) return fail(checked.error);
  const row = await toRow(ctx, checked.data);
  if (row.error) return fail(row.error);
  const stored = await insertIdempotent(ctx, [row.data]);
  return stored.error ? fail(stored.error) : ok(stored.data[0]!);
}

const BATCH = 1000;

/**
 * Logs many events in one insert request per 1,000 events, all validated before anything
 * is sent. Idempotent per event like `log`: events already stored are returned, not
 * duplicated. Results are in input order.
 *
 * @example
 * ```ts
 * const { data } = await ppn.sessionEvents.logMany(queuedOffline); // replay an offline queue safely
 * ```
 */
export async function logSessionEvents(ctx: PpnContext, inputs: LogSessionEventInput[]): Promise<PpnResult<SessionEvent[]>> {
  const list = parse(z.array(z.unknown()).check(z.minLength(1), z.maxLength(100_000)), inputs, {}, ['events']);
  if (!list.ok) return fail(list.error);
  // Every event is validated before any request; only then are type names resolved (which may read the reference data).
  const checked: Checked[] = [];
  for (const [index, input] of list.value.entries()) {
    const one = check(ctx, input, ['events', index]);
    if (one.error) return fail(one.error);
    checked.push(one.data);
  }
  const rows: Row[] = [];
  for (const one of checked) {
    const row = await toRow(ctx, one);
    if (row.error) return fail(row.error);
    rows.push(row.data);
  }
  const out: SessionEvent[] = [];
  for (let i = 0; i < rows.length; i += BATCH) {
    const stored = await insertIdempotent(ctx, rows.slice(i, i + BATCH));
    if (stored.error) return fail(stored.error);
    out.push(...stored.data);
  }
  return ok(out);
}

const timelineOptions = z.optional(
  z.strictObject({
    from: z.optional(instant()),
    to: z.optional(instant()),
    eventTypes: z.optional(z.array(typeRef).check(z.minLength(1), z.maxLength(100))),
  }),
);

/**
 * A protocol's session events in time order, each with its type's name, color and icon.
 * Another site's protocol reads as an empty timeline: what you may not see is absent.
 *
 * @example
 * ```ts
 * const { data: events } = await ppn.sessionEvents.timeline(1, { eventTypes: ['Distress', 'Breakthrough'] });
 * events?.forEach((e) => plot(e.event_timestamp, e.event_type?.color_code));
 * ```
 */
export async function sessionTimeline(ctx: PpnContext, protocolId: number, options: TimelineOptions = {}): Promise<PpnResult<TimelineEvent[]>> {
  const pid = parse(id(), protocolId, {}, ['protocolId']);
  if (!pid.ok) return fail(pid.error);
  const parsed = parse(timelineOptions, options);
  if (!parsed.ok) return fail(parsed.error);
  const { from, to, eventTypes } = parsed.value ?? {};
  let typeIds: number[] | undefined;
  if (eventTypes) {
    typeIds = [];
    for (const [i, t] of eventTypes.entries()) {
      const resolved = await resolveTypeId(ctx, 'eventType', t, ['eventTypes', i]);
      if (resolved.error) return fail(resolved.error);
      typeIds.push(resolved.data);
    }
  }
  return readAll((start, end) => {
    let query = ctx.supabase
      .from('session_events')
      .select('*, event_type:ref_event_types(event_type_id, event_name, color_code, icon_name)')
      .eq('protocol_id', pid.value);
    if (from) query = query.gte('event_timestamp', from);
    if (to) query = query.lte('event_timestamp', to);
    if (typeIds) query = query.in('event_type_id', typeIds);
    return query.order('event_timestamp').order('event_id').range(start, end);
  });
}
