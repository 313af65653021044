import { randomUUID } from 'node:crypto';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import pg from 'pg';
import WebSocket from 'ws';
import type { Database } from '@ppn/schema';
import { signToken, type StackFacts } from '../../../../test/stack.js';
import { createPpnClient, type PpnClientOptions } from '../../src/index.js';

/** The assignment date of {@link Superuser.homework}: it cannot be completed before it. */
export const HOMEWORK_ASSIGNED_DATE = '2026-02-01';

/**
 * Fixtures made as the superuser on a suite's OWN stack (never the shared one): extra
 * accounts with signed tokens, profiles, relationships, circles. The SDK is then called as
 * those accounts, through supabase-js and PostgREST.
 */
export class Superuser {
  readonly pool: pg.Pool;

  constructor(readonly stack: StackFacts) {
    this.pool = new pg.Pool({ connectionString: stack.dbUrl, max: 4 });
  }

  async query<T extends pg.QueryResultRow = pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await this.pool.query<T>(sql, params)).rows;
  }

  async one<T extends pg.QueryResultRow = pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T> {
    const [row] = await this.query<T>(sql, params);
    if (!row) throw new Error(`no row: ${sql}`);
    return row;
  }

  /** A new account, optionally a member of a site with a role, with a signed `authenticated` token. */
  async user(options: { siteId?: number; role?: 'member' | 'clinician' | 'site_admin' | 'network_admin' } = {}): Promise<Account> {
    const email = `safety-${randomUUID()}@ppn.local`;
    const { id } = await this.one<{ id: string }>('insert into auth.users (email) values ($1) returning id', [email]);
    if (options.siteId !== undefined) {
      await this.query('insert into public.user_sites (user_id, site_id, role) values ($1, $2, $3)', [id, options.siteId, options.role ?? 'clinician']);
    }
    const token = await signToken(this.stack.jwtSecret, { role: 'authenticated', sub: id, email });
    return { userId: id, token };
  }

  /** A new account with a practitioner profile. */
  async practitioner(fields: { maxSupervisees?: number } = {}): Promise<Account & { profileId: number }> {
    const account = await this.user();
    const { profile_id } = await this.one<{ profile_id: string }>(
      'insert into public.practitioner_profiles (user_id, display_name, max_supervisees) values ($1, $2, $3) returning profile_id',
      [account.userId, `Practitioner ${account.userId.slice(0, 8)}`, fields.maxSupervisees ?? 5],
    );
    return { ...account, profileId: Number(profile_id) };
  }

  async relationship(supervisor: number, supervisee: number, status: 'pending' | 'active' | 'completed' | 'cancelled'): Promise<number> {
    const { relationship_id } = await this.one<{ relationship_id: string }>(
      `insert into public.supervision_relationships (supervisor_id, supervisee_id, status, started_at)
       values ($1, $2, $3, case when $3 in ('active', 'completed') then now() end) returning relationship_id`,
      [supervisor, supervisee, status],
    );
    return Number(relationship_id);
  }

  async circle(maxMembers: number | null = null): Promise<number> {
    const { circle_id } = await this.one<{ circle_id: string }>(
      'insert into public.supervision_circles (circle_name, max_members) values ($1, $2) returning circle_id',
      [`Circle ${randomUUID().slice(0, 8)}`, maxMembers],
    );
    return Number(circle_id);
  }

  /** Open homework on `protocolId`, assigned on {@link HOMEWORK_ASSIGNED_DATE}. */
  async homework(protocolId: number): Promise<number> {
    const { homework_id } = await this.one<{ homework_id: string }>(
      `insert into public.integration_homework (protocol_id, homework_type_id, assigned_date, due_date)
       values ($1, 1, $2::date, date '2026-02-28') returning homework_id`,
      [protocolId, HOMEWORK_ASSIGNED_DATE],
    );
    return Number(homework_id);
  }

  end(): Promise<void> {
    return this.pool.end();
  }
}

export interface Account {
  userId: string;
  token: string;
}

/** supabase-js as the holder of `token` (or anon) on `stack`. */
export function supabaseWithToken(stack: StackFacts, token: string | null, options: { fetch?: typeof fetch; retry?: boolean } = {}): SupabaseClient<Database> {
  return createClient<Database>(stack.url, stack.anonKey, {
    ...(token ? { accessToken: async () => token } : {}),
    ...(options.fetch ? { global: { fetch: options.fetch } } : {}),
    ...(options.retry === false ? { db: { retry: false } } : {}),
    realtime: globalThis.WebSocket ? {} : { transport: WebSocket as never },
  });
}

/** The PPN client as the holder of `token` on `stack`. */
export function ppnWithToken(stack: StackFacts, token: string, options: PpnClientOptions & { fetch?: typeof fetch; retry?: boolean } = {}) {
  const { fetch: customFetch, retry, ...ppnOptions } = options;
  return createPpnClient(supabaseWithToken(stack, token, { fetch: customFetch, retry }), ppnOptions as PpnClientOptions & { throwOnError?: false });
}
