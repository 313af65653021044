/**
 * Every call of the 0.2 contract against msw: the request it sends (method, table, filters,
 * order, the columns it selects) and the shape it resolves with. The table at the bottom
 * lists every call, and a test checks that none of the client's calls is missing from it.
 */
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { createContext, medications, sessionEvents, supervision } from '../src/index.js';
import { counted, REST, requests, rest, server, unitClient, URL_BASE, useMsw } from './helpers/msw.js';
import { sent } from './helpers/sent.js';
import { CALLS } from './helpers/calls.js';
import { createClient } from '@supabase/supabase-js';
import WebSocket from 'ws';
import type { Database } from '@ppn/schema';

useMsw();

const NOW = new Date('2026-02-10T12:00:00Z');
const EVENT_TYPES = [
  { event_type_id: 1, event_name: 'Distress' },
  { event_type_id: 2, event_name: 'Breakthrough' },
];
const HOMEWORK_TYPES = [{ homework_type_id: 4, homework_name: 'Journaling' }];
const ppn = () => unitClient({ now: () => NOW });

/** Echoes inserted rows back as `return=representation` does, with an id. */
function echo(table: string, extra: Record<string, unknown> = {}) {
  return http.post(`${REST}/${table}`, async ({ request }) => {
    const body = (await request.json()) as Record<string, unknown> | Array<Record<string, unknown>>;
    const rows = (Array.isArray(body) ? body : [body]).map((r, i) => ({ ...extra, ...r, id: i + 1 }));
    return HttpResponse.json(rows, { status: 201 });
  });
}

describe('protocols', () => {
  it('list: one counted, ordered page of the documented columns with the site embedded as sites', async () => {
    server.use(counted('get', 'log_clinical_records', [{ record_id: 9, session_date: '2026-01-02', sites: { site_id: 1, site_name: 'A' } }], 3));
    const { data } = await ppn().protocols.list({ limit: 1 });
    const req = await sent();
    expect(req.params.select).toBe('record_id,site_id,patient_reference,session_date,substance,created_by,created_at,sites(site_id,site_name)');
    expect(req.params.order).toBe('session_date.desc.nullslast,record_id.desc');
    expect(req.params.limit).toBe('1');
    expect(req.prefer).toContain('count=exact');
    expect(data).toEqual({ rows: [expect.objectContaining({ record_id: 9 })], total: 3, totalIsEstimate: false, nextCursor: expect.any(String) });
  });
});

describe('medications', () => {
  it('list: filters on drug_class, search as a literal, active only; every row read by count', async () => {
    server.use(counted('get', 'ref_medications', [{ medication_id: 1, medication_name: 'A' }]));
    const { data } = await ppn().medications.list({ drug_class: 'SSRI', search: '50%_' });
    const req = await sent();
    expect(req.params).toMatchObject({ drug_class: 'eq.SSRI', medication_name: 'ilike.%50\\%\\_%', is_active: 'eq.true', order: 'medication_name.asc,medication_id.asc' });
    expect(req.params.select).toBe('medication_id,medication_name,drug_class,rxnorm_cui,has_contraindication,contraindication_notes,is_active,created_at,updated_at');
    expect(data).toHaveLength(1);
  });

  it('list: includeInactive drops the is_active filter', async () => {
    server.use(counted('get', 'ref_medications', []));
    await ppn().medications.list({ includeInactive: true });
    expect((await sent()).params.is_active).toBeUndefined();
  });

  it('get: one row by medication_id, not_found when none', async () => {
    server.use(rest('get', 'ref_medications', []));
    const { error } = await ppn().medications.get(8);
    expect((await sent()).params.medication_id).toBe('eq.8');
    expect(error?.code).toBe('not_found');
  });

  it('classes: distinct, sorted drug classes of the active medications', async () => {
    server.use(counted('get', 'ref_medications', [{ drug_class: 'A', medication_id: 1 }, { drug_class: 'A', medication_id: 2 }, { drug_class: 'B', medication_id: 3 }]));
    const { data } = await ppn().medications.classes();
    expect(data).toEqual(['A', 'B']);
    expect((await sent()).params).toMatchObject({ drug_class: 'not.is.null', is_active: 'eq.true' });
  });

  it('checkContraindications: one request for the flagged ones; none given sends nothing', async () => {
    server.use(rest('get', 'ref_medications', [{ medication_id: 8 }]));
    const { data } = await ppn().medications.checkContraindications({ medicationIds: [8, 12, 8] });
    expect((await sent()).params).toMatchObject({ medication_id: 'in.(8,12)', has_contraindication: 'eq.true' });
    expect(data).toEqual([{ medication_id: 8 }]);
    requests.length = 0;
    expect((await ppn().medications.checkContraindications({ medicationIds: [] })).data).toEqual([]);
    expect(requests).toHaveLength(0);
  });
});

describe('eventTypes and homework types', () => {
  it('eventTypes.list: active types in id order', async () => {
    server.use(counted('get', 'ref_event_types', EVENT_TYPES));
    const { data } = await ppn().eventTypes.list();
    expect((await sent()).params).toMatchObject({ is_active: 'eq.true', order: 'event_type_id.asc' });
    expect(data).toEqual(EVENT_TYPES);
  });

  it('homework.types: includeInactive reads every type', async () => {
    server.use(counted('get', 'ref_homework_types', HOMEWORK_TYPES));
    await ppn().homework.types({ includeInactive: true });
    expect((await sent()).params.is_active).toBeUndefined();
  });
});

describe('sessionEvents', () => {
  it('log: resolves event_type by name, stamps the clock, generates client_event_id, inserts idempotently', async () => {
    server.use(counted('get', 'ref_event_types', EVENT_TYPES), echo('session_events'));
    const { data, error } = await ppn().sessionEvents.log({ protocol_id: 1, event_type: 'Distress', intensity_level: 7, notes: 'grounding' });
    expect(error).toBeNull();
    const insert = await sent(1);
    expect(insert.params.on_conflict).toBe('protocol_id,client_event_id');
    expect(insert.prefer).toContain('resolution=ignore-duplicates');
    expect(insert.body).toEqual([
      { protocol_id: 1, event_type_id: 1, event_timestamp: NOW.toISOString(), intensity_level: 7, notes: 'grounding', client_event_id: expect.stringMatching(/^[0-9a-f-]{36}$/) },
    ]);
    expect(data!.client_event_id).toBe((insert.body as Array<{ client_event_id: string }>)[0]!.client_event_id);
  });

  it('log: event_type_id is sent as given, with no reference lookup', async () => {
    server.use(echo('session_events'));
    await ppn().sessionEvents.log({ protocol_id: 1, event_type_id: 2, event_timestamp: new Date('2026-02-10T10:00:00.123Z') });
    expect(requests).toHaveLength(1);
    expect((await sent()).body).toEqual([expect.objectContaining({ event_type_id: 2, event_timestamp: '2026-02-10T10:00:00.123Z' })]);
  });

  it('log: a retry whose row is already stored returns the stored row', async () => {
    const client_event_id = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
    const existing = { event_id: 5, protocol_id: 1, event_type_id: 2, client_event_id };
    server.use(http.post(`${REST}/session_events`, () => HttpResponse.json([], { status: 201 })), rest('get', 'session_events', [existing]));
    const { data } = await ppn().sessionEvents.log({ protocol_id: 1, event_type_id: 2, client_event_id });
    expect(data).toEqual(existing);
    expect((await sent(1)).params.client_event_id).toBe(`in.(${client_event_id})`);
  });

  it('logMany: every event in one insert, in input order', async () => {
    server.use(counted('get', 'ref_event_types', EVENT_TYPES), echo('session_events'));
    const { data } = await ppn().sessionEvents.logMany({ events: [{ protocol_id: 1, event_type: 'Breakthrough' }, { protocol_id: 1, event_type_id: 1 }] });
    expect(data!.map((e) => e.event_type_id)).toEqual([2, 1]);
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  it('timeline: a counted page with ref_event_types embedded, filtered by protocol, time and type', async () => {
    server.use(counted('get', 'ref_event_types', EVENT_TYPES), counted('get', 'session_events', [{ event_id: 1, event_timestamp: '2026-02-10T10:00:00.123456+00:00' }], 1));
    const { data } = await ppn().sessionEvents.timeline({ protocol_id: 3, from: new Date('2026-02-10T00:00:00Z'), eventTypes: ['Distress', 2] });
    const req = await sent(1);
    expect(req.params).toMatchObject({
      protocol_id: 'eq.3',
      event_timestamp: 'gte.2026-02-10T00:00:00.000Z',
      event_type_id: 'in.(2,1)',
      order: 'event_timestamp.asc,event_id.asc',
    });
    expect(req.params.select).toContain('ref_event_types(event_type_id,event_name,color_code,icon_name)');
    expect(data).toMatchObject({ total: 1, nextCursor: null });
  });
});

describe('supervision', () => {
  it('search: filters, estimated count, directory order', async () => {
    server.use(counted('get', 'practitioner_profiles', [{ profile_id: 1, years_experience: 9 }], 1));
    const { data } = await ppn().supervision.search({ modalities: ['Ketamine'], minYearsExperience: 3, maxHourlyRate: 150 });
    const req = await sent();
    expect(req.params).toMatchObject({
      modalities: 'ov.{Ketamine}',
      years_experience: 'gte.3',
      hourly_rate: 'lte.150',
      is_accepting_supervision: 'eq.true',
      order: 'years_experience.desc.nullslast,profile_id.asc',
    });
    expect(req.prefer).toContain('count=estimated');
    expect(data).toEqual({ rows: [{ profile_id: 1, years_experience: 9 }], total: 1, totalIsEstimate: false, nextCursor: null });
  });

  it('profiles.mine: the caller profile, not_found when there is none', async () => {
    server.use(http.post(`${REST}/rpc/my_practitioner_profile`, () => HttpResponse.json([])));
    const { error } = await ppn().supervision.profiles.mine();
    expect(error?.code).toBe('not_found');
  });

  it('profiles.upsertMine: only the given columns, upsert on user_id', async () => {
    server.use(echo('practitioner_profiles'));
    await ppn().supervision.profiles.upsertMine({ display_name: 'Jo', bio: undefined });
    const req = await sent();
    expect(req.params.on_conflict).toBe('user_id');
    expect(req.body).toEqual({ display_name: 'Jo' });
  });

  it('request: a pending relationship with the supervisor', async () => {
    server.use(echo('supervision_relationships'));
    const { data } = await ppn().supervision.request({ supervisor_id: 4 });
    expect((await sent()).body).toEqual({ supervisor_id: 4, status: 'pending' });
    expect(data).toMatchObject({ supervisor_id: 4, status: 'pending' });
  });

  for (const [call, status] of [['accept', 'active'], ['decline', 'cancelled'], ['end', 'completed']] as const) {
    it(`${call}: a filtered PATCH to ${status}; nothing touched is not_found`, async () => {
      server.use(http.patch(`${REST}/supervision_relationships`, () => HttpResponse.json([])));
      const { error } = await ppn().supervision[call](7);
      const req = await sent();
      expect(req).toMatchObject({ method: 'PATCH', body: { status } });
      expect(req.params.relationship_id).toBe('eq.7');
      expect(error?.code).toBe('not_found');
    });
  }

  it('relationships: a page with both participants embedded, filtered by status', async () => {
    server.use(counted('get', 'supervision_relationships', []));
    const { data } = await ppn().supervision.relationships({ status: 'pending' });
    const req = await sent();
    expect(req.params.status).toBe('eq.pending');
    expect(req.params.select).toContain('supervisor:practitioner_profiles!supervision_relationships_supervisor_id_fkey(');
    expect(data).toEqual({ rows: [], total: 0, totalIsEstimate: false, nextCursor: null });
  });

  it('relationships: a participant who left reads as removed, with the snapshot taken at acceptance', async () => {
    const base = { relationship_id: 7, supervisor_id: 1, supervisee_id: 2, status: 'completed', supervisor_display_name: 'Dr. Sam', supervisor_credentials: 'PhD', supervisee_display_name: 'Riley (then)', supervisee_credentials: 'LCSW' };
    server.use(
      counted('get', 'supervision_relationships', [
        { ...base, supervisor_id: null, supervisor: null, supervisee: { profile_id: 2, display_name: 'Riley', credentials: 'LCSW, MA' } },
        { ...base, relationship_id: 6, supervisee_id: null, supervisee_display_name: null, supervisee_credentials: null, supervisor: { profile_id: 1, display_name: 'Dr. Sam', credentials: 'PhD' }, supervisee: null },
      ]),
    );
    const { data } = await ppn().supervision.relationships();
    expect(data!.rows.map((r) => [r.relationship_id, r.supervisor, r.supervisee])).toEqual([
      [7, { removed: true, profile_id: null, display_name: 'Dr. Sam', credentials: 'PhD' }, { removed: false, profile_id: 2, display_name: 'Riley', credentials: 'LCSW, MA' }],
      [6, { removed: false, profile_id: 1, display_name: 'Dr. Sam', credentials: 'PhD' }, { removed: true, profile_id: null, display_name: null, credentials: null }],
    ]);
  });

  it('circles.list: member_count from the embedded count', async () => {
    server.use(counted('get', 'supervision_circles', [{ circle_id: 1, circle_name: 'A', circle_members: [{ count: 3 }] }]));
    const { data } = await ppn().supervision.circles.list();
    expect(data!.rows).toEqual([{ circle_id: 1, circle_name: 'A', member_count: 3 }]);
  });

  it('circles.create / join: inserts of the given columns', async () => {
    server.use(echo('supervision_circles'), echo('circle_members', { profile_id: 2 }));
    await ppn().supervision.circles.create({ circle_name: 'Peer', max_members: 6 });
    expect((await sent()).body).toEqual({ circle_name: 'Peer', max_members: 6 });
    const { data } = await ppn().supervision.circles.join({ circle_id: 3 });
    expect((await sent(1)).body).toEqual({ circle_id: 3 });
    expect(data).toMatchObject({ circle_id: 3, profile_id: 2 });
  });

  it('circles.leave: deletes by circle_id AND the caller profile_id', async () => {
    server.use(
      http.post(`${REST}/rpc/my_practitioner_profile`, () => HttpResponse.json([{ profile_id: 12 }])),
      http.delete(`${REST}/circle_members`, () => HttpResponse.json([{ circle_id: 3, profile_id: 12 }])),
    );
    const { data } = await ppn().supervision.circles.leave({ circle_id: 3 });
    expect((await sent(1)).params).toMatchObject({ circle_id: 'eq.3', profile_id: 'eq.12' });
    expect(data).toEqual({ circle_id: 3, profile_id: 12 });
  });

  it('circles.leave: without a profile of your own nothing is deleted and it is not_found', async () => {
    server.use(http.post(`${REST}/rpc/my_practitioner_profile`, () => HttpResponse.json([])));
    const { error } = await ppn().supervision.circles.leave({ circle_id: 3 });
    expect(error?.code).toBe('not_found');
    expect(requests.map((r) => r.method)).toEqual(['POST']);
  });

  it('circles.members: a page of one circle with practitioner_profiles embedded', async () => {
    server.use(counted('get', 'circle_members', []));
    await ppn().supervision.circles.members({ circle_id: 3 });
    const req = await sent();
    expect(req.params).toMatchObject({ circle_id: 'eq.3', order: 'joined_at.asc.nullslast,profile_id.asc' });
    expect(req.params.select).toContain('practitioner_profiles(profile_id,display_name,credentials)');
  });
});

describe('homework and integration scores', () => {
  it('homework.assign: resolves homework_type, assigned_date defaults to the local date', async () => {
    server.use(counted('get', 'ref_homework_types', HOMEWORK_TYPES), echo('integration_homework'));
    await ppn().homework.assign({ protocol_id: 1, homework_type: 'Journaling', due_date: '2026-02-20' });
    expect((await sent(1)).body).toEqual({ protocol_id: 1, homework_type_id: 4, due_date: '2026-02-20', assigned_date: '2026-02-10' });
  });

  it('homework.complete: a filtered PATCH with the completion', async () => {
    server.use(http.patch(`${REST}/integration_homework`, () => HttpResponse.json([{ homework_id: 2 }])));
    await ppn().homework.complete(2, { completion_notes: 'done' });
    const req = await sent();
    expect(req.params.homework_id).toBe('eq.2');
    expect(req.body).toEqual({ is_completed: true, completed_date: '2026-02-10', completion_notes: 'done' });
  });

  it('homework.list: overdue is open and due before today; ref_homework_types embedded', async () => {
    server.use(counted('get', 'integration_homework', []));
    await ppn().homework.list({ protocol_id: 1, status: 'overdue', today: '2026-03-01' });
    const req = await sent();
    expect(req.params).toMatchObject({ protocol_id: 'eq.1', is_completed: 'not.is.true', due_date: 'lt.2026-03-01', order: 'due_date.asc,homework_id.asc' });
    expect(req.params.select).toContain('ref_homework_types(homework_type_id,homework_name)');
  });

  it('integrationScores.record / trend', async () => {
    server.use(echo('integration_scores'), counted('get', 'integration_scores', [{ score_id: 1 }]));
    await ppn().integrationScores.record({ protocol_id: 1, scale_type: 'IES', score_value: 31.5, measured_at: NOW });
    expect((await sent()).body).toEqual({ protocol_id: 1, scale_type: 'IES', score_value: 31.5, measured_at: NOW.toISOString() });
    const { data } = await ppn().integrationScores.trend({ protocol_id: 1, scale_type: 'EIS' });
    expect((await sent(1)).params).toMatchObject({ protocol_id: 'eq.1', scale_type: 'eq.EIS', order: 'measured_at.asc,score_id.asc' });
    expect(data).toEqual([{ score_id: 1 }]);
  });
});

describe('one name per call', () => {
  it('a domain imported alone is the same call as on the client, and honours throwOnError', async () => {
    server.use(counted('get', 'ref_medications', [{ medication_id: 1 }]));
    const supabase = createClient<Database>(URL_BASE, 'k', { realtime: globalThis.WebSocket ? {} : { transport: WebSocket as never } });
    const ctx = createContext(supabase, { throwOnError: true });
    expect((await medications(ctx).list()).data).toEqual([{ medication_id: 1 }]);
    await expect(sessionEvents(ctx).log({ protocol_id: 1, event_type_id: 1, intensity_level: 11 })).rejects.toMatchObject({ code: 'validation' });
    await expect(supervision(ctx).circles.join({ circle_id: 0 })).rejects.toMatchObject({ code: 'validation' });
  });

  it('createPpnClient exposes exactly the calls of the contract', () => {
    const names = (o: object, prefix = ''): string[] =>
      Object.entries(o).flatMap(([k, v]) => (typeof v === 'function' ? [`${prefix}${k}`] : names(v as object, `${prefix}${k}.`)));
    expect(names(unitClient()).sort()).toEqual(CALLS.slice().sort());
  });
});
