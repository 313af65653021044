/**
 * Facts README.md's "Local stack vs hosted" states about the local stack, checked so the
 * page cannot go stale. (Statement timeouts through PostgREST: packages/sdk/test/
 * statement-timeouts.test.ts; no unfiltered PATCH/DELETE from the SDK: packages/sdk/test/
 * no-unfiltered-writes.test.ts.)
 */
import pg from 'pg';
import { expect, inject, it } from 'vitest';
import { query } from './helpers/bare-postgres.js';

it('pg-safeupdate is not available locally: not preloaded, and LOAD cannot find it', async () => {
  const dbUrl = inject('stack').dbUrl;
  const [{ shared_preload_libraries }] = (await query<{ shared_preload_libraries: string }>(dbUrl, 'show shared_preload_libraries')) as [
    { shared_preload_libraries: string },
  ];
  expect(shared_preload_libraries).not.toContain('safeupdate');
  const roles = await query<{ rolname: string; rolconfig: string[] | null }>(
    dbUrl,
    "select rolname, rolconfig from pg_roles where rolname in ('authenticator', 'anon', 'authenticated')",
  );
  expect(roles.flatMap((r) => r.rolconfig ?? []).some((s) => s.includes('safeupdate'))).toBe(false);

  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  try {
    const error = await client.query("load 'safeupdate'").then(
      () => undefined,
      (e: { code?: string }) => e,
    );
    expect(error?.code).toBe('58P01'); // could not access file "safeupdate"
  } finally {
    await client.end();
  }
});
