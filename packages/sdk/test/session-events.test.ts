import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { REST, pgError, requests, rest, server, unitClient, useMsw } from './helpers/msw.js';

useMsw();

const EVENT_TYPES = [
  { event_type_id: 1, event_name: 'Distress' },
  { event_type_id: 2, event_name: 'Breakthrough' },
];
const NOW = new Date('2026-02-10T17:30:00Z');

function stored(row: Record<string, unknown>) {
  return { event_id: 101, created_by: 'u', created_at: NOW.toISOString(), ...row };
}

/** Echoes inserted rows back as PostgREST's return=representation would. */
function echoInsert() {
  return http.post(`${REST}/session_events`, async ({ request }) => {
    const rows = (await request.json()) as Array<Record<string, unknown>>;
    return HttpResponse.json(rows.map((r, i) => stored({ ...r, event_id: 100 + i })), { status: 201 });
  });
}

describe('sessionEvents.log', () => {
  it('resolves the type name, stamps the device clock, generates a clientEventId and inserts idempotently', async () => {
    server.use(rest('get', 'ref_event_types', EVENT_TYPES), echoInsert());
    const ppn = unitClient({ now: () => NOW });
    const { data, error } = await ppn.sessionEvents.log({ protocolId: 1, eventType: 'Distress', intensity: 7, notes: 'grounding' });
    expect(error).toBeNull();

    const insert = requests.find((r) => r.method === 'POST')!;
    const url = new URL(insert.url);
    expect(url.searchParams.get('on_conflict')).toBe('protocol_id,client_event_id');
    expect(insert.headers.get('prefer')).toContain('resolution=ignore-duplicates');
    expect(insert.headers.get('prefer')).toContain('return=representation');
    const [body] = (await insert.json()) as Array<Record<string, unknown>>;
    expect(body).toEqual({
      protocol_id: 1,
      event_type_id: 1,
      event_timestamp: NOW.toISOString(),
      intensity_level: 7,
      notes: 'grounding',
      client_event_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(data!.client_event_id).toBe(body!.client_event_id);
  });

  it('caches event type names per client', async () => {
    server.use(rest('get', 'ref_event_types', EVENT_TYPES), echoInsert());
    const ppn = unitClient();
    await ppn.sessionEvents.log({ protocolId: 1, eventType: 'Distress' });
    await ppn.sessionEvents.log({ protocolId: 1, eventType: 'Breakthrough' });
    expect(requests.filter((r) => r.url.includes('ref_event_types'))).toHaveLength(1);
  });

  it('returns the already stored event when a retry is ignored as a duplicate', async () => {
    const clientEventId = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
    const existing = stored({ protocol_id: 1, event_type_id: 2, event_timestamp: NOW.toISOString(), client_event_id: clientEventId });
    server.use(
      http.post(`${REST}/session_events`, () => HttpResponse.json([], { status: 201 })),
      rest('get', 'session_events', [existing]),
    );
    const { data, error } = await unitClient().sessionEvents.log({ protocolId: 1, eventType: 2, clientEventId, occurredAt: NOW });
    expect(error).toBeNull();
    expect(data).toEqual(existing);
    const lookup = new URL(requests.find((r) => r.method === 'GET')!.url);
    expect(lookup.searchParams.get('client_event_id')).toBe(`in.(${clientEventId})`);
  });

  it('maps an insert refused by RLS to forbidden', async () => {
    server.use(rest('post', 'session_events', pgError('42501', 'new row violates row-level security policy for table "session_events"'), { status: 403 }));
    const { error } = await unitClient().sessionEvents.log({ protocolId: 3, eventType: 1 });
    expect(error?.code).toBe('forbidden');
    expect(error?.status).toBe(403);
  });

  it('maps a statement timeout to timeout', async () => {
    server.use(rest('post', 'session_events', pgError('57014', 'canceling statement due to statement timeout'), { status: 500 }));
    const { error } = await unitClient().sessionEvents.log({ protocolId: 1, eventType: 1 });
    expect(error?.code).toBe('timeout');
  });

  it.each([
    [{ eventType: 1 }, ['protocolId']],
    [{ protocolId: 1, eventType: 1, intensity: 11 }, ['intensity']],
    [{ protocolId: 1, eventType: 1, intensity: 0 }, ['intensity']],
    [{ protocolId: 1, eventType: 1, intensity: Number.NaN }, ['intensity']],
    [{ protocolId: 1, eventType: 1, occurredAt: 'yesterday' }, ['occurredAt']],
    [{ protocolId: 1, eventType: 1, occurredAt: new Date(Number.NaN) }, ['occurredAt']],
    [{ protocolId: 1, eventType: 1, clientEventId: 'not-a-uuid' }, ['clientEventId']],
    [{ protocolId: 1, eventType: 1, notes: 'x'.repeat(2001) }, ['notes']],
    [{ protocolId: 1, eventType: '' }, ['eventType']],
    [{ protocolId: 1, eventType: 1, createdBy: 'someone-else' }, []],
  ])('refuses %j before any request', async (input, path) => {
    const { data, error } = await unitClient().sessionEvents.log(input as never);
    expect(data).toBeNull();
    expect(error?.code).toBe('validation');
    if (path.length) expect(error?.issues[0]?.path).toEqual(path);
    expect(requests).toHaveLength(0);
  });

  it('refuses an unknown event type name after one refresh of the cache, without inserting', async () => {
    server.use(rest('get', 'ref_event_types', EVENT_TYPES));
    const { error } = await unitClient().sessionEvents.log({ protocolId: 1, eventType: 'Levitation' });
    expect(error?.code).toBe('validation');
    expect(error?.issues[0]?.path).toEqual(['eventType']);
    expect(requests.every((r) => r.method === 'GET')).toBe(true);
    expect(requests).toHaveLength(2);
  });
});

describe('sessionEvents.logMany', () => {
  it('sends one insert for many events, validating all first', async () => {
    server.use(rest('get', 'ref_event_types', EVENT_TYPES), echoInsert());
    const events = Array.from({ length: 50 }, (_, i) => ({ protocolId: 1, eventType: i % 2 ? 'Distress' : 2, occurredAt: NOW }));
    const { data, error } = await unitClient().sessionEvents.logMany(events);
    expect(error).toBeNull();
    expect(data).toHaveLength(50);
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  it('refuses the whole batch, naming the index, when one event is invalid', async () => {
    const { error } = await unitClient().sessionEvents.logMany([
      { protocolId: 1, eventType: 1 },
      { protocolId: 1, eventType: 1, intensity: 99 },
    ]);
    expect(error?.code).toBe('validation');
    expect(error?.issues[0]?.path).toEqual(['events', 1, 'intensity']);
    expect(requests).toHaveLength(0);
  });

  it('refuses an empty batch', async () => {
    const { error } = await unitClient().sessionEvents.logMany([]);
    expect(error?.code).toBe('validation');
    expect(requests).toHaveLength(0);
  });
});

describe('sessionEvents.timeline', () => {
  it('asks for one protocol in time order with the type embedded, filtered by time and type', async () => {
    server.use(rest('get', 'ref_event_types', EVENT_TYPES), rest('get', 'session_events', []));
    const from = '2026-02-10T09:00:00-08:00';
    await unitClient().sessionEvents.timeline(1, { from, eventTypes: ['Breakthrough', 1] });
    const url = new URL(requests.find((r) => r.url.includes('session_events'))!.url);
    expect(url.searchParams.get('protocol_id')).toBe('eq.1');
    expect(url.searchParams.get('select')).toBe('*,event_type:ref_event_types(event_type_id,event_name,color_code,icon_name)');
    expect(url.searchParams.get('event_timestamp')).toBe(`gte.${from}`);
    expect(url.searchParams.get('event_type_id')).toBe('in.(2,1)');
    expect(url.searchParams.get('order')).toBe('event_timestamp.asc,event_id.asc');
  });

  it('refuses a bad protocol id or range without a request', async () => {
    expect((await unitClient().sessionEvents.timeline(-1)).error?.code).toBe('validation');
    expect((await unitClient().sessionEvents.timeline(1, { to: 'soon' })).error?.issues[0]?.path).toEqual(['to']);
    expect(requests).toHaveLength(0);
  });
});
