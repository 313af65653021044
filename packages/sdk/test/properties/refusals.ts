import { createClient } from '@supabase/supabase-js';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Database } from '@ppn/schema';
import { createPpnClient, PpnError } from '../../src/index.js';
import { requests, URL_BASE } from '../helpers/msw.js';
import { NOW, writeCall } from './calls.js';
import { FC_RUNS, fcParams } from './values.js';

/**
 * One property per write call: every generated invalid argument list resolves to
 * `{ data: null, error }` with `error.code === 'validation'` and at least one field issue,
 * and not a single request reaches the network (msw refuses unhandled requests, and logs
 * every request it sees). Call `useMsw()` in the file first.
 */
export function itRefusesInvalidInput(name: string): void {
  const spec = writeCall(name);
  it(`${name}: ${FC_RUNS} generated invalid inputs are refused as validation, nothing sent`, async () => {
    // supabase-js' own retries off: a GET that should not have been sent fails at once
    const supabase = createClient<Database>(URL_BASE, 'test-anon-key', {
      db: { retry: false },
      realtime: globalThis.WebSocket ? {} : { transport: WebSocket as never },
    });
    const ppn = createPpnClient(supabase, { now: () => NOW });
    await fc.assert(
      fc.asyncProperty(spec.invalid, async (args) => {
        requests.length = 0;
        const result = await spec.call(ppn, args);
        const sent = requests.map((r) => `${r.method} ${r.url}`);
        expect(sent, 'requests sent').toEqual([]);
        expect(result.data).toBeNull();
        expect(result.error).toBeInstanceOf(PpnError);
        expect(result.error?.code).toBe('validation');
        expect(result.error?.issues.length).toBeGreaterThan(0);
        expect(result.error?.status).toBeUndefined();
      }),
      fcParams(FC_RUNS),
    );
  }, 300_000);
}
