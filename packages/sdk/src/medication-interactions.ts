import * as z from 'zod/mini';
import type { ModalityName, Tables } from '@ppn/schema';
import { id, items, lengths } from './args.js';
import type { PpnContext, RequestOptions } from './context.js';
import { notFound, validationError } from './errors.js';
import { settle } from './request.js';
import { fail, ok, type PpnResult } from './result.js';
import { read } from './validate.js';

/**
 * `medications.interactions`: the cited interaction evidence recorded for medications, with
 * each finding's clinical review status. Bound into the medications domain (medications.ts);
 * kept in its own file because it reads two more tables and carries its own result types.
 *
 * There is deliberately no value meaning "this combination is fine": a medication has
 * evidence recorded, or it has none, and none is not a statement of safety.
 */

type EvidenceRow = Tables<'ref_interaction_evidence'>;

/** One finding as the SDK returns it: the row's columns, and its modality's name when it names one. */
export type InteractionEvidence = Pick<
  EvidenceRow,
  | 'evidence_id'
  | 'medication_id'
  | 'modality_id'
  | 'modality_class'
  | 'effect'
  | 'severity'
  | 'finding'
  | 'evidence_kind'
  | 'citation_title'
  | 'citation_authors'
  | 'citation_journal'
  | 'citation_year'
  | 'citation_doi'
  | 'citation_pmid'
  | 'review_status'
  | 'reviewed_at'
  | 'created_at'
> & {
  /** The modality the finding names (`null` when it names a class: see `modality_class`). */
  ref_modalities: { modality_name: string } | null;
};

/**
 * `evidence_recorded`: at least one finding (read them: a finding may be unreviewed).
 * `no_evidence_recorded`: nothing is recorded, which says nothing about the combination.
 */
export type InteractionEvidenceStatus = 'evidence_recorded' | 'no_evidence_recorded';

/** The evidence for one medication, in the order the medications were asked for. */
export interface MedicationInteractions {
  medication_id: number;
  medication_name: string;
  status: InteractionEvidenceStatus;
  /** Most severe first (`avoid`, `caution`, `info`), then newest citation first. */
  evidence: InteractionEvidence[];
}

export interface MedicationInteractionsParams {
  /** The patient's medications (`ref_medications.medication_id`), 1..1000 ids; repeats are read once. */
  medicationIds: number[];
  /**
   * The planned modality by name, as `ref_modalities.modality_name` (e.g. `'Psilocybin'`):
   * only findings about it or about its class (e.g. classic psychedelics) are returned.
   * Omitted: findings about every modality.
   */
  modality?: ModalityName | (string & {}) | undefined;
  /** Include findings a clinical reviewer retired (withdrawn; kept for the record). Default false. */
  includeRetired?: boolean | undefined;
}

const paramsSchema = z.strictObject({
  medicationIds: items<number>(1, 1000, id()),
  modality: z.optional(z.string().check(lengths(1, 60))),
  includeRetired: z.optional(z.boolean()),
});

const EVIDENCE_COLUMNS =
  'evidence_id, medication_id, modality_id, modality_class, effect, severity, finding, evidence_kind, citation_title, citation_authors, citation_journal, citation_year, citation_doi, citation_pmid, review_status, reviewed_at, created_at, ref_modalities(modality_name)';

const SEVERITY_RANK: Record<string, number> = { avoid: 0, caution: 1, info: 2 };

function bySeverityThenYear(a: InteractionEvidence, b: InteractionEvidence): number {
  return (SEVERITY_RANK[a.severity] ?? 3) - (SEVERITY_RANK[b.severity] ?? 3) || b.citation_year - a.citation_year || a.evidence_id - b.evidence_id;
}

/**
 * The cited interaction evidence recorded for each medication, with every finding's
 * citation (DOI and/or PMID) and clinical review status (`unreviewed`, `approved`,
 * `retired`). Show an `unreviewed` finding as unreviewed; a medication with status
 * `no_evidence_recorded` has no evidence on file, which is not a statement of safety.
 *
 * Ids that are not medications give `not_found`; an unknown `modality` gives `validation`.
 *
 * @example
 * ```ts
 * const { data, error } = await ppn.medications.interactions({ medicationIds: [16, 2], modality: 'Psilocybin' });
 * for (const m of data ?? []) {
 *   if (m.status === 'no_evidence_recorded') note(`${m.medication_name}: no evidence recorded (not a statement of safety)`);
 *   for (const e of m.evidence) warn(`${m.medication_name}: ${e.finding} [${e.review_status}] doi:${e.citation_doi}`);
 * }
 * ```
 */
export async function interactions(
  ctx: PpnContext,
  input: MedicationInteractionsParams,
  options?: RequestOptions,
): Promise<PpnResult<MedicationInteractions[]>> {
  const parsed = read(paramsSchema, input, false);
  if (parsed.error) return parsed;
  const { modality, includeRetired } = parsed.data;
  const ids = [...new Set(parsed.data.medicationIds)];

  let target: { modality_id: number; modality_class: string } | undefined;
  if (modality !== undefined) {
    const found = await settle(ctx.supabase.from('ref_modalities').select('modality_id, modality_class').eq('modality_name', modality).limit(1), options);
    if (found.error) return found;
    target = found.data[0];
    if (!target) {
      return fail(validationError([{ path: ['modality'], code: 'invalid_value', message: `modality: unknown modality "${modality}"; expected a name from ref_modalities, e.g. "Psilocybin"` }]));
    }
  }

  let evidenceQuery = ctx.supabase.from('ref_interaction_evidence').select(EVIDENCE_COLUMNS).in('medication_id', ids);
  if (!includeRetired) evidenceQuery = evidenceQuery.neq('review_status', 'retired');
  if (target) evidenceQuery = evidenceQuery.or(`modality_id.eq.${target.modality_id},modality_class.eq.${target.modality_class}`);
  const [medications, evidence] = await Promise.all([
    settle(ctx.supabase.from('ref_medications').select('medication_id, medication_name').in('medication_id', ids), options),
    // Bounded: a handful of findings per medication, far below the server's row cap.
    settle(evidenceQuery.order('evidence_id'), options),
  ]);
  if (medications.error) return medications;
  if (evidence.error) return evidence;

  const names = new Map(medications.data.map((m) => [m.medication_id, m.medication_name]));
  const missing = ids.filter((i) => !names.has(i));
  if (missing.length) return fail(notFound(`Medication ${missing.join(', ')}`));

  const rows = evidence.data as unknown as InteractionEvidence[];
  return ok(
    ids.map((medicationId) => {
      const found = rows.filter((r) => r.medication_id === medicationId).sort(bySeverityThenYear);
      return {
        medication_id: medicationId,
        medication_name: names.get(medicationId)!,
        status: found.length ? 'evidence_recorded' : 'no_evidence_recorded',
        evidence: found,
      };
    }),
  );
}
