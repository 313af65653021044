import * as z from 'zod/mini';
import { REF_MEDICATIONS_COLUMNS, type Tables } from '@ppn/schema';
import { id, items, lengths } from './args.js';
import { interactions } from './medication-interactions.js';
import type { PpnContext, RequestOptions } from './context.js';
import { bind, type BoundDomain } from './domain.js';
import { readAll, type ListSpec } from './page.js';
import { settle, settleOne } from './request.js';
import { ok, type PpnResult, type ResultMode } from './result.js';
import { parse, read } from './validate.js';

export type Medication = Tables<'ref_medications'>;

/** A drug class, e.g. `'SSRI'`. */
export type DrugClass = string;

/** A medication the reference data flags, with the work order's note. */
export type FlaggedMedication = Pick<Medication, 'medication_id' | 'medication_name' | 'drug_class' | 'contraindication_notes'>;

export interface ListMedicationsParams {
  /** Only this class, e.g. `'SSRI'` (see `medications.classes()`). */
  drug_class?: string | undefined;
  /** Case-insensitive substring of the name, e.g. `'zol'` finds Sertraline (Zoloft). */
  search?: string | undefined;
  /** Include retired medications (`is_active = false`). */
  includeInactive?: boolean | undefined;
}

export interface CheckContraindicationsParams {
  /** The medications to check, at most 1000. */
  medicationIds: number[];
}

const listParams = z.strictObject({
  drug_class: z.optional(z.string().check(lengths(1, 200))),
  search: z.optional(z.string().check(lengths(0, 200))),
  includeInactive: z.optional(z.boolean()),
});

const BY_NAME: ListSpec = { name: 'medications', keys: [{ column: 'medication_name' }, { column: 'medication_id' }] };

/** `%`, `_` and `\` are wildcards in ILIKE: a search for "50%" means the characters. */
function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * Lists medications for the Protocol Builder dropdown, ordered by name. Active ones only
 * unless `includeInactive`.
 *
 * The contraindication flags are the work order's reference data awaiting clinical review,
 * not decision support.
 *
 * @example
 * ```ts
 * const { data, error } = await ppn.medications.list({ drug_class: 'Benzodiazepine' });
 * data?.forEach((m) => console.log(m.medication_name, m.has_contraindication));
 * ```
 */
async function list(ctx: PpnContext, input?: ListMedicationsParams, options?: RequestOptions): Promise<PpnResult<Medication[]>> {
  const parsed = read(listParams, input, true);
  if (parsed.error) return parsed;
  const { drug_class, search, includeInactive } = parsed.data;
  return readAll<Medication>(
    BY_NAME,
    (count) => {
      let query = ctx.supabase.from('ref_medications').select(REF_MEDICATIONS_COLUMNS, count);
      if (!includeInactive) query = query.eq('is_active', true);
      if (drug_class) query = query.eq('drug_class', drug_class);
      if (search) query = query.ilike('medication_name', `%${likeLiteral(search)}%`);
      return query as never;
    },
    options,
  );
}

/**
 * Reads one medication by id; `not_found` when there is none.
 *
 * @example
 * ```ts
 * const { data, error } = await ppn.medications.get(8);
 * if (error?.code === 'not_found') return;
 * ```
 */
async function get(ctx: PpnContext, medicationId: number, options?: RequestOptions): Promise<PpnResult<Medication>> {
  const parsed = parse(id(), medicationId, ['medication_id']);
  if (parsed.error) return parsed;
  return settleOne(ctx.supabase.from('ref_medications').select(REF_MEDICATIONS_COLUMNS).eq('medication_id', parsed.data), options, `Medication ${parsed.data}`);
}

/**
 * The drug classes of the active medications, sorted, for grouping the dropdown.
 *
 * @example
 * ```ts
 * const { data: classes } = await ppn.medications.classes(); // ['Antipsychotic', 'Benzodiazepine', ...]
 * ```
 */
async function classes(ctx: PpnContext, input?: Record<string, never>, options?: RequestOptions): Promise<PpnResult<DrugClass[]>> {
  const parsed = read(z.strictObject({}), input, true);
  if (parsed.error) return parsed;
  const rows = await readAll<{ drug_class: string }>(
    { name: 'drug classes', keys: [{ column: 'drug_class' }, { column: 'medication_id' }] },
    (count) => ctx.supabase.from('ref_medications').select('drug_class,medication_id', count).eq('is_active', true).not('drug_class', 'is', null) as never,
    options,
  );
  return rows.error ? rows : ok([...new Set(rows.data.map((r) => r.drug_class))]);
}

const checkParams = z.strictObject({ medicationIds: items<number>(0, 1000, id()) });

/**
 * Of the given medications, those the work order's reference data flags, with their notes.
 * An empty list means only that none carries the work order's flag (or none was given):
 * it is not a finding about any combination.
 *
 * These flags are the work order's reference data awaiting clinical review: show them as
 * a prompt to check, never as clinical advice. For cited findings with their clinical
 * review status, per medication and modality, use `medications.interactions`.
 *
 * @example
 * ```ts
 * const { data: flagged } = await ppn.medications.checkContraindications({ medicationIds: [8, 12] });
 * for (const m of flagged ?? []) warn(`${m.medication_name}: ${m.contraindication_notes}`);
 * ```
 */
async function checkContraindications(ctx: PpnContext, input: CheckContraindicationsParams, options?: RequestOptions): Promise<PpnResult<FlaggedMedication[]>> {
  const parsed = read(checkParams, input, false);
  if (parsed.error) return parsed;
  const ids = [...new Set(parsed.data.medicationIds)];
  if (ids.length === 0) return ok([]);
  return settle(
    ctx.supabase
      .from('ref_medications')
      .select('medication_id,medication_name,drug_class,contraindication_notes')
      .in('medication_id', ids)
      .eq('has_contraindication', true)
      .order('medication_name'),
    options,
  );
}

const calls = { list, get, classes, checkContraindications, interactions };

/** The medications domain bound to a context: `medications(ctx).list()` is `ppn.medications.list()`. */
export function medications<M extends ResultMode>(ctx: PpnContext<M>): BoundDomain<M, typeof calls> {
  return bind(ctx, calls);
}
