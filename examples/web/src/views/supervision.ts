/**
 * Supervision Exchange: search the practitioner directory by specialty and modality (each
 * matches ANY of the ticked tags; the two combine with AND), with the total.
 */
import { allRows, type Page, type SupervisorSearchResult } from '@ppn/sdk';
import { h } from '../dom.js';
import { run, type View, type ViewContext } from './view.js';

export function supervisionView(section: HTMLElement): View {
  const specialties = h('fieldset', { 'data-testid': 'specialty-filters', class: 'chips' });
  const modalities = h('fieldset', { 'data-testid': 'modality-filters', class: 'chips' });
  const total = h('p', { 'data-testid': 'supervision-total', class: 'total' });
  const results = h('ul', { 'data-testid': 'supervision-results', class: 'results' });
  section.replaceChildren(h('h2', {}, 'Supervision search'), specialties, modalities, total, results);

  let latest: ViewContext | undefined;
  const ticked = (set: HTMLFieldSetElement) =>
    [...set.querySelectorAll<HTMLInputElement>('input:checked')].map((i) => i.value);

  function chips(set: HTMLFieldSetElement, legend: string, kind: string, tags: string[]): void {
    const before = new Set(ticked(set));
    set.replaceChildren(
      h('legend', {}, legend),
      ...tags.map((tag) => h('label', { class: 'chip' }, h('input', { type: 'checkbox', value: tag, 'data-testid': `${kind}-${tag}`, checked: before.has(tag) }), tag)),
    );
  }

  async function search(ctx: ViewContext): Promise<void> {
    const s = ticked(specialties);
    const m = ticked(modalities);
    const { data } = await ctx.ppn.supervision.search({
      ...(s.length ? { specialties: s } : {}),
      ...(m.length ? { modalities: m } : {}),
      limit: 20,
    });
    if (!ctx.current()) return;
    show(data, s, m);
  }

  function show(data: Page<SupervisorSearchResult>, s: string[], m: string[]): void {
    const filters = [s.length ? `specialty ${s.join(' or ')}` : null, m.length ? `modality ${m.join(' or ')}` : null].filter(Boolean).join(' and ');
    total.dataset.total = String(data.total);
    total.replaceChildren(
      h('strong', { 'data-testid': 'supervision-total-value' }, `${data.totalIsEstimate ? 'about ' : ''}${data.total}`),
      ` supervisor${data.total === 1 ? '' : 's'} accepting supervisees${filters ? ` · ${filters}` : ''}`,
    );
    results.replaceChildren(
      ...data.rows.map((p) =>
        h(
          'li',
          { 'data-testid': 'supervisor-result', 'data-profile-id': p.profile_id },
          h('div', { class: 'name' }, p.display_name ?? '(no name)', h('span', { class: 'muted' }, ` ${p.credentials ?? ''}`)),
          h('div', { class: 'muted' }, `${p.years_experience ?? '?'} yrs · $${p.hourly_rate ?? '?'}/h`),
          h('div', { class: 'tags' }, ...(p.specialties ?? []).map((t) => h('span', { class: 'tag' }, t)), ...(p.modalities ?? []).map((t) => h('span', { class: 'tag alt' }, t))),
        ),
      ),
    );
  }

  section.addEventListener('change', (event) => {
    const ctx = latest;
    if (!ctx || !(event.target instanceof HTMLInputElement)) return;
    void run(section, ctx, () => search(ctx));
  });

  return {
    followsProtocol: false,
    load: (ctx) =>
      run(section, ctx, async () => {
        latest = ctx;
        // The filter chips: every tag in the directory this persona may read.
        const all: SupervisorSearchResult[] = [];
        for await (const profile of allRows(ctx.ppn.supervision.search, { acceptingOnly: false, limit: 200 })) all.push(profile);
        if (!ctx.current()) return;
        const tags = (pick: (p: SupervisorSearchResult) => string[] | null) => [...new Set(all.flatMap((p) => pick(p) ?? []))].sort();
        chips(specialties, 'Specialties (any of)', 'specialty', tags((p) => p.specialties));
        chips(modalities, 'Modalities (any of)', 'modality', tags((p) => p.modalities));
        await search(ctx);
      }),
  };
}
