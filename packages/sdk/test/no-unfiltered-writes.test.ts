/**
 * No SDK call can send an unfiltered PATCH or DELETE.
 *
 * Hosted Supabase loads pg-safeupdate for the API role, so `update`/`delete` without a
 * WHERE clause is refused there (21000 "UPDATE requires a WHERE clause"). The local stack
 * cannot load it (embedded Postgres does not ship it; see packages/migrations/README.md,
 * "Local stack vs hosted"), so locally an unfiltered PATCH would run, bounded only by RLS.
 * This test makes sure the SDK never relies on either: it drives EVERY call of the client
 * (the tree is enumerated, so a new call without an entry below fails the test) with
 * generated valid arguments against msw, and checks that each PATCH and DELETE request
 * carries at least one row filter.
 */
import fc from 'fast-check';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { REST, requests, server, unitClient, useMsw } from './helpers/msw.js';
import { NOW, writeCall, validAssignInput, validCircleInput, validCompleteInput, validLogInput, validProfileInput, validScoreInput } from './properties/calls.js';
import { validId, validInstant, fcParams } from './properties/values.js';

useMsw();

const RUNS = Math.max(50, Math.floor(Number(process.env.PPN_FC_RUNS ?? 1000) / 10));

/** PostgREST query parameters that are not row filters. */
const NOT_FILTERS = new Set(['select', 'order', 'limit', 'offset', 'on_conflict', 'columns']);
const OPERATOR = /^(not\.)?(eq|neq|gt|gte|lt|lte|like|ilike|match|imatch|is|isdistinct|in|cs|cd|ov|sl|sr|nxr|nxl|adj|fts|plfts|phfts|wfts)\./;

function filtersOf(url: URL): string[] {
  const out: string[] = [];
  for (const [key, value] of url.searchParams) {
    if (NOT_FILTERS.has(key)) continue;
    if (key === 'or' || key === 'and' || key.endsWith('.or') || key.endsWith('.and') || OPERATOR.test(value)) out.push(`${key}=${value}`);
  }
  return out;
}

/** A stand-in PostgREST that answers every request with rows shaped enough for the SDK to finish. */
function answerEverything() {
  const eventTypes = ['Distress', 'Breakthrough'].map((event_name, i) => ({ event_type_id: i + 1, event_name }));
  const homeworkTypes = ['Journaling', 'Meditation'].map((homework_name, i) => ({ homework_type_id: i + 1, homework_name }));
  server.use(
    http.all(`${REST}/*`, async ({ request }) => {
      const url = new URL(request.url);
      const table = url.pathname.replace(/^\/rest\/v1\//, '');
      const headers = { 'content-range': '0-0/1' };
      if (request.method === 'GET' && table === 'ref_event_types') return HttpResponse.json(eventTypes);
      if (request.method === 'GET' && table === 'ref_homework_types') return HttpResponse.json(homeworkTypes);
      if (request.method === 'POST' && !table.startsWith('rpc/')) {
        const body = (await request.json()) as Record<string, unknown> | Array<Record<string, unknown>>;
        const rows = (Array.isArray(body) ? body : [body]).map((row, i) => ({ profile_id: 1, ...row, id: i + 1 }));
        return HttpResponse.json(Array.isArray(body) ? rows : rows[0], { status: 201 });
      }
      if (request.method === 'PATCH' || request.method === 'DELETE') return HttpResponse.json([{ id: 1, status: 'active', circle_id: 1, profile_id: 1 }]);
      if (request.method === 'HEAD') return new HttpResponse(null, { status: 200, headers });
      if (request.headers.get('accept')?.includes('vnd.pgrst.object')) return HttpResponse.json(null);
      return HttpResponse.json([], { headers });
    }),
  );
}

const args = <T>(a: fc.Arbitrary<T>) => a.map((v) => [v] as unknown[]);
const id = validId();
const scale = fc.constantFrom('IES', 'EIS');

/** Valid arguments for every call of the client, keyed by its path. */
const CALLS: Record<string, fc.Arbitrary<unknown[]>> = {
  'protocols.list': fc.constant([]),
  'medications.list': fc.constant([]),
  'medications.get': args(id),
  'medications.classes': fc.constant([]),
  'medications.checkContraindications': args(fc.array(id, { minLength: 1, maxLength: 5 })),
  'medications.interactions': args(fc.record({ medicationIds: fc.array(id, { minLength: 1, maxLength: 5 }), modality: fc.constantFrom('Psilocybin', 'MDMA', 'Ketamine') }, { requiredKeys: ['medicationIds'] })),
  'eventTypes.list': fc.constant([]),
  'sessionEvents.log': args(validLogInput({ eventTypes: ['Distress', 'Breakthrough'], typeIds: [1, 2] })),
  'sessionEvents.logMany': args(fc.array(validLogInput({ eventTypes: ['Distress', 'Breakthrough'], typeIds: [1, 2] }), { minLength: 1, maxLength: 5 })),
  'sessionEvents.timeline': fc.tuple(id, fc.record({ from: validInstant(), to: validInstant() }, { requiredKeys: [] })),
  'supervision.search': fc.constant([]),
  'supervision.request': args(id),
  'supervision.respond': fc.tuple(id, fc.constantFrom('accept', 'decline')),
  'supervision.end': args(id),
  'supervision.relationships': fc.constant([]),
  'supervision.profiles.mine': fc.constant([]),
  'supervision.profiles.upsertMine': args(validProfileInput()),
  'supervision.circles.list': fc.constant([]),
  'supervision.circles.create': args(validCircleInput()),
  'supervision.circles.join': args(id),
  'supervision.circles.leave': args(id),
  'supervision.circles.members': args(id),
  'homework.types': fc.constant([]),
  'homework.assign': args(validAssignInput({ homeworkTypes: ['Journaling', 'Meditation'], typeIds: [1, 2] })),
  'homework.complete': fc.tuple(id, fc.option(validCompleteInput(), { nil: undefined })),
  'homework.list': args(id),
  'integrationScores.record': args(validScoreInput()),
  'integrationScores.trend': fc.tuple(id, scale),
};

type Fn = (...a: unknown[]) => Promise<{ error: unknown }>;

function leaves(tree: object, prefix = ''): Array<[string, Fn]> {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'function' ? [[`${prefix}${key}`, value as Fn] as [string, Fn]] : leaves(value as object, `${prefix}${key}.`),
  );
}

describe('no SDK call sends an unfiltered PATCH or DELETE', () => {
  const ppn = unitClient({ now: () => NOW });
  const all = leaves(ppn);

  it('every call of the client is driven below (a new call needs an entry)', () => {
    expect(all.map(([path]) => path).sort()).toEqual(Object.keys(CALLS).sort());
  });

  const seen = new Map<string, Set<string>>();

  it.each(all.map(([path, fn]) => [path, fn] as const))(`%s (${RUNS} generated argument lists)`, async (path, fn) => {
    await fc.assert(
      fc.asyncProperty(CALLS[path]!, async (callArgs) => {
        answerEverything();
        requests.length = 0;
        await fn(...callArgs);
        for (const request of requests) {
          if (request.method !== 'PATCH' && request.method !== 'DELETE') continue;
          const url = new URL(request.url);
          const filters = filtersOf(url);
          if (!seen.has(path)) seen.set(path, new Set());
          seen.get(path)!.add(request.method);
          expect(filters, `${request.method} ${url.pathname}${url.search}`).not.toEqual([]);
        }
      }),
      fcParams(RUNS),
    );
  }, 120_000);

  it('the calls that write with PATCH or DELETE were among them (so the check above ran)', () => {
    expect(Object.fromEntries([...seen].map(([path, methods]) => [path, [...methods]]))).toEqual({
      'homework.complete': ['PATCH'],
      'supervision.respond': ['PATCH'],
      'supervision.end': ['PATCH'],
      'supervision.circles.leave': ['DELETE'],
    });
    // and they are write calls of the property suites
    for (const path of seen.keys()) expect(writeCall(path).name).toBe(path);
  });
});
