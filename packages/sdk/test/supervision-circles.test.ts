import { describe, expect, it } from 'vitest';
import { pgError, requests, rest, server, unitClient, useMsw } from './helpers/msw.js';
import { ERROR_CASES, networkFailure, noRetryClient, sent } from './helpers/sent.js';

useMsw();

const circle = { circle_id: 1, circle_name: 'Ketamine Integration Peer Circle', max_members: 8, meeting_frequency: 'biweekly', created_at: null };
const membership = { circle_id: 1, profile_id: 2, joined_at: '2026-02-14T18:00:00+00:00' };

describe('supervision.circles.list', () => {
  it('reads every circle by name with its member count', async () => {
    server.use(rest('get', 'supervision_circles', [{ ...circle, circle_members: [{ count: 3 }] }]));
    const { data, error } = await unitClient().supervision.circles.list();
    expect(error).toBeNull();
    expect(data).toEqual([{ ...circle, member_count: 3 }]);
    expect(await sent()).toEqual({
      method: 'GET',
      path: '/supervision_circles',
      params: { select: '*,circle_members(count)', order: 'circle_name.asc,circle_id.asc', offset: '0', limit: '1000' },
      prefer: null,
      body: undefined,
    });
  });

  it.each(ERROR_CASES)('maps $name to $expected', async ({ status, code, expected }) => {
    server.use(rest('get', 'supervision_circles', pgError(code), { status }));
    expect((await unitClient().supervision.circles.list()).error?.code).toBe(expected);
  });

  it('maps a network failure to network', async () => {
    server.use(networkFailure('get', 'supervision_circles'));
    expect((await noRetryClient().supervision.circles.list()).error?.code).toBe('network');
  });
});

describe('supervision.circles.create', () => {
  it('inserts the circle with the given fields only', async () => {
    server.use(rest('post', 'supervision_circles', circle, { status: 201 }));
    const { data } = await unitClient().supervision.circles.create({ circleName: 'MDMA Peer Circle', maxMembers: 6, meetingFrequency: 'monthly' });
    expect(data).toEqual(circle);
    expect(await sent()).toEqual({
      method: 'POST',
      path: '/supervision_circles',
      params: { select: '*' },
      prefer: 'return=representation',
      body: { circle_name: 'MDMA Peer Circle', max_members: 6, meeting_frequency: 'monthly' },
    });
    requests.length = 0;
    await unitClient().supervision.circles.create({ circleName: 'Open circle', maxMembers: null });
    expect((await sent()).body).toEqual({ circle_name: 'Open circle', max_members: null });
  });

  it.each([
    [{ circleName: '' }, ['circleName']],
    [{ circleName: '  ' }, ['circleName']],
    [{ circleName: 'x'.repeat(121) }, ['circleName']],
    [{ circleName: 'C', maxMembers: 0 }, ['maxMembers']],
    [{ circleName: 'C', maxMembers: 2.5 }, ['maxMembers']],
    [{ circleName: 'C', meetingFrequency: 3 }, ['meetingFrequency']],
    [{ maxMembers: 4 }, ['circleName']],
    [{ circleName: 'C', circleId: 4 }, []],
  ])('refuses %j before any request', async (input, path) => {
    const { error } = await unitClient().supervision.circles.create(input as never);
    expect(error?.code).toBe('validation');
    expect(error?.issues.map((i) => i.path)).toContainEqual(path);
    expect(requests).toHaveLength(0);
  });

  it.each(ERROR_CASES)('maps $name to $expected (42501: not a network admin)', async ({ status, code, expected }) => {
    server.use(rest('post', 'supervision_circles', pgError(code), { status }));
    expect((await unitClient().supervision.circles.create({ circleName: 'C' })).error?.code).toBe(expected);
  });

  it('maps a network failure to network', async () => {
    server.use(networkFailure('post', 'supervision_circles'));
    expect((await unitClient().supervision.circles.create({ circleName: 'C' })).error?.code).toBe('network');
  });
});

describe('supervision.circles.join and leave', () => {
  it('join inserts only the circle id (the member is the caller, in the database)', async () => {
    server.use(rest('post', 'circle_members', membership, { status: 201 }));
    const { data } = await unitClient().supervision.circles.join(1);
    expect(data).toEqual(membership);
    expect(await sent()).toEqual({ method: 'POST', path: '/circle_members', params: { select: '*' }, prefer: 'return=representation', body: { circle_id: 1 } });
  });

  it('a full circle (PT409) or joining twice (23505) is a conflict; no profile (42501) is forbidden', async () => {
    for (const [code, status, expected] of [['PT409', 409, 'conflict'], ['23505', 409, 'conflict'], ['42501', 403, 'forbidden']] as const) {
      server.use(rest('post', 'circle_members', pgError(code), { status }));
      expect((await unitClient().supervision.circles.join(1)).error?.code).toBe(expected);
    }
  });

  it('leave deletes your membership of that circle and returns it', async () => {
    server.use(rest('delete', 'circle_members', [membership]));
    const { data } = await unitClient().supervision.circles.leave(1);
    expect(data).toEqual(membership);
    expect(await sent()).toEqual({ method: 'DELETE', path: '/circle_members', params: { circle_id: 'eq.1', select: '*' }, prefer: 'return=representation', body: undefined });
  });

  it('leaving a circle you are not in touches nothing: not_found', async () => {
    server.use(rest('delete', 'circle_members', []));
    expect((await unitClient().supervision.circles.leave(1)).error?.code).toBe('not_found');
  });

  it.each([0, -1, 1.5, '1'])('refuses circle id %j before any request', async (circleId) => {
    for (const call of [unitClient().supervision.circles.join, unitClient().supervision.circles.leave, unitClient().supervision.circles.members]) {
      const { error } = await call(circleId as never);
      expect(error?.issues[0]?.path).toEqual(['circleId']);
    }
    expect(requests).toHaveLength(0);
  });

  it.each(ERROR_CASES)('maps $name to $expected', async ({ status, code, expected }) => {
    server.use(rest('post', 'circle_members', pgError(code), { status }), rest('delete', 'circle_members', pgError(code), { status }));
    expect((await unitClient().supervision.circles.join(1)).error?.code).toBe(expected);
    expect((await unitClient().supervision.circles.leave(1)).error?.code).toBe(expected);
  });

  it('maps a network failure to network', async () => {
    server.use(networkFailure('post', 'circle_members'), networkFailure('delete', 'circle_members'));
    expect((await unitClient().supervision.circles.join(1)).error?.code).toBe('network');
    expect((await unitClient().supervision.circles.leave(1)).error?.code).toBe('network');
  });
});

describe('supervision.circles.members', () => {
  it('reads a circle\'s members in joining order, with their names', async () => {
    const member = { ...membership, profile: { profile_id: 2, display_name: 'Riley Supervisee', credentials: 'LCSW' } };
    server.use(rest('get', 'circle_members', [member]));
    const { data } = await unitClient().supervision.circles.members(1);
    expect(data).toEqual([member]);
    expect((await sent()).params).toEqual({
      select: '*,profile:practitioner_profiles(profile_id,display_name,credentials)',
      circle_id: 'eq.1',
      order: 'joined_at.asc,profile_id.asc',
      offset: '0',
      limit: '1000',
    });
  });

  it.each(ERROR_CASES)('maps $name to $expected', async ({ status, code, expected }) => {
    server.use(rest('get', 'circle_members', pgError(code), { status }));
    expect((await unitClient().supervision.circles.members(1)).error?.code).toBe(expected);
  });

  it('maps a network failure to network', async () => {
    server.use(networkFailure('get', 'circle_members'));
    expect((await noRetryClient().supervision.circles.members(1)).error?.code).toBe('network');
  });
});
