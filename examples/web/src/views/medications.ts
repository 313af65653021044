/**
 * Protocol Builder: the concomitant-medication dropdown grouped by drug class, and the
 * contraindication warning for a flagged choice. The flags are the work order's reference
 * data awaiting clinical review: a prompt to check, not decision support.
 */
import type { Medication } from '@ppn/sdk';
import { h } from '../dom.js';
import { run, type View, type ViewContext } from './view.js';

export const REVIEW_WORDING = 'Reference data awaiting clinical review, not decision support.';

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
    const { data: flagged } = await ctx.ppn.medications.checkContraindications({ medicationIds: [id] });
    if (!ctx.current() || Number(select.value) !== id) return;
    const med = byId.get(id);
    if (flagged.length === 0) {
      verdict.replaceChildren(
        h('p', { class: 'ok', 'data-testid': 'contraindication-none' }, `No interaction flag for ${med?.medication_name ?? 'this medication'} in the reference data.`),
      );
      return;
    }
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
          `${medications.length} active medications in ${classes.length} classes; ${flaggedCount} carry an interaction flag. `,
          h('span', { class: 'fine' }, REVIEW_WORDING),
        );
        await check(ctx);
      }),
  };
}
