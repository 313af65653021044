/**
 * Every paged call against a real stack: page shape, cursors (microsecond timestamps, NULL
 * sort keys) and totals, every row exactly once however the pages fall, arrays read whole,
 * the late-event cursor case, and cancellation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useOwnStack } from '../../../test/own-stack.js';
import { allRows, type Page, type PpnResult } from '../src/index.js';
import { ppnAs } from './helpers/stack.js';
import { Superuser } from './helpers/superuser.js';

// A row cap of 3 (PostgREST db-max-rows): pages come back shorter than their limit, and the
// SDK must page on by the count, never take a short page for the end.
const MAX_ROWS = 3;
const stack = useOwnStack({ maxRows: MAX_ROWS });
let su: Superuser;
const as = (who: Parameters<typeof ppnAs>[0]) => ppnAs(who, stack());

beforeAll(async () => {
  su = new Superuser(stack());
  // More rows than a page for every paged list, some with NULL sort keys.
  for (const date of ['2026-01-05', null, '2026-01-05', null, '2026-03-09']) {
    await su.query(`insert into public.log_clinical_records (site_id, patient_reference, session_date, substance) values (1, 'PT-X', $1, 'Psilocybin')`, [date]);
  }
  for (const micro of ['000001', '000002', '000003', '000004']) {
    await su.query(`insert into public.session_events (protocol_id, event_type_id, event_timestamp) values (2, 1, $1)`, [`2026-03-01T10:00:00.${micro}Z`]);
  }
  const extra = [];
  for (let i = 0; i < 4; i++) extra.push(await su.practitioner());
  for (const p of extra) {
    await su.relationship(1, p.profileId, 'pending');
    await su.query('insert into public.circle_members (circle_id, profile_id) values (1, $1)', [p.profileId]);
  }
  for (let i = 0; i < 4; i++) await su.circle();
  for (let i = 0; i < 4; i++) await su.homework(1);
}, 60_000);
afterAll(() => su.end());

type Paged = (params: { limit: number; cursor?: string }) => Promise<PpnResult<Page<Record<string, unknown>>>>;

const lists: Array<{ name: string; who: Parameters<typeof ppnAs>[0]; call: (ppn: ReturnType<typeof as>) => Paged; id: string; sql: string }> = [
  { name: 'protocols.list', who: 'siteAdminA', call: (p) => (q) => p.protocols.list(q) as never, id: 'record_id', sql: 'select record_id as id from log_clinical_records where site_id = 1 order by session_date desc nulls last, record_id desc' },
  { name: 'sessionEvents.timeline', who: 'clinicianA', call: (p) => (q) => p.sessionEvents.timeline({ protocol_id: 2, ...q }) as never, id: 'event_id', sql: 'select event_id as id from session_events where protocol_id = 2 order by event_timestamp, event_id' },
  { name: 'supervision.search', who: 'clinicianA', call: (p) => (q) => p.supervision.search({ acceptingOnly: false, ...q }) as never, id: 'profile_id', sql: 'select profile_id as id from practitioner_profiles order by years_experience desc nulls last, profile_id' },
  { name: 'supervision.relationships', who: 'supervisor', call: (p) => (q) => p.supervision.relationships(q) as never, id: 'relationship_id', sql: 'select relationship_id as id from supervision_relationships where supervisor_id = 1 or supervisee_id = 1 order by relationship_id desc' },
  { name: 'supervision.circles.list', who: 'memberA', call: (p) => (q) => p.supervision.circles.list(q) as never, id: 'circle_id', sql: 'select circle_id as id from supervision_circles order by circle_name, circle_id' },
  { name: 'supervision.circles.members', who: 'memberA', call: (p) => (q) => p.supervision.circles.members({ circle_id: 1, ...q }) as never, id: 'profile_id', sql: 'select profile_id as id from circle_members where circle_id = 1 order by joined_at, profile_id' },
  { name: 'homework.list', who: 'memberA', call: (p) => (q) => p.homework.list({ protocol_id: 1, ...q }) as never, id: 'homework_id', sql: 'select homework_id as id from integration_homework where protocol_id = 1 order by due_date, homework_id' },
];

describe('every paged call, page by page', () => {
  for (const list of lists) {
    it(`${list.name}: each row once, in order, under a row cap of 3; total on every page; nextCursor null at the end`, async () => {
      const expected = (await su.query<{ id: string }>(list.sql)).map((r) => Number(r.id));
      expect(expected.length).toBeGreaterThan(3);
      const call = list.call(as(list.who));
      const seen: number[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const { data, error } = await call({ limit: 50, ...(cursor && { cursor }) });
        expect(error).toBeNull();
        expect(Object.keys(data!).sort()).toEqual(['nextCursor', 'rows', 'total', 'totalIsEstimate']);
        // Above the row cap, PostgREST estimates a search's total (count=estimated), and says so.
        if (list.name === 'supervision.search' && expected.length > MAX_ROWS && cursor === undefined && pages === 0) expect(data!.totalIsEstimate).toBe(true);
        else if (list.name !== 'supervision.search') expect([data!.total, data!.totalIsEstimate]).toEqual([expected.length, false]);
        expect(data!.nextCursor === null || typeof data!.nextCursor === 'string').toBe(true);
        seen.push(...data!.rows.map((r) => Number(r[list.id])));
        cursor = data!.nextCursor ?? undefined;
        // Capped at 3 whatever the limit: a full capped page is not the end when more remain.
        expect(data!.rows.length).toBe(cursor ? MAX_ROWS : expected.length - (pages * MAX_ROWS));
        pages++;
      } while (cursor);
      expect(seen).toEqual(expected);
      expect(pages).toBe(Math.ceil(expected.length / MAX_ROWS));
    });
  }

  it('allRows yields the same rows as the pages', async () => {
    const ppn = as('clinicianA');
    const ids: number[] = [];
    for await (const e of allRows(ppn.sessionEvents.timeline, { protocol_id: 2, limit: 3 })) ids.push(e.event_id);
    const expected = (await su.query<{ id: string }>(lists[1]!.sql)).map((r) => Number(r.id));
    expect(ids).toEqual(expected);
  });

  it('microsecond timestamps: events a microsecond apart each appear once across pages of one', async () => {
    const ppn = as('clinicianA');
    const times: string[] = [];
    for await (const e of allRows(ppn.sessionEvents.timeline, { protocol_id: 2, from: '2026-03-01T10:00:00Z', to: '2026-03-01T10:00:01Z', limit: 1 })) times.push(e.event_timestamp);
    expect(times).toEqual(['000001', '000002', '000003', '000004'].map((m) => `2026-03-01T10:00:00.${m}+00:00`));
  });
});

describe('the late-event cursor case', () => {
  it('an event logged late with an earlier timestamp is not in the pages after the cursor, and appears when read again from the start', async () => {
    const ppn = as('clinicianA');
    const first = await ppn.sessionEvents.timeline({ protocol_id: 2, limit: 2 });
    const late = await ppn.sessionEvents.log({ protocol_id: 2, event_type: 'Distress', event_timestamp: '2020-01-01T00:00:00Z' });
    expect(late.error).toBeNull();
    const rest: number[] = [];
    for await (const e of allRows(ppn.sessionEvents.timeline, { protocol_id: 2, limit: 2, cursor: first.data!.nextCursor! })) rest.push(e.event_id);
    expect(rest).not.toContain(late.data!.event_id);
    const again = await ppn.sessionEvents.timeline({ protocol_id: 2, limit: 2 });
    expect(again.data!.rows[0]!.event_id).toBe(late.data!.event_id);
    expect(again.data!.total).toBe(first.data!.total + 1);
  });
});

describe('arrays read every row', () => {
  it('medications, classes, event types, homework types, trend: whole under a row cap of 3', async () => {
    const ppn = as('clinicianA');
    expect((await ppn.medications.list()).data).toHaveLength(24);
    expect((await ppn.medications.classes()).data).toHaveLength(9);
    expect((await ppn.eventTypes.list()).data).toHaveLength(8);
    expect((await ppn.homework.types()).data).toHaveLength(8);
    expect((await ppn.integrationScores.trend({ protocol_id: 1, scale_type: 'IES' })).data).toHaveLength(2);
  });
});

describe('cancellation', () => {
  it('a call whose signal aborts while in flight resolves aborted', async () => {
    const controller = new AbortController();
    const pending = as('clinicianA').supervision.search({}, { signal: controller.signal });
    controller.abort();
    const { data, error } = await pending;
    expect(data).toBeNull();
    expect(error?.code).toBe('aborted');
  });
});
