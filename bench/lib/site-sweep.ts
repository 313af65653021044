/**
 * The site-size sweep (issue 18): one clinician's site grown step by step (100, 1,000,
 * 5,000, 20,000 clinical records), everything else unchanged, and at each size the reads
 * and the insert that RLS guards, clinician against service role.
 *
 * RLS whose cost grows with a site's history shows here as a curve: the service role's
 * figures stay flat while the clinician's rise with the number of records.
 */
import type pg from 'pg';
import { signToken, type Stack } from '@ppn/local-stack';
import type { PpnSupabaseClient } from '@ppn/sdk';
import { ppnWith, supabaseWith } from './clients.js';
import { explainTimes, type As } from './db.js';
import { countStatement, homeworkCoreStatement, scoresCoreStatement, timelineCoreStatement, timelineStatement } from './postgrest-sql.js';
import { sideBySide, timed } from './side-by-side.js';
import { median, round } from './stats.js';

export interface SweepOptions {
  sizes: number[];
  /** HTTP samples per side per figure. */
  httpRuns: number;
  /** EXPLAIN samples per side per figure. */
  dbRuns: number;
  /** Session events on each record added to grow the site (the 300-event protocol aside). */
  eventsPerRecord: number;
  log: (line: string) => void;
}

/** The sweep's fixed ids, far above anything the scale seed generates. */
const SWEEP_SITE_NAME = 'Sweep site';
const SWEEP_CLINICIAN = '20000000-0000-4000-8000-000000000001';
const LIST_ROWS = 50;

export interface SweepPoint {
  records: number;
  timeline: {
    db: { clinicianMs: number; serviceMs: number; overheadMs: number };
    dbStatement: { clinicianMs: number; serviceMs: number };
    http: { clinicianMs: number; serviceMs: number; ratio: number };
  };
  insert: { clinicianMs: number; serviceMs: number; ratio: number };
  count: { visibleEvents: number; dbMs: number; httpMs: number };
  homework: { db: { clinicianMs: number; serviceMs: number; overheadMs: number }; http: { clinicianMs: number; serviceMs: number; ratio: number } };
  scores: { db: { clinicianMs: number; serviceMs: number; overheadMs: number }; http: { clinicianMs: number; serviceMs: number; ratio: number } };
}

/** Whether the protocol-scoped tables carry the database-maintained `site_id` (issue 18). */
async function hasSiteColumn(db: pg.Client): Promise<boolean> {
  const { rows } = await db.query(
    "select 1 from information_schema.columns where table_schema = 'public' and table_name = 'session_events' and column_name = 'site_id'",
  );
  return rows.length > 0;
}

interface SweepSite {
  siteId: number;
  timelineProtocolId: number;
  writeProtocolId: number;
  withSite: boolean;
}

async function createSite(db: pg.Client): Promise<SweepSite> {
  const withSite = await hasSiteColumn(db);
  await db.query('begin');
  try {
    const site = Number((await db.query<{ site_id: string }>('insert into public.sites (site_name) values ($1) returning site_id', [SWEEP_SITE_NAME])).rows[0]!.site_id);
    await db.query("insert into auth.users (id, email) values ($1, 'sweep-clinician@scale.ppn.local')", [SWEEP_CLINICIAN]);
    await db.query("insert into public.user_sites (user_id, site_id, role) values ($1, $2, 'clinician')", [SWEEP_CLINICIAN, site]);
    const records = await db.query<{ record_id: string }>(
      `insert into public.log_clinical_records (site_id, patient_reference, session_date, substance, created_by)
       select $1, 'SW-' || g, date '2025-01-01', 'Psilocybin', $2 from generate_series(1, 2) g returning record_id`,
      [site, SWEEP_CLINICIAN],
    );
    const [timeline, write] = records.rows.map((r) => Number(r.record_id)) as [number, number];
    // Triggers fire here (no replica mode): the rows get whatever the database sets.
    await db.query(
      `insert into public.session_events (protocol_id, event_type_id, event_timestamp, intensity_level, created_by)
       select $1, 1 + g % 8, timestamptz '2025-01-01 09:00Z' + g * interval '90 seconds', 1 + g % 10, $2 from generate_series(0, 299) g`,
      [timeline, SWEEP_CLINICIAN],
    );
    await db.query(
      `insert into public.integration_homework (protocol_id, homework_type_id, assigned_date, due_date, created_by)
       select $1, 1 + g % 8, date '2025-01-01', date '2025-01-01' + g, $2 from generate_series(1, ${LIST_ROWS}) g`,
      [timeline, SWEEP_CLINICIAN],
    );
    await db.query(
      `insert into public.integration_scores (protocol_id, scale_type, score_value, measured_at, days_post_dose)
       select $1, 'IES', g, timestamptz '2025-01-01 12:00Z' + g * interval '1 day', g from generate_series(1, ${LIST_ROWS}) g`,
      [timeline],
    );
    await db.query('commit');
    return { siteId: site, timelineProtocolId: timeline, writeProtocolId: write, withSite };
  } catch (error) {
    await db.query('rollback');
    throw error;
  }
}

/**
 * Adds records (each with `eventsPerRecord` events, one homework row and one score) until
 * the site holds `target` records. Bulk rows go in with triggers off, as the scale seed's
 * do, so `site_id` (when the schema has it) is written here from the record's site.
 */
async function growSite(db: pg.Client, site: SweepSite, target: number, eventsPerRecord: number): Promise<void> {
  const have = Number((await db.query<{ n: string }>('select count(*) as n from public.log_clinical_records where site_id = $1', [site.siteId])).rows[0]!.n);
  const add = target - have;
  if (add <= 0) return;
  const siteCol = site.withSite ? ', site_id' : '';
  const siteVal = site.withSite ? ', r.site_id' : '';
  await db.query('begin');
  try {
    await db.query('set local session_replication_role = replica');
    await db.query(
      `create temp table sweep_new on commit drop as
       with ins as (
         insert into public.log_clinical_records (site_id, patient_reference, session_date, substance, created_by)
         select $1, 'SW-' || ($2 + g), date '2024-01-01' + g % 700, 'Ketamine', $3 from generate_series(1, $4::int) g
         returning record_id, site_id, session_date
       ) select * from ins`,
      [site.siteId, have, SWEEP_CLINICIAN, add],
    );
    await db.query(
      `insert into public.session_events (protocol_id, event_type_id, event_timestamp, intensity_level, created_by${siteCol})
       select r.record_id, 1 + (r.record_id + j) % 8, r.session_date + interval '9 hours' + j * interval '6 minutes', 1 + j % 10, $1${siteVal}
       from sweep_new r, generate_series(1, $2::int) j`,
      [SWEEP_CLINICIAN, eventsPerRecord],
    );
    await db.query(
      `insert into public.integration_homework (protocol_id, homework_type_id, assigned_date, due_date, created_by${siteCol})
       select r.record_id, 1 + r.record_id % 8, r.session_date, r.session_date + 7, $1${siteVal} from sweep_new r`,
      [SWEEP_CLINICIAN],
    );
    await db.query(
      `insert into public.integration_scores (protocol_id, scale_type, score_value, measured_at, days_post_dose${siteCol})
       select r.record_id, 'IES', 50, r.session_date + interval '12 hours', 7${siteVal} from sweep_new r`,
    );
    await db.query('commit');
  } catch (error) {
    await db.query('rollback');
    throw error;
  }
  for (const t of ['log_clinical_records', 'session_events', 'integration_homework', 'integration_scores']) await db.query(`vacuum (analyze) public.${t}`);
}

const ratioOf = (a: number[], b: number[]) => round(median(a) / median(b), 3);

export interface SweepRun {
  points: SweepPoint[];
  /** The clinician and protocols measured, for further comparisons on the grown site. */
  ids: { clinician: string; timeline: number; write: number };
}

/** One site to measure: its size, a clinician of it, a 300-event protocol and another protocol. */
export interface SiteTarget {
  records: number;
  siteId: number;
  clinician: string;
  timelineProtocolId: number;
  writeProtocolId: number;
}

export interface PointOptions {
  httpRuns: number;
  dbRuns: number;
  log: (line: string) => void;
}

let logged = 0;

/** Every figure of one sweep point, at `target`'s site as it is now. */
export async function measureSite(stack: Stack, db: pg.Client, target: SiteTarget, options: PointOptions): Promise<SweepPoint> {
  const { log } = options;
  const size = target.records;
  const token = await signToken(stack.jwtSecret, { role: 'authenticated', sub: target.clinician });
  const clinician = supabaseWith(stack.url, stack.anonKey, token);
  const service = supabaseWith(stack.url, stack.anonKey, stack.serviceRoleKey);
  const asClinician = ppnWith(clinician);
  const asService = ppnWith(service);
  const clinicianAs: As = { role: 'authenticated', userId: target.clinician };
  const serviceAs: As = { role: 'service_role' };
  const pid = target.timelineProtocolId;
  const dbPair = async (sql: string) => {
    const c = median(await explainTimes(db, sql, clinicianAs, options.dbRuns));
    const s = median(await explainTimes(db, sql, serviceAs, options.dbRuns));
    return { clinicianMs: round(c), serviceMs: round(s), overheadMs: round(c - s) };
  };
  const httpPair = async (a: () => PromiseLike<unknown>, b: () => PromiseLike<unknown>) => {
    const [ta, tb] = await sideBySide(options.httpRuns, a, b);
    return { clinicianMs: round(median(ta)), serviceMs: round(median(tb)), ratio: ratioOf(ta, tb) };
  };
  const logInput = () => ({
    protocol_id: target.writeProtocolId,
    event_type: 'Vital Signs Check' as const,
    event_timestamp: new Date(Date.parse('2025-06-01T09:00:00Z') + logged++ * 1000).toISOString(),
    intensity_level: 3,
  });

  const scores = { protocol_id: pid, scale_type: 'IES' as const };
  const rowsOf = <T>(r: { data: { rows: T[] }; error: null } | { data: null; error: { code: string } }) =>
    r.error ? r : { data: r.data.rows, error: null };

  // Correctness first: both sides see the same rows.
  const timeline = () => ({ protocol_id: pid, limit: 500 });
  const a = await asClinician.sessionEvents.timeline(timeline());
  const b = await asService.sessionEvents.timeline(timeline());
  if (a.error || b.error || a.data.rows.length !== 300 || b.data.rows.length !== 300) {
    throw new Error(`site of ${size}: timeline as clinician ${a.data?.rows.length ?? a.error?.code}, service ${b.data?.rows.length ?? b.error?.code}`);
  }
  for (const [what, c, s] of [
    ['homework', rowsOf(await asClinician.homework.list({ protocol_id: pid })), rowsOf(await asService.homework.list({ protocol_id: pid }))],
    ['scores', await asClinician.integrationScores.trend(scores), await asService.integrationScores.trend(scores)],
  ] as const) {
    if (c.error || s.error || c.data.length !== s.data.length || c.data.length === 0) {
      throw new Error(`site of ${size}: ${what} as clinician ${c.data?.length ?? c.error?.code}, service ${s.data?.length ?? s.error?.code}`);
    }
  }

  log(`site of ${size}: timeline`);
  const timelineDb = await dbPair(timelineCoreStatement(pid));
  const statementDb = await dbPair(timelineStatement(pid));
  const timelineHttp = await httpPair(() => asClinician.sessionEvents.timeline(timeline()), () => asService.sessionEvents.timeline(timeline()));

  log(`site of ${size}: single insert`);
  const first = await asClinician.sessionEvents.log(logInput());
  if (first.error) throw new Error(`site of ${size}: insert as clinician: ${first.error.code} ${first.error.message}`);
  const insertHttp = await httpPair(() => asClinician.sessionEvents.log(logInput()), () => asService.sessionEvents.log(logInput()));

  log(`site of ${size}: count, homework, scores`);
  const head = () => clinician.from('session_events').select('event_id', { count: 'exact', head: true });
  const visible = Number(
    (
      await db.query<{ n: string }>(
        'select count(*) as n from public.session_events e join public.log_clinical_records r on r.record_id = e.protocol_id join public.user_sites us on us.site_id = r.site_id where us.user_id = $1',
        [target.clinician],
      )
    ).rows[0]!.n,
  );
  const counted = await head();
  if (counted.count !== visible) throw new Error(`site of ${size}: clinician counts ${counted.count ?? counted.error?.message}, the sites have ${visible}`);
  const countTimes: number[] = [];
  for (let i = 0; i < Math.max(10, Math.round(options.httpRuns / 4)); i++) countTimes.push((await timed(head))[0]);
  const countDb = median(await explainTimes(db, countStatement(), clinicianAs, Math.max(5, Math.round(options.dbRuns / 3))));

  const homeworkDb = await dbPair(homeworkCoreStatement(pid));
  const homeworkHttp = await httpPair(() => asClinician.homework.list({ protocol_id: pid }), () => asService.homework.list({ protocol_id: pid }));
  const scoresDb = await dbPair(scoresCoreStatement(pid, 'IES'));
  const scoresHttp = await httpPair(() => asClinician.integrationScores.trend(scores), () => asService.integrationScores.trend(scores));

  log(
    `site of ${size}: timeline db ${timelineDb.clinicianMs}/${timelineDb.serviceMs} ms, http ${timelineHttp.ratio}x; insert ${insertHttp.ratio}x; count ${round(countDb)} ms (${visible}); homework ${homeworkDb.clinicianMs}/${homeworkDb.serviceMs} ms ${homeworkHttp.ratio}x; scores ${scoresDb.clinicianMs}/${scoresDb.serviceMs} ms ${scoresHttp.ratio}x`,
  );
  return {
    records: size,
    timeline: { db: timelineDb, dbStatement: { clinicianMs: statementDb.clinicianMs, serviceMs: statementDb.serviceMs }, http: timelineHttp },
    insert: insertHttp,
    count: { visibleEvents: visible, dbMs: round(countDb), httpMs: round(median(countTimes)) },
    homework: { db: homeworkDb, http: homeworkHttp },
    scores: { db: scoresDb, http: scoresHttp },
  };
}

/** Grows one new site through `options.sizes`, measuring every figure at each size. */
export async function runSiteSweep(stack: Stack, db: pg.Client, options: SweepOptions): Promise<SweepRun> {
  const site = await createSite(db);
  const points: SweepPoint[] = [];
  for (const size of options.sizes) {
    options.log(`sweep: growing the site to ${size.toLocaleString('en-US')} records`);
    await growSite(db, site, size, options.eventsPerRecord);
    const target = { records: size, siteId: site.siteId, clinician: SWEEP_CLINICIAN, timelineProtocolId: site.timelineProtocolId, writeProtocolId: site.writeProtocolId };
    points.push(await measureSite(stack, db, target, options));
  }
  return { points, ids: { clinician: SWEEP_CLINICIAN, timeline: site.timelineProtocolId, write: site.writeProtocolId } };
}

/** The acceptance lines of issue 18, judged on a sweep's points. */
export function sweepTargets(points: SweepPoint[]) {
  const first = points.find((p) => p.records === 100) ?? points[0];
  const last = points.at(-1);
  if (!first || !last) return {};
  const flat = (key: 'timeline' | 'homework' | 'scores') => {
    const l = last[key];
    const f = first[key];
    return l.http.ratio <= 1.15 && l.db.overheadMs <= 0.3 && l.db.clinicianMs <= 1.5 * f.db.clinicianMs;
  };
  return {
    largestRecords: last.records,
    timelineFlat: flat('timeline'),
    insertRatio: last.insert.ratio <= 1.2,
    homeworkFlat: flat('homework'),
    scoresFlat: flat('scores'),
    smallTimelineRatio: first.timeline.http.ratio <= 1.15,
    smallCountUnder5ms: first.count.dbMs < 5,
  };
}

/** Rows for the printed table: one line per size. */
export function sweepLines(points: SweepPoint[]): string[] {
  const header = [
    'records',
    'events',
    'timeline DB clin/svc ms',
    'timeline HTTP',
    'insert HTTP',
    'count DB ms',
    'homework DB clin/svc ms',
    'homework HTTP',
    'scores DB clin/svc ms',
    'scores HTTP',
  ];
  const body = points.map((p) => [
    p.records.toLocaleString('en-US'),
    p.count.visibleEvents.toLocaleString('en-US'),
    `${p.timeline.db.clinicianMs} / ${p.timeline.db.serviceMs}`,
    `${p.timeline.http.ratio}x`,
    `${p.insert.ratio}x (${p.insert.clinicianMs} / ${p.insert.serviceMs} ms)`,
    `${p.count.dbMs}`,
    `${p.homework.db.clinicianMs} / ${p.homework.db.serviceMs}`,
    `${p.homework.http.ratio}x`,
    `${p.scores.db.clinicianMs} / ${p.scores.db.serviceMs}`,
    `${p.scores.http.ratio}x`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)];
}

