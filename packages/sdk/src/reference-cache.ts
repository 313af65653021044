import type { PpnContext } from './context.js';
import { PpnError, toPpnError, validationError } from './errors.js';
import { readAll } from './paginate.js';
import { fail, ok, type PpnResult } from './result.js';

type Kind = 'eventType' | 'homeworkType';

async function load(ctx: PpnContext, kind: Kind): Promise<Map<string, number>> {
  const result =
    kind === 'eventType'
      ? await readAll((from, to) => ctx.supabase.from('ref_event_types').select('event_type_id, event_name').order('event_type_id').range(from, to))
      : await readAll((from, to) => ctx.supabase.from('ref_homework_types').select('homework_type_id, homework_name').order('homework_type_id').range(from, to));
  if (result.error) throw result.error;
  return new Map(
    result.data.map((row) => ('event_name' in row ? [row.event_name, row.event_type_id] : [row.homework_name, row.homework_type_id])),
  );
}

/**
 * Resolves a reference type given by id or by name to its id. Names go through a cache per
 * client, filled on first use and refreshed once when a name is unknown (a network admin
 * may have added it since).
 */
export async function resolveTypeId(ctx: PpnContext, kind: Kind, value: number | string, path: Array<string | number>): Promise<PpnResult<number>> {
  if (typeof value === 'number') return ok(value);
  const key = kind === 'eventType' ? 'eventTypeIds' : 'homeworkTypeIds';
  for (let attempt = 0; attempt < 2; attempt++) {
    if (attempt === 1 || !ctx[key]) {
      const loading = load(ctx, kind);
      ctx[key] = loading;
      // A failed load must not poison the cache for the next call.
      loading.catch(() => {
        if (ctx[key] === loading) ctx[key] = undefined;
      });
    }
    try {
      const found = (await ctx[key]!).get(value);
      if (found !== undefined) return ok(found);
    } catch (error) {
      return fail(error instanceof PpnError ? error : toPpnError({ message: String(error) }, 0));
    }
  }
  const what = kind === 'eventType' ? 'event type' : 'homework type';
  return fail(validationError([{ path, message: `Unknown ${what} "${value}"` }]));
}
