/**
 * The counterexamples fast-check found in the SDK (and @ppn/schema), kept as plain examples
 * so they stay fixed whatever the generators draw. Each was a bad input that reached the
 * network, or a good one that failed.
 */
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { REST, requests, server, unitClient, useMsw } from '../helpers/msw.js';

useMsw();

const sentNothing = () => expect(requests.map((r) => `${r.method} ${r.url}`)).toEqual([]);

describe('bad input that used to reach the network', () => {
  it('logMany resolved the type names of the events before a bad one (a GET) before refusing the batch', async () => {
    const { error } = await unitClient().sessionEvents.logMany({
      events: [{ protocol_id: 1, event_type: 'Distress' }, { protocol_id: '1', event_type: ' ' } as never],
    });
    expect(error?.code).toBe('validation');
    expect(error?.issues[0]?.path).toEqual(['events', 1, 'protocol_id']);
    sentNothing();
  });

  it('a UTC offset beyond ±15:59 (Postgres: 22009, which the SDK called a server error)', async () => {
    const { error } = await unitClient().sessionEvents.log({ protocol_id: 1, event_type_id: 1, event_timestamp: '2026-03-01T08:00:00+16:00' });
    expect(error?.code).toBe('validation');
    expect(error?.issues[0]?.path).toEqual(['event_timestamp']);
    const score = await unitClient().integrationScores.record({ protocol_id: 1, scale_type: 'IES', score_value: 0, measured_at: '2026-02-10T10:00:00-23:59' });
    expect(score.error?.code).toBe('validation');
    sentNothing();
  });

  it('text with an unpaired UTF-16 surrogate (Postgres refuses it: 22P02 / PGRST102)', async () => {
    const ppn = unitClient();
    const results = [
      await ppn.sessionEvents.log({ protocol_id: 1, event_type_id: 1, notes: '\ud800 ' }),
      await ppn.supervision.profiles.upsertMine({ bio: '\ud800 ' }),
      await ppn.supervision.profiles.upsertMine({ specialties: ['PTSD', 'x\udc00'] }),
      await ppn.supervision.circles.create({ circle_name: '!', meeting_frequency: '\ud800 ' }),
      await ppn.homework.complete(1, { completion_notes: 'done \udfff' }),
    ];
    expect(results.map((r) => r.error?.code)).toEqual(['validation', 'validation', 'validation', 'validation', 'validation']);
    sentNothing();
    // a surrogate PAIR is one character, and fine
    server.use(http.post(`${REST}/session_events`, async ({ request }) => HttpResponse.json(await request.json(), { status: 201 })));
    expect((await ppn.sessionEvents.log({ protocol_id: 1, event_type_id: 1, notes: '😀' })).error).toBeNull();
  });

  it('homework.complete took a Date (or any non-plain object) for its options and completed the homework', async () => {
    const ppn = unitClient();
    for (const options of [new Date(0), new Map(), [] as never]) {
      const { error } = await ppn.homework.complete(1, options as never);
      expect(error?.code).toBe('validation');
    }
    sentNothing();
  });
});

describe('good input that used to fail', () => {
  it('an upper-case client_event_id: Postgres answers in lower case, and the SDK took the stored event for missing (not_found)', async () => {
    const clientEventId = 'ABCDEF01-2345-4678-89AB-CDEF01234567';
    // PostgREST as Postgres answers: uuids in lower case.
    server.use(
      http.post(`${REST}/session_events`, async ({ request }) => {
        const rows = (await request.json()) as Array<Record<string, unknown>>;
        return HttpResponse.json(rows.map((r) => ({ event_id: 1, ...r, client_event_id: String(r.client_event_id).toLowerCase() })), { status: 201 });
      }),
    );
    const { data, error } = await unitClient().sessionEvents.log({ protocol_id: 1, event_type_id: 1, client_event_id: clientEventId });
    expect(error).toBeNull();
    expect(data?.client_event_id).toBe(clientEventId.toLowerCase());
    const body = (await requests.find((r) => r.method === 'POST')!.json()) as Array<{ client_event_id: string }>;
    expect(body[0]!.client_event_id).toBe(clientEventId.toLowerCase());
  });
});
