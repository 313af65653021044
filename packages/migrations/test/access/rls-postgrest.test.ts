import type { SupabaseClient } from '@supabase/supabase-js';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERSONA_NAMES, startStack, type PersonaName, type Stack } from '../../../../test/stack.js';
import { clientAs, type Who } from '../helpers/clients.js';
import { prepare } from './fixtures.js';
import { cellCounts, MATRIX, PERSONAS } from './matrix.js';
import { observeRest, runMatrix } from './observe.js';
import { buildReset, changedKeys, restoreTable, snapshotAll, tableRows } from './seed-state.js';

/**
 * The access matrix through the API an app uses: supabase-js -> gateway -> PostgREST 12 ->
 * Postgres, as each persona, on a stack of its own (these writes persist). Each cell gets
 * a fresh target from the fixture and is followed by a reset to the seed, so no cell sees
 * another's rows. Then the indirect paths: embeds, `or=`, counts, upserts, bulk writes.
 */
let stack: Stack;
let db: pg.Client;
let reset: string;
let seedSnapshot: Record<string, string[]>;
const clients = new Map<Who, SupabaseClient>();
const as = (who: Who) => clients.get(who) ?? clients.set(who, clientAs(who, stack)).get(who)!;
let checked = 0;

beforeAll(async () => {
  stack = await startStack();
  db = new pg.Client({ connectionString: stack.dbUrl });
  await db.connect();
  reset = await buildReset(db);
  seedSnapshot = await snapshotAll(db);
});

afterAll(async () => {
  if (checked) console.log(`[access matrix] PostgREST level: ${checked} cells checked (${cellCounts().core} core + ${cellCounts().variants} variant)`);
  await db?.end();
  await stack?.stop();
});

/** Rows of a table as the superuser sees them (ground truth for the indirect paths). */
const sql = async <T extends pg.QueryResultRow>(text: string, params: unknown[] = []) => (await db.query<T>(text, params)).rows;
const ids = (rows: Array<Record<string, unknown>>, col: string) => rows.map((r) => Number(r[col])).sort((a, b) => a - b);

/** Sites a persona has any row for, per the seed (the spec's "site member"). */
const memberSites = (who: PersonaName) =>
  sql<{ site_id: string }>('select site_id from public.user_sites where user_id = $1', [stack.personas[who].userId]).then((r) => ids(r, 'site_id'));

/** Raw HTTP to /rest/v1 (no supabase-js), e.g. a PATCH or DELETE with no filter at all. */
async function rest(who: Who, method: string, path: string, body?: unknown) {
  const token = who === 'anon' ? stack.anonKey : who === 'service_role' ? stack.serviceRoleKey : stack.personas[who].token;
  const res = await fetch(`${stack.url}/rest/v1/${path}`, {
    method,
    headers: { apikey: stack.anonKey, Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', Prefer: 'return=representation' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as any };
}

/** Runs `fn`, then puts `table` back as it was; returns the keys of the rows `fn` changed. */
async function changes(table: string, fn: () => Promise<void>): Promise<string[]> {
  const before = await tableRows(db, table);
  try {
    await fn();
    return changedKeys(before, await tableRows(db, table));
  } finally {
    await restoreTable(db, table, before);
  }
}

describe('access matrix, PostgREST level (supabase-js as each persona)', () => {
  it('every cell observes what the matrix expects', async () => {
    const { cells, mismatches } = await runMatrix(async (row, who) => {
      try {
        return await observeRest(as(who), await prepare(row, db, who));
      } finally {
        await db.query(reset);
      }
    });
    checked = cells;
    expect(cells).toBe(MATRIX.length * PERSONAS.length);
    expect(mismatches, `cells that differ from the matrix:\n${mismatches.join('\n')}`).toEqual([]);
    // About a thousand cells, each a fixture, a request and a reset: on a loaded 2-core
    // machine this takes far longer than the suite's default; the timeout only bounds a hang.
  }, 300_000);
});

describe('indirect paths', () => {
  it("embeds: clinicianB sees none of site A's events through ref_event_types, nor site A's records through session_events", async () => {
    const siteB = ids(
      await sql('select e.event_id from public.session_events e join public.log_clinical_records r on r.record_id = e.protocol_id where r.site_id = 2'),
      'event_id',
    );
    expect(siteB.length).toBeGreaterThan(0);

    const viaTypes = await as('clinicianB').from('ref_event_types').select('event_name, session_events(event_id, protocol_id)');
    expect(viaTypes.error).toBeNull();
    const embedded = viaTypes.data!.flatMap((t) => t.session_events as Array<{ event_id: number; protocol_id: number }>);
    expect(embedded.map((e) => e.event_id).sort((a, b) => a - b)).toEqual(siteB);
    expect(embedded.every((e) => e.protocol_id === 3 || e.protocol_id === 4)).toBe(true);

    const withRecords = await as('clinicianB').from('session_events').select('event_id, log_clinical_records(site_id, patient_reference)');
    expect(withRecords.error).toBeNull();
    expect(ids(withRecords.data!, 'event_id')).toEqual(siteB);
    expect(new Set(withRecords.data!.map((e) => (e.log_clinical_records as unknown as { site_id: number }).site_id))).toEqual(new Set([2]));

    // Filtering on the embedded table cannot reach the other site either.
    const inner = await as('clinicianB').from('session_events').select('event_id, log_clinical_records!inner(site_id)').eq('log_clinical_records.site_id', 1);
    expect(inner).toMatchObject({ error: null, data: [] });

    const recordsWithEvents = await as('clinicianB').from('log_clinical_records').select('record_id, session_events(event_id)');
    expect(ids(recordsWithEvents.data!, 'record_id')).toEqual([3, 4]);
    expect(recordsWithEvents.data!.flatMap((r) => (r.session_events as Array<{ event_id: number }>).map((e) => e.event_id)).sort((a, b) => a - b)).toEqual(siteB);

    const homework = await as('memberB').from('integration_homework').select('homework_id, log_clinical_records(site_id), ref_homework_types(homework_name)');
    expect(homework.data!.map((h) => (h.log_clinical_records as unknown as { site_id: number }).site_id)).toEqual([2, 2]);
  });

  it('embeds: user_sites under sites shows only what user_sites itself shows', async () => {
    const membersOf = async (who: PersonaName) => {
      const { data, error } = await as(who).from('sites').select('site_id, user_sites(user_id, role)').order('site_id');
      expect(error).toBeNull();
      return data!.map((s) => ({ site_id: s.site_id, roles: (s.user_sites as Array<{ role: string }>).map((u) => u.role).sort() }));
    };
    expect(await membersOf('memberA')).toEqual([{ site_id: 1, roles: ['member'] }]);
    expect(await membersOf('clinicianA')).toEqual([{ site_id: 1, roles: ['clinician'] }]);
    expect(await membersOf('siteAdminA')).toEqual([{ site_id: 1, roles: ['clinician', 'member', 'site_admin'] }]);
    expect(await membersOf('networkAdmin')).toEqual([{ site_id: 3, roles: ['network_admin'] }]);
    expect(await membersOf('noSite')).toEqual([]);
  });

  it("embeds: relationships under profiles show only the caller's own", async () => {
    // Relationship 1 (3 -> 6) exists; nobody among the personas takes part in it.
    const seen = async (who: Who) => {
      const { data, error } = await as(who)
        .from('practitioner_profiles')
        .select('profile_id, as_supervisor:supervision_relationships!supervisor_id(relationship_id), as_supervisee:supervision_relationships!supervisee_id(relationship_id)')
        .in('profile_id', [3, 6])
        .order('profile_id');
      expect(error).toBeNull();
      return data!.map((p) => [p.profile_id, (p.as_supervisor as unknown[]).length, (p.as_supervisee as unknown[]).length]);
    };
    expect(await seen('service_role')).toEqual([[3, 1, 0], [6, 0, 1]]);
    for (const who of ['clinicianA', 'supervisor', 'supervisee', 'networkAdmin'] as const) {
      expect(await seen(who), who).toEqual([[3, 0, 0], [6, 0, 0]]);
    }
  });

  it('or= filters: naming another site in an or() returns only the caller\'s own rows', async () => {
    const events = await as('clinicianB').from('session_events').select('event_id, protocol_id').or('protocol_id.eq.1,protocol_id.eq.3');
    expect(events.error).toBeNull();
    expect(new Set(events.data!.map((e) => e.protocol_id))).toEqual(new Set([3]));
    expect(ids(events.data!, 'event_id')).toEqual(ids(await sql('select event_id from public.session_events where protocol_id = 3'), 'event_id'));

    const records = await as('clinicianB').from('log_clinical_records').select('record_id').or('site_id.eq.1,site_id.eq.2,record_id.eq.1');
    expect(ids(records.data!, 'record_id')).toEqual([3, 4]);

    const memberships = await as('memberA').from('user_sites').select('user_id').or(`user_id.eq.${stack.personas.clinicianA.userId},site_id.eq.1,site_id.eq.2`);
    expect(memberships.data).toEqual([{ user_id: stack.personas.memberA.userId }]);

    const scores = await as('memberA').from('integration_scores').select('score_id, protocol_id').or('protocol_id.eq.3,and(scale_type.eq.IES,protocol_id.gte.1)');
    expect(new Set(scores.data!.map((s) => s.protocol_id))).toEqual(new Set([1]));
  });

  it('counts (Prefer: count=exact, GET and HEAD) count only the rows the caller may see', async () => {
    const visible: Record<string, (who: PersonaName) => Promise<number>> = {
      sites: async (who) => (await memberSites(who)).length,
      user_sites: async (who) =>
        Number(
          (
            await sql<{ n: string }>(
              `select count(*) as n from public.user_sites where user_id = $1
                  or site_id in (select site_id from public.user_sites where user_id = $1 and role = 'site_admin')`,
              [stack.personas[who].userId],
            )
          )[0]!.n,
        ),
      log_clinical_records: async (who) =>
        Number((await sql<{ n: string }>('select count(*) as n from public.log_clinical_records where site_id = any($1)', [await memberSites(who)]))[0]!.n),
      ...Object.fromEntries(
        ['session_events', 'integration_homework', 'integration_scores'].map((table) => [
          table,
          async (who: PersonaName) =>
            Number(
              (
                await sql<{ n: string }>(
                  `select count(*) as n from public.${table} where protocol_id in (select record_id from public.log_clinical_records where site_id = any($1))`,
                  [await memberSites(who)],
                )
              )[0]!.n,
            ),
        ]),
      ),
      supervision_relationships: async (who) =>
        Number(
          (
            await sql<{ n: string }>(
              `select count(*) as n from public.supervision_relationships r join public.practitioner_profiles p
                  on p.profile_id in (r.supervisor_id, r.supervisee_id) where p.user_id = $1`,
              [stack.personas[who].userId],
            )
          )[0]!.n,
        ),
    };
    const wrong: string[] = [];
    for (const [table, expectedFor] of Object.entries(visible)) {
      const total = Number((await sql<{ n: string }>(`select count(*) as n from public.${table}`))[0]!.n);
      const service = await as('service_role').from(table).select('*', { count: 'exact', head: true });
      if (service.count !== total) wrong.push(`${table} service_role: HEAD count ${service.count}, table has ${total}`);
      for (const who of PERSONA_NAMES) {
        const expected = await expectedFor(who);
        const head = await as(who).from(table).select('*', { count: 'exact', head: true });
        const get = await as(who).from(table).select('*', { count: 'exact' });
        if (head.error || head.count !== expected) wrong.push(`${table} ${who}: HEAD count ${head.count} (${head.error?.code}), expected ${expected} of ${total}`);
        if (get.error || get.count !== expected || get.data?.length !== expected) wrong.push(`${table} ${who}: GET count ${get.count}, ${get.data?.length} rows, expected ${expected}`);
      }
      const anon = await as('anon').from(table).select('*', { count: 'exact', head: true });
      if (anon.status !== 401 || anon.count !== null) wrong.push(`${table} anon: HEAD ${anon.status} count ${anon.count}`);
    }
    expect(wrong).toEqual([]);
    // The persona-scoped counts really are partial (the test would be vacuous otherwise).
    expect(await visible.session_events!('clinicianB')).toBeLessThan(Number((await sql<{ n: string }>('select count(*) as n from public.session_events'))[0]!.n));
  });

  it("upserts (on_conflict) cannot overwrite another site's or another user's row", async () => {
    const e101 = { protocol_id: 1, client_event_id: '00000000-0000-4000-8000-00000000e101', event_type_id: 1, event_timestamp: '2026-03-01T00:00:00Z', notes: 'overwritten' };
    const before = await tableRows(db, 'session_events');

    // Another site's clinician: the insert half is refused, merge or ignore alike.
    for (const ignoreDuplicates of [false, true]) {
      const res = await as('clinicianB').from('session_events').upsert(e101, { onConflict: 'protocol_id,client_event_id', ignoreDuplicates });
      expect([res.status, res.error?.code], `clinicianB, ignoreDuplicates ${ignoreDuplicates}`).toEqual([403, '42501']);
    }
    // The site's own clinician: the timeline is append-only, so a merge is refused and
    // ignore-duplicates (the SDK's retry) adds nothing and changes nothing.
    const merge = await as('clinicianA').from('session_events').upsert(e101, { onConflict: 'protocol_id,client_event_id' });
    expect([merge.status, merge.error?.code]).toEqual([403, '42501']);
    const retry = await as('clinicianA').from('session_events').upsert(e101, { onConflict: 'protocol_id,client_event_id', ignoreDuplicates: true });
    expect(retry.error).toBeNull();
    expect(changedKeys(before, await tableRows(db, 'session_events'))).toEqual([]);

    // Another user's profile, by its unique user_id.
    const profiles = await tableRows(db, 'practitioner_profiles');
    for (const ignoreDuplicates of [false, true]) {
      const res = await as('memberA')
        .from('practitioner_profiles')
        .upsert({ user_id: stack.personas.supervisee.userId, bio: 'hijacked' }, { onConflict: 'user_id', ignoreDuplicates });
      expect([res.status, res.error?.code], `profile upsert, ignoreDuplicates ${ignoreDuplicates}`).toEqual([403, '42501']);
    }
    const bySupervisor = await as('supervisor').from('practitioner_profiles').upsert({ user_id: stack.personas.supervisee.userId, bio: 'hijacked' }, { onConflict: 'user_id' });
    expect(bySupervisor.error?.code).toBe('42501');
    expect(changedKeys(profiles, await tableRows(db, 'practitioner_profiles'))).toEqual([]);

    // Reference data, memberships, circle seats: same story.
    const refused = [
      await as('clinicianA').from('ref_medications').upsert({ medication_name: 'Fluoxetine (Prozac)', drug_class: 'hijacked' }, { onConflict: 'medication_name' }),
      await as('siteAdminB').from('user_sites').upsert({ user_id: stack.personas.clinicianA.userId, site_id: 1, role: 'member' }, { onConflict: 'user_id,site_id' }),
      await as('memberA').from('circle_members').upsert({ circle_id: 1, profile_id: 4, joined_at: '2020-01-01T00:00:00Z' }, { onConflict: 'circle_id,profile_id' }),
      await as('clinicianB').from('ref_event_types').upsert({ event_name: 'Distress', color_code: '#000000' }, { onConflict: 'event_name' }),
    ];
    expect(refused.map((r) => [r.status, r.error?.code])).toEqual(Array(refused.length).fill([403, '42501']));
    expect(await snapshotAll(db)).toEqual(seedSnapshot);
  });

  it('bulk updates and deletes without a filter touch only the rows the caller may write', async () => {
    // supabase-js with a match-everything filter.
    let returned: number[] = [];
    expect(
      await changes('integration_homework', async () => {
        const res = await as('clinicianA').from('integration_homework').update({ completion_notes: 'bulk' }).neq('homework_id', -1).select('homework_id');
        expect(res.error).toBeNull();
        returned = ids(res.data!, 'homework_id');
      }),
    ).toEqual(['1', '2']);
    expect(returned).toEqual([1, 2]);

    // Raw PATCH / DELETE with no filter at all.
    expect(
      await changes('integration_scores', async () => {
        const res = await rest('clinicianB', 'PATCH', 'integration_scores', { days_post_dose: 99 });
        expect(res.status).toBe(200);
        expect(res.body.map((s: { score_id: number }) => s.score_id).sort()).toEqual([4, 5, 6]);
      }),
    ).toEqual(['4', '5', '6']);

    expect(
      await changes('integration_homework', async () => {
        const res = await rest('clinicianB', 'DELETE', 'integration_homework');
        expect(res.status).toBe(200);
        expect(res.body.map((h: { homework_id: number }) => h.homework_id).sort()).toEqual([3, 4]);
      }),
    ).toEqual(['3', '4']);

    expect(
      await changes('log_clinical_records', async () => {
        const res = await rest('siteAdminA', 'PATCH', 'log_clinical_records', { substance: 'bulk' });
        expect(res.status).toBe(200);
      }),
    ).toEqual(['1', '2']);

    expect(
      await changes('practitioner_profiles', async () => {
        const res = await as('supervisee').from('practitioner_profiles').update({ bio: 'bulk' }).neq('profile_id', -1).select('profile_id');
        expect(res.data).toEqual([{ profile_id: 2 }]);
      }),
    ).toEqual(['2']);

    // Callers who may write nothing there: nothing happens, or a refusal.
    const nothing: Array<[string, Who, string, string, unknown, number]> = [
      ['integration_homework', 'memberA', 'DELETE', 'integration_homework', undefined, 200],
      ['integration_scores', 'networkAdmin', 'PATCH', 'integration_scores', { days_post_dose: 1 }, 200],
      ['ref_medications', 'clinicianA', 'PATCH', 'ref_medications', { drug_class: 'bulk' }, 200],
      ['ref_medications', 'siteAdminB', 'DELETE', 'ref_medications', undefined, 200],
      ['practitioner_profiles', 'noSite', 'DELETE', 'practitioner_profiles', undefined, 200],
      ['supervision_relationships', 'supervisor', 'PATCH', 'supervision_relationships', { status: 'completed' }, 200],
      ['supervision_circles', 'clinicianA', 'DELETE', 'supervision_circles', undefined, 200],
      ['circle_members', 'memberA', 'DELETE', 'circle_members', undefined, 200],
      ['session_events', 'clinicianA', 'DELETE', 'session_events', undefined, 403],
      ['session_events', 'siteAdminA', 'PATCH', 'session_events', { notes: 'bulk' }, 403],
      ['log_clinical_records', 'siteAdminA', 'DELETE', 'log_clinical_records', undefined, 403],
      ['sites', 'siteAdminA', 'PATCH', 'sites', { site_name: 'bulk' }, 403],
      ['user_sites', 'siteAdminA', 'DELETE', 'user_sites', undefined, 403],
      ['circle_members', 'memberA', 'PATCH', 'circle_members', { joined_at: '2020-01-01T00:00:00Z' }, 403],
      ['integration_scores', 'anon', 'DELETE', 'integration_scores', undefined, 401],
    ];
    for (const [table, who, method, path, body, status] of nothing) {
      let answer: { status: number; body: unknown } | undefined;
      const changed = await changes(table, async () => {
        answer = await rest(who, method, path, body);
      });
      expect([answer!.status, status === 200 ? answer!.body : (answer!.body as { code: string }).code, changed], `${who} ${method} /${path}`).toEqual([
        status,
        status === 200 ? [] : '42501',
        [],
      ]);
    }
    expect(await snapshotAll(db)).toEqual(seedSnapshot);
  });

  it('created_by comes from the JWT: a value sent by the client is replaced on insert and refused on update', async () => {
    const me = stack.personas.clinicianA.userId;
    const someoneElse = stack.personas.clinicianB.userId;
    const tag = `created_by ${crypto.randomUUID()}`;
    try {
      const rows: Record<string, Record<string, unknown>> = {
        log_clinical_records: { site_id: 1, patient_reference: tag, created_by: someoneElse },
        session_events: { protocol_id: 1, event_type_id: 1, event_timestamp: '2026-03-01T00:00:00Z', notes: tag, created_by: someoneElse },
        integration_homework: { protocol_id: 1, homework_type_id: 1, assigned_date: '2026-03-01', due_date: '2026-03-02', completion_notes: tag, created_by: someoneElse },
      };
      for (const [table, row] of Object.entries(rows)) {
        const res = await as('clinicianA').from(table).insert(row);
        expect(res.error, table).toBeNull();
      }
      const stored = await sql<{ t: string; created_by: string }>(
        `select 'log_clinical_records' as t, created_by from public.log_clinical_records where patient_reference = $1
         union all select 'session_events', created_by from public.session_events where notes = $1
         union all select 'integration_homework', created_by from public.integration_homework where completion_notes = $1`,
        [tag],
      );
      expect(stored.map((r) => [r.t, r.created_by]).sort()).toEqual(Object.keys(rows).map((t) => [t, me]).sort());

      const rewrite = await as('clinicianA').from('log_clinical_records').update({ created_by: someoneElse }).eq('patient_reference', tag).select();
      expect([rewrite.status, rewrite.error?.code]).toEqual([403, '42501']);

      // A profile inserted without user_id belongs to the caller.
      const profile = await as('noSite').from('practitioner_profiles').insert({ display_name: tag });
      expect(profile.error).toBeNull();
      expect(await sql('select user_id from public.practitioner_profiles where display_name = $1', [tag])).toEqual([{ user_id: stack.personas.noSite.userId }]);
    } finally {
      await db.query(reset);
    }
  });

  it('site_id is the protocol\'s site, kept by the database: a forged value is replaced on insert and refused on update', async () => {
    const tag = `site_id ${crypto.randomUUID()}`;
    const rows: Record<string, Record<string, unknown>> = {
      session_events: { protocol_id: 1, event_type_id: 1, event_timestamp: '2026-03-01T00:00:00Z', notes: tag },
      integration_homework: { protocol_id: 1, homework_type_id: 1, assigned_date: '2026-03-01', due_date: '2026-03-02', completion_notes: tag },
      integration_scores: { protocol_id: 1, scale_type: 'IES', score_value: 11, measured_at: '2026-03-01T00:00:00Z', days_post_dose: 4242 },
    };
    const stored = () =>
      sql<{ t: string; site_id: string }>(
        `select 'session_events' as t, site_id from public.session_events where notes = $1
         union all select 'integration_homework', site_id from public.integration_homework where completion_notes = $1
         union all select 'integration_scores', site_id from public.integration_scores where days_post_dose = 4242`,
        [tag],
      ).then((r) => r.map((x) => [x.t, Number(x.site_id)]).sort());
    try {
      // Site A's clinician names site B: the row is stored at its protocol's site (A),
      // and site B still cannot see it.
      for (const [table, row] of Object.entries(rows)) {
        const res = await as('clinicianA').from(table).insert({ ...row, site_id: 2 }).select('site_id');
        expect([res.error, res.data], table).toEqual([null, [{ site_id: 1 }]]);
        const fromB = await as('clinicianB').from(table).select('*').eq('site_id', 1);
        expect([fromB.error, fromB.data], `${table} read by clinicianB with site_id=eq.1`).toEqual([null, []]);
      }
      expect(await stored()).toEqual(Object.keys(rows).map((t) => [t, 1]).sort());

      // Site B's clinician cannot write into site A's protocol by naming its own site.
      for (const [table, row] of Object.entries(rows)) {
        const res = await as('clinicianB').from(table).insert({ ...row, site_id: 2 });
        expect([res.status, res.error?.code], table).toEqual([403, '42501']);
      }

      // An update that sets site_id is refused (42501) whatever the value names; moving a
      // row to another site's protocol is refused by the policy, as before.
      for (const [table, filter] of [
        ['integration_homework', ['completion_notes', tag]],
        ['integration_scores', ['days_post_dose', 4242]],
      ] as const) {
        for (const patch of [{ site_id: 2 }, { site_id: 3 }, { site_id: null }, { protocol_id: 3 }, { protocol_id: 3, site_id: 2 }]) {
          const res = await as('clinicianA').from(table).update(patch).eq(filter[0], filter[1]).select();
          expect([res.status, res.error?.code], `${table} ${JSON.stringify(patch)}`).toEqual([403, '42501']);
        }
        // Nothing moved: the site's own staff still find the row at site A.
        const mine = await as('siteAdminA').from(table).select('site_id').eq(filter[0], filter[1]);
        expect(mine.data, table).toEqual([{ site_id: 1 }]);
      }
      expect(await stored()).toEqual(Object.keys(rows).map((t) => [t, 1]).sort());
    } finally {
      await db.query(reset);
    }
  });

  it("a record moved to another site takes its events, homework and scores with it (site_id follows it, by trigger)", async () => {
    const visible = async (who: Who, table: string) => {
      const res = await as(who).from(table).select('protocol_id').eq('protocol_id', 1);
      expect(res.error).toBeNull();
      return res.data!.length;
    };
    const tables = ['session_events', 'integration_homework', 'integration_scores'];
    const before = await Promise.all(tables.map((t) => visible('clinicianA', t)));
    expect(before.every((n) => n > 0)).toBe(true);
    try {
      // Only the service role (or a clinician of both sites) can move a record.
      await db.query('update public.log_clinical_records set site_id = 2 where record_id = 1');
      const sites = await sql<{ site_id: string }>(
        `select site_id from public.session_events where protocol_id = 1
         union all select site_id from public.integration_homework where protocol_id = 1
         union all select site_id from public.integration_scores where protocol_id = 1`,
      );
      expect(new Set(sites.map((s) => Number(s.site_id)))).toEqual(new Set([2]));
      expect(await Promise.all(tables.map((t) => visible('clinicianA', t)))).toEqual([0, 0, 0]);
      expect(await Promise.all(tables.map((t) => visible('clinicianB', t)))).toEqual(before);
    } finally {
      await db.query('update public.log_clinical_records set site_id = 1 where record_id = 1');
    }
    expect(await Promise.all(tables.map((t) => visible('clinicianA', t)))).toEqual(before);
    expect(await snapshotAll(db)).toEqual(seedSnapshot);
  });

  it('the suite leaves its stack exactly at the seed', async () => {
    expect(await snapshotAll(db)).toEqual(seedSnapshot);
  });
});
