/**
 * The database refuses on its own what the SDK refuses: the same bad values sent straight
 * through PostgREST with supabase-js (no SDK in between) come back as errors, with the
 * SQLSTATE (or PostgREST code) below. For each, the SDK either refuses the same input
 * before sending anything, or (for rules only the database can judge: who the caller is,
 * what state a row is in, how full a circle is) passes the database's refusal on with a
 * stable code.
 *
 * The second table lists the rules the SDK holds and the SQL cannot: a value with more
 * decimals than a numeric(p,2) column keeps is rounded by Postgres on input, before any
 * CHECK sees it (packages/migrations/README.md, "Rules only the SDK holds"), and the SDK's
 * uuid rule for `clientEventId` is stricter than the uuid type. Called directly, the
 * database stores those values; the SDK is their only guard. The test pins that down so a
 * future constraint moves its row to the first table (as the UI limits of @ppn/schema's
 * refinements did in 20260216000000_database_enforces_sdk_rules.sql, issue 5).
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import { startStack, type Stack } from '../../../../test/stack.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PpnClient, PpnErrorCode, PpnResult } from '../../src/index.js';
import { ppnWithToken, Superuser, supabaseWithToken } from '../helpers/superuser.js';

let stack: Stack;
let su: Superuser;
beforeAll(async () => {
  stack = await startStack();
  su = new Superuser(stack);
});
afterAll(async () => {
  await su?.end();
  await stack?.stop();
});

const PROTOCOL = 2; // site A, written as clinicianA
const EVENT = { protocol_id: PROTOCOL, event_type_id: 1, event_timestamp: '2026-02-10T10:00:00Z' };
const SCORE = { protocol_id: PROTOCOL, scale_type: 'IES', score_value: 50, measured_at: '2026-02-10T10:00:00Z' };
const HOMEWORK = { protocol_id: PROTOCOL, homework_type_id: 1, assigned_date: '2026-02-10', due_date: '2026-02-20' };
const LOG = { protocolId: PROTOCOL, eventType: 1 };
const RECORD = { protocolId: PROTOCOL, scale: 'IES', value: 50, measuredAt: '2026-02-10T10:00:00Z' };
const ASSIGN = { protocolId: PROTOCOL, homeworkType: 1, assignedDate: '2026-02-10', dueDate: '2026-02-20' };

type Direct = (sb: SupabaseClient) => PromiseLike<{ error: { code?: string } | null; status: number }>;
type ViaSdk = (ppn: PpnClient) => Promise<PpnResult<unknown>>;

/** What a case runs as, and the rows it acts on (made as superuser first). */
interface Fixture {
  token: string;
  ids: Record<string, number>;
}
type Setup = () => Promise<Fixture>;

const asClinicianA: Setup = async () => ({ token: stack.personas.clinicianA.token, ids: {} });
const asNewUser: Setup = async () => ({ token: (await su.user()).token, ids: {} });
const asNetworkAdmin: Setup = async () => ({ token: stack.personas.networkAdmin.token, ids: {} });

/** A supervisor (max_supervisees as given) and a supervisee, with a relationship in `status`; acting as `who`. */
function dyad(status: 'pending' | 'active' | 'completed', who: 'supervisor' | 'supervisee', maxSupervisees = 5): Setup {
  return async () => {
    const supervisor = await su.practitioner({ maxSupervisees });
    const supervisee = await su.practitioner();
    const relationship = await su.relationship(supervisor.profileId, supervisee.profileId, status);
    return { token: (who === 'supervisor' ? supervisor : supervisee).token, ids: { relationship, supervisor: supervisor.profileId, supervisee: supervisee.profileId } };
  };
}

/** A practitioner acting on a circle: full (max_members 1, taken) or one they already belong to. */
function circle(kind: 'full' | 'member'): Setup {
  return async () => {
    const me = await su.practitioner();
    const circleId = await su.circle(kind === 'full' ? 1 : null);
    const occupant = kind === 'full' ? await su.practitioner() : me;
    await su.query('insert into public.circle_members (circle_id, profile_id) values ($1, $2)', [circleId, occupant.profileId]);
    return { token: me.token, ids: { circle: circleId, profile: me.profileId } };
  };
}

interface Refusal {
  rule: string;
  setup: Setup;
  direct: (f: Fixture) => Direct;
  /** SQLSTATE, or PostgREST's own code. */
  dbCode: string;
  /** The same through the SDK, and how it comes back: refused before sending, or the database's answer mapped. */
  sdk?: { call: (f: Fixture) => ViaSdk; code: PpnErrorCode; sent: boolean };
}

const insert = (table: string, row: Record<string, unknown>): Direct => (sb) => sb.from(table).insert(row);
const before = (code: PpnErrorCode = 'validation') => ({ code, sent: false });

const REFUSALS: Refusal[] = [
  // session_events
  { rule: 'intensity 11', setup: asClinicianA, direct: () => insert('session_events', { ...EVENT, intensity_level: 11 }), dbCode: '23514', sdk: { call: () => (p) => p.sessionEvents.log({ ...LOG, intensity: 11 }), ...before() } },
  { rule: 'intensity 0', setup: asClinicianA, direct: () => insert('session_events', { ...EVENT, intensity_level: 0 }), dbCode: '23514', sdk: { call: () => (p) => p.sessionEvents.log({ ...LOG, intensity: 0 }), ...before() } },
  { rule: 'intensity 2.5', setup: asClinicianA, direct: () => insert('session_events', { ...EVENT, intensity_level: 2.5 }), dbCode: '22P02', sdk: { call: () => (p) => p.sessionEvents.log({ ...LOG, intensity: 2.5 }), ...before() } },
  { rule: 'event time February 30th', setup: asClinicianA, direct: () => insert('session_events', { ...EVENT, event_timestamp: '2026-02-30T10:00:00Z' }), dbCode: '22008', sdk: { call: () => (p) => p.sessionEvents.log({ ...LOG, occurredAt: '2026-02-30T10:00:00Z' }), ...before() } },
  { rule: 'event time with UTC offset +16:00', setup: asClinicianA, direct: () => insert('session_events', { ...EVENT, event_timestamp: '2026-02-10T10:00:00+16:00' }), dbCode: '22009', sdk: { call: () => (p) => p.sessionEvents.log({ ...LOG, occurredAt: '2026-02-10T10:00:00+16:00' }), ...before() } },
  { rule: 'event time missing', setup: asClinicianA, direct: () => insert('session_events', { protocol_id: PROTOCOL, event_type_id: 1 }), dbCode: '23502' },
  { rule: 'client event id not a uuid', setup: asClinicianA, direct: () => insert('session_events', { ...EVENT, client_event_id: 'not-a-uuid' }), dbCode: '22P02', sdk: { call: () => (p) => p.sessionEvents.log({ ...LOG, clientEventId: 'not-a-uuid' }), ...before() } },
  { rule: 'session notes over 2000 characters', setup: asClinicianA, direct: () => insert('session_events', { ...EVENT, notes: 'x'.repeat(2001) }), dbCode: '23514', sdk: { call: () => (p) => p.sessionEvents.log({ ...LOG, notes: 'x'.repeat(2001) }), ...before() } },
  { rule: 'notes with NUL', setup: asClinicianA, direct: () => insert('session_events', { ...EVENT, notes: 'a\u0000b' }), dbCode: '22P05', sdk: { call: () => (p) => p.sessionEvents.log({ ...LOG, notes: 'a\u0000b' }), ...before() } },
  // PostgREST parses this body itself (PGRST102); a bulk body with `columns` reaches Postgres, which says 22P02.
  { rule: 'notes with an unpaired surrogate', setup: asClinicianA, direct: () => insert('session_events', { ...EVENT, notes: 'a\ud800b' }), dbCode: 'PGRST102', sdk: { call: () => (p) => p.sessionEvents.log({ ...LOG, notes: 'a\ud800b' }), ...before() } },
  { rule: 'unknown column', setup: asClinicianA, direct: () => insert('session_events', { ...EVENT, colour: 'red' }), dbCode: 'PGRST204', sdk: { call: () => (p) => p.sessionEvents.log({ ...LOG, colour: 'red' } as never), ...before() } },
  { rule: 'event of another site', setup: asClinicianA, direct: () => insert('session_events', { ...EVENT, protocol_id: 3 }), dbCode: '42501', sdk: { call: () => (p) => p.sessionEvents.log({ ...LOG, protocolId: 3 }), code: 'forbidden', sent: true } },
  { rule: 'session events are append-only: update', setup: asClinicianA, direct: () => (sb) => sb.from('session_events').update({ notes: 'edited' }).eq('protocol_id', 1), dbCode: '42501' },
  { rule: 'session events are append-only: delete', setup: asClinicianA, direct: () => (sb) => sb.from('session_events').delete().eq('protocol_id', 1), dbCode: '42501' },
  // integration_scores
  { rule: 'score 100.01', setup: asClinicianA, direct: () => insert('integration_scores', { ...SCORE, score_value: 100.01 }), dbCode: '23514', sdk: { call: () => (p) => p.integrationScores.record({ ...RECORD, value: 100.01 } as never), ...before() } },
  { rule: 'score -0.01', setup: asClinicianA, direct: () => insert('integration_scores', { ...SCORE, score_value: -0.01 }), dbCode: '23514', sdk: { call: () => (p) => p.integrationScores.record({ ...RECORD, value: -0.01 } as never), ...before() } },
  { rule: 'score 1000 (numeric(5,2) overflow)', setup: asClinicianA, direct: () => insert('integration_scores', { ...SCORE, score_value: 1000 }), dbCode: '22003', sdk: { call: () => (p) => p.integrationScores.record({ ...RECORD, value: 1000 } as never), ...before() } },
  { rule: 'scale XYZ', setup: asClinicianA, direct: () => insert('integration_scores', { ...SCORE, scale_type: 'XYZ' }), dbCode: '23514', sdk: { call: () => (p) => p.integrationScores.record({ ...RECORD, scale: 'XYZ' } as never), ...before() } },
  { rule: 'days post dose -1', setup: asClinicianA, direct: () => insert('integration_scores', { ...SCORE, days_post_dose: -1 }), dbCode: '23514', sdk: { call: () => (p) => p.integrationScores.record({ ...RECORD, daysPostDose: -1 } as never), ...before() } },
  { rule: 'measured time missing', setup: asClinicianA, direct: () => insert('integration_scores', { protocol_id: PROTOCOL, scale_type: 'IES', score_value: 5 }), dbCode: '23502', sdk: { call: () => (p) => p.integrationScores.record({ protocolId: PROTOCOL, scale: 'IES', value: 5 } as never), ...before() } },
  // practitioner_profiles (a new account writing its own profile)
  { rule: 'bio of 501 characters', setup: asNewUser, direct: () => insert('practitioner_profiles', { bio: 'x'.repeat(501) }), dbCode: '23514', sdk: { call: () => (p) => p.supervision.profiles.upsertMine({ bio: 'x'.repeat(501) }), ...before() } },
  { rule: 'bio of 501 astral characters (1002 UTF-16 units)', setup: asNewUser, direct: () => insert('practitioner_profiles', { bio: '😀'.repeat(501) }), dbCode: '23514', sdk: { call: () => (p) => p.supervision.profiles.upsertMine({ bio: '😀'.repeat(501) }), ...before() } },
  { rule: 'years of experience -1', setup: asNewUser, direct: () => insert('practitioner_profiles', { years_experience: -1 }), dbCode: '23514', sdk: { call: () => (p) => p.supervision.profiles.upsertMine({ yearsExperience: -1 }), ...before() } },
  { rule: 'years of experience 2^31 (integer overflow)', setup: asNewUser, direct: () => insert('practitioner_profiles', { years_experience: 2 ** 31 }), dbCode: '22003', sdk: { call: () => (p) => p.supervision.profiles.upsertMine({ yearsExperience: 2 ** 31 }), ...before() } },
  { rule: 'hourly rate -1', setup: asNewUser, direct: () => insert('practitioner_profiles', { hourly_rate: -1 }), dbCode: '23514', sdk: { call: () => (p) => p.supervision.profiles.upsertMine({ hourlyRate: -1 }), ...before() } },
  { rule: 'hourly rate 10^8 (numeric(10,2) overflow)', setup: asNewUser, direct: () => insert('practitioner_profiles', { hourly_rate: 1e8 }), dbCode: '22003', sdk: { call: () => (p) => p.supervision.profiles.upsertMine({ hourlyRate: 1e8 }), ...before() } },
  { rule: 'display name blank', setup: asNewUser, direct: () => insert('practitioner_profiles', { display_name: '   ' }), dbCode: '23514', sdk: { call: () => (p) => p.supervision.profiles.upsertMine({ displayName: '   ' }), ...before() } },
  { rule: 'display name of no-break spaces', setup: asNewUser, direct: () => insert('practitioner_profiles', { display_name: '\u00a0\u3000' }), dbCode: '23514', sdk: { call: () => (p) => p.supervision.profiles.upsertMine({ displayName: '\u00a0\u3000' }), ...before() } },
  { rule: 'display name of 121 characters', setup: asNewUser, direct: () => insert('practitioner_profiles', { display_name: 'x'.repeat(121) }), dbCode: '23514', sdk: { call: () => (p) => p.supervision.profiles.upsertMine({ displayName: 'x'.repeat(121) }), ...before() } },
  { rule: 'credentials of 201 characters', setup: asNewUser, direct: () => insert('practitioner_profiles', { credentials: 'x'.repeat(201) }), dbCode: '23514', sdk: { call: () => (p) => p.supervision.profiles.upsertMine({ credentials: 'x'.repeat(201) }), ...before() } },
  { rule: '21 specialties', setup: asNewUser, direct: () => insert('practitioner_profiles', { specialties: Array.from({ length: 21 }, (_, i) => `tag${i}`) }), dbCode: '23514', sdk: { call: () => (p) => p.supervision.profiles.upsertMine({ specialties: Array.from({ length: 21 }, (_, i) => `tag${i}`) }), ...before() } },
  { rule: 'a modality of 61 characters', setup: asNewUser, direct: () => insert('practitioner_profiles', { modalities: ['x'.repeat(61)] }), dbCode: '23514', sdk: { call: () => (p) => p.supervision.profiles.upsertMine({ modalities: ['x'.repeat(61)] }), ...before() } },
  { rule: 'an empty specialty', setup: asNewUser, direct: () => insert('practitioner_profiles', { specialties: ['PTSD', ''] }), dbCode: '23514', sdk: { call: () => (p) => p.supervision.profiles.upsertMine({ specialties: ['PTSD', ''] }), ...before() } },
  { rule: 'max supervisees -1', setup: asNewUser, direct: () => insert('practitioner_profiles', { max_supervisees: -1 }), dbCode: '23514', sdk: { call: () => (p) => p.supervision.profiles.upsertMine({ maxSupervisees: -1 }), ...before() } },
  { rule: "someone else's profile", setup: asNewUser, direct: () => insert('practitioner_profiles', { user_id: stack.personas.supervisor.userId }), dbCode: '42501' },
  // integration_homework
  { rule: 'due before assigned', setup: asClinicianA, direct: () => insert('integration_homework', { ...HOMEWORK, due_date: '2026-02-09' }), dbCode: '23514', sdk: { call: () => (p) => p.homework.assign({ ...ASSIGN, dueDate: '2026-02-09' }), ...before() } },
  { rule: 'completion notes over 2000 characters', setup: asClinicianA, direct: () => insert('integration_homework', { ...HOMEWORK, completion_notes: 'x'.repeat(2001) }), dbCode: '23514', sdk: { call: () => (p) => p.homework.complete(1, { notes: 'x'.repeat(2001) }), ...before() } },
  // Completing takes only the date: the assignment date is in the row, so the database judges it.
  { rule: 'completed before assigned', setup: asClinicianA, direct: () => insert('integration_homework', { ...HOMEWORK, completed_date: '2026-02-09' }), dbCode: '23514', sdk: { call: () => (p) => p.homework.complete(1, { completedDate: '2026-02-10' }), code: 'validation', sent: true } },
  { rule: 'assigned February 30th', setup: asClinicianA, direct: () => insert('integration_homework', { ...HOMEWORK, assigned_date: '2026-02-30' }), dbCode: '22008', sdk: { call: () => (p) => p.homework.assign({ ...ASSIGN, assignedDate: '2026-02-30' }), ...before() } },
  // supervision_relationships: rules only the database can judge
  {
    rule: 'self-supervision',
    setup: async () => {
      const me = await su.practitioner();
      return { token: me.token, ids: { me: me.profileId } };
    },
    direct: (f) => insert('supervision_relationships', { supervisor_id: f.ids.me }),
    dbCode: '23514',
    sdk: { call: (f) => (p) => p.supervision.request(f.ids.me!), code: 'validation', sent: true },
  },
  {
    rule: 'a request that starts active',
    setup: async () => {
      const me = await su.practitioner();
      return { token: me.token, ids: {} };
    },
    direct: () => insert('supervision_relationships', { supervisor_id: 1, status: 'active' }),
    dbCode: '42501',
  },
  { rule: 'the supervisee accepts their own request', setup: dyad('pending', 'supervisee'), direct: (f) => (sb) => sb.from('supervision_relationships').update({ status: 'active' }).eq('relationship_id', f.ids.relationship!), dbCode: '42501', sdk: { call: (f) => (p) => p.supervision.respond(f.ids.relationship!, 'accept'), code: 'forbidden', sent: true } },
  { rule: 'pending -> completed', setup: dyad('pending', 'supervisor'), direct: (f) => (sb) => sb.from('supervision_relationships').update({ status: 'completed' }).eq('relationship_id', f.ids.relationship!), dbCode: 'PT409', sdk: { call: (f) => (p) => p.supervision.end(f.ids.relationship!), code: 'conflict', sent: true } },
  { rule: 'completed -> active', setup: dyad('completed', 'supervisor'), direct: (f) => (sb) => sb.from('supervision_relationships').update({ status: 'active' }).eq('relationship_id', f.ids.relationship!), dbCode: 'PT409', sdk: { call: (f) => (p) => p.supervision.respond(f.ids.relationship!, 'accept'), code: 'conflict', sent: true } },
  // The transition trigger answers before the status CHECK (23514) is reached.
  { rule: 'status bogus', setup: dyad('pending', 'supervisor'), direct: (f) => (sb) => sb.from('supervision_relationships').update({ status: 'bogus' }).eq('relationship_id', f.ids.relationship!), dbCode: 'PT409', sdk: { call: (f) => (p) => p.supervision.respond(f.ids.relationship!, 'bogus' as never), ...before() } },
  { rule: 'moving a relationship to another supervisee', setup: dyad('active', 'supervisor'), direct: (f) => (sb) => sb.from('supervision_relationships').update({ supervisee_id: 1 }).eq('relationship_id', f.ids.relationship!), dbCode: '42501' },
  { rule: 'accepting beyond max_supervisees', setup: dyad('pending', 'supervisor', 0), direct: (f) => (sb) => sb.from('supervision_relationships').update({ status: 'active' }).eq('relationship_id', f.ids.relationship!), dbCode: 'PT409', sdk: { call: (f) => (p) => p.supervision.respond(f.ids.relationship!, 'accept'), code: 'conflict', sent: true } },
  // circles (as the network admin, who may create them)
  { rule: 'circle name blank', setup: asNetworkAdmin, direct: () => insert('supervision_circles', { circle_name: ' ' }), dbCode: '23514', sdk: { call: () => (p) => p.supervision.circles.create({ circleName: ' ' }), ...before() } },
  { rule: 'circle of at most 0 members', setup: asNetworkAdmin, direct: () => insert('supervision_circles', { circle_name: 'Empty', max_members: 0 }), dbCode: '23514', sdk: { call: () => (p) => p.supervision.circles.create({ circleName: 'Empty', maxMembers: 0 }), ...before() } },
  { rule: 'joining a full circle', setup: circle('full'), direct: (f) => insert('circle_members', { circle_id: f.ids.circle }), dbCode: 'PT409', sdk: { call: (f) => (p) => p.supervision.circles.join(f.ids.circle!), code: 'conflict', sent: true } },
  { rule: 'joining a circle twice', setup: circle('member'), direct: (f) => insert('circle_members', { circle_id: f.ids.circle }), dbCode: '23505', sdk: { call: (f) => (p) => p.supervision.circles.join(f.ids.circle!), code: 'conflict', sent: true } },
];

describe('the database refuses, through PostgREST and without the SDK, what the SDK refuses', () => {
  it.each(REFUSALS.map((r) => [r.rule, r] as const))('%s', async (_rule, r) => {
    const fixture = await r.setup();
    const sb = supabaseWithToken(stack, fixture.token, { retry: false }) as unknown as SupabaseClient;
    const { error, status } = await r.direct(fixture)(sb);
    expect(error?.code, `HTTP ${status}`).toBe(r.dbCode);
    if (!r.sdk) return;
    // A fresh fixture: the direct attempt must not have changed what the SDK meets.
    const again = await r.setup();
    const { data, error: sdkError } = await r.sdk.call(again)(ppnWithToken(stack, again.token, { retry: false }));
    expect(data).toBeNull();
    expect(sdkError?.code).toBe(r.sdk.code);
    // `status` is undefined when no request was made.
    expect(sdkError?.status !== undefined).toBe(r.sdk.sent);
    if (r.sdk.sent) expect(sdkError?.dbCode).toBe(r.dbCode);
  });

  it('created_by is the caller, whatever the client sends', async () => {
    const sb = supabaseWithToken(stack, stack.personas.clinicianA.token) as unknown as SupabaseClient;
    const { data, error } = await sb
      .from('session_events')
      .insert({ ...EVENT, created_by: stack.personas.clinicianB.userId })
      .select('created_by')
      .single();
    expect(error).toBeNull();
    expect(data).toEqual({ created_by: stack.personas.clinicianA.userId });
  });
});

/** Rules the SDK holds and the SQL cannot (the SDK's stricter uuid and rounding rules). */
interface SdkOnly {
  rule: string;
  setup: Setup;
  direct: Direct;
  sdk: ViaSdk;
}

const SDK_ONLY: SdkOnly[] = [
  { rule: 'client event id that is not an RFC 9562 uuid', setup: asClinicianA, direct: insert('session_events', { ...EVENT, client_event_id: '00000000-0000-0000-0000-000000000001' }), sdk: (p) => p.sessionEvents.log({ ...LOG, clientEventId: '00000000-0000-0000-0000-000000000001' }) },
  // numeric(5,2) and numeric(10,2) round on input, before any CHECK sees the value.
  { rule: 'score with three decimals (the database rounds it)', setup: asClinicianA, direct: insert('integration_scores', { ...SCORE, score_value: 12.345 }), sdk: (p) => p.integrationScores.record({ ...RECORD, value: 12.345 } as never) },
  { rule: 'hourly rate with three decimals (the database rounds it)', setup: asNewUser, direct: insert('practitioner_profiles', { hourly_rate: 10.005 }), sdk: (p) => p.supervision.profiles.upsertMine({ hourlyRate: 10.005 }) },
];

describe('rules only the SDK holds (the SQL cannot express them): the database stores them', () => {
  it.each(SDK_ONLY.map((r) => [r.rule, r] as const))('%s', async (_rule, r) => {
    const fixture = await r.setup();
    const { error } = await r.direct(supabaseWithToken(stack, fixture.token, { retry: false }) as unknown as SupabaseClient);
    expect(error).toBeNull();
    const { error: sdkError } = await r.sdk(ppnWithToken(stack, fixture.token));
    expect(sdkError?.code).toBe('validation');
    expect(sdkError?.status).toBeUndefined();
  });
});
