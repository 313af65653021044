import { describe, expect, it } from 'vitest';
import { pgError, requests, rest, server, unitClient, useMsw } from './helpers/msw.js';

useMsw();

const LITHIUM = { medication_id: 16, medication_name: 'Lithium' };
const EVIDENCE = (over: Record<string, unknown>) => ({
  evidence_id: 1,
  medication_id: 16,
  modality_id: null,
  modality_class: 'classic_psychedelic',
  effect: 'adverse_event_risk',
  severity: 'caution',
  finding: 'A finding.',
  evidence_kind: 'report_analysis',
  citation_title: 'A title',
  citation_authors: null,
  citation_journal: null,
  citation_year: 2021,
  citation_doi: '10.1055/a-1524-2794',
  citation_pmid: '34348413',
  review_status: 'unreviewed',
  reviewed_at: null,
  created_at: '2026-12-01T00:00:00+00:00',
  ref_modalities: null,
  ...over,
});

describe('medications.interactions (request shape, unit)', () => {
  it('asks for the medications and their evidence (not retired), and orders findings most severe first', async () => {
    server.use(
      rest('get', 'ref_medications', [LITHIUM]),
      rest('get', 'ref_interaction_evidence', [
        EVIDENCE({ evidence_id: 1, severity: 'info' }),
        EVIDENCE({ evidence_id: 2, severity: 'avoid' }),
        EVIDENCE({ evidence_id: 3, severity: 'caution' }),
      ]),
    );
    const { data, error } = await unitClient().medications.interactions({ medicationIds: [16, 16] });
    expect(error).toBeNull();
    expect(data).toHaveLength(1);
    expect(data![0]!.status).toBe('evidence_recorded');
    expect(data![0]!.evidence.map((e) => e.evidence_id)).toEqual([2, 3, 1]);
    const evidence = requests.map((r) => new URL(r.url)).find((u) => u.pathname.endsWith('/ref_interaction_evidence'))!;
    expect(evidence.searchParams.get('medication_id')).toBe('in.(16)');
    expect(evidence.searchParams.get('review_status')).toBe('neq.retired');
    expect(evidence.searchParams.get('select')).toContain('ref_modalities(modality_name)');
    expect(evidence.searchParams.has('or')).toBe(false);
  });

  it('resolves a modality to "that modality or its class", and keeps retired findings only when asked', async () => {
    server.use(
      rest('get', 'ref_modalities', { modality_id: 1, modality_class: 'classic_psychedelic' }),
      rest('get', 'ref_medications', [LITHIUM]),
      rest('get', 'ref_interaction_evidence', []),
    );
    const { data } = await unitClient().medications.interactions({ medicationIds: [16], modality: 'Psilocybin', includeRetired: true });
    expect(data).toEqual([{ ...LITHIUM, status: 'no_evidence_recorded', evidence: [] }]);
    const urls = requests.map((r) => new URL(r.url));
    expect(urls.find((u) => u.pathname.endsWith('/ref_modalities'))!.searchParams.get('modality_name')).toBe('eq.Psilocybin');
    const evidence = urls.find((u) => u.pathname.endsWith('/ref_interaction_evidence'))!;
    expect(evidence.searchParams.get('or')).toBe('(modality_id.eq.1,modality_class.eq.classic_psychedelic)');
    expect(evidence.searchParams.has('review_status')).toBe(false);
  });

  it.each([
    [{}, 'medicationIds'],
    [{ medicationIds: [] }, 'medicationIds'],
    [{ medicationIds: [0] }, 'medicationIds.0'],
    [{ medicationIds: [1], modality: '' }, 'modality'],
    [{ medicationIds: [1], colour: 'blue' }, ''],
  ])('refuses %j without sending anything', async (params, field) => {
    const { data, error } = await unitClient().medications.interactions(params as never);
    expect(data).toBeNull();
    expect(error?.code).toBe('validation');
    expect(error?.issues.map((i) => i.path.join('.'))).toContain(field);
    expect(requests).toHaveLength(0);
  });

  it('maps a server error, and never reports "no evidence" for it', async () => {
    server.use(rest('get', 'ref_medications', [LITHIUM]), rest('get', 'ref_interaction_evidence', pgError('57014', 'canceling statement due to statement timeout'), { status: 500 }));
    const { data, error } = await unitClient().medications.interactions({ medicationIds: [16] });
    expect(data).toBeNull();
    expect(error?.code).toBe('timeout');
  });
});
