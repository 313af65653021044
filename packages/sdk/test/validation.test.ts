/**
 * Refused input: a `validation` PpnError whose issues carry the caller's path, a code, the
 * SDK's own English message and the bounds, with nothing sent. No zod locale is configured
 * anywhere in this test run.
 */
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import type { PpnClient, PpnResult } from '../src/index.js';
import { counted, REST, requests, server, unitClient, useMsw } from './helpers/msw.js';
import { sent } from './helpers/sent.js';
import { CALLS } from './helpers/calls.js';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

useMsw();

const ppn = unitClient();

async function refused(result: Promise<PpnResult<unknown>>) {
  const { data, error } = await result;
  expect(data).toBeNull();
  expect(error?.code).toBe('validation');
  expect(requests).toHaveLength(0);
  return error!.issues;
}

describe('readable messages, codes and bounds', () => {
  it('too_big / too_small with the bound', async () => {
    expect(await refused(ppn.sessionEvents.log({ protocol_id: 1, event_type_id: 1, intensity_level: 11 }))).toEqual([
      { path: ['intensity_level'], code: 'too_big', maximum: 10, message: 'intensity_level must be at most 10' },
    ]);
    expect(await refused(ppn.sessionEvents.log({ protocol_id: 1, event_type_id: 1, intensity_level: 0 }))).toEqual([
      { path: ['intensity_level'], code: 'too_small', minimum: 1, message: 'intensity_level must be at least 1' },
    ]);
    expect(await refused(ppn.sessionEvents.log({ protocol_id: 1, event_type_id: 1, notes: 'x'.repeat(2001) }))).toEqual([
      { path: ['notes'], code: 'too_big', maximum: 2000, message: 'notes must be at most 2000 characters' },
    ]);
    expect(await refused(ppn.supervision.circles.create({ circle_name: '' }))).toEqual([
      expect.objectContaining({ path: ['circle_name'], code: 'too_small', minimum: 1, message: 'circle_name must not be empty' }),
    ]);
  });

  it('invalid_type, required, invalid_format, invalid_value, unrecognized_keys, custom', async () => {
    expect(await refused(ppn.sessionEvents.log({ protocol_id: 'one' as never, event_type_id: 1 }))).toEqual([
      { path: ['protocol_id'], code: 'invalid_type', expected: 'number', message: 'protocol_id must be a number' },
    ]);
    expect(await refused(ppn.homework.assign({ homework_type_id: 1 } as never))).toEqual([
      { path: ['protocol_id'], code: 'required', message: 'protocol_id is required' },
      { path: ['due_date'], code: 'required', message: 'due_date is required' },
    ]);
    expect(await refused(ppn.homework.assign({ protocol_id: 1, homework_type_id: 1, due_date: '20/02/2026' }))).toEqual([
      { path: ['due_date'], code: 'invalid_format', expected: 'date', message: 'due_date must be a date as YYYY-MM-DD, or a Date' },
    ]);
    expect(await refused(ppn.integrationScores.trend({ protocol_id: 1, scale_type: 'XYZ' as never }))).toEqual([
      { path: ['scale_type'], code: 'invalid_value', expected: ['IES', 'EIS'], message: 'scale_type must be one of "IES", "EIS"' },
    ]);
    expect(await refused(ppn.medications.list({ drugClass: 'SSRI' } as never))).toEqual([
      { path: ['drugClass'], code: 'unrecognized_keys', message: 'drugClass is not a key this call accepts' },
    ]);
    expect(await refused(ppn.integrationScores.record({ protocol_id: 1, scale_type: 'IES', score_value: 1.234, measured_at: '2026-01-01T00:00:00Z' }))).toEqual([
      { path: ['score_value'], code: 'custom', message: 'score_value must have at most 2 decimal places' },
    ]);
  });

  it('every issue of a write at once, under events.<i> in logMany', async () => {
    const issues = await refused(
      ppn.sessionEvents.logMany({ events: [{ protocol_id: 1, event_type_id: 1 }, { protocol_id: 1, event_type_id: 1, intensity_level: 12, client_event_id: 'nope' }] }),
    );
    expect(issues.map((i) => [i.path.join('.'), i.code]).sort()).toEqual([
      ['events.1.client_event_id', 'invalid_format'],
      ['events.1.intensity_level', 'too_big'],
    ]);
  });

  it('event_type_id or event_type: exactly one', async () => {
    expect(await refused(ppn.sessionEvents.log({ protocol_id: 1, event_type_id: 1, event_type: 'Distress' } as never))).toEqual([
      { path: ['event_type'], code: 'custom', message: 'Give event_type_id or event_type, not both' },
    ]);
    expect(await refused(ppn.sessionEvents.log({ protocol_id: 1 } as never))).toEqual([
      { path: ['event_type_id'], code: 'required', message: 'event_type_id or event_type is required' },
    ]);
    expect(await refused(ppn.homework.assign({ protocol_id: 1, due_date: '2099-03-01' } as never))).toEqual([
      { path: ['homework_type_id'], code: 'required', message: 'homework_type_id or homework_type is required' },
    ]);
  });

  it('an unknown type name is refused on its key after reading the names (refreshed once)', async () => {
    server.use(counted('get', 'ref_event_types', [{ event_type_id: 1, event_name: 'Distress' }]));
    const { error } = await ppn.sessionEvents.log({ protocol_id: 1, event_type: 'Distres' as never });
    expect(error!.issues).toEqual([{ path: ['event_type'], code: 'invalid_value', message: 'event_type "Distres" is not a event type name' }]);
    expect(requests.filter((r) => r.method === 'GET')).toHaveLength(2);
  });

  it('a malformed cursor is validation on cursor, and a cursor of another list too', async () => {
    for (const cursor of ['not a cursor', 'eyJ4IjoxfQ', '']) {
      expect(await refused(ppn.supervision.circles.list({ cursor }))).toEqual([expect.objectContaining({ path: ['cursor'], code: 'invalid_format' })]);
    }
    server.use(counted('get', 'supervision_circles', [{ circle_id: 1, circle_name: 'A', circle_members: [] }], 5));
    const { data } = await ppn.supervision.circles.list({ limit: 1 });
    requests.length = 0;
    expect(await refused(ppn.protocols.list({ cursor: data!.nextCursor! }))).toEqual([expect.objectContaining({ path: ['cursor'] })]);
  });
});

/** Each call with a Date, a Map and an array where its params (or, on one row, its second argument) belong. */
const misplaced: Array<[string, (p: PpnClient, bad: never) => Promise<PpnResult<unknown>>]> = [
  ['protocols.list', (p, b) => p.protocols.list(b)],
  ['medications.list', (p, b) => p.medications.list(b)],
  ['medications.classes', (p, b) => p.medications.classes(b)],
  ['medications.checkContraindications', (p, b) => p.medications.checkContraindications(b)],
  ['medications.interactions', (p, b) => p.medications.interactions(b)],
  ['eventTypes.list', (p, b) => p.eventTypes.list(b)],
  ['sessionEvents.log', (p, b) => p.sessionEvents.log(b)],
  ['sessionEvents.logMany', (p, b) => p.sessionEvents.logMany(b)],
  ['sessionEvents.timeline', (p, b) => p.sessionEvents.timeline(b)],
  ['supervision.search', (p, b) => p.supervision.search(b)],
  ['supervision.profiles.mine', (p, b) => p.supervision.profiles.mine(b)],
  ['supervision.profiles.upsertMine', (p, b) => p.supervision.profiles.upsertMine(b)],
  ['supervision.request', (p, b) => p.supervision.request(b)],
  ['supervision.accept', (p, b) => p.supervision.accept(1, b)],
  ['supervision.decline', (p, b) => p.supervision.decline(1, b)],
  ['supervision.end', (p, b) => p.supervision.end(1, b)],
  ['supervision.relationships', (p, b) => p.supervision.relationships(b)],
  ['supervision.circles.list', (p, b) => p.supervision.circles.list(b)],
  ['supervision.circles.create', (p, b) => p.supervision.circles.create(b)],
  ['supervision.circles.join', (p, b) => p.supervision.circles.join(b)],
  ['supervision.circles.leave', (p, b) => p.supervision.circles.leave(b)],
  ['supervision.circles.members', (p, b) => p.supervision.circles.members(b)],
  ['homework.types', (p, b) => p.homework.types(b)],
  ['homework.assign', (p, b) => p.homework.assign(b)],
  ['homework.complete', (p, b) => p.homework.complete(1, b)],
  ['homework.list', (p, b) => p.homework.list(b)],
  ['integrationScores.record', (p, b) => p.integrationScores.record(b)],
  ['integrationScores.trend', (p, b) => p.integrationScores.trend(b)],
];

describe('a Date or any non-plain object where params belong', () => {
  for (const [name, call] of misplaced) {
    it(`${name}: validation, nothing sent`, async () => {
      for (const bad of [new Date(), new Map(), [1]]) {
        const issues = await refused(call(ppn, bad as never));
        expect(issues[0]).toMatchObject({ path: [], code: 'invalid_type', expected: 'object' });
      }
    });
  }

  it('the table covers every call but medications.get (whose argument is an id)', async () => {
    expect(misplaced.map(([n]) => n).sort()).toEqual(CALLS.filter((c) => c !== 'medications.get').sort());
  });
});

describe('Dates and explicit undefined', () => {
  it('explicit undefined on optional keys is the key left out', async () => {
    server.use(counted('get', 'practitioner_profiles', []));
    const { error } = await ppn.supervision.search({ specialties: undefined, limit: undefined, cursor: undefined, acceptingOnly: undefined });
    expect(error).toBeNull();
    expect((await sent()).params.specialties).toBeUndefined();
  });

  it('a Date for a date column is its local calendar date, across a UTC offset', () => {
    // 2026-03-01T02:30Z is still 28 February in New York (UTC-5) and already 1 March in Tokyo.
    // The zone is fixed per process, so each runs in a child process with its TZ.
    const validate = fileURLToPath(new URL('../src/validate.ts', import.meta.url));
    const script = `import { params } from ${JSON.stringify(validate)}; const at = new Date('2026-03-01T02:30:00Z');
      console.log(JSON.stringify(params({ due_date: at, event_timestamp: at }, false).data));`;
    const inZone = (TZ: string) => JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { env: { ...process.env, TZ }, encoding: 'utf8' })) as unknown;
    expect(inZone('America/New_York')).toEqual({ due_date: '2026-02-28', event_timestamp: '2026-03-01T02:30:00.000Z' });
    expect(inZone('Asia/Tokyo')).toEqual({ due_date: '2026-03-01', event_timestamp: '2026-03-01T02:30:00.000Z' });
  });

  it('a Date given to a call for a date column is sent as that local date', async () => {
    server.use(http.post(`${REST}/integration_homework`, async ({ request }) => HttpResponse.json([await request.json()], { status: 201 })));
    const local = new Date(2026, 5, 15, 23, 30);
    await unitClient().homework.assign({ protocol_id: 1, homework_type_id: 1, assigned_date: local, due_date: local });
    expect((await sent()).body).toMatchObject({ assigned_date: '2026-06-15', due_date: '2026-06-15' });
  });

  it('an invalid Date is refused on its key', async () => {
    expect(await refused(ppn.integrationScores.record({ protocol_id: 1, scale_type: 'IES', score_value: 1, measured_at: new Date('nope') }))).toEqual([
      { path: ['measured_at'], code: 'invalid_type', expected: 'Date', message: 'measured_at is an invalid Date' },
    ]);
  });
});
