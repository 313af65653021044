import { describe, expect, it } from 'vitest';
import { pgError, requests, rest, server, unitClient, useMsw } from './helpers/msw.js';
import { ERROR_CASES, networkFailure, noRetryClient, sent } from './helpers/sent.js';

useMsw();

const noSnapshot = { supervisor_display_name: null, supervisor_credentials: null, supervisee_display_name: null, supervisee_credentials: null };
const pending = {
  relationship_id: 7,
  supervisor_id: 1,
  supervisee_id: 2,
  status: 'pending',
  started_at: null,
  ended_at: null,
  created_at: '2026-02-14T18:00:00+00:00',
  ...noSnapshot,
};

describe('supervision.request', () => {
  it('inserts a pending request naming only the supervisor (the supervisee is the caller, in the database)', async () => {
    server.use(rest('post', 'supervision_relationships', pending, { status: 201 }));
    const { data, error } = await unitClient().supervision.request(1);
    expect(error).toBeNull();
    expect(data).toEqual(pending);
    expect(await sent()).toEqual({
      method: 'POST',
      path: '/supervision_relationships',
      params: { select: '*' },
      prefer: 'return=representation',
      body: { supervisor_id: 1, status: 'pending' },
    });
  });

  it.each([0, -3, 1.5, '1', null])('refuses supervisor id %j before any request', async (supervisorId) => {
    const { error } = await unitClient().supervision.request(supervisorId as never);
    expect(error?.code).toBe('validation');
    expect(error?.issues[0]?.path).toEqual(['supervisorProfileId']);
    expect(requests).toHaveLength(0);
  });

  it('asking yourself is refused by the database CHECK: validation', async () => {
    server.use(rest('post', 'supervision_relationships', pgError('23514', 'new row violates check constraint "no_self_supervision"'), { status: 400 }));
    expect((await unitClient().supervision.request(2)).error?.code).toBe('validation');
  });

  it.each(ERROR_CASES)('maps $name to $expected', async ({ status, code, expected }) => {
    server.use(rest('post', 'supervision_relationships', pgError(code), { status }));
    expect((await unitClient().supervision.request(1)).error?.code).toBe(expected);
  });

  it('maps a network failure to network', async () => {
    server.use(networkFailure('post', 'supervision_relationships'));
    expect((await unitClient().supervision.request(1)).error?.code).toBe('network');
  });
});

describe('supervision.respond and supervision.end', () => {
  it.each([
    ['accept', 'active'],
    ['decline', 'cancelled'],
  ] as const)('%s sets status %s on that one relationship', async (answer, status) => {
    server.use(rest('patch', 'supervision_relationships', [{ ...pending, status }]));
    const { data, error } = await unitClient().supervision.respond(7, answer);
    expect(error).toBeNull();
    expect(data?.status).toBe(status);
    expect(await sent()).toEqual({
      method: 'PATCH',
      path: '/supervision_relationships',
      params: { relationship_id: 'eq.7', select: '*' },
      prefer: 'return=representation',
      body: { status },
    });
  });

  it('end sets status completed', async () => {
    server.use(rest('patch', 'supervision_relationships', [{ ...pending, status: 'completed' }]));
    const { data } = await unitClient().supervision.end(7);
    expect(data?.status).toBe('completed');
    expect((await sent()).body).toEqual({ status: 'completed' });
  });

  it('a relationship that is not yours (or missing) touches nothing: not_found', async () => {
    server.use(rest('patch', 'supervision_relationships', []));
    expect((await unitClient().supervision.respond(1, 'accept')).error?.code).toBe('not_found');
    expect((await unitClient().supervision.end(1)).error?.code).toBe('not_found');
  });

  it('the supervisee answering its own request is forbidden (42501 from the trigger)', async () => {
    server.use(rest('patch', 'supervision_relationships', pgError('42501', 'only the supervisor can accept or decline a supervision request'), { status: 403 }));
    expect((await unitClient().supervision.respond(7, 'accept')).error?.code).toBe('forbidden');
  });

  it('a transition that does not exist, or a supervisor at capacity, is a conflict (PT409)', async () => {
    server.use(rest('patch', 'supervision_relationships', pgError('PT409', 'a supervision relationship cannot go from completed to active'), { status: 409 }));
    expect((await unitClient().supervision.respond(7, 'accept')).error?.code).toBe('conflict');
    expect((await unitClient().supervision.end(7)).error?.code).toBe('conflict');
  });

  it.each([
    [0, 'accept', ['relationshipId']],
    [7, 'maybe', ['decision']],
    [7, 'ACCEPT', ['decision']],
  ])('refuses (%j, %j) before any request', async (relationshipId, answer, path) => {
    const { error } = await unitClient().supervision.respond(relationshipId, answer as never);
    expect(error?.code).toBe('validation');
    expect(error?.issues[0]?.path).toEqual(path);
    expect((await unitClient().supervision.end('7' as never)).error?.issues[0]?.path).toEqual(['relationshipId']);
    expect(requests).toHaveLength(0);
  });

  it.each(ERROR_CASES)('maps $name to $expected', async ({ status, code, expected }) => {
    server.use(rest('patch', 'supervision_relationships', pgError(code), { status }));
    expect((await unitClient().supervision.end(7)).error?.code).toBe(expected);
  });

  it('maps a network failure to network', async () => {
    server.use(networkFailure('patch', 'supervision_relationships'));
    expect((await unitClient().supervision.respond(7, 'decline')).error?.code).toBe('network');
  });
});

describe('supervision.relationships', () => {
  const listed = {
    ...pending,
    supervisor: { profile_id: 1, display_name: 'Dr. Sam Supervisor', credentials: 'PhD, LMFT' },
    supervisee: { profile_id: 2, display_name: 'Riley Supervisee', credentials: 'LCSW' },
  };

  it('reads your relationships, newest first, with both participants embedded by their foreign keys', async () => {
    server.use(rest('get', 'supervision_relationships', [listed]));
    const { data } = await unitClient().supervision.relationships();
    expect(data).toEqual([
      { ...listed, supervisor: { ...listed.supervisor, removed: false }, supervisee: { ...listed.supervisee, removed: false } },
    ]);
    expect(await sent()).toEqual({
      method: 'GET',
      path: '/supervision_relationships',
      params: {
        select:
          '*,supervisor:practitioner_profiles!supervision_relationships_supervisor_id_fkey(profile_id,display_name,credentials),supervisee:practitioner_profiles!supervision_relationships_supervisee_id_fkey(profile_id,display_name,credentials)',
        order: 'relationship_id.desc',
        offset: '0',
        limit: '1000',
      },
      prefer: null,
      body: undefined,
    });
  });

  it('a participant who left reads as removed, with the name and credentials snapshotted at acceptance', async () => {
    const departed = {
      ...pending,
      supervisor_id: null,
      status: 'completed',
      started_at: '2026-02-15T09:00:00+00:00',
      ended_at: '2026-03-01T09:00:00+00:00',
      supervisor_display_name: 'Dr. Sam Supervisor',
      supervisor_credentials: 'PhD, LMFT',
      supervisee_display_name: 'Riley (then)',
      supervisee_credentials: 'LCSW',
      supervisor: null,
      supervisee: { profile_id: 2, display_name: 'Riley Supervisee', credentials: 'LCSW, MA' },
    };
    const declined = { ...pending, relationship_id: 6, supervisee_id: null, status: 'cancelled', supervisor: listed.supervisor, supervisee: null };
    server.use(rest('get', 'supervision_relationships', [departed, declined]));
    const { data, error } = await unitClient().supervision.relationships();
    expect(error).toBeNull();
    expect(data?.map((r) => [r.relationship_id, r.supervisor, r.supervisee])).toEqual([
      [
        7,
        { removed: true, profile_id: null, display_name: 'Dr. Sam Supervisor', credentials: 'PhD, LMFT' },
        // A participant still present shows their profile as it is now, not the snapshot.
        { removed: false, profile_id: 2, display_name: 'Riley Supervisee', credentials: 'LCSW, MA' },
      ],
      [
        6,
        { removed: false, profile_id: 1, display_name: 'Dr. Sam Supervisor', credentials: 'PhD, LMFT' },
        // Never accepted: nothing was snapshotted.
        { removed: true, profile_id: null, display_name: null, credentials: null },
      ],
    ]);
  });

  it.each(ERROR_CASES)('maps $name to $expected', async ({ status, code, expected }) => {
    server.use(rest('get', 'supervision_relationships', pgError(code), { status }));
    expect((await unitClient().supervision.relationships()).error?.code).toBe(expected);
  });

  it('maps a network failure to network', async () => {
    server.use(networkFailure('get', 'supervision_relationships'));
    expect((await noRetryClient().supervision.relationships()).error?.code).toBe('network');
  });
});
