import { createClient } from '@supabase/supabase-js';
import { http, HttpResponse, type HttpHandler } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import WebSocket from 'ws';
import type { Database } from '@ppn/schema';
import { createPpnClient, type PpnClientOptions } from '../../src/index.js';

/** The fake project URL the unit tests talk to; msw answers for `/rest/v1/*`. */
export const URL_BASE = 'http://ppn.test';
export const REST = `${URL_BASE}/rest/v1`;

/** Every request msw saw, for asserting request shape (and that none was sent). */
export const requests: Request[] = [];

export const server = setupServer();

/** Starts msw for this file: unhandled requests fail the test. */
export function useMsw(): void {
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => {
    server.resetHandlers();
    requests.length = 0;
  });
  afterAll(() => server.close());
  server.events.on('request:start', ({ request }) => {
    requests.push(request.clone());
  });
}

/** A supabase-js client against the msw server, and the PPN client over it. */
export function unitClient(options: PpnClientOptions = {}) {
  const supabase = createClient<Database>(URL_BASE, 'test-anon-key', {
    realtime: globalThis.WebSocket ? {} : { transport: WebSocket as never },
  });
  return createPpnClient(supabase, options as PpnClientOptions & { throwOnError?: false });
}

/** Answers `method /rest/v1/<table>` with `body` and `status` (PostgREST's JSON shapes). */
export function rest(method: 'get' | 'post' | 'patch' | 'delete' | 'head', table: string, body: unknown, init: { status?: number; headers?: Record<string, string> } = {}): HttpHandler {
  return http[method](`${REST}/${table}`, () => HttpResponse.json(body as never, { status: init.status ?? 200, headers: init.headers }));
}

/** A PostgREST list answer with its count (`Content-Range: 0-<n-1>/<count>`), as `Prefer: count=...` gets. */
export function counted(method: 'get' | 'head', table: string, rows: unknown[], count = rows.length): HttpHandler {
  return http[method](`${REST}/${table}`, () =>
    HttpResponse.json(method === 'head' ? (null as never) : (rows as never), { headers: { 'content-range': `${rows.length ? `0-${rows.length - 1}` : '*'}/${count}` } }),
  );
}

/** A PostgREST error body. */
export function pgError(code: string, message = `error ${code}`, details: string | null = null, hint: string | null = null) {
  return { code, message, details, hint };
}
