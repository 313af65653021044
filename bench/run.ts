/**
 * `pnpm bench --scale small|full [--runs N] [--singles N] [--with-tests]`
 *
 * Starts its own local stack, seeds it at the chosen scale (bench/seed-scale.ts), runs
 * every measurement of issue 6 side by side in the same run, prints a table and, as the
 * last line, one JSON object with all figures. A benchmark, not a test: nothing here
 * asserts on time; targets are reported as met or not.
 */
import { spawn } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { startStack, signToken, type Stack } from '@ppn/local-stack';
import type { PpnSupabaseClient } from '@ppn/sdk';
import { ppnWith, supabaseWith } from './lib/clients.js';
import { APP_ENTRY, APP_FUNCTIONS_ENTRY, measureBundle } from './lib/bundle.js';
import { applyLiteralPolicies, connect, explainTimes, literalPoliciesSql, type As } from './lib/db.js';
import { countStatement, searchStatement, timelineCoreStatement, timelineStatement, type SearchFilters } from './lib/postgrest-sql.js';
import { SEARCH_COMBOS, sdkOptions } from './lib/search-combos.js';
import { sideBySide, timed } from './lib/side-by-side.js';
import { distribution, median, round } from './lib/stats.js';
import { parseScale, seedScale, sizedSites, type ScaleLayout } from './seed-scale.js';
import { measureSite, runSiteSweep, sweepLines, sweepTargets, type SweepPoint, type SweepRun } from './lib/site-sweep.js';
import { applyDesign, compareCandidates } from './lib/rls-candidates.js';

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(`--${name}`);
const option = (name: string): string | undefined => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
};

const scale = parseScale(argv);
const full = scale !== 'small';
const tenX = scale === '10x';
/** HTTP samples per side for the timeline and SDK comparisons. */
const RUNS = Number(option('runs') ?? (tenX ? 100 : full ? 200 : 60));
/** EXPLAIN samples per configuration. */
const DB_RUNS = full ? 40 : 15;
/** Samples per search combination. */
const SEARCH_RUNS = full ? 12 : 4;
/** Single `log` calls actually made (the rate is extrapolated to 10,000). */
const SINGLES = Number(option('singles') ?? 1000);
const BULK = 10_000;
/**
 * The site-size sweep (issue 18): `--sweep full` grows one site to 100, 1,000, 5,000 and
 * 20,000 records; the default (`small`) stops at 1,000 with fewer samples, for CI; `off`
 * skips it. `--only sweep` runs the sweep alone (one stack, no other figures).
 */
const SWEEP = option('sweep') ?? (tenX ? 'off' : 'small');
if (!['full', 'small', 'off'].includes(SWEEP)) throw new Error(`--sweep must be full, small or off, not ${SWEEP}`);
const ONLY_SWEEP = option('only') === 'sweep';
/** `--policies protocol-array|row-lookup`: measure another policy design (see lib/rls-candidates.ts). */
const POLICIES = option('policies') as 'protocol-array' | 'row-lookup' | undefined;
if (POLICIES !== undefined && POLICIES !== 'protocol-array' && POLICIES !== 'row-lookup') throw new Error(`--policies must be protocol-array or row-lookup, not ${String(POLICIES)}`);
const SWEEP_SIZES = SWEEP === 'full' ? [100, 1_000, 5_000, 20_000] : [100, 1_000];

const say = (line: string) => process.stderr.write(`${line}\n`);
const ms = (v: number) => round(v, 3);

interface Row {
  figure: string;
  value: string;
  target?: string;
  met?: boolean | null;
}
const rows: Row[] = [];
const row = (figure: string, value: string, target?: string, met?: boolean | null) => rows.push({ figure, value, target, met });

function check<T extends { error: unknown }>(result: T, what: string): T {
  if (result.error) throw new Error(`${what} failed: ${JSON.stringify(result.error)}`);
  return result;
}

// ---------------------------------------------------------------------------------------
// Local stack: cold start to ready

async function measureStackStarts(): Promise<{ stack: Stack; firstMs: number; samples: number[] }> {
  say('stack: cold starts');
  const [firstMs, stack] = await timed(() => startStack());
  const samples = [firstMs];
  for (let i = 0; i < 2; i++) {
    const [t, extra] = await timed(() => startStack());
    samples.push(t);
    await extra.stop();
  }
  return { stack, firstMs, samples };
}

// ---------------------------------------------------------------------------------------
// RLS overhead: the timeline

async function measureTimeline(stack: Stack, layout: ScaleLayout, clinician: PpnSupabaseClient, service: PpnSupabaseClient, db: Awaited<ReturnType<typeof connect>>) {
  say('timeline: through PostgREST, clinician vs service role');
  const pid = layout.timelineProtocolId;
  const asClinician = ppnWith(clinician);
  const asService = ppnWith(service);
  const a = check(await asClinician.sessionEvents.timeline(pid), 'timeline as clinician');
  const b = check(await asService.sessionEvents.timeline(pid), 'timeline as service role');
  if (a.data?.length !== b.data?.length || a.data?.length !== 300) {
    throw new Error(`timeline of protocol ${pid}: clinician sees ${a.data?.length}, service role ${b.data?.length}, expected 300`);
  }
  const [clin, svc] = await sideBySide(
    RUNS,
    () => asClinician.sessionEvents.timeline(pid),
    () => asService.sessionEvents.timeline(pid),
  );

  say('timeline: database execution (EXPLAIN ANALYZE)');
  const clinicianAs: As = { role: 'authenticated', userId: layout.clinician.userId };
  const serviceAs: As = { role: 'service_role' };
  const literal = literalPoliciesSql();
  const dbFigures = async (sql: string) => {
    const service = median(await explainTimes(db, sql, serviceAs, DB_RUNS));
    const ours = median(await explainTimes(db, sql, clinicianAs, DB_RUNS));
    const lit = median(await explainTimes(db, sql, clinicianAs, DB_RUNS, literal));
    return { serviceMs: ms(service), clinicianMs: ms(ours), literalMs: ms(lit), rlsOverheadMs: ms(ours - service), literalOverheadMs: ms(lit - service), speedupVsLiteral: round(lit / ours, 2) };
  };
  const dbFull = await dbFigures(timelineStatement(pid));
  const dbCore = await dbFigures(timelineCoreStatement(pid));

  say('timeline: through PostgREST under the literal policies');
  const restore = await applyLiteralPolicies(db);
  let litClin: number[];
  let litSvc: number[];
  try {
    const seen = check(await asClinician.sessionEvents.timeline(pid), 'timeline under literal policies');
    if (seen.data?.length !== 300) throw new Error(`literal policies: clinician sees ${seen.data?.length} events`);
    [litClin, litSvc] = await sideBySide(
      Math.max(20, Math.round(RUNS / 2)),
      () => asClinician.sessionEvents.timeline(pid),
      () => asService.sessionEvents.timeline(pid),
    );
  } finally {
    await restore();
  }
  void stack;
  const http = {
    clinician: distribution(clin),
    serviceRole: distribution(svc),
    ratio: round(median(clin) / median(svc), 3),
    literal: { clinician: distribution(litClin), serviceRole: distribution(litSvc), ratio: round(median(litClin) / median(litSvc), 3) },
  };
  return { protocolId: pid, events: 300, http, db: { statement: dbFull, tableAccess: dbCore } };
}

// ---------------------------------------------------------------------------------------
// Counting a clinician's visible events

async function measureCount(layout: ScaleLayout, clinician: PpnSupabaseClient, db: Awaited<ReturnType<typeof connect>>) {
  say('count: a clinician\'s visible session events (count=exact)');
  const expected = Number(
    (
      await db.query<{ n: string }>(
        'select count(*) as n from public.session_events e join public.log_clinical_records r on r.record_id = e.protocol_id where r.site_id = $1',
        [layout.clinician.siteId],
      )
    ).rows[0]!.n,
  );
  const head = () => clinician.from('session_events').select('event_id', { count: 'exact', head: true });
  const first = check(await head(), 'count');
  if (first.count !== expected) throw new Error(`count=exact says ${first.count}, the site has ${expected}`);
  const times: number[] = [];
  for (let i = 0; i < 5; i++) await head();
  for (let i = 0; i < Math.max(20, RUNS / 4); i++) times.push((await timed(head))[0]);
  const clinicianAs: As = { role: 'authenticated', userId: layout.clinician.userId };
  const sql = countStatement();
  const ours = median(await explainTimes(db, sql, clinicianAs, DB_RUNS));
  const literal = median(await explainTimes(db, sql, clinicianAs, full ? 5 : 10, literalPoliciesSql()));
  const serviceAll = median(await explainTimes(db, sql, { role: 'service_role' }, 5));
  return {
    visibleEvents: expected,
    http: distribution(times),
    db: { clinicianMs: ms(ours), literalMs: ms(literal), speedupVsLiteral: round(literal / ours, 1), serviceRoleAllEventsMs: ms(serviceAll) },
  };
}

// ---------------------------------------------------------------------------------------
// Supervision search

function rawSearch(supabase: PpnSupabaseClient, f: SearchFilters, count: 'estimated' | 'exact') {
  let query = supabase.from('practitioner_profiles').select('*', { count });
  if (f.specialties) query = query.overlaps('specialties', f.specialties);
  if (f.modalities) query = query.overlaps('modalities', f.modalities);
  if (f.minYearsExperience !== undefined) query = query.gte('years_experience', f.minYearsExperience);
  if (f.maxHourlyRate !== undefined) query = query.lte('hourly_rate', f.maxHourlyRate);
  if (f.acceptingOnly !== false) query = query.eq('is_accepting_supervision', true);
  return query.order('years_experience', { ascending: false, nullsFirst: false }).order('profile_id').range(0, 49);
}

async function measureSearch(layout: ScaleLayout, clinician: PpnSupabaseClient, db: Awaited<ReturnType<typeof connect>>) {
  say(`search: ${SEARCH_COMBOS.length} filter combinations through the SDK`);
  const ppn = ppnWith(clinician);
  const results: Array<{ name: string; total: number; totalIsEstimate: boolean; exactTotal: number; page: number; httpP50Ms: number; dbMs: number; dbExactCountMs: number }> = [];
  const perCombo = new Map<string, number[]>();
  const exactPer = new Map<string, number[]>();
  // Warm-up and correctness: the SDK's total against the database's own count.
  for (const { name, filters } of SEARCH_COMBOS) {
    const r = check(await ppn.supervision.search(sdkOptions(filters)), `search ${name}`);
    const exact = check(await rawSearch(clinician, filters, 'exact'), `exact search ${name}`);
    const exactTotal = exact.count ?? -1;
    const data = r.data!;
    if (exactTotal <= 1000 && (data.total !== exactTotal || data.totalIsEstimate)) {
      throw new Error(`search ${name}: total ${data.total} (estimate ${data.totalIsEstimate}), exact ${exactTotal}`);
    }
    if (exactTotal > 1000 && !data.totalIsEstimate) throw new Error(`search ${name}: ${exactTotal} matches but total not flagged as an estimate`);
    results.push({ name, total: data.total, totalIsEstimate: data.totalIsEstimate, exactTotal, page: data.profiles.length, httpP50Ms: 0, dbMs: 0, dbExactCountMs: 0 });
    perCombo.set(name, []);
    exactPer.set(name, []);
  }
  // Round-robin over the combinations so no combination gets a warmer or colder moment.
  for (let round_ = 0; round_ < SEARCH_RUNS; round_++) {
    for (const { name, filters } of SEARCH_COMBOS) {
      perCombo.get(name)!.push((await timed(() => ppn.supervision.search(sdkOptions(filters))))[0]);
    }
  }
  // The issue's baseline shape: the same search with an exact total (fewer samples).
  for (let round_ = 0; round_ < Math.max(2, Math.round(SEARCH_RUNS / 3)); round_++) {
    for (const { name, filters } of SEARCH_COMBOS) exactPer.get(name)!.push((await timed(() => rawSearch(clinician, filters, 'exact')))[0]);
  }
  say('search: database execution (EXPLAIN ANALYZE)');
  const clinicianAs: As = { role: 'authenticated', userId: layout.clinician.userId };
  for (const [i, { filters }] of SEARCH_COMBOS.entries()) {
    results[i]!.httpP50Ms = ms(median(perCombo.get(results[i]!.name)!));
    results[i]!.dbMs = ms(median(await explainTimes(db, searchStatement(filters, 'estimated'), clinicianAs, Math.max(5, Math.round(DB_RUNS / 4)))));
    results[i]!.dbExactCountMs = ms(median(await explainTimes(db, searchStatement(filters, 'exact'), clinicianAs, 3)));
  }
  const all = [...perCombo.values()].flat();
  const exactAll = [...exactPer.values()].flat();
  return {
    combinations: SEARCH_COMBOS.length,
    http: distribution(all),
    db: distribution(results.map((r) => r.dbMs)),
    exactCountHttp: distribution(exactAll),
    exactCountDb: distribution(results.map((r) => r.dbExactCountMs)),
    perCombination: results,
  };
}

// ---------------------------------------------------------------------------------------
// SDK overhead

async function measureSdkOverhead(layout: ScaleLayout, clinician: PpnSupabaseClient) {
  say('sdk overhead: the same reads through @ppn/sdk and raw supabase-js');
  const ppn = ppnWith(clinician);
  const pid = layout.timelineProtocolId;
  const searchFilters: SearchFilters = { modalities: ['Psilocybin'], maxHourlyRate: 200 };
  const pairs: Array<[string, () => PromiseLike<unknown>, () => PromiseLike<unknown>]> = [
    [
      'timeline',
      () => ppn.sessionEvents.timeline(pid),
      () =>
        clinician
          .from('session_events')
          .select('*, event_type:ref_event_types(event_type_id, event_name, color_code, icon_name)')
          .eq('protocol_id', pid)
          .order('event_timestamp')
          .order('event_id')
          .range(0, 999),
    ],
    [
      'medications.list',
      () => ppn.medications.list(),
      () => clinician.from('ref_medications').select('*').eq('is_active', true).order('medication_name').order('medication_id').range(0, 999),
    ],
    ['supervision.search', () => ppn.supervision.search(sdkOptions(searchFilters)), () => rawSearch(clinician, searchFilters, 'estimated')],
  ];
  const out: Record<string, { sdkMs: number; rawMs: number; ratio: number }> = {};
  for (const [name, sdk, raw] of pairs) {
    const [s, r] = await sideBySide(RUNS, sdk, raw);
    out[name] = { sdkMs: ms(median(s)), rawMs: ms(median(r)), ratio: round(median(s) / median(r), 3) };
  }
  const ratios = Object.values(out).map((o) => o.ratio);
  const geomean = Math.exp(ratios.reduce((sum, r) => sum + Math.log(r), 0) / ratios.length);
  return { reads: out, geomeanRatio: round(geomean, 3), maxRatio: Math.max(...ratios) };
}

// ---------------------------------------------------------------------------------------
// Bulk logging

async function measureLogging(layout: ScaleLayout, clinician: PpnSupabaseClient) {
  say(`logging: logMany of ${BULK} vs ${SINGLES} single log calls`);
  const ppn = ppnWith(clinician);
  const pid = layout.writeProtocolId;
  const start = Date.parse('2025-06-01T09:00:00Z');
  const input = (i: number) => ({ protocolId: pid, eventType: 'Vital Signs Check', occurredAt: new Date(start + i * 1000).toISOString(), intensity: 1 + (((i % 10) + 10) % 10) });
  check(await ppn.sessionEvents.log(input(-1)), 'warm-up log'); // fills the event type cache
  const events = Array.from({ length: BULK }, (_, i) => input(i));
  const [manyMs, many] = await timed(() => ppn.sessionEvents.logMany(events));
  check(many, 'logMany');
  if (many.data?.length !== BULK) throw new Error(`logMany stored ${many.data?.length} of ${BULK}`);
  const [singleMs] = await timed(async () => {
    for (let i = 0; i < SINGLES; i++) check(await ppn.sessionEvents.log(input(BULK + i)), 'log');
  });
  const manyRate = BULK / (manyMs / 1000);
  const singleRate = SINGLES / (singleMs / 1000);
  return {
    logMany: { events: BULK, ms: round(manyMs, 1), eventsPerSecond: Math.round(manyRate) },
    singles: {
      measuredCalls: SINGLES,
      ms: round(singleMs, 1),
      eventsPerSecond: Math.round(singleRate),
      extrapolatedMsFor10000: Math.round((singleMs / SINGLES) * BULK),
    },
    ratio: round(manyRate / singleRate, 1),
  };
}

// ---------------------------------------------------------------------------------------
// Test suite (optional)

async function measureTests(): Promise<{ ms: number; exitCode: number | null } | null> {
  if (!flag('with-tests')) return null;
  say('tests: npx vitest run (--with-tests)');
  const started = performance.now();
  const exitCode = await new Promise<number | null>((resolve) => {
    const child = spawn('npx', ['vitest', 'run'], { stdio: ['ignore', 'ignore', 'inherit'], cwd: new URL('..', import.meta.url).pathname });
    child.on('exit', (code) => resolve(code));
  });
  return { ms: Math.round(performance.now() - started), exitCode };
}

// ---------------------------------------------------------------------------------------

async function measureSweep(stack: Stack, db: Awaited<ReturnType<typeof connect>>): Promise<SweepRun | null> {
  if (SWEEP === 'off') return null;
  say(`sweep: ${SWEEP} (${SWEEP_SIZES.join(', ')} records at one site)`);
  return runSiteSweep(stack, db, {
    sizes: SWEEP_SIZES,
    httpRuns: Number(option('sweep-runs') ?? (SWEEP === 'full' ? 100 : 20)),
    dbRuns: SWEEP === 'full' ? 30 : 10,
    eventsPerRecord: 10,
    log: say,
  });
}

/** At 10x: the same figures at existing sites of each size in the seeded mix. */
async function measureSitesBySize(stack: Stack, db: Awaited<ReturnType<typeof connect>>, layout: ScaleLayout): Promise<SweepPoint[] | null> {
  if (!tenX) return null;
  const sites = await sizedSites(stack.dbUrl, layout);
  say(`sites by size: ${sites.map((s) => `${s.records} records (site ${s.siteId})`).join(', ')}`);
  const points: SweepPoint[] = [];
  for (const site of sites) points.push(await measureSite(stack, db, site, { httpRuns: Math.round(RUNS / 2), dbRuns: 20, log: say }));
  return points;
}

async function diskSize(db: Awaited<ReturnType<typeof connect>>) {
  const { rows } = await db.query<{ name: string; bytes: string }>(
    `select 'database' as name, pg_database_size(current_database()) as bytes
     union all
     select c.relname, pg_total_relation_size(c.oid) from pg_class c
      where c.relnamespace in ('public'::regnamespace, 'auth'::regnamespace) and c.relkind = 'r'
        and c.relname in ('session_events', 'practitioner_profiles', 'integration_homework', 'integration_scores', 'log_clinical_records', 'users')`,
  );
  return Object.fromEntries(rows.map((r) => [r.name, round(Number(r.bytes) / 2 ** 20, 1)]));
}

function printSweep(points: SweepPoint[] | null, title = 'site-size sweep'): void {
  if (!points) return;
  process.stdout.write(`\n${title} (clinician vs service role; DB = table access, EXPLAIN ANALYZE medians; HTTP = PostgREST ratio of medians)\n`);
  process.stdout.write(`${sweepLines(points).join('\n')}\n`);
  const t = sweepTargets(points);
  process.stdout.write(`targets: ${JSON.stringify(t)}\n\n`);
}

async function sweepOnly(): Promise<void> {
  const startedAll = performance.now();
  const stack = await startStack();
  const db = await connect(stack.dbUrl);
  try {
    const version = (await db.query<{ server_version: string }>('show server_version')).rows[0]!.server_version;
    say(`seed: ${scale} scale`);
    const seeded = await seedScale({ dbUrl: stack.dbUrl, scale, log: say });
    if (POLICIES) {
      say(`policies: ${POLICIES} (committed for this run)`);
      await applyDesign(db, POLICIES);
    }
    const run = await measureSweep(stack, db);
    const sweep = run?.points ?? null;
    printSweep(sweep);
    let candidates = null;
    if (run && flag('candidates')) {
      say('candidates: the policy designs side by side on the grown site');
      candidates = await compareCandidates(db, run.ids, 30);
      process.stdout.write('policy designs at the largest size (EXPLAIN ANALYZE medians, ms, clinician):\n');
      for (const c of candidates) process.stdout.write(`  ${c.design.padEnd(22)} timeline ${c.timelineMs}  homework ${c.homeworkMs}  scores ${c.scoresMs}  insert ${c.insertMs}  count ${c.countMs}\n`);
    }
    const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? null, memoryGiB: round(totalmem() / 2 ** 30, 1), node: process.version, postgres: version };
    process.stdout.write(`${JSON.stringify({ issue: 18, scale, counts: seeded.layout.counts, machine, policies: POLICIES ?? 'migrations', seedMs: Math.round(seeded.totalMs), sweep, candidates, targets: sweep ? sweepTargets(sweep) : null, totalMs: Math.round(performance.now() - startedAll) })}\n`);
  } finally {
    await db.end().catch(() => undefined);
    await stack.stop().catch(() => undefined);
  }
}

async function main(): Promise<void> {
  if (ONLY_SWEEP) return sweepOnly();
  const startedAll = performance.now();
  const { stack, firstMs, samples } = await measureStackStarts();
  const db = await connect(stack.dbUrl);
  try {
    const version = (await db.query<{ server_version: string }>('show server_version')).rows[0]!.server_version;
    say(`seed: ${scale} scale`);
    const seeded = await seedScale({ dbUrl: stack.dbUrl, scale, log: say });
    const { layout } = seeded;
    if (POLICIES) {
      say(`policies: ${POLICIES} (committed for this run)`);
      await applyDesign(db, POLICIES);
    }
    const clinicianToken = await signToken(stack.jwtSecret, { role: 'authenticated', sub: layout.clinician.userId });
    const clinician = supabaseWith(stack.url, stack.anonKey, clinicianToken);
    const service = supabaseWith(stack.url, stack.anonKey, stack.serviceRoleKey);

    const timeline = await measureTimeline(stack, layout, clinician, service, db);
    const count = await measureCount(layout, clinician, db);
    const search = await measureSearch(layout, clinician, db);
    const sdk = await measureSdkOverhead(layout, clinician);
    const logging = await measureLogging(layout, clinician);
    const sweep = (await measureSweep(stack, db))?.points ?? null;
    const bySize = await measureSitesBySize(stack, db, layout);
    const disk = await diskSize(db);
    say('bundle: esbuild + gzip');
    const bundle = await measureBundle(APP_ENTRY);
    const bundleFunctions = await measureBundle(APP_FUNCTIONS_ENTRY);
    await db.end();
    await stack.stop();
    const tests = await measureTests();

    const stackMedian = median(samples);
    const targets = {
      timelineHttpRatio: timeline.http.ratio <= 1.15,
      timelineDbUnder05ms: timeline.db.tableAccess.clinicianMs < 0.5,
      timelineDbStatementUnder05ms: timeline.db.statement.clinicianMs < 0.5,
      timeline5xLiteral: timeline.db.tableAccess.speedupVsLiteral >= 5,
      countUnder5ms: count.db.clinicianMs < 5,
      searchP95Under15ms: search.http.p95 < 15,
      sdkOverhead: sdk.maxRatio <= 1.1,
      logMany20x: logging.ratio >= 20,
      stackUnder3s: stackMedian < 3000,
      testsUnder3min: tests ? tests.ms < 180_000 : null,
      bundleUnder15KB: bundle.gzipBytes < 15 * 1024,
    };

    row('seed (all parts)', `${(seeded.totalMs / 1000).toFixed(1)} s`);
    row('timeline HTTP clinician / service role', `${timeline.http.clinician.p50} / ${timeline.http.serviceRole.p50} ms = ${timeline.http.ratio}x`, '<= 1.15', targets.timelineHttpRatio);
    row('timeline HTTP, literal policies', `${timeline.http.literal.clinician.p50} / ${timeline.http.literal.serviceRole.p50} ms = ${timeline.http.literal.ratio}x`);
    row(
      'timeline DB table access: ours / service / literal',
      `${timeline.db.tableAccess.clinicianMs} / ${timeline.db.tableAccess.serviceMs} / ${timeline.db.tableAccess.literalMs} ms`,
      '< 0.5 ms',
      targets.timelineDbUnder05ms,
    );
    row('timeline DB table access speedup vs literal', `${timeline.db.tableAccess.speedupVsLiteral}x`, '>= 5x', targets.timeline5xLiteral);
    row(
      'timeline DB whole statement (JSON): ours / service / literal',
      `${timeline.db.statement.clinicianMs} / ${timeline.db.statement.serviceMs} / ${timeline.db.statement.literalMs} ms`,
      '(< 0.5 ms)',
      targets.timelineDbStatementUnder05ms,
    );
    row('count visible events: DB ours / literal', `${count.db.clinicianMs} / ${count.db.literalMs} ms (${count.visibleEvents} events, ${count.db.speedupVsLiteral}x)`, '< 5 ms', targets.countUnder5ms);
    row('count visible events: HTTP p50', `${count.http.p50} ms`);
    row(`search HTTP p50 / p95 (${search.combinations} combos)`, `${search.http.p50} / ${search.http.p95} ms`, 'p95 < 15 ms', targets.searchP95Under15ms);
    row('search DB p50 / p95 (per-combo medians)', `${search.db.p50} / ${search.db.p95} ms`);
    row('search with exact totals, HTTP p50 / p95', `${search.exactCountHttp.p50} / ${search.exactCountHttp.p95} ms`);
    for (const [name, o] of Object.entries(sdk.reads)) row(`SDK overhead ${name}`, `${o.sdkMs} / ${o.rawMs} ms = ${o.ratio}x`, '<= 1.10', o.ratio <= 1.1);
    row('logMany 10,000', `${logging.logMany.eventsPerSecond} events/s (${logging.logMany.ms} ms)`);
    row(`single log (${logging.singles.measuredCalls} calls, rate extrapolated)`, `${logging.singles.eventsPerSecond} events/s`);
    row('logMany / single', `${logging.ratio}x`, '>= 20x', targets.logMany20x);
    row('stack start to ready (median of 3; first)', `${Math.round(stackMedian)} ms; ${Math.round(firstMs)} ms`, '< 3 s', targets.stackUnder3s);
    row('test suite', tests ? `${(tests.ms / 1000).toFixed(1)} s (exit ${tests.exitCode})` : 'not run (--with-tests)', '< 3 min', targets.testsUnder3min);
    row('bundle createPpnClient app, min+gzip', `${(bundle.gzipBytes / 1024).toFixed(2)} KB (${(bundle.minifiedBytes / 1024).toFixed(1)} KB min)`, '< 15 KB', targets.bundleUnder15KB);
    row('bundle same calls via plain functions', `${(bundleFunctions.gzipBytes / 1024).toFixed(2)} KB`);

    const figures = {
      issues: [6, 18],
      scale,
      counts: layout.counts,
      machine: {
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model ?? null,
        memoryGiB: round(totalmem() / 2 ** 30, 1),
        node: process.version,
        postgres: version,
      },
      runs: { http: RUNS, db: DB_RUNS, searchPerCombination: SEARCH_RUNS },
      seed: { totalMs: Math.round(seeded.totalMs), parts: Object.fromEntries(seeded.timings.map((t) => [t.part, { rows: t.rows, ms: Math.round(t.ms) }])) },
      stack: { startToReadyMs: samples.map(Math.round), medianMs: Math.round(stackMedian) },
      timeline,
      count,
      search,
      sdkOverhead: sdk,
      logging,
      bundle: { app: bundle, appPlainFunctions: bundleFunctions },
      tests,
      targets,
      sweep: sweep ? { points: sweep, targets: sweepTargets(sweep) } : null,
      sitesBySize: bySize ? { points: bySize, targets: sweepTargets(bySize) } : null,
      diskMiB: disk,
      totalMs: Math.round(performance.now() - startedAll),
    };
    printTable();
    printSweep(sweep);
    printSweep(bySize, `sites of each size in the ${scale} data`);
    process.stdout.write(`disk (MiB, tables with their indexes and TOAST): ${JSON.stringify(disk)}\n`);
    process.stdout.write(`${JSON.stringify(figures)}\n`);
  } catch (error) {
    await db.end().catch(() => undefined);
    await stack.stop().catch(() => undefined);
    throw error;
  }
}

function printTable(): void {
  const w0 = Math.max(...rows.map((r) => r.figure.length));
  const w1 = Math.max(...rows.map((r) => r.value.length));
  const w2 = Math.max(...rows.map((r) => (r.target ?? '').length));
  const line = (a: string, b: string, c: string, d: string) => `${a.padEnd(w0)}  ${b.padEnd(w1)}  ${c.padEnd(w2)}  ${d}`;
  const out = [line('figure', 'value', 'target', 'met'), line('-'.repeat(w0), '-'.repeat(w1), '-'.repeat(w2), '---')];
  for (const r of rows) out.push(line(r.figure, r.value, r.target ?? '', r.met === undefined ? '' : r.met === null ? 'n/a' : r.met ? 'yes' : 'NO'));
  process.stdout.write(`${out.join('\n')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
