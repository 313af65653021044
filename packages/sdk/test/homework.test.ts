import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pgError, requests, rest, server, unitClient, useMsw } from './helpers/msw.js';
import { ERROR_CASES, networkFailure, noRetryClient, sent } from './helpers/sent.js';

useMsw();

const types = [
  { homework_type_id: 1, homework_name: 'Journaling' },
  { homework_type_id: 2, homework_name: 'Meditation' },
];
const homework = {
  homework_id: 9,
  protocol_id: 1,
  homework_type_id: 1,
  assigned_date: '2026-02-14',
  due_date: '2026-02-20',
  completed_date: null,
  is_completed: false,
  completion_notes: null,
  created_by: '00000000-0000-4000-8000-000000000a01',
  created_at: '2026-02-14T18:00:00+00:00',
};

// 2026-02-15 03:00 UTC is still 2026-02-14 in Los Angeles: "today" must be the device's local date.
const LATE_EVENING_IN_LA = new Date('2026-02-15T03:00:00Z');
let tz: string | undefined;
beforeEach(() => {
  tz = process.env.TZ;
  process.env.TZ = 'America/Los_Angeles';
});
afterEach(() => {
  if (tz === undefined) delete process.env.TZ;
  else process.env.TZ = tz;
});

describe('homework.types', () => {
  it('reads the active homework types in id order', async () => {
    server.use(rest('get', 'ref_homework_types', types));
    const { data } = await unitClient().homework.types();
    expect(data).toEqual(types);
    expect((await sent()).params).toEqual({ select: '*', is_active: 'eq.true', order: 'homework_type_id.asc', offset: '0', limit: '1000' });
  });

  it('includes retired types on request, refuses unknown options', async () => {
    server.use(rest('get', 'ref_homework_types', types));
    await unitClient().homework.types({ includeInactive: true });
    expect((await sent()).params).not.toHaveProperty('is_active');
    requests.length = 0;
    expect((await unitClient().homework.types({ all: true } as never)).error?.code).toBe('validation');
    expect(requests).toHaveLength(0);
  });
});

describe('homework.assign', () => {
  it('resolves a type name, defaults assignedDate to the local date, and inserts one row', async () => {
    server.use(rest('get', 'ref_homework_types', types), rest('post', 'integration_homework', homework, { status: 201 }));
    const ppn = unitClient({ now: () => LATE_EVENING_IN_LA });
    const { data, error } = await ppn.homework.assign({ protocolId: 1, homeworkType: 'Journaling', dueDate: '2026-02-20' });
    expect(error).toBeNull();
    expect(data).toEqual(homework);
    expect((await sent(0)).params).toMatchObject({ select: 'homework_type_id,homework_name' });
    expect(await sent(1)).toEqual({
      method: 'POST',
      path: '/integration_homework',
      params: { select: '*' },
      prefer: 'return=representation',
      body: { protocol_id: 1, homework_type_id: 1, assigned_date: '2026-02-14', due_date: '2026-02-20' },
    });
  });

  it('sends a type id as given, with an explicit assignedDate, and caches names per client', async () => {
    server.use(rest('get', 'ref_homework_types', types), rest('post', 'integration_homework', homework, { status: 201 }));
    const ppn = unitClient({ now: () => LATE_EVENING_IN_LA });
    await ppn.homework.assign({ protocolId: 1, homeworkType: 2, dueDate: '2026-02-20', assignedDate: '2026-02-10' });
    expect(requests).toHaveLength(1);
    expect((await sent(0)).body).toEqual({ protocol_id: 1, homework_type_id: 2, assigned_date: '2026-02-10', due_date: '2026-02-20' });
    await ppn.homework.assign({ protocolId: 1, homeworkType: 'Meditation', dueDate: '2026-02-20' });
    await ppn.homework.assign({ protocolId: 1, homeworkType: 'Journaling', dueDate: '2026-02-20' });
    expect(requests.map((r) => new URL(r.url).pathname)).toEqual([
      '/rest/v1/integration_homework',
      '/rest/v1/ref_homework_types',
      '/rest/v1/integration_homework',
      '/rest/v1/integration_homework',
    ]);
  });

  it('an unknown type name is a validation error on homeworkType, after one refresh of the cache', async () => {
    server.use(rest('get', 'ref_homework_types', types));
    const { error } = await unitClient({ now: () => LATE_EVENING_IN_LA }).homework.assign({ protocolId: 1, homeworkType: 'Yoga', dueDate: '2026-02-20' });
    expect(error?.code).toBe('validation');
    expect(error?.issues).toEqual([{ path: ['homeworkType'], message: 'Unknown homework type "Yoga"' }]);
    expect(requests.map((r) => r.method)).toEqual(['GET', 'GET']);
  });

  it.each([
    [{ protocolId: 1, homeworkType: 1, dueDate: '2026-02-09', assignedDate: '2026-02-10' }, ['dueDate']],
    [{ protocolId: 1, homeworkType: 1, dueDate: '2026-02-30' }, ['dueDate']],
    [{ protocolId: 1, homeworkType: 1, dueDate: '20/02/2026' }, ['dueDate']],
    [{ protocolId: 1, homeworkType: 1, dueDate: '2026-02-20', assignedDate: '2026-02-10T00:00:00Z' }, ['assignedDate']],
    [{ protocolId: 1, homeworkType: '', dueDate: '2026-02-20' }, ['homeworkType']],
    [{ protocolId: 1, homeworkType: 1.5, dueDate: '2026-02-20' }, ['homeworkType']],
    [{ protocolId: '1', homeworkType: 1, dueDate: '2026-02-20' }, ['protocolId']],
    [{ protocolId: 1, homeworkType: 1 }, ['dueDate']],
    [{ protocolId: 1, homeworkType: 1, dueDate: '2026-02-20', notes: 'x' }, []],
  ])('refuses %j before any request', async (input, path) => {
    const { data, error } = await unitClient().homework.assign(input as never);
    expect(data).toBeNull();
    expect(error?.code).toBe('validation');
    expect(error?.issues.map((i) => i.path)).toContainEqual(path);
    expect(requests).toHaveLength(0);
  });

  it('a due date before today (the default assignedDate) is refused on dueDate', async () => {
    const { error } = await unitClient({ now: () => LATE_EVENING_IN_LA }).homework.assign({ protocolId: 1, homeworkType: 1, dueDate: '2026-02-13' });
    expect(error?.issues[0]?.path).toEqual(['dueDate']);
    expect(requests).toHaveLength(0);
  });

  it.each(ERROR_CASES)('maps $name to $expected', async ({ status, code, expected }) => {
    server.use(rest('post', 'integration_homework', pgError(code), { status }));
    const { error } = await unitClient().homework.assign({ protocolId: 3, homeworkType: 1, dueDate: '2099-01-01' });
    expect(error?.code).toBe(expected);
  });

  it('maps a network failure to network', async () => {
    server.use(networkFailure('post', 'integration_homework'));
    const { error } = await unitClient().homework.assign({ protocolId: 3, homeworkType: 1, dueDate: '2099-01-01' });
    expect(error?.code).toBe('network');
  });

  it('a failure to load the type names is reported, not cached', async () => {
    server.use(networkFailure('get', 'ref_homework_types'));
    const ppn = noRetryClient();
    expect((await ppn.homework.assign({ protocolId: 1, homeworkType: 'Journaling', dueDate: '2099-01-01' })).error?.code).toBe('network');
    server.resetHandlers(rest('get', 'ref_homework_types', types), rest('post', 'integration_homework', homework, { status: 201 }));
    expect((await ppn.homework.assign({ protocolId: 1, homeworkType: 'Journaling', dueDate: '2099-01-01' })).error).toBeNull();
  });
});

describe('homework.complete', () => {
  const done = { ...homework, is_completed: true, completed_date: '2026-02-14', completion_notes: 'Three entries' };

  it('marks one homework completed on the local date, with notes', async () => {
    server.use(rest('patch', 'integration_homework', [done]));
    const { data, error } = await unitClient({ now: () => LATE_EVENING_IN_LA }).homework.complete(9, { notes: 'Three entries' });
    expect(error).toBeNull();
    expect(data).toEqual(done);
    expect(await sent()).toEqual({
      method: 'PATCH',
      path: '/integration_homework',
      params: { homework_id: 'eq.9', select: '*' },
      prefer: 'return=representation',
      body: { is_completed: true, completed_date: '2026-02-14', completion_notes: 'Three entries' },
    });
  });

  it('leaves the notes alone when none are given, and takes an explicit date', async () => {
    server.use(rest('patch', 'integration_homework', [done]));
    await unitClient().homework.complete(9, { completedDate: '2026-02-12' });
    expect((await sent()).body).toEqual({ is_completed: true, completed_date: '2026-02-12' });
  });

  it('an update that touched nothing (missing, or not yours) is not_found', async () => {
    server.use(rest('patch', 'integration_homework', []));
    const { data, error } = await unitClient().homework.complete(3);
    expect(data).toBeNull();
    expect(error?.code).toBe('not_found');
  });

  it.each([
    [0, {}, ['homeworkId']],
    [9, { completedDate: 'today' }, ['completedDate']],
    [9, { notes: 'x'.repeat(2001) }, ['notes']],
    [9, { notes: 5 }, ['notes']],
    [9, { done: true }, []],
  ])('refuses (%j, %j) before any request', async (homeworkId, input, path) => {
    const { error } = await unitClient().homework.complete(homeworkId, input as never);
    expect(error?.code).toBe('validation');
    expect(error?.issues.map((i) => i.path)).toContainEqual(path);
    expect(requests).toHaveLength(0);
  });

  it.each(ERROR_CASES)('maps $name to $expected', async ({ status, code, expected }) => {
    server.use(rest('patch', 'integration_homework', pgError(code), { status }));
    expect((await unitClient().homework.complete(9)).error?.code).toBe(expected);
  });

  it('maps a network failure to network', async () => {
    server.use(networkFailure('patch', 'integration_homework'));
    expect((await unitClient().homework.complete(9)).error?.code).toBe('network');
  });
});

describe('homework.list', () => {
  const item = { ...homework, homework_type: { homework_type_id: 1, homework_name: 'Journaling' } };

  it('reads all of a protocol\'s homework by due date, with type names', async () => {
    server.use(rest('get', 'integration_homework', [item]));
    const { data } = await unitClient().homework.list(1);
    expect(data).toEqual([item]);
    expect(await sent()).toEqual({
      method: 'GET',
      path: '/integration_homework',
      params: {
        select: '*,homework_type:ref_homework_types(homework_type_id,homework_name)',
        protocol_id: 'eq.1',
        order: 'due_date.asc,homework_id.asc',
        offset: '0',
        limit: '1000',
      },
      prefer: null,
      body: undefined,
    });
  });

  it.each([
    ['open', { is_completed: 'not.is.true' }],
    ['completed', { is_completed: 'is.true' }],
    ['overdue', { is_completed: 'not.is.true', due_date: 'lt.2026-02-14' }],
  ] as const)('status %s filters with %j, overdue against the local date', async (status, filters) => {
    server.use(rest('get', 'integration_homework', []));
    await unitClient({ now: () => LATE_EVENING_IN_LA }).homework.list(1, { status });
    const { params } = await sent();
    expect(params).toMatchObject(filters);
    expect(Object.keys(params).filter((k) => k === 'is_completed' || k === 'due_date').sort()).toEqual(Object.keys(filters).sort());
  });

  it('judges overdue against an explicit today', async () => {
    server.use(rest('get', 'integration_homework', []));
    await unitClient().homework.list(1, { status: 'overdue', today: '2026-03-01' });
    expect((await sent()).params.due_date).toBe('lt.2026-03-01');
  });

  it.each([
    [0, {}, ['protocolId']],
    [1, { status: 'late' }, ['status']],
    [1, { today: '2026-3-1' }, ['today']],
    [1, { from: '2026-03-01' }, []],
  ])('refuses (%j, %j) before any request', async (protocolId, options, path) => {
    const { error } = await unitClient().homework.list(protocolId, options as never);
    expect(error?.code).toBe('validation');
    expect(error?.issues.map((i) => i.path)).toContainEqual(path);
    expect(requests).toHaveLength(0);
  });

  it.each(ERROR_CASES)('maps $name to $expected', async ({ status, code, expected }) => {
    server.use(rest('get', 'integration_homework', pgError(code), { status }));
    expect((await unitClient().homework.list(1)).error?.code).toBe(expected);
  });

  it('maps a network failure to network', async () => {
    server.use(networkFailure('get', 'integration_homework'));
    expect((await noRetryClient().homework.list(1)).error?.code).toBe('network');
  });
});
