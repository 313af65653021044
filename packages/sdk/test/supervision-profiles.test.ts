import { describe, expect, it } from 'vitest';
import { pgError, requests, rest, server, unitClient, useMsw } from './helpers/msw.js';
import { ERROR_CASES, networkFailure, noRetryClient, sent } from './helpers/sent.js';

useMsw();

const profile = {
  profile_id: 1,
  user_id: '00000000-0000-4000-8000-000000000003',
  display_name: 'Dr. Sam Supervisor',
  credentials: 'PhD, LMFT',
  specialties: ['PTSD', 'TRD'],
  modalities: ['Psilocybin', 'Ketamine'],
  years_experience: 12,
  hourly_rate: 150,
  is_accepting_supervision: true,
  max_supervisees: 5,
  bio: null,
  created_at: null,
  updated_at: null,
};

describe('supervision.search', () => {
  it('filters with AND, tags by overlap, accepting only by default, most experienced first', async () => {
    server.use(rest('get', 'practitioner_profiles', [profile], { status: 206, headers: { 'Content-Range': '0-0/4' } }));
    const { data, error } = await unitClient().supervision.search({
      specialties: ['PTSD', 'TRD'],
      modalities: ['Psilocybin'],
      minYearsExperience: 5,
      maxHourlyRate: 180,
      limit: 1,
    });
    expect(error).toBeNull();
    expect(data).toEqual({ profiles: [profile], total: 4, totalIsEstimate: false });
    expect(await sent()).toEqual({
      method: 'GET',
      path: '/practitioner_profiles',
      params: {
        select: '*',
        specialties: 'ov.{PTSD,TRD}',
        modalities: 'ov.{Psilocybin}',
        years_experience: 'gte.5',
        hourly_rate: 'lte.180',
        is_accepting_supervision: 'eq.true',
        order: 'years_experience.desc.nullslast,profile_id.asc',
        offset: '0',
        limit: '1',
      },
      prefer: 'count=estimated',
      body: undefined,
    });
  });

  it('defaults to 50 rows; acceptingOnly: false lists everyone', async () => {
    server.use(rest('get', 'practitioner_profiles', [], { headers: { 'Content-Range': '*/0' } }));
    const { data } = await unitClient().supervision.search({ acceptingOnly: false, offset: 10 });
    expect(data).toEqual({ profiles: [], total: 0, totalIsEstimate: false });
    expect((await sent()).params).toEqual({ select: '*', order: 'years_experience.desc.nullslast,profile_id.asc', offset: '10', limit: '50' });
  });

  it('a total above the server row cap is the planner estimate, and says so', async () => {
    server.use(rest('get', 'practitioner_profiles', [profile], { headers: { 'Content-Range': '0-0/52840' } }));
    const { data } = await unitClient().supervision.search({ limit: 1 });
    expect(data?.total).toBe(52840);
    expect(data?.totalIsEstimate).toBe(true);
  });

  it('a page past the end is empty, with the total of the same filters', async () => {
    server.use(
      rest('get', 'practitioner_profiles', pgError('PGRST103', 'Requested range not satisfiable'), { status: 416 }),
      rest('head', 'practitioner_profiles', null, { headers: { 'Content-Range': '*/3' } }),
    );
    const { data, error } = await unitClient().supervision.search({ modalities: ['MDMA'], offset: 100 });
    expect(error).toBeNull();
    expect(data).toEqual({ profiles: [], total: 3, totalIsEstimate: false });
    const head = await sent(1);
    expect(head.method).toBe('HEAD');
    expect(head.prefer).toBe('count=estimated');
    expect(head.params).toMatchObject({ modalities: 'ov.{MDMA}', is_accepting_supervision: 'eq.true' });
  });

  it.each([
    [{ specialties: 'PTSD' }, ['specialties']],
    [{ specialties: [] }, ['specialties']],
    [{ modalities: [1] }, ['modalities', 0]],
    [{ minYearsExperience: -1 }, ['minYearsExperience']],
    [{ maxHourlyRate: '100' }, ['maxHourlyRate']],
    [{ acceptingOnly: 'yes' }, ['acceptingOnly']],
    [{ limit: 5000 }, ['limit']],
    [{ name: 'Sam' }, []],
  ])('refuses %j before any request', async (options, path) => {
    const { data, error } = await unitClient().supervision.search(options as never);
    expect(data).toBeNull();
    expect(error?.code).toBe('validation');
    expect(error?.issues.map((i) => i.path)).toContainEqual(path);
    expect(requests).toHaveLength(0);
  });

  it.each(ERROR_CASES)('maps $name to $expected', async ({ status, code, expected }) => {
    server.use(rest('get', 'practitioner_profiles', pgError(code), { status }));
    expect((await unitClient().supervision.search()).error?.code).toBe(expected);
  });

  it('maps a network failure to network', async () => {
    server.use(networkFailure('get', 'practitioner_profiles'));
    expect((await noRetryClient().supervision.search()).error?.code).toBe('network');
  });
});

describe('supervision.profiles.mine', () => {
  it('calls the my_practitioner_profile RPC and returns the one row', async () => {
    server.use(rest('post', 'rpc/my_practitioner_profile', [profile]));
    const { data, error } = await unitClient().supervision.profiles.mine();
    expect(error).toBeNull();
    expect(data).toEqual(profile);
    const request = await sent();
    expect([request.method, request.path]).toEqual(['POST', '/rpc/my_practitioner_profile']);
  });

  it('no profile yet is null, not an error', async () => {
    server.use(rest('post', 'rpc/my_practitioner_profile', []));
    expect(await unitClient().supervision.profiles.mine()).toEqual({ data: null, error: null });
  });

  it.each(ERROR_CASES)('maps $name to $expected', async ({ status, code, expected }) => {
    server.use(rest('post', 'rpc/my_practitioner_profile', pgError(code), { status }));
    expect((await unitClient().supervision.profiles.mine()).error?.code).toBe(expected);
  });

  it('maps a network failure to network', async () => {
    server.use(networkFailure('post', 'rpc/my_practitioner_profile'));
    expect((await unitClient().supervision.profiles.mine()).error?.code).toBe('network');
  });
});

describe('supervision.profiles.upsertMine', () => {
  it('upserts on user_id with only the given columns, never sending a user id', async () => {
    server.use(rest('post', 'practitioner_profiles', profile, { status: 201 }));
    const { data, error } = await unitClient().supervision.profiles.upsertMine({
      displayName: 'Dr. Sam Supervisor',
      credentials: 'PhD, LMFT',
      specialties: ['PTSD'],
      modalities: ['Ketamine'],
      yearsExperience: 12,
      hourlyRate: 150.5,
      isAcceptingSupervision: true,
      maxSupervisees: 5,
      bio: null,
    });
    expect(error).toBeNull();
    expect(data).toEqual(profile);
    expect(await sent()).toEqual({
      method: 'POST',
      path: '/practitioner_profiles',
      params: { on_conflict: 'user_id', select: '*' },
      prefer: 'resolution=merge-duplicates, return=representation',
      body: {
        display_name: 'Dr. Sam Supervisor',
        credentials: 'PhD, LMFT',
        specialties: ['PTSD'],
        modalities: ['Ketamine'],
        years_experience: 12,
        hourly_rate: 150.5,
        is_accepting_supervision: true,
        max_supervisees: 5,
        bio: null,
      },
    });
  });

  it('a partial input changes only those columns', async () => {
    server.use(rest('post', 'practitioner_profiles', profile, { status: 201 }));
    await unitClient().supervision.profiles.upsertMine({ isAcceptingSupervision: false });
    expect((await sent()).body).toEqual({ is_accepting_supervision: false });
  });

  it.each([
    [{}, []],
    [{ displayName: '   ' }, ['displayName']],
    [{ displayName: 'x'.repeat(121) }, ['displayName']],
    [{ credentials: 'x'.repeat(201) }, ['credentials']],
    [{ specialties: Array.from({ length: 21 }, (_, i) => `t${i}`) }, ['specialties']],
    [{ modalities: [''] }, ['modalities', 0]],
    [{ yearsExperience: -1 }, ['yearsExperience']],
    [{ yearsExperience: 2.5 }, ['yearsExperience']],
    [{ hourlyRate: 10.555 }, ['hourlyRate']],
    [{ maxSupervisees: -1 }, ['maxSupervisees']],
    [{ bio: 'x'.repeat(501) }, ['bio']],
    [{ userId: '00000000-0000-4000-8000-000000000004' }, []],
    [{ user_id: '00000000-0000-4000-8000-000000000004' }, []],
  ])('refuses %j before any request', async (input, path) => {
    const { error } = await unitClient().supervision.profiles.upsertMine(input as never);
    expect(error?.code).toBe('validation');
    expect(error?.issues.map((i) => i.path)).toContainEqual(path);
    expect(requests).toHaveLength(0);
  });

  it.each(ERROR_CASES)('maps $name to $expected', async ({ status, code, expected }) => {
    server.use(rest('post', 'practitioner_profiles', pgError(code), { status }));
    expect((await unitClient().supervision.profiles.upsertMine({ displayName: 'Sam' })).error?.code).toBe(expected);
  });

  it('maps a network failure to network', async () => {
    server.use(networkFailure('post', 'practitioner_profiles'));
    expect((await unitClient().supervision.profiles.upsertMine({ displayName: 'Sam' })).error?.code).toBe('network');
  });
});
