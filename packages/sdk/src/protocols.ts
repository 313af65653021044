import * as z from 'zod/mini';
import type { Tables } from '@ppn/schema';
import { page } from './args.js';
import type { PpnContext } from './context.js';
import { readCountedPage } from './counted-page.js';
import { fail, ok, type PpnResult } from './result.js';
import { parse } from './validate.js';

/** A clinical record (`log_clinical_records`): the protocol every other call refers to by `protocolId`. */
export type Protocol = Tables<'log_clinical_records'> & {
  /** The record's site. */
  site: Pick<Tables<'sites'>, 'site_id' | 'site_name'> | null;
};

export interface ListProtocolsOptions {
  /** Page size, 1 to 1000 (default 100). */
  limit?: number;
  /** Rows to skip (default 0). */
  offset?: number;
}

/** One page of protocols. `total` is exact; `hasMore` says whether a next page exists. */
export interface ProtocolPage {
  rows: Protocol[];
  total: number;
  hasMore: boolean;
}

const DEFAULT_LIMIT = 100;

const listOptions = z.optional(z.strictObject(page()));

/**
 * The clinical records at your sites, newest session first (then newest record). The
 * database decides which sites are yours; another site's records are simply absent. Pages
 * explicitly: `total` counts every record you may see, so nothing is cut short silently.
 *
 * @example
 * ```ts
 * const { data, error } = await ppn.protocols.list({ limit: 20 });
 * data?.rows.forEach((p) => console.log(p.record_id, p.site?.site_name, p.session_date));
 * if (data?.hasMore) await ppn.protocols.list({ limit: 20, offset: 20 });
 * ```
 */
export async function listProtocols(ctx: PpnContext, options: ListProtocolsOptions = {}): Promise<PpnResult<ProtocolPage>> {
  const parsed = parse(listOptions, options);
  if (!parsed.ok) return fail(parsed.error);
  const limit = parsed.value?.limit ?? DEFAULT_LIMIT;
  const offset = parsed.value?.offset ?? 0;
  const result = await readCountedPage(
    offset,
    () =>
      ctx.supabase
        .from('log_clinical_records')
        .select('*, site:sites(site_id, site_name)', { count: 'exact' })
        .order('session_date', { ascending: false, nullsFirst: false })
        .order('record_id', { ascending: false })
        .range(offset, offset + limit - 1),
    () => ctx.supabase.from('log_clinical_records').select('record_id', { count: 'exact', head: true }),
  );
  if (result.error) return fail(result.error);
  const { rows, total } = result.data;
  return ok({ rows, total, hasMore: offset + rows.length < total });
}
