import { toPpnError, type PostgrestErrorLike } from './errors.js';
import { fail, ok, type PpnResult } from './result.js';

/** One page of a list and how many rows the whole list has. */
export interface CountedPage<R> {
  rows: R[];
  total: number;
}

interface CountedResponse<R> {
  data: R[] | null;
  error: PostgrestErrorLike | null;
  count: number | null;
  status: number;
}

/** PostgREST's answer (HTTP 416) to a counted page that starts past the last row. */
const RANGE_NOT_SATISFIABLE = 'PGRST103';

/**
 * Reads one page with its total (`Prefer: count=...`). A page past the end is an empty page
 * with the current total, not an error: the list may have shrunk since the previous page
 * (PostgREST answers 416 there, so the total is asked for again, without rows).
 */
export async function readCountedPage<R>(
  offset: number,
  page: () => PromiseLike<CountedResponse<R>>,
  countOnly: () => PromiseLike<CountedResponse<unknown>>,
): Promise<PpnResult<CountedPage<R>>> {
  const first = await page();
  if (!first.error) {
    const rows = first.data ?? [];
    return ok({ rows, total: first.count ?? offset + rows.length });
  }
  if (first.error.code !== RANGE_NOT_SATISFIABLE) return fail(toPpnError(first.error, first.status));
  const counted = await countOnly();
  if (counted.error) return fail(toPpnError(counted.error, counted.status));
  return ok({ rows: [], total: counted.count ?? offset });
}
