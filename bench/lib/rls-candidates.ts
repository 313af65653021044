/**
 * Issue 18's side-by-side comparison of policy designs for the protocol-scoped tables,
 * measured on the sweep's site at its largest size (`pnpm bench --only sweep --candidates`).
 *
 * Each design is installed inside one transaction that is rolled back afterwards, so the
 * database is left as the migrations made it:
 * - `protocol-array` (the policies before issue 18): `protocol_id = any (array(select
 *   private.readable_protocol_ids()))`, an array of every protocol at the caller's sites;
 * - `row-lookup`: a per-row primary-key lookup of the protocol's site, `exists (select 1
 *   from log_clinical_records r where r.record_id = protocol_id and r.site_id = any (array(
 *   select private.user_site_ids())))`;
 * - `site-column`: a `site_id` column on each row, kept by a trigger from the protocol,
 *   indexed, tested as `site_id = any (array(select private.user_site_ids()))`.
 * When the schema already has the column (after issue 18's migrations), `site-column` is
 * the schema as migrated and the others are swapped in with ALTER POLICY.
 */
import type pg from 'pg';
import { claimsFor } from './db.js';
import { median, round } from './stats.js';
import { countStatement, homeworkCoreStatement, scoresCoreStatement, timelineCoreStatement } from './postgrest-sql.js';

const TABLES = ['session_events', 'integration_homework', 'integration_scores'] as const;
const POLICIES: Record<(typeof TABLES)[number], { read: string; insert: string; update?: string; delete?: string }> = {
  session_events: { read: 'session_events_read', insert: 'session_events_insert' },
  integration_homework: { read: 'homework_read', insert: 'homework_write', update: 'homework_update', delete: 'homework_delete' },
  integration_scores: { read: 'scores_read', insert: 'scores_write', update: 'scores_update', delete: 'scores_delete' },
};

function policiesSql(read: (t: string) => string, write: (t: string) => string): string {
  const out: string[] = [];
  for (const t of TABLES) {
    const p = POLICIES[t];
    out.push(`alter policy ${p.read} on public.${t} using (${read(t)})`);
    out.push(`alter policy ${p.insert} on public.${t} with check (${write(t)})`);
    if (p.update) out.push(`alter policy ${p.update} on public.${t} using (${write(t)}) with check (${write(t)})`);
    if (p.delete) out.push(`alter policy ${p.delete} on public.${t} using (${write(t)})`);
  }
  return out.join(';\n');
}

const protocolArray = policiesSql(
  () => 'protocol_id = any (array(select private.readable_protocol_ids()))',
  () => 'protocol_id = any (array(select private.writable_protocol_ids()))',
);
const rowLookup = policiesSql(
  (t) => `exists (select 1 from public.log_clinical_records r where r.record_id = ${t}.protocol_id and r.site_id = any (array(select private.user_site_ids())))`,
  (t) => `exists (select 1 from public.log_clinical_records r where r.record_id = ${t}.protocol_id and r.site_id = any (array(select private.user_writable_site_ids())))`,
);
const siteColumnPolicies = policiesSql(
  () => 'site_id = any (array(select private.user_site_ids()))',
  () => 'site_id = any (array(select private.user_writable_site_ids()))',
);
/** The column, its backfill, index and trigger, for a schema from before issue 18. */
const siteColumnSchema = `
create function private.bench_set_site_id() returns trigger language plpgsql security definer set search_path = '' as $$
begin
  new.site_id := (select r.site_id from public.log_clinical_records r where r.record_id = new.protocol_id);
  return new;
end $$;
${TABLES.map(
  (t) => `
alter table public.${t} add column site_id bigint;
update public.${t} x set site_id = r.site_id from public.log_clinical_records r where r.record_id = x.protocol_id;
create index on public.${t} (site_id, protocol_id);
create trigger bench_set_site_id before insert or update of protocol_id, site_id on public.${t} for each row execute function private.bench_set_site_id();
analyze public.${t};`,
).join('\n')}`;

/**
 * Commits the policies of one design on a migrated schema (site_id present), for figures
 * through PostgREST under it: `pnpm bench --policies protocol-array` measures the curve of
 * the policies before issue 18 on the same data and code (the site_id trigger still runs
 * on insert, for the service role and the clinician alike).
 */
export async function applyDesign(db: pg.Client, design: 'protocol-array' | 'row-lookup'): Promise<void> {
  await db.query('begin');
  await db.query(design === 'protocol-array' ? protocolArray : rowLookup);
  await db.query('commit');
}

export interface CandidateFigures {
  design: string;
  timelineMs: number;
  homeworkMs: number;
  scoresMs: number;
  insertMs: number;
  countMs: number;
}

async function explainMedian(db: pg.Client, sql: string, runs: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs + 3; i++) {
    const result = await db.query(`explain (analyze, timing off, format json) ${sql}`);
    const plan = (result.rows[0] as { 'QUERY PLAN': Array<{ 'Execution Time': number }> })['QUERY PLAN'][0]!;
    if (i >= 3) times.push(plan['Execution Time']);
  }
  return round(median(times));
}

async function measureDesign(db: pg.Client, design: string, setup: string | null, ids: { clinician: string; timeline: number; write: number }, runs: number): Promise<CandidateFigures> {
  await db.query('begin');
  try {
    if (setup) await db.query(setup);
    const as = async (userId: string | undefined, fn: () => Promise<number>) => {
      await db.query(`set local role ${userId ? 'authenticated' : 'service_role'}`);
      await db.query("select set_config('request.jwt.claims', $1, true)", [claimsFor(userId ? { role: 'authenticated', userId } : { role: 'service_role' })]);
      try {
        return await fn();
      } finally {
        await db.query('reset role');
      }
    };
    const c = ids.clinician;
    const insert = `insert into public.session_events (protocol_id, event_type_id, event_timestamp, intensity_level) values (${ids.write}, 4, now(), 3) returning *`;
    return {
      design,
      timelineMs: await as(c, () => explainMedian(db, timelineCoreStatement(ids.timeline), runs)),
      homeworkMs: await as(c, () => explainMedian(db, homeworkCoreStatement(ids.timeline), runs)),
      scoresMs: await as(c, () => explainMedian(db, scoresCoreStatement(ids.timeline, 'IES'), runs)),
      insertMs: await as(c, () => explainMedian(db, insert, runs)),
      countMs: await as(c, () => explainMedian(db, countStatement(), Math.max(3, Math.round(runs / 4)))),
    };
  } finally {
    await db.query('rollback');
  }
}

/** The three designs and the service role (no RLS) on the same rows, in one run. */
export async function compareCandidates(db: pg.Client, ids: { clinician: string; timeline: number; write: number }, runs: number): Promise<CandidateFigures[]> {
  const migrated = (await db.query("select 1 from information_schema.columns where table_schema = 'public' and table_name = 'session_events' and column_name = 'site_id'")).rows.length > 0;
  const out: CandidateFigures[] = [];
  out.push(await measureDesign(db, 'protocol-array', protocolArray, ids, runs));
  out.push(await measureDesign(db, 'row-lookup', rowLookup, ids, runs));
  out.push(await measureDesign(db, 'site-column', migrated ? null : `${siteColumnSchema};\n${siteColumnPolicies}`, ids, runs));
  const service = await measureDesign(db, 'service role (no RLS)', null, { ...ids, clinician: '' }, runs);
  out.push(service);
  return out;
}
