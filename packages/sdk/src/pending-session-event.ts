import type { EventTypeName } from '@ppn/schema';
import type { TimelineEvent } from './session-events.js';

/**
 * An event logged on this device and not yet confirmed by the database: the timeline row's
 * keys, with what only the database assigns (`event_id`, `created_at`, `created_by`,
 * `site_id`) null, and `event_type_id` / `ref_event_types` null until a name given as
 * `event_type` is resolved. `client_event_id` is fixed before anything is sent, so the stored
 * row replaces this one by that key, however many times the send is retried.
 *
 * Both the query bindings' optimistic logging (`@ppn/sdk/query`) and the offline outbox
 * (`@ppn/sdk/outbox`) produce this shape, so one timeline component renders either.
 *
 * @example
 * ```ts
 * import type { PendingSessionEvent, TimelineEvent } from '@ppn/sdk';
 *
 * function label(row: TimelineEvent | PendingSessionEvent): string {
 *   return 'status' in row ? `${row.event_type ?? 'event'} (waiting to sync)` : (row.ref_event_types?.event_name ?? 'event');
 * }
 * ```
 */
export type PendingSessionEvent = Omit<TimelineEvent, 'event_id' | 'created_at' | 'created_by' | 'site_id' | 'protocol_id'> & {
  event_id: null;
  created_at: null;
  created_by: null;
  site_id: null;
  protocol_id: number;
  client_event_id: string;
  /** The name the event was logged with, when given by name; null when given by id. */
  event_type: EventTypeName | null;
  status: 'pending';
};
