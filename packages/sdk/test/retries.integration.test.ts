/**
 * An unreachable server, counted: a local TCP server that accepts each connection and drops
 * it when the request arrives. One SDK read is one request (supabase-js's own
 * GET retries are off for SDK calls); a query layer retrying by `isRetryable`, as
 * `@ppn/sdk/query` ships (at most 2 retries), makes 3 at most. Raw supabase-js, for
 * comparison, retries a GET on its own.
 */
import { createServer, type Server } from 'node:net';
import { createClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Database } from '@ppn/schema';
import { createPpnClient, isRetryable } from '../src/index.js';

let server: Server;
let connections = 0;
let url = '';

beforeAll(async () => {
  // Drops each connection once the request arrives: counted per request, failing as a
  // server going down mid-request does.
  server = createServer((socket) => {
    connections++;
    socket.once('data', () => socket.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as { port: number };
  url = `http://127.0.0.1:${address.port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const supabase = () => createClient<Database>(url, 'anon-key', { realtime: globalThis.WebSocket ? {} : { transport: WebSocket as never } });

it('the SDK alone sends one request per read to an unreachable server', async () => {
  connections = 0;
  const { error } = await createPpnClient(supabase()).medications.list();
  expect(error?.code).toBe('network');
  expect(isRetryable(error)).toBe(true);
  expect(connections).toBe(1);
});

it('with the shipped query-layer policy (retry while isRetryable, at most twice): 3 requests', async () => {
  connections = 0;
  const ppn = createPpnClient(supabase());
  let attempts = 0;
  for (;;) {
    attempts++;
    const { error } = await ppn.supervision.search();
    if (!error || !isRetryable(error) || attempts === 3) break;
  }
  expect(attempts).toBe(3);
  expect(connections).toBe(3);
});

it('raw supabase-js with its defaults retries a GET itself (what .retry(false) turns off)', async () => {
  connections = 0;
  const { error } = await supabase().from('ref_medications').select('*').abortSignal(AbortSignal.timeout(2500));
  expect(error).not.toBeNull();
  expect(connections).toBeGreaterThan(1);
}, 20_000);
