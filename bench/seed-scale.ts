/**
 * `pnpm seed:scale --scale small|full`: fills the running local stack (`pnpm stack`, found
 * through `.ppn/stack.json`) with benchmark-scale data, in SQL (bench/sql/seed-scale.sql).
 *
 * Also imported by bench/run.ts, which seeds its own stack.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export type Scale = 'small' | 'full' | '10x';

export interface ScaleCounts {
  sites: number;
  records: number;
  events: number;
  profiles: number;
  homework: number;
  scores: number;
  /** Sites at the end of the list holding 20,000, 5,000 and 1,000 records (the rest hold `recordsPerSite`). */
  tiers?: { '20000': number; '5000': number; '1000': number };
  /** Records at every other site. */
  recordsPerSite?: number;
}

/**
 * Full scale is issue 6's; small is 1/50 of it (CI); 10x is issue 18's: ten times the
 * events and profiles, and sites whose histories differ as real ones do (most at 100
 * records, some at 1,000, 5,000 and 20,000).
 */
export const SCALES: Record<Scale, ScaleCounts> = {
  '10x': {
    sites: 2_000,
    records: 1_935 * 100 + 50 * 1_000 + 10 * 5_000 + 5 * 20_000,
    events: 10_000_000,
    profiles: 1_000_000,
    homework: 2_000_000,
    scores: 2_000_000,
    tiers: { '20000': 5, '5000': 10, '1000': 50 },
    recordsPerSite: 100,
  },
  full: { sites: 200, records: 20_000, events: 1_000_000, profiles: 100_000, homework: 200_000, scores: 200_000 },
  small: { sites: 4, records: 400, events: 20_000, profiles: 2_000, homework: 4_000, scores: 4_000 },
};

/** What the benchmarks need to know about the generated data. */
export interface ScaleLayout {
  scale: Scale;
  counts: ScaleCounts;
  siteBase: number;
  recordBase: number;
  /** Id of the n-th (1-based) generated user. */
  userId(n: number): string;
  /** The first generated site's first clinician (user 1) and that site's id. */
  clinician: { userId: string; siteId: number };
  /** A 300-event protocol at the clinician's site (generated record 50). */
  timelineProtocolId: number;
  /** Another protocol at the same site, for the write benchmarks (generated record 1). */
  writeProtocolId: number;
}

/** A generated site of a given size, with what the site-size figures need. */
export interface SizedSite {
  records: number;
  siteId: number;
  clinician: string;
  /** A 300-event protocol at the site. */
  timelineProtocolId: number;
  /** Another protocol at the site, for inserts. */
  writeProtocolId: number;
}

export interface SeedTiming {
  part: string;
  rows: number | null;
  ms: number;
}

export interface SeedResult {
  layout: ScaleLayout;
  timings: SeedTiming[];
  totalMs: number;
}

const SQL_FILE = fileURLToPath(new URL('./sql/seed-scale.sql', import.meta.url));

export function userId(n: number): string {
  return `10000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

function parts(sql: string): Map<string, string> {
  const out = new Map<string, string>();
  const chunks = sql.split(/^-- @part /m).slice(1);
  for (const chunk of chunks) {
    const newline = chunk.indexOf('\n');
    out.set(chunk.slice(0, newline).trim(), chunk.slice(newline + 1));
  }
  return out;
}

function fill(sql: string, values: Record<string, number>): string {
  return sql.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`seed-scale.sql: no value for {{${name}}}`);
    return String(value);
  });
}

async function connect(dbUrl: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  await client.query("set statement_timeout = 0; set work_mem = '64MB'");
  return client;
}

/**
 * One part in one transaction. `session_replication_role = replica` skips triggers, which
 * includes the foreign-key checks (RI triggers) and `set_created_by`: every id is computed
 * from rows inserted before it, and `verify()` checks every foreign key afterwards in one
 * anti-join per key, so nothing the checks would refuse gets in unnoticed. The setting is
 * local to the transaction and needs the superuser this script connects as.
 */
async function runPart(client: pg.Client, name: string, sql: string): Promise<SeedTiming> {
  const started = performance.now();
  await client.query('begin');
  try {
    await client.query('set local session_replication_role = replica');
    const results = (await client.query(sql)) as unknown as pg.QueryResult | pg.QueryResult[];
    await client.query('commit');
    const list = Array.isArray(results) ? results : [results];
    const rows = list.filter((r) => r.command === 'INSERT').reduce((sum, r) => sum + (r.rowCount ?? 0), 0);
    return { part: name, rows: rows || null, ms: performance.now() - started };
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw new Error(`seed:scale part ${name} failed: ${(error as Error).message}`);
  }
}

/** Every foreign key of the generated tables, checked once over the whole table. */
const FOREIGN_KEY_CHECKS = [
  ['user_sites.user_id', 'select count(*) from public.user_sites c where not exists (select 1 from auth.users p where p.id = c.user_id)'],
  ['user_sites.site_id', 'select count(*) from public.user_sites c where not exists (select 1 from public.sites p where p.site_id = c.site_id)'],
  ['log_clinical_records.site_id', 'select count(*) from public.log_clinical_records c where not exists (select 1 from public.sites p where p.site_id = c.site_id)'],
  ['log_clinical_records.created_by', 'select count(*) from public.log_clinical_records c where c.created_by is not null and not exists (select 1 from auth.users p where p.id = c.created_by)'],
  ['session_events.protocol_id', 'select count(*) from public.session_events c where c.protocol_id is not null and not exists (select 1 from public.log_clinical_records p where p.record_id = c.protocol_id)'],
  ['session_events.event_type_id', 'select count(*) from public.session_events c where c.event_type_id is not null and not exists (select 1 from public.ref_event_types p where p.event_type_id = c.event_type_id)'],
  ['session_events.created_by', 'select count(*) from public.session_events c where c.created_by is not null and not exists (select 1 from auth.users p where p.id = c.created_by)'],
  ['practitioner_profiles.user_id', 'select count(*) from public.practitioner_profiles c where c.user_id is not null and not exists (select 1 from auth.users p where p.id = c.user_id)'],
  ['integration_homework.protocol_id', 'select count(*) from public.integration_homework c where c.protocol_id is not null and not exists (select 1 from public.log_clinical_records p where p.record_id = c.protocol_id)'],
  ['integration_homework.homework_type_id', 'select count(*) from public.integration_homework c where c.homework_type_id is not null and not exists (select 1 from public.ref_homework_types p where p.homework_type_id = c.homework_type_id)'],
  ['integration_homework.created_by', 'select count(*) from public.integration_homework c where c.created_by is not null and not exists (select 1 from auth.users p where p.id = c.created_by)'],
  ['integration_scores.protocol_id', 'select count(*) from public.integration_scores c where c.protocol_id is not null and not exists (select 1 from public.log_clinical_records p where p.record_id = c.protocol_id)'],
  // The database keeps site_id from the protocol (issue 18); the seed writes it with triggers off.
  ...(['session_events', 'integration_homework', 'integration_scores'] as const).map(
    (t) =>
      [
        `${t}.site_id`,
        `select count(*) from public.${t} c left join public.log_clinical_records p on p.record_id = c.protocol_id where c.site_id is distinct from p.site_id`,
      ] as const,
  ),
];

async function verify(client: pg.Client): Promise<void> {
  const broken: string[] = [];
  for (const [key, sql] of FOREIGN_KEY_CHECKS) {
    const { rows } = await client.query<{ count: string }>(sql);
    if (Number(rows[0]!.count) > 0) broken.push(`${key}: ${rows[0]!.count} rows`);
  }
  if (broken.length) throw new Error(`seed:scale produced rows that break foreign keys:\n  ${broken.join('\n  ')}`);
}

const BULK_TABLES = [
  'auth.users',
  'public.sites',
  'public.user_sites',
  'public.log_clinical_records',
  'public.session_events',
  'public.practitioner_profiles',
  'public.integration_homework',
  'public.integration_scores',
];

export async function seedScale(options: { dbUrl: string; scale: Scale; log?: (line: string) => void }): Promise<SeedResult> {
  const log = options.log ?? (() => undefined);
  const counts = SCALES[options.scale];
  const tiers = counts.tiers ?? { '20000': 0, '5000': 0, '1000': 0 };
  const tierSites = tiers['20000'] + tiers['5000'] + tiers['1000'];
  const recordsPerSite = counts.recordsPerSite ?? counts.records / counts.sites;
  if (recordsPerSite % 50 !== 0 || (counts.sites - tierSites) * recordsPerSite + tiers['20000'] * 20_000 + tiers['5000'] * 5_000 + tiers['1000'] * 1_000 !== counts.records) {
    throw new Error('records must be the sum of the sites\' records, a multiple of 50 per site');
  }
  const started = performance.now();
  const a = await connect(options.dbUrl);
  const b = await connect(options.dbUrl);
  try {
    const seeded = await a.query<{ n: string }>("select count(*) as n from public.sites where site_name like 'Scale site %'");
    if (Number(seeded.rows[0]!.n) > 0) {
      throw new Error('This database already holds scale data (sites named "Scale site ..."). Restart the stack for a fresh one.');
    }
    const users = await a.query<{ n: string }>("select count(*) as n from auth.users where email like '%@scale.ppn.local'");
    if (Number(users.rows[0]!.n) > 0) throw new Error('This database already holds scale users. Restart the stack for a fresh one.');

    const base = async (table: string, column: string) =>
      Number((await a.query<{ m: string }>(`select coalesce(max(${column}), 0) as m from ${table}`)).rows[0]!.m);
    const bigRecords = Math.floor(counts.records / 50);
    const { tiers: _tiers, ...plain } = counts;
    const values: Record<string, number> = {
      ...plain,
      tier20k: tiers['20000'],
      tier5k: tiers['5000'],
      tier1k: tiers['1000'],
      siteBase: await base('public.sites', 'site_id'),
      recordBase: await base('public.log_clinical_records', 'record_id'),
      eventBase: await base('public.session_events', 'event_id'),
      profileBase: await base('public.practitioner_profiles', 'profile_id'),
      homeworkBase: await base('public.integration_homework', 'homework_id'),
      scoreBase: await base('public.integration_scores', 'score_id'),
      bigEvents: bigRecords * 300,
      smallRecords: counts.records - bigRecords,
      recordsPerSite,
    };
    if (counts.events < values.bigEvents!) throw new Error('too few events for the 300-event protocols');

    const sql = parts(readFileSync(SQL_FILE, 'utf8'));
    const part = (name: string) => {
      const text = sql.get(name);
      if (!text) throw new Error(`seed-scale.sql has no part ${name}`);
      return fill(text, values);
    };
    const timings: SeedTiming[] = [];
    const run = async (client: pg.Client, name: string) => {
      const timing = await runPart(client, name, part(name));
      timings.push(timing);
      log(`  ${name.padEnd(24)} ${String(timing.rows ?? '').padStart(9)} rows  ${(timing.ms / 1000).toFixed(1).padStart(6)} s`);
    };

    // Users, sites and records first (everything else points at them), then the two large
    // independent lanes side by side: one per core.
    await run(a, 'users');
    await run(a, 'sites');
    await run(a, 'records');
    await Promise.all([
      run(a, 'session_events'),
      (async () => {
        await run(b, 'practitioner_profiles');
        await run(b, 'integration_homework');
        await run(b, 'integration_scores');
      })(),
    ]);
    await run(a, 'sequences');

    const verifyStarted = performance.now();
    await verify(a);
    timings.push({ part: 'verify foreign keys', rows: null, ms: performance.now() - verifyStarted });
    log(`  ${'verify foreign keys'.padEnd(24)} ${''.padStart(9)}       ${((performance.now() - verifyStarted) / 1000).toFixed(1).padStart(6)} s`);

    // What autovacuum does after a bulk load (statistics for the planner, the visibility
    // map for index-only scans), done now so the first benchmark does not race it.
    const vacuumStarted = performance.now();
    await Promise.all([
      (async () => {
        for (const t of ['public.session_events']) await a.query(`vacuum (analyze) ${t}`);
      })(),
      (async () => {
        for (const t of BULK_TABLES.filter((t) => t !== 'public.session_events')) await b.query(`vacuum (analyze) ${t}`);
      })(),
    ]);
    timings.push({ part: 'vacuum analyze', rows: null, ms: performance.now() - vacuumStarted });
    log(`  ${'vacuum analyze'.padEnd(24)} ${''.padStart(9)}       ${((performance.now() - vacuumStarted) / 1000).toFixed(1).padStart(6)} s`);

    const layout: ScaleLayout = {
      scale: options.scale,
      counts,
      siteBase: values.siteBase!,
      recordBase: values.recordBase!,
      userId,
      // Generated site 1 holds records 1-100; user 1 is its first clinician.
      clinician: { userId: userId(1), siteId: values.siteBase! + 1 },
      timelineProtocolId: values.recordBase! + 50,
      writeProtocolId: values.recordBase! + 1,
    };
    return { layout, timings, totalMs: performance.now() - started };
  } finally {
    await a.end();
    await b.end();
  }
}

/**
 * For each site size present in the seeded data (100, 1,000, 5,000, 20,000 records), one
 * site of that size: its first clinician, a 300-event protocol and another protocol.
 */
export async function sizedSites(dbUrl: string, layout: ScaleLayout): Promise<SizedSite[]> {
  const client = await connect(dbUrl);
  try {
    const { rows } = await client.query<{ site_id: string; n: string; first: string }>(
      `select site_id, count(*) as n, min(record_id) as first from public.log_clinical_records
        where site_id > $1 group by site_id order by site_id`,
      [layout.siteBase],
    );
    const out: SizedSite[] = [];
    for (const size of [100, 1_000, 5_000, 20_000]) {
      // Not the first site of a size: the other benchmarks write into generated site 1.
      const ofSize = rows.filter((r) => Number(r.n) === size);
      const site = ofSize[1] ?? ofSize[0];
      if (!site) continue;
      const siteId = Number(site.site_id);
      // Record k of a site is big (300 events) when its global index is a multiple of 50.
      const first = Number(site.first) - layout.recordBase;
      const bigIndex = Math.ceil(first / 50) * 50;
      const s = siteId - layout.siteBase;
      out.push({
        records: size,
        siteId,
        clinician: userId((s - 1) * 10 + 1),
        timelineProtocolId: layout.recordBase + bigIndex,
        writeProtocolId: layout.recordBase + (bigIndex === first ? first + 1 : first),
      });
    }
    return out;
  } finally {
    await client.end();
  }
}

export function parseScale(argv: string[]): Scale {
  const index = argv.indexOf('--scale');
  const value = index >= 0 ? argv[index + 1] : argv.find((a) => a.startsWith('--scale='))?.slice('--scale='.length);
  if (value === undefined) return 'small';
  if (value !== 'small' && value !== 'full' && value !== '10x') throw new Error(`--scale must be small, full or 10x, not ${value}`);
  return value;
}

async function main(): Promise<void> {
  const { readRunningStack } = await import('@ppn/local-stack');
  const scale = parseScale(process.argv.slice(2));
  const stack = await readRunningStack();
  if (!stack) {
    process.stderr.write('seed:scale fills the running local stack, and none is running.\nStart one with `pnpm stack` in another terminal, then run `pnpm seed:scale --scale small|full` again.\n');
    process.exit(1);
  }
  process.stdout.write(`Seeding ${scale} scale into ${stack.dbUrl.replace(/:[^:@/]+@/, ':***@')}\n`);
  const result = await seedScale({ dbUrl: stack.dbUrl, scale, log: (line) => process.stdout.write(`${line}\n`) });
  process.stdout.write(`Done in ${(result.totalMs / 1000).toFixed(1)} s.\n`);
  process.stdout.write(
    `Timeline protocol ${result.layout.timelineProtocolId} (300 events) at site ${result.layout.clinician.siteId}; clinician ${result.layout.clinician.userId}.\n`,
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error: unknown) => {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(1);
  });
}
