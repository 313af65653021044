import * as z from 'zod/mini';
import { integrationScoreInsert, SCALE_TYPES, type ScaleType, type Tables } from '@ppn/schema';
import { id, instant } from './args.js';
import type { PpnContext } from './context.js';
import { readAll } from './paginate.js';
import { fail, type PpnResult } from './result.js';
import { settle } from './settle.js';
import { parse } from './validate.js';

export type IntegrationScore = Tables<'integration_scores'>;
export type { ScaleType };

export interface RecordScoreInput {
  protocolId: number;
  /** `'IES'` or `'EIS'`. */
  scale: ScaleType;
  /** 0 to 100, at most two decimals. */
  value: number;
  /** When it was measured: ISO 8601 with an offset, or a Date. */
  measuredAt: string | Date;
  /** Whole days since the dosing session; not negative. */
  daysPostDose?: number | null;
}

const recordInput = z.strictObject({
  protocolId: id(),
  scale: z.enum(SCALE_TYPES),
  value: z.number(),
  measuredAt: instant(),
  daysPostDose: z.optional(z.nullable(z.number())),
});

const RENAME = {
  protocol_id: 'protocolId',
  scale_type: 'scale',
  score_value: 'value',
  measured_at: 'measuredAt',
  days_post_dose: 'daysPostDose',
};

/**
 * Records an integration score (IES or EIS, 0 to 100) on a protocol. Only clinicians and
 * site admins of the protocol's site may record: anyone else gets `forbidden`.
 *
 * @example
 * ```ts
 * const { data, error } = await ppn.integrationScores.record({ protocolId: 1, scale: 'IES', value: 31.5, measuredAt: new Date(), daysPostDose: 14 });
 * if (error?.code === 'validation') error.issues.forEach((i) => markField(i.path));
 * ```
 */
export async function recordScore(ctx: PpnContext, input: RecordScoreInput): Promise<PpnResult<IntegrationScore>> {
  const parsed = parse(recordInput, input);
  if (!parsed.ok) return fail(parsed.error);
  const args = parsed.value;
  const row = {
    protocol_id: args.protocolId,
    scale_type: args.scale,
    score_value: args.value,
    measured_at: args.measuredAt,
    days_post_dose: args.daysPostDose ?? null,
  };
  // 0..100, two decimals, days_post_dose >= 0: the rules of @ppn/schema.
  const checked = parse(integrationScoreInsert, row, RENAME);
  if (!checked.ok) return fail(checked.error);
  return settle(await ctx.supabase.from('integration_scores').insert(row).select('*').single());
}

const scale = z.enum(SCALE_TYPES);

/**
 * A protocol's scores on one scale in the order they were measured, for a trend chart.
 * Another site's protocol reads as an empty list.
 *
 * @example
 * ```ts
 * const { data: ies } = await ppn.integrationScores.trend(1, 'IES');
 * chart(ies?.map((s) => [s.measured_at, s.score_value]));
 * ```
 */
export async function scoreTrend(ctx: PpnContext, protocolId: number, scaleType: ScaleType): Promise<PpnResult<IntegrationScore[]>> {
  const pid = parse(id(), protocolId, {}, ['protocolId']);
  if (!pid.ok) return fail(pid.error);
  const parsed = parse(scale, scaleType, {}, ['scale']);
  if (!parsed.ok) return fail(parsed.error);
  return readAll((from, to) =>
    ctx.supabase
      .from('integration_scores')
      .select('*')
      .eq('protocol_id', pid.value)
      .eq('scale_type', parsed.value)
      .order('measured_at')
      .order('score_id')
      .range(from, to),
  );
}
