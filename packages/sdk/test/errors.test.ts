/**
 * Error mapping in one place (`errors.ts`): PostgREST statuses and codes to SDK codes, database
 * constraint errors to issues on their column, user-fit messages with the database's text in
 * `details`, `toJSON`, no stack traces, `aborted`, `isRetryable`, and how many requests an
 * unreachable server receives.
 */
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { isRetryable, PpnError, type PpnErrorCode } from '../src/index.js';
import { REST, pgError, requests, rest, server, unitClient, useMsw } from './helpers/msw.js';
import { ERROR_CASES } from './helpers/sent.js';

useMsw();

describe('codes', () => {
  for (const c of ERROR_CASES) {
    it(`${c.name} -> ${c.expected}`, async () => {
      server.use(rest('get', 'ref_medications', pgError(c.code), { status: c.status }));
      const { error } = await unitClient().medications.list();
      expect(error).toBeInstanceOf(PpnError);
      expect(error!.code).toBe(c.expected);
      expect(error!.dbCode).toBe(c.code);
    });
  }

  it('a network failure is network, with no stack trace anywhere in the error', async () => {
    server.use(http.get(`${REST}/ref_medications`, () => HttpResponse.error()));
    const { error } = await unitClient().medications.list();
    expect(error!.code).toBe('network');
    expect(error!.status).toBe(0);
    const everything = JSON.stringify({ ...error, stack: error!.stack, details: error!.details, cause: error!.cause, json: error });
    expect(everything).not.toMatch(/\n\s+at /);
  });
});

describe('database constraint errors become issues on their column', () => {
  const cases: Array<{ code: string; message: string; details: string | null; ppn: PpnErrorCode; issue: object }> = [
    {
      code: '23514',
      message: 'new row for relation "session_events" violates check constraint "session_events_intensity_level_check"',
      details: 'Failing row contains (...)',
      ppn: 'validation',
      issue: { path: ['intensity_level'], code: 'check', constraint: 'session_events_intensity_level_check' },
    },
    {
      code: '23514',
      message: 'new row for relation "integration_homework" violates check constraint "valid_dates"',
      details: null,
      ppn: 'validation',
      issue: { path: ['due_date'], code: 'check' },
    },
    {
      code: '23505',
      message: 'duplicate key value violates unique constraint "circle_members_pkey"',
      details: 'Key (circle_id, profile_id)=(1, 2) already exists.',
      ppn: 'conflict',
      issue: { path: ['circle_id'], code: 'unique', message: 'circle_id already exists' },
    },
    {
      code: '23503',
      message: 'insert or update on table "session_events" violates foreign key constraint "session_events_event_type_id_fkey"',
      details: 'Key (event_type_id)=(999) is not present in table "ref_event_types".',
      ppn: 'not_found',
      issue: { path: ['event_type_id'], code: 'foreign_key' },
    },
    {
      code: '23502',
      message: 'null value in column "circle_name" of relation "supervision_circles" violates not-null constraint',
      details: null,
      ppn: 'validation',
      issue: { path: ['circle_name'], code: 'not_null', message: 'circle_name is required' },
    },
  ];
  for (const c of cases) {
    it(`${c.code}: ${c.message.slice(0, 60)}...`, async () => {
      server.use(rest('post', 'supervision_circles', pgError(c.code, c.message, c.details), { status: c.code === '23505' ? 409 : 400 }));
      const { error } = await unitClient().supervision.circles.create({ circle_name: 'Peer' });
      expect(error!.code).toBe(c.ppn);
      expect(error!.issues).toEqual([expect.objectContaining(c.issue)]);
      expect(error!.message).toBe(error!.issues[0]!.message);
    });
  }

  it('a foreign key still referenced on delete is a conflict about the row, with no field issue', async () => {
    server.use(rest('delete', 'circle_members', pgError('23503', 'update or delete on table "x" violates foreign key constraint "y"', 'Key (id)=(1) is still referenced from table "z".'), { status: 409 }));
    server.use(http.post(`${REST}/rpc/my_practitioner_profile`, () => HttpResponse.json([{ profile_id: 1 }])));
    const { error } = await unitClient().supervision.circles.leave({ circle_id: 1 });
    expect(error!.code).toBe('conflict');
    expect(error!.issues).toEqual([]);
  });
});

describe('messages', () => {
  it('forbidden and unauthenticated read as sentences for a user; the database text is in details', async () => {
    const text = 'new row violates row-level security policy for table "supervision_circles"';
    server.use(rest('post', 'supervision_circles', pgError('42501', text), { status: 403 }));
    const { error } = await unitClient().supervision.circles.create({ circle_name: 'Peer' });
    expect(error!.code).toBe('forbidden');
    expect(error!.message).toBe('You are not allowed to do this with your account.');
    expect(error!.details).toContain(text);

    server.use(rest('get', 'ref_medications', pgError('PGRST301', 'JWT expired'), { status: 401 }));
    const expired = (await unitClient().medications.list()).error!;
    expect(expired.code).toBe('unauthenticated');
    expect(expired.message).toMatch(/not signed in/);
    expect(expired.details).toContain('JWT expired');
  });

  it('JSON.stringify keeps code, message and issues', async () => {
    const { error } = await unitClient().sessionEvents.log({ protocol_id: 1, event_type_id: 1, intensity_level: 11 });
    const json = JSON.parse(JSON.stringify(error)) as Record<string, unknown>;
    expect(json).toEqual({
      name: 'PpnError',
      code: 'validation',
      message: 'intensity_level must be at most 10',
      issues: [{ path: ['intensity_level'], code: 'too_big', maximum: 10, message: 'intensity_level must be at most 10' }],
    });
    expect(error!.stack).toBe('PpnError: intensity_level must be at most 10');
  });
});

describe('cancellation', () => {
  it('an aborted signal resolves aborted and sends nothing', async () => {
    const controller = new AbortController();
    controller.abort();
    const { error } = await unitClient().medications.list(undefined, { signal: controller.signal });
    expect(error!.code).toBe('aborted');
    expect(requests).toHaveLength(0);
  });

  it('a signal aborted in flight is passed to supabase-js: aborted, and no further request', async () => {
    const controller = new AbortController();
    server.use(
      http.get(`${REST}/ref_event_types`, async () => {
        controller.abort();
        await new Promise((r) => setTimeout(r, 50));
        return HttpResponse.json([{ event_type_id: 1, event_name: 'Distress' }]);
      }),
    );
    const { error } = await unitClient().sessionEvents.log({ protocol_id: 1, event_type: 'Distress' }, { signal: controller.signal });
    expect(error!.code).toBe('aborted');
    expect(requests.map((r) => r.method)).toEqual(['GET']);
  });

  it('with throwOnError an aborted call throws the aborted PpnError', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(unitClient({ throwOnError: true }).eventTypes.list({}, { signal: controller.signal })).rejects.toMatchObject({ code: 'aborted' });
  });
});

describe('retries', () => {
  it('isRetryable: network, timeout and server only', () => {
    const yes = ['network', 'timeout', 'server'];
    for (const code of ['validation', 'not_found', 'forbidden', 'conflict', 'unauthenticated', 'aborted', ...yes] as PpnErrorCode[]) {
      expect(isRetryable(new PpnError(code, 'x')), code).toBe(yes.includes(code));
    }
    expect(isRetryable(new Error('x'))).toBe(false);
    expect(isRetryable(null)).toBe(false);
  });

  it('an unreachable server receives one request per read from the SDK (supabase-js retries off), at most 3 with a query layer retrying twice by isRetryable', async () => {
    server.use(http.get(`${REST}/ref_medications`, () => HttpResponse.json(pgError('PGRST000', 'unavailable'), { status: 503 })));
    const first = await unitClient().medications.list();
    expect(first.error!.code).toBe('network');
    expect(requests).toHaveLength(1);

    requests.length = 0;
    // What @ppn/sdk/query ships: retry while isRetryable, at most twice.
    let failures = 0;
    for (;;) {
      const { error } = await unitClient().medications.list();
      if (!error || !isRetryable(error) || failures >= 2) break;
      failures++;
    }
    expect(requests).toHaveLength(3);
  });
});
