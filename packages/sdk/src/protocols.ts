import * as z from 'zod/mini';
import { LOG_CLINICAL_RECORDS_COLUMNS, type Tables } from '@ppn/schema';
import { pageParams } from './args.js';
import type { PpnContext, RequestOptions } from './context.js';
import { bind, type BoundDomain } from './domain.js';
import { readPage, type Page } from './page.js';
import type { PpnResult, ResultMode } from './result.js';
import { read } from './validate.js';

/** A clinical record (`log_clinical_records`): the protocol every other call refers to by `protocol_id`. */
export type Protocol = Tables<'log_clinical_records'> & {
  /** The record's site. */
  sites: Pick<Tables<'sites'>, 'site_id' | 'site_name'> | null;
};

export interface ListProtocolsParams {
  /** Page size, 1 to 1000 (default 50). */
  limit?: number | undefined;
  /** The `nextCursor` of the previous page. */
  cursor?: string | undefined;
}

const listParams = z.strictObject(pageParams());

/**
 * The clinical records at your sites, newest session first (then newest record; records
 * without a session date last). The database decides which sites are yours; another site's
 * records are simply absent.
 *
 * @example
 * ```ts
 * const { data: page } = await ppn.protocols.list({ limit: 20 });
 * page?.rows.forEach((p) => console.log(p.record_id, p.sites?.site_name, p.session_date));
 * if (page?.nextCursor) await ppn.protocols.list({ limit: 20, cursor: page.nextCursor });
 * ```
 */
async function list(ctx: PpnContext, input?: ListProtocolsParams, options?: RequestOptions): Promise<PpnResult<Page<Protocol>>> {
  const parsed = read(listParams, input, true);
  if (parsed.error) return parsed;
  return readPage<Protocol>(
    ctx,
    {
      name: 'protocols',
      keys: [
        { column: 'session_date', descending: true, nullable: true },
        { column: 'record_id', descending: true },
      ],
    },
    (count) => ctx.supabase.from('log_clinical_records').select(`${LOG_CLINICAL_RECORDS_COLUMNS},sites(site_id,site_name)`, count) as never,
    parsed.data,
    options,
  );
}

const calls = { list };

/** The protocols domain bound to a context: `protocols(ctx).list()` is `ppn.protocols.list()`. */
export function protocols<M extends ResultMode>(ctx: PpnContext<M>): BoundDomain<M, typeof calls> {
  return bind(ctx, calls);
}
