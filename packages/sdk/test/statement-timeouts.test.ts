/**
 * Hosted Supabase's statement timeouts (anon 3 s, authenticated 8 s) are in force THROUGH
 * PostgREST on the local stack, and a runaway statement reaches the SDK as `timeout`.
 *
 * The timeouts are role settings (`alter role ... set statement_timeout`, in the local
 * shim; hosted Supabase has the same). Postgres applies a role's settings at login, and
 * PostgREST logs in once, as `authenticator`: it reads the settings of the roles it
 * impersonates when it starts or reloads its configuration, and applies them with
 * `set local` in each request's transaction. So a changed setting reaches the API only
 * after `notify pgrst, 'reload config'` (or a restart); the last test shows it.
 *
 * No assertion on wall-clock time: the timeout must fire (57014, while the lock is still
 * held; a 4 s statement cancelled as anon and completed as authenticated); how fast a
 * loaded CI machine gets there is not the point. Durations are printed.
 */
import pg from 'pg';
import { startStack, type Stack } from '../../../test/stack.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toPpnError } from '../src/errors.js';
import { ppnWithToken, supabaseWithToken } from './helpers/superuser.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
  // Test-only functions on this suite's own stack: anon holds no privilege on anything the
  // migrations create, so it gets these two explicitly.
  await superuser(`
    create function public.ppn_test_statement_timeout() returns text language sql stable
      as $$ select current_setting('statement_timeout') $$;
    create function public.ppn_test_sleep(seconds double precision) returns text language sql volatile
      as $$ select pg_sleep(seconds)::text $$;
    revoke all on function public.ppn_test_statement_timeout(), public.ppn_test_sleep(double precision) from public;
    grant execute on function public.ppn_test_statement_timeout(), public.ppn_test_sleep(double precision) to anon, authenticated, service_role;
  `);
  await stack.reloadPostgrest();
  await eventually(async () => (await setting(stack.anonKey)) !== undefined);
}, 60_000);
afterAll(async () => {
  await stack?.stop();
});

async function superuser(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: stack.dbUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function eventually(check: () => Promise<boolean>, seconds = 20): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not reached');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** `statement_timeout` as PostgREST's request transaction sees it, for the holder of `token` (the anon key: anon). */
async function setting(token: string): Promise<string | undefined> {
  const { data, error } = await supabaseWithToken(stack, token, { retry: false }).rpc('ppn_test_statement_timeout' as never);
  return error ? undefined : (data as unknown as string);
}

async function timed<T>(fn: () => PromiseLike<T>): Promise<{ result: T; ms: number }> {
  const start = performance.now();
  const result = await fn();
  return { result, ms: Math.round(performance.now() - start) };
}

describe('statement timeouts through PostgREST', () => {
  it('each API role runs under its own statement timeout: anon 3 s, authenticated 8 s', async () => {
    expect(await setting(stack.anonKey)).toBe('3s');
    expect(await setting(stack.personas.clinicianA.token)).toBe('8s');
    expect(await setting(stack.personas.noSite.token)).toBe('8s');
  });

  it('an anon statement is cancelled (57014 -> timeout) where the same statement as authenticated completes', async () => {
    const anon = supabaseWithToken(stack, stack.anonKey, { retry: false });
    const signedIn = supabaseWithToken(stack, stack.personas.clinicianA.token, { retry: false });
    // 4 s: past anon's 3 s, within authenticated's 8 s.
    const [asAnon, asSignedIn] = await Promise.all([
      timed(() => anon.rpc('ppn_test_sleep' as never, { seconds: 4 } as never)),
      timed(() => signedIn.rpc('ppn_test_sleep' as never, { seconds: 4 } as never)),
    ]);
    console.log(`anon sleep(4): ${asAnon.ms} ms, ${asAnon.result.error?.code}; authenticated sleep(4): ${asSignedIn.ms} ms, ${asSignedIn.result.error?.code ?? 'ok'}`);
    expect(asAnon.result.error?.code).toBe('57014');
    expect(toPpnError(asAnon.result.error!, asAnon.result.status).code).toBe('timeout');
    // the same 4 s statement completes as authenticated: anon's limit is below 4 s, authenticated's above
    expect(asSignedIn.result.error).toBeNull();
  }, 30_000);

  it('a timeline read blocked by a lock comes back to the SDK as timeout after the authenticated limit', async () => {
    const holder = new pg.Client({ connectionString: stack.dbUrl });
    await holder.connect();
    try {
      await holder.query('begin');
      await holder.query('lock table public.session_events in access exclusive mode');
      const ppn = ppnWithToken(stack, stack.personas.clinicianA.token, { retry: false });
      const { result, ms } = await timed(() => ppn.sessionEvents.timeline(1));
      // The lock is still held: the statement was cancelled, not let through.
      const { rows } = await holder.query<{ held: boolean }>(
        "select exists (select 1 from pg_locks where relation = 'public.session_events'::regclass and mode = 'AccessExclusiveLock' and granted) as held",
      );
      console.log(`timeline under an exclusive lock: ${ms} ms, ${result.error?.code} (${result.error?.dbCode})`);
      expect(rows[0]!.held).toBe(true);
      expect(result.data).toBeNull();
      expect(result.error?.code).toBe('timeout');
      expect(result.error?.dbCode).toBe('57014');
    } finally {
      await holder.query('rollback').catch(() => undefined);
      await holder.end();
    }
    // and once the lock is gone, the same read works
    const after = await ppnWithToken(stack, stack.personas.clinicianA.token).sessionEvents.timeline(1);
    expect(after.error).toBeNull();
  }, 30_000);

  it('a changed role setting reaches PostgREST only when it reloads its configuration', async () => {
    try {
      await superuser("alter role anon set statement_timeout = '1s'");
      // PostgREST keeps the settings it read at start.
      expect(await setting(stack.anonKey)).toBe('3s');
      await superuser("notify pgrst, 'reload config'");
      await eventually(async () => (await setting(stack.anonKey)) === '1s');
      expect(await setting(stack.anonKey)).toBe('1s');
    } finally {
      await superuser("alter role anon set statement_timeout = '3s'; notify pgrst, 'reload config'");
      await eventually(async () => (await setting(stack.anonKey)) === '3s');
    }
  }, 30_000);
});
