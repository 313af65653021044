import { REF_EVENT_TYPES_COLUMNS, type Tables } from '@ppn/schema';
import type { PpnContext, RequestOptions } from './context.js';
import { bind, type BoundDomain } from './domain.js';
import { listReference } from './refs.js';
import type { PpnResult, ResultMode } from './result.js';

export type EventType = Tables<'ref_event_types'>;

export interface ListEventTypesParams {
  /** Include retired types (`is_active = false`), e.g. to label old timelines. */
  includeInactive?: boolean | undefined;
}

/**
 * The session event types for the Session Logger's buttons, in id order (the seeded order):
 * active ones only unless `includeInactive`. Each has the name `sessionEvents.log` accepts
 * as `event_type`, a color and an icon.
 *
 * @example
 * ```ts
 * const { data: types } = await ppn.eventTypes.list();
 * types?.forEach((t) => addButton(t.event_name, t.color_code, t.icon_name));
 * ```
 */
async function list(ctx: PpnContext, input?: ListEventTypesParams, options?: RequestOptions): Promise<PpnResult<EventType[]>> {
  return listReference<EventType>(ctx, 'ref_event_types', REF_EVENT_TYPES_COLUMNS, input, options);
}

const calls = { list };

/** The event types domain bound to a context: `eventTypes(ctx).list()` is `ppn.eventTypes.list()`. */
export function eventTypes<M extends ResultMode>(ctx: PpnContext<M>): BoundDomain<M, typeof calls> {
  return bind(ctx, calls);
}
