import { expect, inject, it } from 'vitest';
import { query } from './helpers/bare-postgres.js';

it('the API roles carry hosted Supabase statement timeouts (anon 3 s, authenticated 8 s)', async () => {
  const rows = await query<{ rolname: string; rolconfig: string[] | null }>(
    inject('stack').dbUrl,
    "select rolname, rolconfig from pg_roles where rolname in ('anon', 'authenticated') order by rolname",
  );
  expect(rows).toEqual([
    { rolname: 'anon', rolconfig: expect.arrayContaining(['statement_timeout=3s']) },
    { rolname: 'authenticated', rolconfig: expect.arrayContaining(['statement_timeout=8s']) },
  ]);
});

it('authenticator can become each API role and service_role bypasses RLS', async () => {
  const rows = await query<{ rolname: string; rolbypassrls: boolean; member: boolean }>(
    inject('stack').dbUrl,
    `select r.rolname, r.rolbypassrls, pg_has_role('authenticator', r.oid, 'member') as member
       from pg_roles r where r.rolname in ('anon', 'authenticated', 'service_role') order by 1`,
  );
  expect(rows).toEqual([
    { rolname: 'anon', rolbypassrls: false, member: true },
    { rolname: 'authenticated', rolbypassrls: false, member: true },
    { rolname: 'service_role', rolbypassrls: true, member: true },
  ]);
});
