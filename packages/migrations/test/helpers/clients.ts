import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { inject } from 'vitest';
import WebSocket from 'ws';
import type { PersonaName, StackFacts } from '../../../../test/stack.js';

export type Who = PersonaName | 'anon' | 'service_role';

/**
 * A supabase-js client signed in by token as a persona, the service role or anon. Defaults
 * to the shared test stack, whose seed and reference data no suite may change; suites
 * that write start their own stack and pass its facts.
 */
export function clientAs(who: Who, stack: StackFacts = inject('stack')): SupabaseClient {
  const token = who === 'anon' ? stack.anonKey : who === 'service_role' ? stack.serviceRoleKey : stack.personas[who].token;
  return clientWithToken(stack, token);
}

/** A supabase-js client at `url` signed in by `token` (an account made by a test, not a persona). */
export function clientWithToken(stack: Pick<StackFacts, 'url' | 'anonKey'>, token: string): SupabaseClient {
  return createClient(stack.url, stack.anonKey, {
    accessToken: async () => token,
    // Node 20 has no global WebSocket, and supabase-js wants one at construction.
    realtime: globalThis.WebSocket ? {} : { transport: WebSocket as never },
  });
}
