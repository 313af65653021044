import * as z from 'zod/mini';
import type { Tables } from '@ppn/schema';
import type { PpnContext } from './context.js';
import { readAll } from './paginate.js';
import { fail, type PpnResult } from './result.js';
import { parse } from './validate.js';

export type EventType = Tables<'ref_event_types'>;

export interface ListEventTypesOptions {
  /** Include retired types (`is_active = false`), e.g. to label old timelines. */
  includeInactive?: boolean;
}

const listOptions = z.optional(z.strictObject({ includeInactive: z.optional(z.boolean()) }));

/**
 * The session event types for the Session Logger's buttons, in id order (the seeded order):
 * active ones only unless `includeInactive`. Each has the name `sessionEvents.log` accepts,
 * a color and an icon.
 *
 * @example
 * ```ts
 * const { data: types } = await ppn.eventTypes.list();
 * types?.forEach((t) => addButton(t.event_name, t.color_code, t.icon_name));
 * ```
 */
export async function listEventTypes(ctx: PpnContext, options: ListEventTypesOptions = {}): Promise<PpnResult<EventType[]>> {
  const parsed = parse(listOptions, options);
  if (!parsed.ok) return fail(parsed.error);
  const includeInactive = parsed.value?.includeInactive ?? false;
  return readAll((from, to) => {
    let query = ctx.supabase.from('ref_event_types').select('*');
    if (!includeInactive) query = query.eq('is_active', true);
    return query.order('event_type_id').range(from, to);
  });
}
