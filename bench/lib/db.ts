/** Database-side measurements: EXPLAIN (ANALYZE) as an API role, and the literal-policy swap. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export type ApiRole = 'service_role' | 'authenticated';

export interface As {
  role: ApiRole;
  /** JWT subject for `authenticated`. */
  userId?: string;
}

const LITERAL_SQL = fileURLToPath(new URL('../sql/literal-policies.sql', import.meta.url));

export const literalPoliciesSql = (): string => readFileSync(LITERAL_SQL, 'utf8');

/** Names of the policies the literal file swaps, as `table.policy`. */
export function literalPolicyNames(): Array<{ table: string; policy: string }> {
  const names: Array<{ table: string; policy: string }> = [];
  for (const m of literalPoliciesSql().matchAll(/alter policy (\w+) on public\.(\w+)/g)) names.push({ policy: m[1]!, table: m[2]! });
  return names;
}

export async function connect(dbUrl: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  return client;
}

/** The claims PostgREST 12 sets for a verified JWT (`request.jwt.claims`). */
export function claimsFor(as: As): string {
  return as.role === 'authenticated'
    ? JSON.stringify({ aud: 'authenticated', role: 'authenticated', sub: as.userId, iss: 'supabase-demo' })
    : JSON.stringify({ role: 'service_role', iss: 'supabase-demo' });
}

/**
 * Execution times (ms) of `sql` under EXPLAIN (ANALYZE, TIMING OFF), run as the API role
 * with the JWT claims PostgREST would set, inside one transaction that is rolled back.
 * `setup` runs first in the same transaction as the superuser (e.g. the literal policies).
 * TIMING OFF keeps the per-node clock reads out of the figure; the total is still measured.
 */
export async function explainTimes(client: pg.Client, sql: string, as: As, runs: number, setup?: string): Promise<number[]> {
  await client.query('begin');
  try {
    if (setup) await client.query(setup);
    await client.query(`set local role ${as.role}`);
    await client.query("select set_config('request.jwt.claims', $1, true)", [claimsFor(as)]);
    const times: number[] = [];
    for (let i = 0; i < runs + 3; i++) {
      const result = await client.query(`explain (analyze, timing off, format json) ${sql}`);
      const plan = (result.rows[0] as { 'QUERY PLAN': Array<{ 'Execution Time': number }> })['QUERY PLAN'][0]!;
      if (i >= 3) times.push(plan['Execution Time']); // the first runs warm caches and plans
    }
    return times;
  } finally {
    await client.query('rollback');
  }
}

/** The text plan, for the report's appendix or debugging. */
export async function explainText(client: pg.Client, sql: string, as: As, setup?: string): Promise<string> {
  await client.query('begin');
  try {
    if (setup) await client.query(setup);
    await client.query(`set local role ${as.role}`);
    await client.query("select set_config('request.jwt.claims', $1, true)", [claimsFor(as)]);
    await client.query(`explain (analyze, timing off) ${sql}`);
    const result = await client.query(`explain (analyze, buffers) ${sql}`);
    return result.rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n');
  } finally {
    await client.query('rollback');
  }
}

export async function queryAs<R extends pg.QueryResultRow>(client: pg.Client, sql: string, as: As): Promise<R[]> {
  await client.query('begin');
  try {
    await client.query(`set local role ${as.role}`);
    await client.query("select set_config('request.jwt.claims', $1, true)", [claimsFor(as)]);
    return (await client.query<R>(sql)).rows;
  } finally {
    await client.query('rollback');
  }
}

interface SavedPolicy {
  table: string;
  policy: string;
  roles: string[];
  qual: string | null;
  withCheck: string | null;
}

/**
 * Applies the work order's literal policies for real (committed), so PostgREST runs under
 * them, and returns a function that puts the current definitions back exactly.
 */
export async function applyLiteralPolicies(client: pg.Client): Promise<() => Promise<void>> {
  const saved: SavedPolicy[] = [];
  for (const { table, policy } of literalPolicyNames()) {
    const { rows } = await client.query<{ roles: string[]; qual: string | null; with_check: string | null }>(
      "select roles::text[] as roles, qual, with_check from pg_policies where schemaname = 'public' and tablename = $1 and policyname = $2",
      [table, policy],
    );
    if (!rows[0]) throw new Error(`policy ${policy} on ${table} not found`);
    saved.push({ table, policy, roles: rows[0].roles, qual: rows[0].qual, withCheck: rows[0].with_check });
  }
  await client.query('begin');
  await client.query(literalPoliciesSql());
  await client.query('commit');
  return async () => {
    await client.query('begin');
    for (const p of saved) {
      const roles = p.roles.map((r) => (r === 'public' ? 'public' : `"${r}"`)).join(', ');
      const using = p.qual ? ` using (${p.qual})` : '';
      const check = p.withCheck ? ` with check (${p.withCheck})` : '';
      await client.query(`alter policy ${p.policy} on public.${p.table} to ${roles}${using}${check}`);
    }
    await client.query('commit');
  };
}
