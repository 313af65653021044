import type { PpnContext, RequestOptions } from './context.js';
import { validationError, type PpnIssue } from './errors.js';
import { inactiveOption } from './args.js';
import { readAll } from './page.js';
import { read } from './validate.js';
import { fail, ok, type PpnResult } from './result.js';

/** A reference table whose rows a call may name instead of giving the id. */
export type NamedTable = 'ref_event_types' | 'ref_homework_types';

const COLUMNS = {
  ref_event_types: ['event_type_id', 'event_name', 'event_type'],
  ref_homework_types: ['homework_type_id', 'homework_name', 'homework_type'],
} as const;

async function load(ctx: PpnContext, table: NamedTable, options: RequestOptions | undefined): Promise<Map<string, number>> {
  const [idColumn, nameColumn] = COLUMNS[table];
  const rows = await readAll<Record<string, string | number>>(
    { name: table, keys: [{ column: idColumn }] },
    (count) => ctx.supabase.from(table).select(`${idColumn},${nameColumn}`, count) as never,
    options,
  );
  if (rows.error) throw rows.error;
  return new Map(rows.data.map((row) => [row[nameColumn] as string, row[idColumn] as number]));
}

/**
 * The id of each reference given by name. Names go through a cache per client, filled on
 * first use and refreshed once when a name is unknown (a network admin may have added it).
 * `names` pairs each name with the path of the key that gave it.
 */
export async function resolveNames(
  ctx: PpnContext,
  table: NamedTable,
  names: Array<{ name: string; path: Array<string | number> }>,
  options: RequestOptions | undefined,
): Promise<PpnResult<number[]>> {
  if (names.length === 0) return ok([]);
  for (let attempt = 0; ; attempt++) {
    if (attempt === 1 || !ctx.names.has(table)) {
      const loading = load(ctx, table, options);
      ctx.names.set(table, loading);
      // A failed load must not poison the cache for the next call.
      loading.catch(() => ctx.names.get(table) === loading && ctx.names.delete(table));
    }
    let known: Map<string, number>;
    try {
      known = await ctx.names.get(table)!;
    } catch (error) {
      return fail(error as never);
    }
    const missing: PpnIssue[] = names
      .filter(({ name }) => !known.has(name))
      .map(({ name, path }) => ({ path, code: 'invalid_value', message: `${path.join('.')} "${name}" is not a ${COLUMNS[table][2].replace('_', ' ')} name` }));
    if (missing.length === 0) return ok(names.map(({ name }) => known.get(name)!));
    if (attempt === 1) return fail(validationError(missing));
  }
}

/**
 * A reference list (event types, homework types) in id order: active rows only unless
 * `includeInactive`, every row read.
 */
export async function listReference<R>(
  ctx: PpnContext,
  table: NamedTable,
  columns: string,
  input: { includeInactive?: boolean | undefined } | undefined,
  options: RequestOptions | undefined,
): Promise<PpnResult<R[]>> {
  const parsed = read(inactiveOption(), input, true);
  if (parsed.error) return parsed;
  return readAll<R>(
    { name: table, keys: [{ column: COLUMNS[table][0] }] },
    (count) => {
      const query = ctx.supabase.from(table).select(columns, count);
      return (parsed.data.includeInactive ? query : query.eq('is_active', true)) as never;
    },
    options,
  );
}
