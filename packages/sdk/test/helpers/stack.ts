import { createClient } from '@supabase/supabase-js';
import { inject } from 'vitest';
import WebSocket from 'ws';
import type { Database } from '@ppn/schema';
import type { PersonaName, StackFacts } from '../../../../test/stack.js';
import { createPpnClient } from '../../src/index.js';

export type Who = PersonaName | 'anon' | 'service_role';

/** A typed supabase-js client on a local stack (default: the shared one) as a persona, anon or the service role. */
export function supabaseAs(who: Who, stack: StackFacts = inject('stack')) {
  const token = who === 'anon' ? stack.anonKey : who === 'service_role' ? stack.serviceRoleKey : stack.personas[who].token;
  return createClient<Database>(stack.url, stack.anonKey, {
    accessToken: async () => token,
    realtime: globalThis.WebSocket ? {} : { transport: WebSocket as never },
  });
}

/** The PPN client as a persona on a local stack (default: the shared one, whose seed and reference data must not change). */
export function ppnAs(who: Who, stack: StackFacts = inject('stack')) {
  return createPpnClient(supabaseAs(who, stack));
}
