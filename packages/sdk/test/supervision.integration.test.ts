import { startStack, type Stack } from '../../../test/stack.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ppnAs, type Who } from './helpers/stack.js';
import { ppnWithToken, Superuser } from './helpers/superuser.js';

// Seed: profiles 1 supervisor (12 y, accepting), 2 supervisee (2 y, not accepting), 3 Alex
// (15 y), 4 Morgan (6 y), 5 Priya (9 y, not accepting), 6 Casey (4 y); an active dyad 3 -> 6;
// circle 1 (max 8) with member 4.

describe('supervision.search against the local stack (read-only, shared stack)', () => {
  const ids = (result: { data: { profiles: Array<{ profile_id: number }> } | null }) => result.data?.profiles.map((p) => p.profile_id);

  it('accepting practitioners only by default, most experienced first, with an exact small total', async () => {
    const result = await ppnAs('clinicianA').supervision.search();
    expect(result.error).toBeNull();
    expect(ids(result)).toEqual([3, 1, 4, 6]);
    expect(result.data).toMatchObject({ total: 4, totalIsEstimate: false });
    expect(ids(await ppnAs('noSite').supervision.search({ acceptingOnly: false }))).toEqual([3, 1, 5, 4, 6, 2]);
  });

  it('specialties and modalities match ANY of the given tags; filters combine with AND', async () => {
    const ppn = ppnAs('memberB');
    expect(ids(await ppn.supervision.search({ specialties: ['TRD', 'Addiction'] }))).toEqual([3, 1]);
    expect(ids(await ppn.supervision.search({ modalities: ['MDMA'], acceptingOnly: false }))).toEqual([3, 6]);
    expect(ids(await ppn.supervision.search({ specialties: ['Integration'], modalities: ['Ketamine'] }))).toEqual([6]);
    expect(ids(await ppn.supervision.search({ maxHourlyRate: 100 }))).toEqual([4, 6]);
    expect(ids(await ppn.supervision.search({ minYearsExperience: 10 }))).toEqual([3, 1]);
    expect(ids(await ppn.supervision.search({ specialties: ['Nonexistent'] }))).toEqual([]);
  });

  it('pages with the total of all matches; a page past the end is empty', async () => {
    const ppn = ppnAs('supervisor');
    const page = await ppn.supervision.search({ limit: 2, offset: 1 });
    expect(ids(page)).toEqual([1, 4]);
    expect(page.data?.total).toBe(4);
    expect((await ppn.supervision.search({ offset: 40 })).data).toEqual({ profiles: [], total: 4, totalIsEstimate: false });
  });

  it('without a session: unauthenticated', async () => {
    expect((await ppnAs('anon').supervision.search()).error?.code).toBe('unauthenticated');
    expect((await ppnAs('anon').supervision.profiles.mine()).error?.code).toBe('unauthenticated');
  });
});

// Writes: a stack of its own, so the shared seed stays as it is for other suites. The tests
// below run in order and build on each other.
describe('supervision writes against the local stack', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.stop();
  });
  const as = (who: Who) => ppnAs(who, stack);

  describe('profiles', () => {
    it('mine: your own profile from your JWT, or null when you have none', async () => {
      expect((await as('supervisor').supervision.profiles.mine()).data).toMatchObject({ profile_id: 1, display_name: 'Dr. Sam Supervisor', user_id: stack.personas.supervisor.userId });
      expect((await as('supervisee').supervision.profiles.mine()).data?.profile_id).toBe(2);
      expect(await as('noSite').supervision.profiles.mine()).toEqual({ data: null, error: null });
    });

    it('upsertMine creates your profile, then updates only the fields you give', async () => {
      const ppn = as('noSite');
      const created = await ppn.supervision.profiles.upsertMine({ displayName: 'Jo Park', credentials: 'PsyD', modalities: ['Ketamine'], yearsExperience: 3 });
      expect(created.error).toBeNull();
      expect(created.data).toMatchObject({ user_id: stack.personas.noSite.userId, display_name: 'Jo Park', is_accepting_supervision: true, max_supervisees: 5 });
      const updated = await ppn.supervision.profiles.upsertMine({ isAcceptingSupervision: false, bio: 'New to integration work.' });
      expect(updated.error).toBeNull();
      expect(updated.data).toMatchObject({
        profile_id: created.data?.profile_id,
        display_name: 'Jo Park',
        credentials: 'PsyD',
        modalities: ['Ketamine'],
        is_accepting_supervision: false,
        bio: 'New to integration work.',
      });
      expect((await ppn.supervision.profiles.mine()).data).toEqual(updated.data);
      // Nobody else's profile changed.
      expect((await as('supervisor').supervision.profiles.mine()).data?.display_name).toBe('Dr. Sam Supervisor');
    });
  });

  describe('relationships', () => {
    let requestId: number;

    it('the supervisee requests supervision: pending, with its own profile as supervisee', async () => {
      const { data, error } = await as('supervisee').supervision.request(1);
      expect(error).toBeNull();
      expect(data).toMatchObject({ supervisor_id: 1, supervisee_id: 2, status: 'pending', started_at: null });
      requestId = data!.relationship_id;
    });

    it('both participants list it with both names; others do not see it', async () => {
      for (const who of ['supervisor', 'supervisee'] as const) {
        const { data } = await as(who).supervision.relationships();
        expect(data).toEqual([
          expect.objectContaining({
            relationship_id: requestId,
            status: 'pending',
            supervisor: { profile_id: 1, display_name: 'Dr. Sam Supervisor', credentials: 'PhD, LMFT', removed: false },
            supervisee: { profile_id: 2, display_name: 'Riley Supervisee', credentials: 'LCSW', removed: false },
          }),
        ]);
      }
      expect(await as('noSite').supervision.relationships()).toEqual({ data: [], error: null });
      expect(await as('clinicianA').supervision.relationships()).toEqual({ data: [], error: null });
    });

    it('the supervisee cannot accept its own request (forbidden); a stranger touches nothing (not_found)', async () => {
      expect((await as('supervisee').supervision.respond(requestId, 'accept')).error?.code).toBe('forbidden');
      expect((await as('noSite').supervision.respond(requestId, 'accept')).error?.code).toBe('not_found');
      expect((await as('clinicianA').supervision.end(requestId)).error?.code).toBe('not_found');
      expect((await as('supervisor').supervision.respond(99999, 'accept')).error?.code).toBe('not_found');
    });

    it('ending a pending request is a conflict (no such transition)', async () => {
      expect((await as('supervisee').supervision.end(requestId)).error?.code).toBe('conflict');
    });

    it('the supervisor accepts: active, started_at stamped; declining it afterwards is a conflict', async () => {
      const { data, error } = await as('supervisor').supervision.respond(requestId, 'accept');
      expect(error).toBeNull();
      expect(data).toMatchObject({ relationship_id: requestId, status: 'active', started_at: expect.any(String) });
      expect((await as('supervisor').supervision.respond(requestId, 'decline')).error?.code).toBe('conflict');
    });

    it('either participant ends it: completed, ended_at stamped', async () => {
      const { data, error } = await as('supervisee').supervision.end(requestId);
      expect(error).toBeNull();
      expect(data).toMatchObject({ status: 'completed', ended_at: expect.any(String) });
    });

    it('a decline stores cancelled', async () => {
      const request = await as('supervisee').supervision.request(1);
      const { data } = await as('supervisor').supervision.respond(request.data!.relationship_id, 'decline');
      expect(data?.status).toBe('cancelled');
    });

    it('a supervisor at max_supervisees cannot accept: conflict', async () => {
      await as('supervisor').supervision.profiles.upsertMine({ maxSupervisees: 0 });
      const request = await as('supervisee').supervision.request(1);
      expect((await as('supervisor').supervision.respond(request.data!.relationship_id, 'accept')).error?.code).toBe('conflict');
      await as('supervisor').supervision.profiles.upsertMine({ maxSupervisees: 5 });
      expect((await as('supervisor').supervision.respond(request.data!.relationship_id, 'accept')).data?.status).toBe('active');
    });

    it('a supervisor who leaves reads as removed, with the snapshot; the relationship stays in the supervisee\'s history, closed', async () => {
      const superuser = new Superuser(stack);
      try {
        const supervisor = await superuser.practitioner();
        const supervisee = await superuser.practitioner();
        const asSupervisor = ppnWithToken(stack, supervisor.token);
        const asSupervisee = ppnWithToken(stack, supervisee.token);
        const { data: request } = await asSupervisee.supervision.request(supervisor.profileId);
        expect((await asSupervisor.supervision.respond(request!.relationship_id, 'accept')).data?.status).toBe('active');
        const before = (await asSupervisee.supervision.relationships()).data!;
        expect(before).toEqual([expect.objectContaining({ status: 'active', supervisor: expect.objectContaining({ removed: false, profile_id: supervisor.profileId }) })]);
        const name = before[0]!.supervisor.display_name;

        await superuser.query('delete from auth.users where id = $1', [supervisor.userId]);

        const { data, error } = await asSupervisee.supervision.relationships();
        expect(error).toBeNull();
        expect(data).toEqual([
          expect.objectContaining({
            relationship_id: request!.relationship_id,
            status: 'completed',
            ended_at: expect.any(String),
            supervisor_id: null,
            supervisor: { removed: true, profile_id: null, display_name: name, credentials: null },
            supervisee: expect.objectContaining({ removed: false, profile_id: supervisee.profileId }),
          }),
        ]);
      } finally {
        await superuser.end();
      }
    });

    it('no profile of your own: forbidden; asking yourself: validation', async () => {
      expect((await as('clinicianA').supervision.request(1)).error?.code).toBe('forbidden');
      expect((await as('supervisor').supervision.request(1)).error?.code).toBe('validation');
    });
  });

  describe('circles', () => {
    let tinyId: number;

    it('list: every circle with its member count', async () => {
      const { data } = await as('memberA').supervision.circles.list();
      expect(data).toEqual([expect.objectContaining({ circle_id: 1, circle_name: 'Ketamine Integration Peer Circle', max_members: 8, member_count: 1 })]);
    });

    it('create: network admins only; anyone else is forbidden', async () => {
      for (const who of ['clinicianA', 'siteAdminB', 'supervisor'] as const) {
        const { data, error } = await as(who).supervision.circles.create({ circleName: 'Not mine to make' });
        expect(data, who).toBeNull();
        expect(error?.code, who).toBe('forbidden');
      }
      const { data, error } = await as('networkAdmin').supervision.circles.create({ circleName: 'Tiny MDMA Circle', maxMembers: 1, meetingFrequency: 'monthly' });
      expect(error).toBeNull();
      expect(data).toMatchObject({ circle_name: 'Tiny MDMA Circle', max_members: 1, meeting_frequency: 'monthly' });
      tinyId = data!.circle_id;
    });

    it('join with your own profile; a full circle or a second join is a conflict; no profile is forbidden', async () => {
      expect((await as('supervisor').supervision.circles.join(tinyId)).data).toMatchObject({ circle_id: tinyId, profile_id: 1 });
      expect((await as('supervisee').supervision.circles.join(tinyId)).error?.code).toBe('conflict');
      expect((await as('supervisee').supervision.circles.join(1)).data).toMatchObject({ circle_id: 1, profile_id: 2 });
      expect((await as('supervisee').supervision.circles.join(1)).error?.code).toBe('conflict');
      expect((await as('clinicianA').supervision.circles.join(1)).error?.code).toBe('forbidden');
    });

    it('members: in joining order with names; counts follow', async () => {
      const { data } = await as('clinicianB').supervision.circles.members(1);
      expect(data?.map((m) => [m.profile_id, m.profile?.display_name])).toEqual([
        [4, 'Morgan Lee'],
        [2, 'Riley Supervisee'],
      ]);
      const circles = await as('clinicianB').supervision.circles.list();
      expect(circles.data?.map((c) => [c.circle_name, c.member_count])).toEqual([
        ['Ketamine Integration Peer Circle', 2],
        ['Tiny MDMA Circle', 1],
      ]);
      expect(await as('clinicianB').supervision.circles.members(99999)).toEqual({ data: [], error: null });
    });

    it('leave removes only your own membership; leaving again is not_found', async () => {
      expect((await as('noSite').supervision.circles.leave(1)).error?.code).toBe('not_found');
      expect((await as('supervisee').supervision.circles.leave(1)).data).toMatchObject({ circle_id: 1, profile_id: 2 });
      expect((await as('supervisee').supervision.circles.leave(1)).error?.code).toBe('not_found');
      expect((await as('clinicianB').supervision.circles.members(1)).data?.map((m) => m.profile_id)).toEqual([4]);
    });
  });
});
