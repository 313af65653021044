import * as z from 'zod/mini';
import type { Tables } from '@ppn/schema';
import { id } from './args.js';
import type { PpnContext } from './context.js';
import { notFound, toPpnError } from './errors.js';
import { readAll } from './paginate.js';
import { fail, ok, type PpnResult } from './result.js';
import { settle } from './settle.js';
import { parse } from './validate.js';

export type Medication = Tables<'ref_medications'>;

/** A medication the reference data flags, with the work order's note. */
export type FlaggedMedication = Pick<Medication, 'medication_id' | 'medication_name' | 'drug_class' | 'contraindication_notes'>;

export interface ListMedicationsOptions {
  /** Only this class, e.g. `'SSRI'` (see `medications.classes()`). */
  drugClass?: string;
  /** Case-insensitive substring of the name, e.g. `'zol'` finds Sertraline (Zoloft). */
  search?: string;
  /** Include retired medications (`is_active = false`). */
  includeInactive?: boolean;
}

const listOptions = z.optional(
  z.strictObject({
    drugClass: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
    search: z.optional(z.string().check(z.maxLength(200))),
    includeInactive: z.optional(z.boolean()),
  }),
);

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
 * const { data, error } = await ppn.medications.list({ drugClass: 'Benzodiazepine' });
 * data?.forEach((m) => console.log(m.medication_name, m.has_contraindication));
 * ```
 */
export async function listMedications(ctx: PpnContext, options: ListMedicationsOptions = {}): Promise<PpnResult<Medication[]>> {
  const parsed = parse(listOptions, options);
  if (!parsed.ok) return fail(parsed.error);
  const { drugClass, search, includeInactive } = parsed.value ?? {};
  return readAll((from, to) => {
    let query = ctx.supabase.from('ref_medications').select('*');
    if (!includeInactive) query = query.eq('is_active', true);
    if (drugClass) query = query.eq('drug_class', drugClass);
    if (search) query = query.ilike('medication_name', `%${likeLiteral(search)}%`);
    return query.order('medication_name').order('medication_id').range(from, to);
  });
}

/**
 * Reads one medication by id.
 *
 * @example
 * ```ts
 * const { data, error } = await ppn.medications.get(8);
 * if (error?.code === 'not_found') return;
 * ```
 */
export async function getMedication(ctx: PpnContext, medicationId: number): Promise<PpnResult<Medication>> {
  const parsed = parse(id(), medicationId, {}, ['medicationId']);
  if (!parsed.ok) return fail(parsed.error);
  const { data, error, status } = await ctx.supabase.from('ref_medications').select('*').eq('medication_id', parsed.value).maybeSingle();
  if (error) return fail(toPpnError(error, status));
  return data ? ok(data) : fail(notFound(`Medication ${parsed.value}`));
}

/**
 * The drug classes of the active medications, sorted, for grouping the dropdown.
 *
 * @example
 * ```ts
 * const { data: classes } = await ppn.medications.classes(); // ['Antipsychotic', 'Benzodiazepine', ...]
 * ```
 */
export async function listDrugClasses(ctx: PpnContext): Promise<PpnResult<string[]>> {
  const rows = await readAll((from, to) =>
    ctx.supabase.from('ref_medications').select('drug_class').eq('is_active', true).not('drug_class', 'is', null).order('drug_class').range(from, to),
  );
  if (rows.error) return rows;
  return ok([...new Set(rows.data.map((r) => r.drug_class as string))]);
}

const medicationIds = z.array(id()).check(z.maxLength(1000));

/**
 * Of the given medications, those the work order's reference data flags, with their notes.
 * An empty list means only that none carries the work order's flag (or none was given):
 * it is not a finding about any combination.
 *
 * These flags are the work order's reference data awaiting clinical review: show them as
 * a prompt to check, never as clinical advice. For cited findings with their clinical
 * review status, per medication and modality, use `medications.interactions`
 * (`medicationInteractions`).
 *
 * @example
 * ```ts
 * const { data: flagged } = await ppn.medications.checkContraindications([8, 12]);
 * for (const m of flagged ?? []) warn(`${m.medication_name}: ${m.contraindication_notes}`);
 * ```
 */
export async function checkContraindications(ctx: PpnContext, medicationIdList: number[]): Promise<PpnResult<FlaggedMedication[]>> {
  const parsed = parse(medicationIds, medicationIdList, {}, ['medicationIds']);
  if (!parsed.ok) return fail(parsed.error);
  const ids = [...new Set(parsed.value)];
  if (ids.length === 0) return ok([]);
  return settle(await ctx.supabase
    .from('ref_medications')
    .select('medication_id, medication_name, drug_class, contraindication_notes')
    .in('medication_id', ids)
    .eq('has_contraindication', true)
    .order('medication_name'));
}
