import { toPpnError, type PostgrestErrorLike } from './errors.js';
import { fail, ok, type PpnResult } from './result.js';

/** PostgREST caps every response at `db-max-rows` (1000 on hosted Supabase). */
export const MAX_ROWS = 1000;

interface PageResponse<R> {
  data: R[] | null;
  error: PostgrestErrorLike | null;
  status: number;
}

/**
 * Reads every row of a query, page by page, so a list is never cut short silently at the
 * server's row cap. `page(from, to)` must build the same ordered query with `.range()`.
 */
export async function readAll<R>(page: (from: number, to: number) => PromiseLike<PageResponse<R>>): Promise<PpnResult<R[]>> {
  const rows: R[] = [];
  for (let from = 0; ; from += MAX_ROWS) {
    const { data, error, status } = await page(from, from + MAX_ROWS - 1);
    if (error) return fail(toPpnError(error, status));
    rows.push(...(data ?? []));
    if (!data || data.length < MAX_ROWS) return ok(rows);
  }
}
