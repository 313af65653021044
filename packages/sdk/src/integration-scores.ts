import * as z from 'zod/mini';
import { INTEGRATION_SCORES_COLUMNS, SCALE_TYPES, integrationScoreInsert, type ScaleType, type Tables, type TablesInsert } from '@ppn/schema';
import { id, instant } from './args.js';
import type { PpnContext, RequestOptions } from './context.js';
import { bind, type BoundDomain } from './domain.js';
import { readAll } from './page.js';
import { settleOne } from './request.js';
import type { PpnResult, ResultMode } from './result.js';
import type { DateInput, Loose } from './types.js';
import { check, keys, params, read } from './validate.js';

export type IntegrationScore = Tables<'integration_scores'>;
export type { ScaleType };

/** A score to record: `score_value` 0 to 100 with at most two decimals; `days_post_dose` not negative. */
export type RecordScoreParams = { protocol_id: number; measured_at: DateInput } & Pick<TablesInsert<'integration_scores'>, 'scale_type' | 'score_value'> &
  Loose<Pick<TablesInsert<'integration_scores'>, 'days_post_dose'>>;

export interface ScoreTrendParams {
  protocol_id: number;
  scale_type: ScaleType;
}

const recordKeys = keys(['protocol_id', 'scale_type', 'score_value', 'measured_at', 'days_post_dose'], {
  protocol_id: id(),
  scale_type: z.enum(SCALE_TYPES),
  score_value: z.number(),
  measured_at: instant(),
});

/**
 * Records an integration score (IES or EIS, 0 to 100) on a protocol. Only clinicians and
 * site admins of the protocol's site may record: anyone else gets `forbidden`.
 *
 * @example
 * ```ts
 * const { data, error } = await ppn.integrationScores.record({ protocol_id: 1, scale_type: 'IES', score_value: 31.5, measured_at: new Date(), days_post_dose: 14 });
 * if (error?.code === 'validation') error.issues.forEach((i) => markField(i.path, i.message));
 * ```
 */
async function record(ctx: PpnContext, input: RecordScoreParams, options?: RequestOptions): Promise<PpnResult<IntegrationScore>> {
  const given = params(input, false);
  if (given.error) return given;
  // 0..100, two decimals, days_post_dose >= 0, the scale list: the rules of @ppn/schema;
  // protocol_id, nullable in the table, is required here.
  const row = check<TablesInsert<'integration_scores'>>(given.data, recordKeys, given.data, integrationScoreInsert);
  if (row.error) return row;
  return settleOne(ctx.supabase.from('integration_scores').insert(row.data).select(INTEGRATION_SCORES_COLUMNS), options, 'The new score');
}

const trendParams = z.strictObject({ protocol_id: id(), scale_type: z.enum(SCALE_TYPES) });

/**
 * A protocol's scores on one scale in the order they were measured, for a trend chart.
 * Another site's protocol reads as an empty list.
 *
 * @example
 * ```ts
 * const { data: ies } = await ppn.integrationScores.trend({ protocol_id: 1, scale_type: 'IES' });
 * chart(ies?.map((s) => [s.measured_at, s.score_value]));
 * ```
 */
async function trend(ctx: PpnContext, input: ScoreTrendParams, options?: RequestOptions): Promise<PpnResult<IntegrationScore[]>> {
  const parsed = read(trendParams, input, false);
  if (parsed.error) return parsed;
  return readAll<IntegrationScore>(
    { name: 'score trend', keys: [{ column: 'measured_at' }, { column: 'score_id' }] },
    (count) =>
      ctx.supabase
        .from('integration_scores')
        .select(INTEGRATION_SCORES_COLUMNS, count)
        .eq('protocol_id', parsed.data.protocol_id)
        .eq('scale_type', parsed.data.scale_type) as never,
    options,
  );
}

const calls = { record, trend };

/** The integration scores domain bound to a context: `integrationScores(ctx).record(...)` is `ppn.integrationScores.record(...)`. */
export function integrationScores<M extends ResultMode>(ctx: PpnContext<M>): BoundDomain<M, typeof calls> {
  return bind(ctx, calls);
}
