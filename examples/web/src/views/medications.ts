/**
 * Protocol Builder: the concomitant-medication dropdown grouped by drug class, the work
 * order's contraindication warning for a flagged choice (reference data awaiting clinical
 * review: a prompt to check, not decision support), and the cited interaction evidence for
 * the choice with each finding's review status. Nothing here says a combination is fine: a
 * medication without evidence has none recorded, and the page says that is all it means.
 */
import type { InteractionEvidence, Medication, MedicationInteractions } from '@ppn/sdk';
import { h } from '../dom.js';
import { run, type View, type ViewContext } from './view.js';

export const REVIEW_WORDING = 'Reference data awaiting clinical review, not decision support.';
export const NO_EVIDENCE_WORDING = 'No evidence recorded: this is not a statement of safety.';

const EFFECT: Record<string, string> = {
  adverse_event_risk: 'Adverse event risk',
  attenuates: 'May weaken the session medicine',
  potentiates: 'May strengthen the session medicine',
  no_change_observed: 'No change observed in this source',
};

const MODALITY_CLASS: Record<string, string> = {
  classic_psychedelic: 'classic psychedelics (e.g. psilocybin)',
  entactogen: 'entactogens (e.g. MDMA)',
  dissociative: 'dissociatives (e.g. ketamine)',
};

/** "Nayak SM, Gukasyan N, et al. (2021). Title. Journal." with DOI and PMID links. */
function citation(e: InteractionEvidence): HTMLElement {
  const authors = e.citation_authors ? `${e.citation_authors.split(', ').slice(0, 2).join(', ')}${e.citation_authors.split(', ').length > 2 ? ', et al.' : ''} ` : '';
  const links: Array<HTMLElement | string> = [];
  if (e.citation_doi) links.push(' doi:', h('a', { href: `https://doi.org/${e.citation_doi}`, rel: 'noreferrer', 'data-testid': 'evidence-doi' }, e.citation_doi));
  if (e.citation_pmid) links.push(' PMID ', h('a', { href: `https://pubmed.ncbi.nlm.nih.gov/${e.citation_pmid}/`, rel: 'noreferrer', 'data-testid': 'evidence-pmid' }, e.citation_pmid));
  return h(
    'p',
    { class: 'citation', 'data-testid': 'evidence-citation' },
    `${authors}(${e.citation_year}). ${e.citation_title}.${e.citation_journal ? ` ${e.citation_journal}.` : ''}`,
    ...links,
  );
}

function evidenceCard(medicationName: string, e: InteractionEvidence): HTMLElement {
  const about = e.ref_modalities?.modality_name ?? MODALITY_CLASS[e.modality_class ?? ''] ?? e.modality_class ?? 'the session medicine';
  const alerting = e.severity !== 'info';
  return h(
    'div',
    {
      class: `evidence severity-${e.severity}`,
      ...(alerting ? { role: 'alert' } : {}),
      'data-testid': 'interaction-evidence',
      'data-effect': e.effect,
      'data-severity': e.severity,
      'data-review-status': e.review_status,
    },
    h('strong', {}, `${alerting ? '⚠ ' : ''}${medicationName} with ${about}: ${EFFECT[e.effect] ?? e.effect}`),
    h('span', { class: `badge review-${e.review_status}`, 'data-testid': 'review-badge' }, e.review_status),
    h('span', { class: 'tag' }, `severity: ${e.severity}`),
    h('span', { class: 'tag alt' }, e.evidence_kind.replace(/_/g, ' ')),
    h('p', { 'data-testid': 'evidence-finding' }, e.finding),
    citation(e),
    e.review_status === 'unreviewed' ? h('p', { class: 'fine' }, 'Not yet reviewed by a clinical reviewer: read the source before relying on it.') : '',
  );
}

function evidenceFor(entry: MedicationInteractions): HTMLElement[] {
  if (entry.status === 'no_evidence_recorded') {
    return [h('p', { class: 'none', 'data-testid': 'no-evidence' }, NO_EVIDENCE_WORDING)];
  }
  return entry.evidence.map((e) => evidenceCard(entry.medication_name, e));
}

export function medicationsView(section: HTMLElement): View {
  const select = h('select', { 'data-testid': 'medication-select', id: 'medication', 'aria-label': 'Concomitant medication' });
  const summary = h('p', { class: 'muted', 'data-testid': 'medication-summary' });
  const verdict = h('div', { 'data-testid': 'medication-verdict', 'aria-live': 'polite' });
  section.replaceChildren(
    h('h2', {}, 'Protocol Builder · concomitant medication'),
    h('label', { class: 'stack' }, 'Medication the patient takes', select),
    summary,
    verdict,
  );

  let latest: ViewContext | undefined;
  let byId = new Map<number, Medication>();

  async function check(ctx: ViewContext): Promise<void> {
    verdict.replaceChildren();
    const id = Number(select.value);
    if (!id) return;
    const [{ data: flagged }, { data: interactions }] = await Promise.all([
      ctx.ppn.medications.checkContraindications([id]),
      ctx.ppn.medications.interactions({ medicationIds: [id] }),
    ]);
    if (!ctx.current() || Number(select.value) !== id) return;
    verdict.replaceChildren(
      ...flagged.map((f) =>
        h(
          'div',
          { class: 'warning', role: 'alert', 'data-testid': 'contraindication-warning', 'data-medication-id': f.medication_id },
          h('strong', {}, `⚠ ${f.medication_name}`),
          h('span', { class: 'tag' }, f.drug_class ?? 'unclassified'),
          h('p', { 'data-testid': 'contraindication-note' }, f.contraindication_notes ?? 'Flagged in the reference data.'),
          h('p', { class: 'fine', 'data-testid': 'contraindication-review' }, REVIEW_WORDING, ' Check with the prescriber before the session.'),
        ),
      ),
      h(
        'section',
        { class: 'evidence-list', 'data-testid': 'interaction-evidence-list' },
        h('h3', {}, 'Cited interaction evidence'),
        ...interactions.flatMap(evidenceFor),
      ),
    );
  }

  select.addEventListener('change', () => {
    const ctx = latest;
    if (!ctx) return;
    void run(section, ctx, () => check(ctx));
  });

  return {
    followsProtocol: false,
    load: (ctx) =>
      run(section, ctx, async () => {
        latest = ctx;
        const [{ data: medications }, { data: classes }] = await Promise.all([ctx.ppn.medications.list(), ctx.ppn.medications.classes()]);
        if (!ctx.current()) return;
        const previous = select.value;
        byId = new Map(medications.map((m) => [m.medication_id, m]));
        const groups = classes.map((drugClass) => {
          const group = h('optgroup', { label: drugClass, 'data-testid': 'medication-class' });
          for (const med of medications.filter((m) => m.drug_class === drugClass)) {
            group.append(
              h('option', { value: med.medication_id, 'data-testid': 'medication-option', 'data-class': drugClass, 'data-flagged': med.has_contraindication === true }, med.medication_name),
            );
          }
          return group;
        });
        const unclassified = medications.filter((m) => !m.drug_class);
        if (unclassified.length) {
          const group = h('optgroup', { label: 'Unclassified', 'data-testid': 'medication-class' });
          for (const med of unclassified) group.append(h('option', { value: med.medication_id, 'data-testid': 'medication-option', 'data-class': '' }, med.medication_name));
          groups.push(group);
        }
        select.replaceChildren(h('option', { value: '' }, `Choose one of ${medications.length}…`), ...groups);
        if (previous && byId.has(Number(previous))) select.value = previous;
        const flaggedCount = medications.filter((m) => m.has_contraindication).length;
        summary.replaceChildren(
          `${medications.length} active medications in ${classes.length} classes; ${flaggedCount} carry the work order's contraindication flag. `,
          h('span', { class: 'fine' }, REVIEW_WORDING),
        );
        await check(ctx);
      }),
  };
}
