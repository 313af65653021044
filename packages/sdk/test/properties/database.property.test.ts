/**
 * Generated VALID inputs of every SDK write call are accepted by the real database and
 * stored as sent (on a stack of this suite's own). Fewer runs than the invalid-input
 * properties: each is a round trip through PostgREST (`PPN_FC_DB_RUNS`, default 40).
 */
import fc from 'fast-check';
import { startStack, type Stack } from '../../../../test/stack.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionEvent } from '../../src/index.js';
import { localDate } from '../../src/args.js';
import { HOMEWORK_ASSIGNED_DATE, ppnWithToken, Superuser } from '../helpers/superuser.js';
import { validAssignInput, validCircleInput, validCompleteInput, validLogInput, validProfileInput, validScoreInput } from './calls.js';
import { FC_DB_RUNS, fcParams } from './values.js';

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

// Site A (seed): records 1 and 2; event and homework types 1..8, by id or by name.
const SITE_A_PROTOCOLS = [1, 2];
const EVENT_TYPES = ['Distress', 'Breakthrough', 'Music Change', 'Vital Signs Check', 'Booster Dose', 'Bathroom Break', 'Integration Moment', 'Peak Experience'];
const TYPE_IDS = [1, 2, 3, 4, 5, 6, 7, 8];
// The device clock for the whole suite: "today" cannot move at midnight mid-run.
const NOW = new Date();
const TODAY = localDate(NOW);
const params = fcParams(FC_DB_RUNS);
const TIMEOUT = 180_000;

const instantMs = (value: string | Date) => (value instanceof Date ? value.getTime() : Date.parse(value));

async function eventTypeIds(): Promise<Map<string, number>> {
  const rows = await su.query<{ event_name: string; event_type_id: string }>('select event_name, event_type_id from public.ref_event_types');
  return new Map(rows.map((r) => [r.event_name, Number(r.event_type_id)]));
}

type LogInput = { protocolId: number; eventType: number | string; occurredAt?: string | Date; intensity?: number | null; notes?: string | null; clientEventId?: string };

/** Checks a stored event against its input; a clientEventId seen before must return the first stored event. */
function checkEvent(input: LogInput, event: SessionEvent, typeIds: Map<string, number>, stored: Map<string, SessionEvent>) {
  const key = input.clientEventId ? `${input.protocolId}/${input.clientEventId.toLowerCase()}` : undefined;
  const earlier = key ? stored.get(key) : undefined;
  if (earlier) {
    expect(event).toEqual(earlier);
    return;
  }
  expect(event.protocol_id).toBe(input.protocolId);
  expect(event.event_type_id).toBe(typeof input.eventType === 'number' ? input.eventType : typeIds.get(input.eventType));
  expect(event.intensity_level).toBe(input.intensity ?? null);
  expect(event.notes).toBe(input.notes ?? null);
  if (input.occurredAt !== undefined) expect(Math.abs(Date.parse(event.event_timestamp) - instantMs(input.occurredAt))).toBeLessThan(1);
  if (input.clientEventId) expect(event.client_event_id).toBe(input.clientEventId.toLowerCase());
  if (key) stored.set(key, event);
}

describe('generated valid inputs are accepted by the database and stored as sent', () => {
  it('sessionEvents.log', async () => {
    const ppn = ppnWithToken(stack, stack.personas.clinicianA.token, { now: () => NOW });
    const typeIds = await eventTypeIds();
    const stored = new Map<string, SessionEvent>();
    await fc.assert(
      fc.asyncProperty(validLogInput({ protocolIds: SITE_A_PROTOCOLS, eventTypes: EVENT_TYPES, typeIds: TYPE_IDS }), async (input) => {
        const { data, error } = await ppn.sessionEvents.log(input);
        expect(error).toBeNull();
        checkEvent(input, data!, typeIds, stored);
      }),
      params,
    );
  }, TIMEOUT);

  it('sessionEvents.logMany', async () => {
    const ppn = ppnWithToken(stack, stack.personas.siteAdminA.token, { now: () => NOW });
    const typeIds = await eventTypeIds();
    const stored = new Map<string, SessionEvent>();
    const batch = fc.array(validLogInput({ protocolIds: SITE_A_PROTOCOLS, eventTypes: EVENT_TYPES, typeIds: TYPE_IDS }), { minLength: 1, maxLength: 12 });
    await fc.assert(
      fc.asyncProperty(batch, async (inputs) => {
        const { data, error } = await ppn.sessionEvents.logMany(inputs);
        expect(error).toBeNull();
        expect(data).toHaveLength(inputs.length);
        inputs.forEach((input, i) => checkEvent(input, data![i]!, typeIds, stored));
      }),
      params,
    );
  }, TIMEOUT);

  it('homework.assign', async () => {
    const ppn = ppnWithToken(stack, stack.personas.clinicianA.token, { now: () => NOW });
    await fc.assert(
      fc.asyncProperty(validAssignInput({ protocolIds: SITE_A_PROTOCOLS, homeworkTypes: ['Journaling', 'Meditation'], typeIds: TYPE_IDS }, TODAY), async (input) => {
        const { data, error } = await ppn.homework.assign(input as never);
        expect(error).toBeNull();
        expect(data!.protocol_id).toBe(input.protocolId);
        expect(data!.due_date).toBe(input.dueDate);
        expect(data!.assigned_date).toBe(input.assignedDate ?? TODAY);
        expect(data!.created_by).toBe(stack.personas.clinicianA.userId);
      }),
      params,
    );
  }, TIMEOUT);

  it('homework.complete', async () => {
    const ppn = ppnWithToken(stack, stack.personas.siteAdminA.token, { now: () => NOW });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...SITE_A_PROTOCOLS), fc.option(validCompleteInput(HOMEWORK_ASSIGNED_DATE), { nil: undefined }), async (protocolId, input) => {
        const homeworkId = await su.homework(protocolId);
        const { data, error } = await ppn.homework.complete(homeworkId, input);
        expect(error).toBeNull();
        expect(data!.homework_id).toBe(homeworkId);
        expect(data!.is_completed).toBe(true);
        expect(data!.completed_date).toBe(input?.completedDate ?? TODAY);
        expect(data!.completion_notes).toBe(input?.notes ?? null);
      }),
      params,
    );
  }, TIMEOUT);

  it('integrationScores.record', async () => {
    const ppn = ppnWithToken(stack, stack.personas.clinicianA.token, { now: () => NOW });
    await fc.assert(
      fc.asyncProperty(validScoreInput({ protocolIds: SITE_A_PROTOCOLS }), async (input) => {
        const { data, error } = await ppn.integrationScores.record(input as never);
        expect(error).toBeNull();
        expect(data!.scale_type).toBe(input.scale);
        expect(data!.score_value).toBe(input.value);
        expect(Math.abs(Date.parse(data!.measured_at) - instantMs(input.measuredAt))).toBeLessThan(1);
        expect(data!.days_post_dose).toBe(input.daysPostDose ?? null);
      }),
      params,
    );
  }, TIMEOUT);

  it('supervision.profiles.upsertMine (create, then every later call an update of the fields given)', async () => {
    const me = await su.user();
    const ppn = ppnWithToken(stack, me.token);
    const expected: Record<string, unknown> = {};
    const COLUMNS: Record<string, string> = {
      displayName: 'display_name',
      credentials: 'credentials',
      specialties: 'specialties',
      modalities: 'modalities',
      yearsExperience: 'years_experience',
      hourlyRate: 'hourly_rate',
      isAcceptingSupervision: 'is_accepting_supervision',
      maxSupervisees: 'max_supervisees',
      bio: 'bio',
    };
    let profileId: number | undefined;
    await fc.assert(
      fc.asyncProperty(validProfileInput(), async (input) => {
        const { data, error } = await ppn.supervision.profiles.upsertMine(input as never);
        expect(error).toBeNull();
        profileId ??= data!.profile_id;
        expect(data!.profile_id).toBe(profileId);
        expect(data!.user_id).toBe(me.userId);
        for (const [field, value] of Object.entries(input)) expected[COLUMNS[field]!] = value;
        expect(data).toMatchObject(expected);
      }),
      params,
    );
  }, TIMEOUT);

  it('supervision.circles.create (network admin)', async () => {
    const ppn = ppnWithToken(stack, stack.personas.networkAdmin.token);
    await fc.assert(
      fc.asyncProperty(validCircleInput(), async (input) => {
        const { data, error } = await ppn.supervision.circles.create(input as never);
        expect(error).toBeNull();
        expect(data!.circle_name).toBe(input.circleName);
        if (input.maxMembers !== undefined) expect(data!.max_members).toBe(input.maxMembers);
        expect(data!.meeting_frequency).toBe(input.meetingFrequency ?? null);
      }),
      params,
    );
  }, TIMEOUT);

  // The calls below take ids: the generated part is which row, whose side, which answer.

  it('supervision.request, respond, end', async () => {
    const supervisee = await su.practitioner();
    const asSupervisee = ppnWithToken(stack, supervisee.token);
    const seeded = [1, 3, 4, 5, 6];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...seeded), fc.constantFrom('accept' as const, 'decline' as const), fc.constantFrom('supervisor' as const, 'supervisee' as const), async (target, answer, ender) => {
        const requested = await asSupervisee.supervision.request(target);
        expect(requested.error).toBeNull();
        expect(requested.data).toMatchObject({ supervisor_id: target, supervisee_id: supervisee.profileId, status: 'pending' });

        // A fresh supervisor with room answers a fresh request, and either side ends it.
        const supervisor = await su.practitioner();
        const other = await su.practitioner();
        const pending = await su.relationship(supervisor.profileId, other.profileId, 'pending');
        const asSupervisor = ppnWithToken(stack, supervisor.token);
        const responded = await asSupervisor.supervision.respond(pending, answer);
        expect(responded.error).toBeNull();
        expect(responded.data!.status).toBe(answer === 'accept' ? 'active' : 'cancelled');
        // a retry of the same answer (its response lost) succeeds again: README "Retrying safely"
        expect((await asSupervisor.supervision.respond(pending, answer)).data).toEqual(responded.data);

        const active = await su.relationship(supervisor.profileId, other.profileId, 'active');
        const ended = await ppnWithToken(stack, (ender === 'supervisor' ? supervisor : other).token).supervision.end(active);
        expect(ended.error).toBeNull();
        expect(ended.data!.status).toBe('completed');
        expect(ended.data!.ended_at).not.toBeNull();
        expect((await ppnWithToken(stack, supervisor.token).supervision.end(active)).data).toEqual(ended.data);
      }),
      fcParams(Math.min(FC_DB_RUNS, 20)),
    );
  }, TIMEOUT);

  it('supervision.circles.join, leave', async () => {
    const me = await su.practitioner();
    const ppn = ppnWithToken(stack, me.token);
    await fc.assert(
      fc.asyncProperty(fc.option(fc.integer({ min: 1, max: 50 }), { nil: null }), async (maxMembers) => {
        const circleId = await su.circle(maxMembers);
        const joined = await ppn.supervision.circles.join(circleId);
        expect(joined.error).toBeNull();
        expect(joined.data).toMatchObject({ circle_id: circleId, profile_id: me.profileId });
        expect((await ppn.supervision.circles.join(circleId)).error?.code).toBe('conflict');
        const left = await ppn.supervision.circles.leave(circleId);
        expect(left.error).toBeNull();
        expect(left.data).toMatchObject({ circle_id: circleId, profile_id: me.profileId });
        expect((await ppn.supervision.circles.leave(circleId)).error?.code).toBe('not_found');
      }),
      fcParams(Math.min(FC_DB_RUNS, 20)),
    );
  }, TIMEOUT);
});
