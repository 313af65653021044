/**
 * No session event lost or duplicated under faults.
 *
 * 20 loggers (clinicians and site admins of sites A and B, four seeded and sixteen created
 * here) log 500 events each, concurrently, through the SDK and PostgREST of a stack of
 * this suite's own, while faults are injected between the SDK and PostgREST:
 *
 * - dropped responses: a custom `fetch` (supabase-js `global: { fetch }`) lets the request
 *   through, waits for PostgREST's answer (the insert is committed by then) and throws
 *   `TypeError('fetch failed')` instead of returning it;
 * - refused connections: the same `fetch` throws before sending anything, as Node does on
 *   ECONNREFUSED;
 * - PostgREST restarts: `stack.restartPostgrest()` twice while the loggers run (the gateway
 *   answers 503 while it is down, and PostgREST 503 until its schema cache is loaded).
 *
 * Each logger retries a failed call the way packages/sdk/README.md ("Retrying safely") tells
 * an app to: same `clientEventId`, exponential backoff with jitter, a bounded number of
 * attempts, and only on `network`, `timeout` and `server`. Five loggers replay batches with
 * `logMany`, the others log one event at a time. At the end, as the superuser: exactly
 * 20 x 500 new rows, each (protocol_id, client_event_id) once, each by its logger.
 *
 * `PPN_FAULT_SEED` replays a run's fault pattern (printed with the counts).
 */
import { randomUUID } from 'node:crypto';
import { startStack, type Stack } from '../../../test/stack.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PpnError, PpnErrorCode, PpnResult, SessionEvent } from '../src/index.js';
import { ppnWithToken, Superuser } from './helpers/superuser.js';

const LOGGERS = Number(process.env.PPN_FAULT_LOGGERS ?? 20);
const EVENTS_PER_LOGGER = Number(process.env.PPN_FAULT_EVENTS ?? 500);
const BATCH = 25; // logMany loggers send 25 events a call
const BATCH_LOGGERS = 5;
const P_REFUSED = 0.04;
const P_DROPPED = 0.05;
const MAX_ATTEMPTS = 40;
const SEED = Number(process.env.PPN_FAULT_SEED ?? Math.floor(Math.random() * 2 ** 31));

/** The codes an app retries (packages/sdk/README.md, "Retrying safely"). */
const RETRYABLE = new Set<PpnErrorCode>(['network', 'timeout', 'server']);

/** mulberry32: a small seeded PRNG, so a fault pattern can be replayed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Stats {
  refused: number;
  droppedAfterCommit: number;
  droppedOther: number;
  /** Requests that failed because PostgREST was restarting (gateway 502, PostgREST 503). */
  duringRestart: number;
  restarts: number;
  retries: number;
  maxAttempts: number;
  calls: number;
  requests: number;
}

const stats: Stats = { refused: 0, droppedAfterCommit: 0, droppedOther: 0, duringRestart: 0, restarts: 0, retries: 0, maxAttempts: 0, calls: 0, requests: 0 };
const retriedCodes: Record<string, number> = {};

/** A `fetch` that refuses connections and drops responses at random. */
function faultyFetch(random: () => number): typeof fetch {
  return async (input, init) => {
    stats.requests++;
    const roll = random();
    if (roll < P_REFUSED) {
      stats.refused++;
      const cause = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1'), { code: 'ECONNREFUSED', syscall: 'connect' });
      throw new TypeError('fetch failed', { cause });
    }
    const response = await fetch(input, init);
    if (response.status === 502 || response.status === 503) stats.duringRestart++;
    if (roll < P_REFUSED + P_DROPPED) {
      // The server answered (a 201 means the insert is committed); the client never hears it.
      await response.body?.cancel();
      if ((init?.method ?? 'GET') === 'POST' && response.status >= 200 && response.status < 300) stats.droppedAfterCommit++;
      else stats.droppedOther++;
      const cause = Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' });
      throw new TypeError('fetch failed', { cause });
    }
    return response;
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Calls `attempt` until it succeeds, retrying only retryable codes, with backoff: what an app should do. */
async function withRetry<T>(attempt: () => Promise<PpnResult<T>>, random: () => number): Promise<T> {
  let last: PpnError | undefined;
  for (let n = 1; n <= MAX_ATTEMPTS; n++) {
    stats.calls++;
    const { data, error } = await attempt();
    if (!error) {
      stats.maxAttempts = Math.max(stats.maxAttempts, n);
      return data;
    }
    last = error;
    if (!RETRYABLE.has(error.code)) throw error;
    retriedCodes[`${error.code} ${error.status}`] = (retriedCodes[`${error.code} ${error.status}`] ?? 0) + 1;
    stats.retries++;
    await sleep(Math.min(2000, 20 * 2 ** Math.min(n, 7)) * (0.5 + random()));
  }
  throw new Error(`gave up after ${MAX_ATTEMPTS} attempts: ${last?.code} ${last?.message}`);
}

interface Logger {
  name: string;
  userId: string;
  token: string;
  protocols: number[];
}

let stack: Stack;
let su: Superuser;
const loggers: Logger[] = [];

beforeAll(async () => {
  stack = await startStack();
  su = new Superuser(stack);
  const seeded = (['clinicianA', 'siteAdminA', 'clinicianB', 'siteAdminB'] as const).map((name) => ({
    name,
    userId: stack.personas[name].userId,
    token: stack.personas[name].token,
    protocols: stack.personas[name].siteId === 1 ? [1, 2] : [3, 4],
  }));
  loggers.push(...seeded.slice(0, LOGGERS));
  for (let i = loggers.length; i < LOGGERS; i++) {
    const site = i % 2 === 0 ? 1 : 2;
    const account = await su.user({ siteId: site, role: 'clinician' });
    loggers.push({ name: `clinician${i}@site${site}`, ...account, protocols: site === 1 ? [1, 2] : [3, 4] });
  }
}, 120_000);
afterAll(async () => {
  await su?.end();
  await stack?.stop();
});

describe('no session event lost or duplicated under faults', () => {
  it(`${LOGGERS} loggers x ${EVENTS_PER_LOGGER} events, responses dropped, connections refused, PostgREST restarted`, async () => {
    const total = LOGGERS * EVENTS_PER_LOGGER;
    const { n: before } = await su.one<{ n: number }>('select count(*)::int as n from public.session_events');
    const started = performance.now();
    let done = 0;

    // Two PostgREST restarts, at about a third and two thirds of the run.
    const restarts = (async () => {
      for (const fraction of [1 / 3, 2 / 3]) {
        while (done < total * fraction) await sleep(20);
        await stack.restartPostgrest();
        stats.restarts++;
      }
    })();

    const expected: Array<{ logger: Logger; protocolId: number; clientEventId: string }> = [];
    const runLogger = async (logger: Logger, index: number) => {
      const random = rng(SEED + index);
      const ppn = ppnWithToken(stack, logger.token, { fetch: faultyFetch(random) });
      // The app's queue: each event gets its clientEventId once, when it is created.
      const queue = Array.from({ length: EVENTS_PER_LOGGER }, (_, i) => ({
        protocolId: logger.protocols[i % logger.protocols.length]!,
        eventType: i % 3 === 0 ? 'Vital Signs Check' : (i % 8) + 1,
        occurredAt: new Date(Date.UTC(2026, 1, 10, 9, 0, i)),
        intensity: (i % 10) + 1,
        notes: `${logger.name} #${i}`,
        clientEventId: randomUUID(),
      }));
      for (const e of queue) expected.push({ logger, protocolId: e.protocolId, clientEventId: e.clientEventId });
      if (index < BATCH_LOGGERS) {
        for (let i = 0; i < queue.length; i += BATCH) {
          const batch = queue.slice(i, i + BATCH);
          const stored = await withRetry(() => ppn.sessionEvents.logMany(batch), random);
          expect(stored.map((e: SessionEvent) => e.client_event_id)).toEqual(batch.map((e) => e.clientEventId));
          done += batch.length;
        }
      } else {
        for (const event of queue) {
          const stored = await withRetry(() => ppn.sessionEvents.log(event), random);
          expect(stored.client_event_id).toBe(event.clientEventId);
          done++;
        }
      }
    };
    await Promise.all(loggers.map(runLogger));
    await restarts;
    const seconds = ((performance.now() - started) / 1000).toFixed(1);

    const [counts] = await su.query<{ total: number; rows: number; distinct_keys: number; wrong_author: number }>(
      `select (select count(*)::int from public.session_events) as total,
              count(*)::int as rows,
              count(distinct (e.protocol_id, e.client_event_id))::int as distinct_keys,
              count(*) filter (where e.created_by is distinct from x.user_id)::int as wrong_author
         from public.session_events e
         join unnest($1::bigint[], $2::uuid[], $3::uuid[]) as x(protocol_id, client_event_id, user_id)
           on x.protocol_id = e.protocol_id and x.client_event_id = e.client_event_id`,
      [expected.map((e) => e.protocolId), expected.map((e) => e.clientEventId), expected.map((e) => e.logger.userId)],
    );
    const [dupes] = await su.query<{ n: number }>(
      'select count(*)::int as n from (select 1 from public.session_events group by protocol_id, client_event_id having count(*) > 1) d',
    );

    console.log(
      [
        `fault injection (seed ${SEED}): ${LOGGERS} loggers x ${EVENTS_PER_LOGGER} events in ${seconds} s`,
        `  faults: ${stats.droppedAfterCommit} responses dropped after the insert committed, ${stats.droppedOther} other responses dropped,`,
        `          ${stats.refused} connections refused, ${stats.restarts} PostgREST restarts (${stats.duringRestart} responses 502/503 meanwhile)`,
        `  calls: ${stats.calls} SDK calls, ${stats.retries} retries (${Object.entries(retriedCodes).map(([k, n]) => `${k}: ${n}`).join(', ')}), at most ${stats.maxAttempts} attempts for one call; ${stats.requests} HTTP requests`,
        `  table: ${before} -> ${counts!.total} rows (+${counts!.total - before}); the ${total} events: ${counts!.rows} rows, ${counts!.distinct_keys} distinct (protocol_id, client_event_id), ${counts!.wrong_author} by the wrong author; duplicated keys in the table: ${dupes!.n}`,
      ].join('\n'),
    );

    expect(expected).toHaveLength(total);
    expect(counts!.total - before).toBe(total);
    expect(counts!.rows).toBe(total);
    expect(counts!.distinct_keys).toBe(total);
    expect(counts!.wrong_author).toBe(0);
    expect(dupes!.n).toBe(0);
    // The faults really happened, of every kind.
    expect(stats.droppedAfterCommit).toBeGreaterThan(0);
    expect(stats.refused).toBeGreaterThan(0);
    expect(stats.restarts).toBe(2);
  }, 900_000);
});
