import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ppnAs } from './helpers/stack.js';

// Read-only: the shared stack, its seed, and the evidence the migrations seed.
const NAYAK = { citation_doi: '10.1055/a-1524-2794', citation_pmid: '34348413', citation_year: 2021 };

async function medicationId(name: string): Promise<number> {
  const { data } = await ppnAs('clinicianA').medications.list({ search: name });
  const found = data?.find((m) => m.medication_name.startsWith(name));
  if (!found) throw new Error(`no medication ${name} in the seed`);
  return found.medication_id;
}

describe('medications.interactions against the local stack (as a clinician)', () => {
  it('lithium: the Nayak et al. 2021 finding, adverse_event_risk, unreviewed, with its citation', async () => {
    const lithium = await medicationId('Lithium');
    const { data, error } = await ppnAs('clinicianA').medications.interactions({ medicationIds: [lithium] });
    expect(error).toBeNull();
    expect(data).toHaveLength(1);
    const [entry] = data!;
    expect(entry).toMatchObject({ medication_id: lithium, medication_name: 'Lithium', status: 'evidence_recorded' });
    expect(entry!.evidence).toContainEqual(
      expect.objectContaining({
        ...NAYAK,
        effect: 'adverse_event_risk',
        review_status: 'unreviewed',
        reviewed_at: null,
        modality_class: 'classic_psychedelic',
        evidence_kind: 'report_analysis',
        ref_modalities: null,
        finding: expect.stringContaining('47% of 62 reports involved seizures'),
      }),
    );
  });

  it('a medication with no rows: no_evidence_recorded and no evidence, in the order asked, repeats once', async () => {
    const [sertraline, lithium] = [await medicationId('Sertraline'), await medicationId('Lithium')];
    const { data, error } = await ppnAs('clinicianA').medications.interactions({ medicationIds: [sertraline, lithium, sertraline] });
    expect(error).toBeNull();
    expect(data!.map((m) => [m.medication_name, m.status, m.evidence.length > 0])).toEqual([
      ['Sertraline (Zoloft)', 'no_evidence_recorded', false],
      ['Lithium', 'evidence_recorded', true],
    ]);
  });

  it('a modality narrows to findings about it or its class: psilocybin is a classic psychedelic, MDMA is not', async () => {
    const lithium = await medicationId('Lithium');
    const ppn = ppnAs('memberB');
    const psilocybin = await ppn.medications.interactions({ medicationIds: [lithium], modality: 'Psilocybin' });
    expect(psilocybin.data![0]!.evidence.map((e) => e.citation_doi)).toContain(NAYAK.citation_doi);
    const mdma = await ppn.medications.interactions({ medicationIds: [lithium], modality: 'MDMA' });
    expect(mdma.data![0]).toMatchObject({ status: 'no_evidence_recorded', evidence: [] });
  });

  it('refuses bad input with readable issues, and unknown ids or modalities', async () => {
    const ppn = ppnAs('clinicianA');
    const empty = await ppn.medications.interactions({ medicationIds: [] });
    expect(empty.error?.code).toBe('validation');
    expect(empty.error?.issues[0]?.path).toEqual(['medicationIds']);
    const bad = await ppn.medications.interactions({ medicationIds: [1.5] });
    expect(bad.error?.issues[0]?.path).toEqual(['medicationIds', 0]);
    const modality = await ppn.medications.interactions({ medicationIds: [await medicationId('Lithium')], modality: 'Ayahuasca' });
    expect([modality.error?.code, modality.error?.issues[0]?.path]).toEqual(['validation', ['modality']]);
    expect((await ppn.medications.interactions({ medicationIds: [999_999] })).error?.code).toBe('not_found');
  });

  it('passes an abort signal on: an aborted call resolves with an error and no data', async () => {
    const controller = new AbortController();
    controller.abort();
    const { data, error } = await ppnAs('clinicianA').medications.interactions({ medicationIds: [await medicationId('Lithium')] }, { signal: controller.signal });
    expect(data).toBeNull();
    expect(error).not.toBeNull();
  });

  it('anon gets unauthenticated, not "no evidence"', async () => {
    const { data, error } = await ppnAs('anon').medications.interactions({ medicationIds: [1] });
    expect([data, error?.code]).toEqual([null, 'unauthenticated']);
  });
});

/**
 * Words that say or imply a combination is fine. "not a statement of safety" is the one
 * required use of the word family, so the check looks for "safe" as a word of its own.
 */
export const REASSURING = [
  /\bsafe\b/i,
  /\bsafely\b/i,
  /\bno (known )?interactions?\b/i,
  /\bno interaction flag\b/i,
  /\bnot contraindicated\b/i,
  /\bno (known )?risks?\b/i,
  /\bharmless\b/i,
  /\b(ok|okay|fine) to (combine|take|use)\b/i,
  /\bcleared\b/i,
];

/** The string literals of a TypeScript source (quotes and template text), or the text between an HTML file's tags too. */
function strings(source: string, html = false): string[] {
  // Comments are for developers, not shown to anyone: block comments and whole-line ones.
  const code = html ? source : source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const literals = [...code.matchAll(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g)].map((m) => m[0]);
  return html ? [...literals, ...[...source.matchAll(/>([^<>]+)</g)].map((m) => m[1]!)] : literals;
}

const root = fileURLToPath(new URL('../../../', import.meta.url));
const files = (dir: string, ext: RegExp) =>
  readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => ext.test(f))
    .map((f) => join(dir, f));

describe('nothing says or implies that a combination is safe', () => {
  const sources = [...files('packages/sdk/src', /\.ts$/), ...files('examples/web/src', /\.(ts|html)$/), 'examples/web/index.html'];

  it('the check can fail: it finds reassurance where there is some', () => {
    const caught = strings(`const a = 'No interaction flag for Lithium'; const b = "safe to combine"; const c = \`no known interactions\`;`);
    expect(caught.filter((s) => REASSURING.some((re) => re.test(s)))).toHaveLength(3);
    expect(strings(`'No evidence recorded: this is not a statement of safety'`).filter((s) => REASSURING.some((re) => re.test(s)))).toEqual([]);
  });

  it("no string in the SDK's or the designer page's sources", () => {
    expect(sources.length).toBeGreaterThan(10);
    const found = sources.flatMap((file) =>
      strings(readFileSync(join(root, file), 'utf8'), file.endsWith('.html'))
        .filter((s) => REASSURING.some((re) => re.test(s)))
        .map((s) => `${file}: ${s}`),
    );
    expect(found).toEqual([]);
  });

  it('no response of medications.interactions, for every medication and modality', async () => {
    const ppn = ppnAs('clinicianA');
    const ids = (await ppn.medications.list({ includeInactive: true })).data!.map((m) => m.medication_id);
    for (const modality of [undefined, 'Psilocybin', 'MDMA', 'Ketamine']) {
      const { data, error } = await ppn.medications.interactions({ medicationIds: ids, ...(modality ? { modality } : {}) });
      expect(error).toBeNull();
      expect(data).toHaveLength(ids.length);
      const text = JSON.stringify(data);
      expect(REASSURING.filter((re) => re.test(text)).map(String)).toEqual([]);
      expect(new Set(data!.map((m) => m.status))).toEqual(new Set(modality === 'MDMA' || modality === 'Ketamine' ? ['no_evidence_recorded'] : ['evidence_recorded', 'no_evidence_recorded']));
    }
  });
});
