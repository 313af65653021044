/**
 * Supervision history survives when a practitioner leaves (issue 12), through supabase-js
 * and PostgREST as both parties, before and after each departure. Writing suite: stacks of
 * its own (the shared stack's personas stay as they are), and fresh practitioners for
 * every scenario so that none depends on another.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SupabaseClient } from '@supabase/supabase-js';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, MIGRATIONS_DIR, readMigrations } from '../src/index.js';
import { signToken, startStack } from '../../../test/stack.js';
import { clientWithToken } from './helpers/clients.js';

/** The first migration of issue 12: everything before it is "before the migration". */
const DEPARTURE_MIGRATION = '20261201100000';

type Side = 'supervisor' | 'supervisee';
type Status = 'pending' | 'active' | 'completed' | 'cancelled';

interface Relationship {
  relationship_id: number;
  supervisor_id: number | null;
  supervisee_id: number | null;
  status: Status;
  started_at: string | null;
  ended_at: string | null;
  supervisor_display_name: string | null;
  supervisor_credentials: string | null;
  supervisee_display_name: string | null;
  supervisee_credentials: string | null;
}

interface Practitioner {
  userId: string;
  profileId: number;
  name: string;
  credentials: string;
  rest: SupabaseClient;
}

/** What a test needs of a running database + PostgREST: where, and a superuser connection. */
interface Target {
  url: string;
  anonKey: string;
  jwtSecret: string;
  db: pg.Client;
}

/** A new account (as the superuser: there is no auth server) whose profile it creates itself, through PostgREST. */
async function practitioner(t: Target, name: string, credentials: string, maxSupervisees = 5): Promise<Practitioner> {
  const email = `departure-${randomUUID()}@ppn.local`;
  const { rows } = await t.db.query<{ id: string }>('insert into auth.users (email) values ($1) returning id', [email]);
  const userId = rows[0]!.id;
  const rest = clientWithToken(t, await signToken(t.jwtSecret, { role: 'authenticated', sub: userId, email }));
  const { data, error } = await rest
    .from('practitioner_profiles')
    .insert({ display_name: name, credentials, max_supervisees: maxSupervisees })
    .select('profile_id')
    .single();
  expect(error).toBeNull();
  return { userId, profileId: Number(data!.profile_id), name, credentials, rest };
}

const unwrap = <T>({ data, error }: { data: T | null; error: unknown }): T => {
  expect(error).toBeNull();
  return data!;
};

/** The supervisee asks; the supervisor answers as far as `status` requires; either ends it. */
async function dyad(supervisor: Practitioner, supervisee: Practitioner, status: Status): Promise<number> {
  const request = unwrap(
    await supervisee.rest.from('supervision_relationships').insert({ supervisor_id: supervisor.profileId }).select('relationship_id').single(),
  ) as { relationship_id: number };
  const id = request.relationship_id;
  const set = async (who: Practitioner, next: Status) =>
    expect(unwrap(await who.rest.from('supervision_relationships').update({ status: next }).eq('relationship_id', id).select('status'))).toEqual([{ status: next }]);
  if (status === 'active' || status === 'completed') await set(supervisor, 'active');
  if (status === 'completed') await set(supervisee, 'completed');
  if (status === 'cancelled') await set(supervisor, 'cancelled');
  return id;
}

/** The relationships a practitioner reads through PostgREST, by id. */
async function readsOf(p: Practitioner): Promise<Map<number, Relationship>> {
  const rows = unwrap(await p.rest.from('supervision_relationships').select('*').order('relationship_id')) as Relationship[];
  return new Map(rows.map((r) => [r.relationship_id, r]));
}

/** The profile's own delete through PostgREST: one row gone. */
async function deleteOwnProfile(p: Practitioner): Promise<void> {
  expect(unwrap(await p.rest.from('practitioner_profiles').delete().eq('profile_id', p.profileId).select('profile_id'))).toEqual([
    { profile_id: p.profileId },
  ]);
}

/**
 * The service role deletes the account (on hosted Supabase `auth.admin.deleteUser`: the auth
 * server deletes the auth.users row; locally the superuser does, with the service role's
 * claims, so the trigger sees no JWT subject as it would). The profile follows by its
 * ON DELETE CASCADE, the relationships by ON DELETE SET NULL.
 */
async function deleteAccount(t: Target, p: Practitioner): Promise<void> {
  await t.db.query('begin');
  try {
    await t.db.query(`select set_config('request.jwt.claims', '{"role":"service_role"}', true)`);
    const { rowCount } = await t.db.query('delete from auth.users where id = $1', [p.userId]);
    expect(rowCount).toBe(1);
    await t.db.query('commit');
  } catch (error) {
    await t.db.query('rollback');
    throw error;
  }
}

const other = (side: Side): Side => (side === 'supervisor' ? 'supervisee' : 'supervisor');

describe('supervision history survives a departure (own stack, through PostgREST)', () => {
  let stop: () => Promise<void>;
  let t: Target;

  beforeAll(async () => {
    const stack = await startStack();
    const db = new pg.Client({ connectionString: stack.dbUrl });
    await db.connect();
    t = { url: stack.url, anonKey: stack.anonKey, jwtSecret: stack.jwtSecret, db };
    stop = async () => {
      await db.end();
      await stack.stop();
    };
  });
  afterAll(async () => {
    await stop?.();
  });

  const scenarios: Array<{ side: Side; how: 'profile' | 'account' }> = [
    { side: 'supervisor', how: 'profile' },
    { side: 'supervisee', how: 'profile' },
    { side: 'supervisor', how: 'account' },
    { side: 'supervisee', how: 'account' },
  ];

  for (const { side, how } of scenarios) {
    const leaving = how === 'profile' ? `the ${side} deletes their own profile` : `the service role deletes the ${side}'s account (auth.users)`;
    it(`${leaving}: each counterpart keeps its record, closed, with the snapshot where it had been active`, async () => {
      const tagged = (what: string) => `${what} ${randomUUID().slice(0, 6)}`;
      const leaver = await practitioner(t, tagged(`Departing ${side}`), side === 'supervisor' ? 'PhD, LMFT' : 'LCSW');
      const states: Status[] = ['active', 'pending', 'completed', 'cancelled'];
      const counterparts = new Map<Status, Practitioner>();
      const ids = new Map<Status, number>();
      for (const state of states) {
        const counterpart = await practitioner(t, tagged(`Remaining ${other(side)} (${state})`), 'MA');
        counterparts.set(state, counterpart);
        ids.set(state, side === 'supervisor' ? await dyad(leaver, counterpart, state) : await dyad(counterpart, leaver, state));
      }
      // A circle with the leaver, the active counterpart and the pending one.
      const { rows } = await t.db.query<{ circle_id: string }>(`insert into public.supervision_circles (circle_name) values ($1) returning circle_id`, [tagged('Circle')]);
      const circleId = Number(rows[0]!.circle_id);
      for (const p of [leaver, counterparts.get('active')!, counterparts.get('pending')!]) {
        unwrap(await p.rest.from('circle_members').insert({ circle_id: circleId }).select());
      }

      // Before: both parties read each relationship; the accepted ones carry both names.
      const before = new Map<Status, Relationship>();
      const leaverReads = await readsOf(leaver);
      for (const state of states) {
        const id = ids.get(state)!;
        const seen = (await readsOf(counterparts.get(state)!)).get(id)!;
        expect(seen, state).toMatchObject({ status: state, [`${side}_id`]: leaver.profileId });
        expect(leaverReads.get(id), state).toEqual(seen);
        const accepted = state === 'active' || state === 'completed';
        expect(seen[`${side}_display_name`], state).toBe(accepted ? leaver.name : null);
        expect(seen[`${side}_credentials`], state).toBe(accepted ? leaver.credentials : null);
        before.set(state, seen);
      }

      if (how === 'profile') await deleteOwnProfile(leaver);
      else await deleteAccount(t, leaver);

      // After: each counterpart still reads its relationship, closed, with the leaver's side
      // null and the leaver's name and credentials only where it had been accepted.
      const expected: Record<Status, Status> = { active: 'completed', pending: 'cancelled', completed: 'completed', cancelled: 'cancelled' };
      for (const state of states) {
        const counterpart = counterparts.get(state)!;
        const was = before.get(state)!;
        const now = (await readsOf(counterpart)).get(ids.get(state)!);
        expect(now, state).toBeDefined();
        expect(now!.status, state).toBe(expected[state]);
        expect(now![`${side}_id`], state).toBeNull();
        expect(now![`${other(side)}_id`], state).toBe(counterpart.profileId);
        expect(now!.started_at, state).toBe(was.started_at);
        if (state === 'active') {
          expect(now!.ended_at).not.toBeNull();
          expect(Date.parse(now!.ended_at!)).toBeGreaterThanOrEqual(Date.parse(was.started_at!));
        } else {
          expect(now!.ended_at, state).toBe(was.ended_at);
        }
        // The snapshot is what it was before the departure (none on a request never accepted).
        for (const col of ['supervisor_display_name', 'supervisor_credentials', 'supervisee_display_name', 'supervisee_credentials'] as const) {
          expect(now![col], `${state} ${col}`).toBe(was[col]);
        }
        expect(now![`${side}_display_name`], state).toBe(state === 'active' || state === 'completed' ? leaver.name : null);
      }

      // Nothing else of the leaver is readable: no profile, no membership, no embed.
      const reader = counterparts.get('active')!;
      expect(unwrap(await reader.rest.from('practitioner_profiles').select('profile_id').eq('profile_id', leaver.profileId))).toEqual([]);
      expect(unwrap(await reader.rest.from('circle_members').select('profile_id').eq('profile_id', leaver.profileId))).toEqual([]);
      const embedded = unwrap(
        await reader.rest
          .from('supervision_relationships')
          .select(`relationship_id, ${side}:practitioner_profiles!supervision_relationships_${side}_id_fkey(profile_id, display_name)`)
          .eq('relationship_id', ids.get('active')!)
          .single(),
      ) as Record<string, unknown>;
      expect(embedded[side]).toBeNull();
      // The leaver, if they can still sign in, reads none of it.
      if (how === 'profile') {
        expect(await readsOf(leaver)).toEqual(new Map());
        expect(unwrap(await leaver.rest.rpc('my_practitioner_profile'))).toEqual([]);
      }

      // The circle's other members are intact; the leaver's own membership is gone.
      const members = unwrap(await reader.rest.from('circle_members').select('profile_id').eq('circle_id', circleId)) as Array<{ profile_id: number }>;
      expect(members.map((m) => m.profile_id).sort((a, b) => a - b)).toEqual(
        [counterparts.get('active')!.profileId, counterparts.get('pending')!.profileId].sort((a, b) => a - b),
      );
    });
  }

  it('a row with no participant left is readable by the service role only', async () => {
    const supervisor = await practitioner(t, 'Both-left supervisor', 'PhD');
    const supervisee = await practitioner(t, 'Both-left supervisee', 'LCSW');
    const id = await dyad(supervisor, supervisee, 'active');
    await deleteOwnProfile(supervisor);
    expect((await readsOf(supervisee)).get(id)?.status).toBe('completed');
    await deleteOwnProfile(supervisee);
    expect((await readsOf(supervisee)).has(id)).toBe(false);
    const service = clientWithToken(t, await signToken(t.jwtSecret, { role: 'service_role' }));
    expect(unwrap(await service.from('supervision_relationships').select('*').eq('relationship_id', id))).toEqual([
      expect.objectContaining({
        supervisor_id: null,
        supervisee_id: null,
        status: 'completed',
        supervisor_display_name: 'Both-left supervisor',
        supervisee_display_name: 'Both-left supervisee',
      }),
    ]);
  });

  it('after a supervisee leaves an active relationship, the supervisor can accept again up to max_supervisees', async () => {
    const supervisor = await practitioner(t, 'Capacity supervisor', 'PhD', 2);
    const [first, second, third, fourth] = [
      await practitioner(t, 'Capacity supervisee 1', 'MA'),
      await practitioner(t, 'Capacity supervisee 2', 'MA'),
      await practitioner(t, 'Capacity supervisee 3', 'MA'),
      await practitioner(t, 'Capacity supervisee 4', 'MA'),
    ];
    await dyad(supervisor, first, 'active');
    await dyad(supervisor, second, 'active');
    const waiting = await dyad(supervisor, third, 'pending');
    const accept = (id: number) => supervisor.rest.from('supervision_relationships').update({ status: 'active' }).eq('relationship_id', id).select('status');

    const full = await accept(waiting);
    expect({ status: full.status, code: full.error?.code }).toEqual({ status: 409, code: 'PT409' });

    await deleteOwnProfile(first);
    expect(unwrap(await accept(waiting))).toEqual([{ status: 'active' }]);

    const another = await dyad(supervisor, fourth, 'pending');
    const fullAgain = await accept(another);
    expect({ status: fullAgain.status, code: fullAgain.error?.code }).toEqual({ status: 409, code: 'PT409' });
  });

  it('the snapshot is the names at acceptance, and a participant cannot write it (42501)', async () => {
    const supervisor = await practitioner(t, 'Snapshot supervisor', 'PhD');
    const supervisee = await practitioner(t, 'Snapshot supervisee', 'LCSW');
    const id = await dyad(supervisor, supervisee, 'active');
    unwrap(await supervisor.rest.from('practitioner_profiles').update({ display_name: 'Renamed later', credentials: 'PsyD' }).eq('profile_id', supervisor.profileId).select());
    expect((await readsOf(supervisee)).get(id)).toMatchObject({ supervisor_display_name: 'Snapshot supervisor', supervisor_credentials: 'PhD' });

    for (const who of [supervisor, supervisee]) {
      for (const col of ['supervisor_display_name', 'supervisor_credentials', 'supervisee_display_name', 'supervisee_credentials']) {
        const { status, error } = await who.rest.from('supervision_relationships').update({ [col]: 'Forged' }).eq('relationship_id', id).select();
        expect({ col, status, code: error?.code }).toEqual({ col, status: 403, code: '42501' });
      }
    }
    const forgedRequest = await supervisee.rest
      .from('supervision_relationships')
      .insert({ supervisor_id: supervisor.profileId, supervisor_display_name: 'Forged' })
      .select();
    expect({ status: forgedRequest.status, code: forgedRequest.error?.code }).toEqual({ status: 403, code: '42501' });

    // After the supervisor leaves, the remaining supervisee still cannot rewrite it.
    await deleteOwnProfile(supervisor);
    const rewrite = await supervisee.rest.from('supervision_relationships').update({ supervisor_display_name: 'Forged' }).eq('relationship_id', id).select();
    expect({ status: rewrite.status, code: rewrite.error?.code }).toEqual({ status: 403, code: '42501' });
    expect((await readsOf(supervisee)).get(id)).toMatchObject({ status: 'completed', supervisor_display_name: 'Snapshot supervisor', supervisor_credentials: 'PhD' });
  });
});

describe('a relationship accepted before the migration (upgrade, through PostgREST)', () => {
  let t: Target;
  let dbUrl: string;
  const cleanups: Array<() => Promise<unknown> | unknown> = [];
  let earlier: string;

  beforeAll(async () => {
    // The migrations folder as it was before issue 12: every file before DEPARTURE_MIGRATION.
    earlier = mkdtempSync(join(tmpdir(), 'ppn-before-departure-'));
    cleanups.push(() => rmSync(earlier, { recursive: true, force: true }));
    for (const m of readMigrations().filter((f) => f.version < DEPARTURE_MIGRATION)) symlinkSync(join(MIGRATIONS_DIR, m.file), join(earlier, m.file));

    const stack = await startStack({ migrationsDir: earlier, seed: false });
    cleanups.push(() => stack.stop());
    dbUrl = stack.dbUrl;
    const db = new pg.Client({ connectionString: stack.dbUrl });
    await db.connect();
    cleanups.push(() => db.end());
    t = { url: stack.url, anonKey: stack.anonKey, jwtSecret: stack.jwtSecret, db };
  });

  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('the migration backfills the snapshot of accepted rows, and it survives the supervisor leaving', async () => {
    // Before the migration: accepted, completed and pending relationships, made through PostgREST.
    const supervisor = await practitioner(t, 'Dr. Early Supervisor', 'PhD, LMFT');
    const activeSupervisee = await practitioner(t, 'Early Active Supervisee', 'LCSW');
    const completedSupervisee = await practitioner(t, 'Early Completed Supervisee', 'MA');
    const pendingSupervisee = await practitioner(t, 'Early Pending Supervisee', 'MFT');
    const active = await dyad(supervisor, activeSupervisee, 'active');
    const completed = await dyad(supervisor, completedSupervisee, 'completed');
    const pending = await dyad(supervisor, pendingSupervisee, 'pending');
    const { rows: columns } = await t.db.query(
      `select 1 from information_schema.columns where table_name = 'supervision_relationships' and column_name like '%display_name'`,
    );
    expect(columns).toEqual([]);

    const { applied } = await migrate({ databaseUrl: dbUrl });
    expect(applied.every((v) => v >= DEPARTURE_MIGRATION)).toBe(true);
    expect(applied.length).toBeGreaterThanOrEqual(2);
    await t.db.query(`notify pgrst, 'reload schema'`);
    await waitForColumn(activeSupervisee, 'supervisor_display_name');

    expect((await readsOf(activeSupervisee)).get(active)).toMatchObject({
      status: 'active',
      supervisor_display_name: 'Dr. Early Supervisor',
      supervisor_credentials: 'PhD, LMFT',
      supervisee_display_name: 'Early Active Supervisee',
      supervisee_credentials: 'LCSW',
    });
    expect((await readsOf(completedSupervisee)).get(completed)).toMatchObject({ status: 'completed', supervisor_display_name: 'Dr. Early Supervisor' });
    expect((await readsOf(pendingSupervisee)).get(pending)).toMatchObject({ status: 'pending', supervisor_display_name: null, supervisee_display_name: null });

    await deleteOwnProfile(supervisor);

    expect((await readsOf(activeSupervisee)).get(active)).toMatchObject({
      status: 'completed',
      supervisor_id: null,
      ended_at: expect.any(String),
      supervisor_display_name: 'Dr. Early Supervisor',
      supervisor_credentials: 'PhD, LMFT',
    });
    expect((await readsOf(completedSupervisee)).get(completed)).toMatchObject({ status: 'completed', supervisor_id: null, supervisor_display_name: 'Dr. Early Supervisor' });
    expect((await readsOf(pendingSupervisee)).get(pending)).toMatchObject({ status: 'cancelled', supervisor_id: null, supervisor_display_name: null, ended_at: null });
  });
});

/** PostgREST reloads its schema cache asynchronously after `notify pgrst`. */
async function waitForColumn(p: Practitioner, column: string): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const { error } = await p.rest.from('supervision_relationships').select(column).limit(1);
    if (!error) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`PostgREST never saw supervision_relationships.${column}`);
}
