import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { asRole } from '../helpers/as-role.js';
import { query } from '../helpers/bare-postgres.js';
import { prepare } from './fixtures.js';
import { cellCounts, MATRIX, PERSONAS, TABLES } from './matrix.js';
import { claims, dbRole, observeSql, runMatrix } from './observe.js';

/**
 * The access matrix at the database level: each cell as its role (`set local role`) with
 * its JWT claims, the way PostgREST runs a request. Everything happens in one transaction
 * on the shared stack, one savepoint per cell (fixture as superuser, then the attempt),
 * and is rolled back: the shared seed is never changed.
 */
const stack = () => inject('stack');

/** The membership helpers the policies call (README, "RLS helpers"); the catalog may hold more. */
const MEMBERSHIP_HELPERS = [
  'user_site_ids',
  'user_writable_site_ids',
  'user_admin_site_ids',
  'is_network_admin',
  'is_clinical_reviewer',
  'readable_protocol_ids',
  'writable_protocol_ids',
  'user_profile_ids',
];

/** Every function in schema private, with a call that passes nulls for its arguments. */
async function privateFunctions(): Promise<Array<{ name: string; call: string }>> {
  const rows = await query<{ name: string; nargs: number }>(
    stack().dbUrl,
    `select proname as name, pronargs as nargs from pg_proc where pronamespace = 'private'::regnamespace order by 1`,
  );
  return rows.map((r) => ({ name: r.name, call: `private.${r.name}(${Array(r.nargs).fill('null').join(', ')})` }));
}

let checked = 0;
afterAll(() => {
  if (checked) console.log(`[access matrix] database level: ${checked} cells checked (${cellCounts().core} core + ${cellCounts().variants} variant)`);
});

describe('access matrix, database level (RLS as each role, rolled back)', () => {
  it('covers every table in public', async () => {
    const rows = await query<{ relname: string }>(
      stack().dbUrl,
      `select relname from pg_class where relnamespace = 'public'::regnamespace and relkind in ('r', 'p') order by relname`,
    );
    expect(rows.map((r) => r.relname)).toEqual([...TABLES].sort());
  });

  it('every cell observes what the matrix expects', async () => {
    const db = new pg.Client({ connectionString: stack().dbUrl });
    await db.connect();
    try {
      await db.query('begin');
      const { cells, mismatches } = await runMatrix(async (row, who) => {
        await db.query('savepoint cell');
        try {
          const attempt = await prepare(row, db, who);
          await db.query(`select set_config('request.jwt.claims', $1, true)`, [claims(who)]);
          await db.query(`set local role ${dbRole(who)}`);
          return await observeSql(db, attempt);
        } finally {
          // Undoes the fixture, the attempt, the role and the claims.
          await db.query('rollback to savepoint cell');
        }
      });
      checked = cells;
      expect(cells).toBe(MATRIX.length * PERSONAS.length);
      expect(mismatches, `cells that differ from the matrix:\n${mismatches.join('\n')}`).toEqual([]);
    } finally {
      await db.query('rollback').catch(() => undefined);
      await db.end();
    }
    // Hundreds of cells on a loaded 2-core machine: the timeout only bounds a hang.
  }, 300_000);
});

describe('the security-definer helpers in schema private', () => {
  it('anon cannot call any of them: 42501', async () => {
    const functions = await privateFunctions();
    expect(functions.map((f) => f.name)).toEqual(expect.arrayContaining(MEMBERSHIP_HELPERS));
    for (const { call } of functions) {
      const error = await asRole(stack().dbUrl, 'anon', null, (c) => c.query(`select ${call}`)).then(
        () => null,
        (e: { code?: string }) => e,
      );
      expect(error?.code, `${call} as anon`).toBe('42501');
    }
  });

  it('authenticated may call the membership helpers (policies run as the caller) but not the trigger functions', async () => {
    const sub = stack().personas.clinicianA.userId;
    const sites = await asRole(stack().dbUrl, 'authenticated', sub, (c) => c.query('select private.user_site_ids() as site_id'));
    expect(sites.rows.map((r) => Number(r.site_id))).toEqual([1]);
    for (const call of [
      'private.check_supervisor_capacity(1)',
      'private.set_updated_at()',
      'private.enforce_circle_capacity()',
      'private.enforce_evidence_review()',
      'private.record_evidence_status()',
      'private.set_protocol_site_id()',
      'private.follow_record_site()',
    ]) {
      const error = await asRole(stack().dbUrl, 'authenticated', sub, (c) => c.query(`select ${call}`)).then(
        () => null,
        (e: { code?: string }) => e,
      );
      expect(error?.code, call).toBe('42501');
    }
  });

  it('are not reachable through the REST API: /rpc answers 404 PGRST202, the private profile 406 PGRST106', async () => {
    const { url, anonKey, personas } = stack();
    const functions = await privateFunctions();
    for (const token of [personas.clinicianA.token, anonKey]) {
      for (const { name: helper } of functions) {
        const headers = { apikey: anonKey, Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
        const rpc = await fetch(`${url}/rest/v1/rpc/${helper}`, { method: 'POST', headers, body: '{}' });
        expect([rpc.status, ((await rpc.json()) as { code: string }).code], `POST /rpc/${helper}`).toEqual([404, 'PGRST202']);
        const get = await fetch(`${url}/rest/v1/rpc/${helper}`, { headers });
        expect([get.status, ((await get.json()) as { code: string }).code], `GET /rpc/${helper}`).toEqual([404, 'PGRST202']);
        const profiled = await fetch(`${url}/rest/v1/rpc/${helper}`, { method: 'POST', headers: { ...headers, 'Content-Profile': 'private' }, body: '{}' });
        expect([profiled.status, ((await profiled.json()) as { code: string }).code], `POST /rpc/${helper} (Content-Profile: private)`).toEqual([406, 'PGRST106']);
      }
    }
  });

  it('the RPCs in public are security invoker and refused to anon, in SQL and through /rpc', async () => {
    const rows = await query<{ name: string; definer: boolean; anon: boolean }>(
      stack().dbUrl,
      `select p.proname as name, p.prosecdef as definer, has_function_privilege('anon', p.oid, 'execute') as anon
         from pg_proc p where p.pronamespace = 'public'::regnamespace order by 1`,
    );
    const { url, anonKey } = stack();
    for (const fn of rows) {
      expect({ ...fn, definer: false, anon: false }, `public.${fn.name}()`).toEqual(fn);
      const rpc = await fetch(`${url}/rest/v1/rpc/${fn.name}`, {
        method: 'POST',
        headers: { apikey: anonKey, Authorization: `Bearer ${anonKey}`, 'Content-Type': 'application/json' },
        body: '{}',
      });
      expect([rpc.status, ((await rpc.json()) as { code: string }).code], `anon POST /rpc/${fn.name}`).toEqual([401, '42501']);
    }
  });
});
