import { describe, expect, it } from 'vitest';
import { useOwnStack } from '../../../test/own-stack.js';
import { clientAs as sharedClientAs, type Who } from './helpers/clients.js';

/**
 * Persona-level smoke tests of each use case, through supabase-js and the real PostgREST.
 * They write (a medication, a relationship), so they run on a stack of their own.
 */
const stack = useOwnStack();
const clientAs = (who: Who) => sharedClientAs(who, stack());

const SITE_A_PROTOCOL = 1;
const SITE_B_PROTOCOL = 3;

describe('Protocol Builder', () => {
  it('a clinician loads the medication dropdown: 24 active medications with their flags', async () => {
    const { data, error } = await clientAs('clinicianA')
      .from('ref_medications')
      .select('medication_name, drug_class, has_contraindication, contraindication_notes')
      .eq('is_active', true)
      .order('medication_name');
    expect(error).toBeNull();
    expect(data).toHaveLength(24);
    expect(data!.filter((m) => m.has_contraindication).map((m) => m.drug_class).sort()).toEqual([
      ...Array(4).fill('Antipsychotic'),
      ...Array(4).fill('Benzodiazepine'),
    ]);
  });

  it('only a network admin may add a medication', async () => {
    const name = `Test medication ${crypto.randomUUID()}`;
    const refused = await clientAs('clinicianA').from('ref_medications').insert({ medication_name: name });
    expect(refused.error?.code).toBe('42501');
    const allowed = await clientAs('networkAdmin').from('ref_medications').insert({ medication_name: name, is_active: false }).select('medication_name');
    expect(allowed.error).toBeNull();
    expect(allowed.data).toEqual([{ medication_name: name }]);
  });
});

describe('Session Logger', () => {
  it('a clinician logs an event on their site; the site sees it; the other site does not', async () => {
    const clinician = clientAs('clinicianA');
    const { data: types } = await clinician.from('ref_event_types').select('event_type_id, event_name').eq('event_name', 'Breakthrough');
    const logged = await clinician
      .from('session_events')
      .insert({ protocol_id: SITE_A_PROTOCOL, event_type_id: types![0]!.event_type_id, event_timestamp: new Date().toISOString(), intensity_level: 6, notes: 'smoke' })
      .select('event_id, created_by')
      .single();
    expect(logged.error).toBeNull();
    expect(logged.data!.created_by).toBe('00000000-0000-4000-8000-000000000a01');

    const member = await clientAs('memberA').from('session_events').select('event_id').eq('event_id', logged.data!.event_id);
    expect(member.data).toHaveLength(1);
    const otherSite = await clientAs('clinicianB').from('session_events').select('event_id').eq('event_id', logged.data!.event_id);
    expect(otherSite.data).toEqual([]);
  });

  it('the log is append-only: an update is refused, not silently ignored', async () => {
    const res = await clientAs('clinicianA').from('session_events').update({ notes: 'rewritten' }).eq('protocol_id', SITE_A_PROTOCOL);
    expect(res.error?.code).toBe('42501');
    const del = await clientAs('siteAdminA').from('session_events').delete().eq('protocol_id', SITE_A_PROTOCOL);
    expect(del.error?.code).toBe('42501');
  });

  it('a clinician cannot log on another site\'s protocol, and a member cannot log at all', async () => {
    const row = { protocol_id: SITE_B_PROTOCOL, event_type_id: 1, event_timestamp: new Date().toISOString() };
    expect((await clientAs('clinicianA').from('session_events').insert(row)).error?.code).toBe('42501');
    expect((await clientAs('memberB').from('session_events').insert(row)).error?.code).toBe('42501');
  });
});

describe('Supervision Exchange', () => {
  it('a supervisee finds a supervisor, requests supervision, and the supervisor accepts', async () => {
    const supervisee = clientAs('supervisee');
    const supervisor = clientAs('supervisor');
    const found = await supervisee
      .from('practitioner_profiles')
      .select('profile_id, display_name, user_id')
      .contains('specialties', ['PTSD'])
      .contains('modalities', ['Psilocybin'])
      .eq('is_accepting_supervision', true);
    expect(found.error).toBeNull();
    const sam = found.data!.find((p) => p.display_name === 'Dr. Sam Supervisor')!;
    expect(sam).toBeDefined();

    const mine = await supervisee.from('practitioner_profiles').select('profile_id').eq('user_id', '00000000-0000-4000-8000-000000000004').single();
    const request = await supervisee
      .from('supervision_relationships')
      .insert({ supervisor_id: sam.profile_id, supervisee_id: mine.data!.profile_id, status: 'pending' })
      .select('relationship_id, status')
      .single();
    expect(request.error).toBeNull();
    expect(request.data!.status).toBe('pending');

    // The supervisee cannot accept on the supervisor's behalf.
    const selfAccept = await supervisee.from('supervision_relationships').update({ status: 'active' }).eq('relationship_id', request.data!.relationship_id).select();
    expect(selfAccept.data ?? []).toEqual([]);

    const accepted = await supervisor
      .from('supervision_relationships')
      .update({ status: 'active' })
      .eq('relationship_id', request.data!.relationship_id)
      .select('status, started_at')
      .single();
    expect(accepted.error).toBeNull();
    expect(accepted.data!.status).toBe('active');
    expect(accepted.data!.started_at).not.toBeNull();

    const outsider = await clientAs('clinicianA').from('supervision_relationships').select('relationship_id').eq('relationship_id', request.data!.relationship_id);
    expect(outsider.data).toEqual([]);
  });
});

describe('Integration Hub', () => {
  it('a clinician assigns and completes homework and records a score; the site reads them; the other site cannot', async () => {
    const clinician = clientAs('clinicianA');
    const assigned = await clinician
      .from('integration_homework')
      .insert({ protocol_id: SITE_A_PROTOCOL, homework_type_id: 1, assigned_date: '2026-03-01', due_date: '2026-03-08' })
      .select('homework_id, created_by')
      .single();
    expect(assigned.error).toBeNull();
    expect(assigned.data!.created_by).toBe('00000000-0000-4000-8000-000000000a01');

    const done = await clinician
      .from('integration_homework')
      .update({ is_completed: true, completed_date: '2026-03-05' })
      .eq('homework_id', assigned.data!.homework_id)
      .select('is_completed');
    expect(done.data).toEqual([{ is_completed: true }]);

    const score = await clinician
      .from('integration_scores')
      .insert({ protocol_id: SITE_A_PROTOCOL, scale_type: 'EIS', score_value: 61.5, measured_at: '2026-03-08T10:00:00Z', days_post_dose: 26 })
      .select('score_id');
    expect(score.error).toBeNull();

    const member = await clientAs('memberA').from('integration_homework').select('homework_id').eq('homework_id', assigned.data!.homework_id);
    expect(member.data).toHaveLength(1);
    const memberWrite = await clientAs('memberA').from('integration_homework').update({ is_completed: false }).eq('homework_id', assigned.data!.homework_id).select();
    expect(memberWrite.data ?? []).toEqual([]);
    const otherSite = await clientAs('clinicianB').from('integration_scores').select('score_id').eq('protocol_id', SITE_A_PROTOCOL);
    expect(otherSite.data).toEqual([]);
  });
});

describe('Interaction evidence: clinical governance through PostgREST', () => {
  const NAYAK_DOI = '10.1055/a-1524-2794';

  /** A fresh medication for this suite's findings, so the seeded rows stay as they are. */
  async function medication(): Promise<number> {
    const { data, error } = await clientAs('networkAdmin')
      .from('ref_medications')
      .insert({ medication_name: `Evidence test ${crypto.randomUUID()}`, is_active: false })
      .select('medication_id')
      .single();
    expect(error).toBeNull();
    return data!.medication_id;
  }

  const finding = (medicationId: number) => ({
    medication_id: medicationId,
    modality_class: 'classic_psychedelic',
    effect: 'attenuates',
    severity: 'caution',
    finding: 'Test finding written for the governance suite.',
    evidence_kind: 'case_report',
    citation_title: 'A test citation',
    citation_year: 2024,
    citation_pmid: '12345678',
  });

  async function add(who: Who, medicationId: number): Promise<number> {
    const { data, error, status } = await clientAs(who).from('ref_interaction_evidence').insert(finding(medicationId)).select('evidence_id, created_by').single();
    expect([status, error]).toEqual([201, null]);
    const userId = who === 'anon' || who === 'service_role' ? null : stack().personas[who].userId;
    expect(data!.created_by).toBe(userId);
    return data!.evidence_id;
  }

  const setStatus = (who: Who, evidenceId: number, review_status: string) =>
    clientAs(who).from('ref_interaction_evidence').update({ review_status }).eq('evidence_id', evidenceId).select('review_status, reviewed_by, reviewed_at');

  it('a clinician reads the seeded Nayak et al. 2021 lithium finding, unreviewed', async () => {
    const { data, error } = await clientAs('clinicianA')
      .from('ref_interaction_evidence')
      .select('effect, review_status, citation_doi, citation_pmid, modality_class, ref_medications(medication_name)')
      .eq('citation_doi', NAYAK_DOI);
    expect(error).toBeNull();
    expect(data).toContainEqual({
      effect: 'adverse_event_risk',
      review_status: 'unreviewed',
      citation_doi: NAYAK_DOI,
      citation_pmid: '34348413',
      modality_class: 'classic_psychedelic',
      ref_medications: { medication_name: 'Lithium' },
    });
  });

  it('a clinician can neither add evidence nor approve it: 403', async () => {
    const added = await clientAs('clinicianA').from('ref_interaction_evidence').insert(finding(await medication()));
    expect([added.status, added.error?.code]).toEqual([403, '42501']);

    const { data: lithium } = await clientAs('clinicianA').from('ref_interaction_evidence').select('evidence_id').eq('citation_doi', NAYAK_DOI).limit(1).single();
    const approved = await setStatus('clinicianA', lithium!.evidence_id, 'approved');
    expect([approved.status, approved.error?.code]).toEqual([403, '42501']);
    const after = await clientAs('clinicianA').from('ref_interaction_evidence').select('review_status').eq('evidence_id', lithium!.evidence_id).single();
    expect(after.data).toEqual({ review_status: 'unreviewed' });
  });

  it('a clinical reviewer approves a finding another user added; the database stamps who and when', async () => {
    const evidenceId = await add('networkAdmin', await medication());
    const { data, error, status } = await setStatus('clinicalReviewer', evidenceId, 'approved');
    expect([status, error]).toEqual([200, null]);
    expect(data).toEqual([{ review_status: 'approved', reviewed_by: stack().personas.clinicalReviewer.userId, reviewed_at: expect.any(String) }]);
  });

  it('a clinical reviewer cannot approve a finding they added: refused by the database', async () => {
    const evidenceId = await add('clinicalReviewer', await medication());
    const { error, status } = await setStatus('clinicalReviewer', evidenceId, 'approved');
    expect([status, error?.code]).toEqual([403, '42501']);
    expect(error?.message).toMatch(/cannot review evidence they added/);
    const after = await clientAs('clinicianA').from('ref_interaction_evidence').select('review_status').eq('evidence_id', evidenceId).single();
    expect(after.data).toEqual({ review_status: 'unreviewed' });
  });

  it('nobody deletes evidence, a clinical reviewer included: 403, and the rows stay', async () => {
    const evidenceId = await add('networkAdmin', await medication());
    for (const who of ['clinicalReviewer', 'networkAdmin', 'clinicianA'] as const) {
      const { status, error } = await clientAs(who).from('ref_interaction_evidence').delete().eq('evidence_id', evidenceId);
      expect([who, status, error?.code]).toEqual([who, 403, '42501']);
    }
    const seeded = await clientAs('clinicalReviewer').from('ref_interaction_evidence').delete().eq('citation_doi', NAYAK_DOI);
    expect([seeded.status, seeded.error?.code]).toEqual([403, '42501']);
    const { count } = await clientAs('clinicianA').from('ref_interaction_evidence').select('*', { count: 'exact', head: true }).in('evidence_id', [evidenceId]);
    expect(count).toBe(1);
  });

  it('a retired finding stays readable, with every status change kept (who and when)', async () => {
    const evidenceId = await add('networkAdmin', await medication());
    expect((await setStatus('clinicalReviewer', evidenceId, 'approved')).error).toBeNull();
    expect((await setStatus('clinicalReviewer', evidenceId, 'retired')).error).toBeNull();
    // Retired is final: a targeted update touches nothing.
    const reopened = await setStatus('clinicalReviewer', evidenceId, 'approved');
    expect([reopened.error, reopened.data]).toEqual([null, []]);

    const reader = clientAs('clinicianA');
    const { data: row } = await reader.from('ref_interaction_evidence').select('review_status, finding').eq('evidence_id', evidenceId).single();
    expect(row).toEqual({ review_status: 'retired', finding: finding(0).finding });
    const { data: history, error } = await reader
      .from('ref_interaction_evidence_history')
      .select('from_status, to_status, changed_by, changed_at')
      .eq('evidence_id', evidenceId)
      .order('history_id');
    expect(error).toBeNull();
    const { networkAdmin, clinicalReviewer } = stack().personas;
    expect(history!.map(({ changed_at: _, ...h }) => h)).toEqual([
      { from_status: null, to_status: 'unreviewed', changed_by: networkAdmin.userId },
      { from_status: 'unreviewed', to_status: 'approved', changed_by: clinicalReviewer.userId },
      { from_status: 'approved', to_status: 'retired', changed_by: clinicalReviewer.userId },
    ]);
    expect(history!.every((h) => !Number.isNaN(Date.parse(h.changed_at)))).toBe(true);
    // Nor can anyone rewrite the history.
    const rewrite = await clientAs('clinicalReviewer').from('ref_interaction_evidence_history').update({ changed_by: null }).eq('evidence_id', evidenceId);
    expect([rewrite.status, rewrite.error?.code]).toEqual([403, '42501']);
  });
});
