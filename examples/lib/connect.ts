import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { readRunningStack, startStack, type PersonaName, type StackFacts } from '@ppn/migrations/stack';
import WebSocket from 'ws';

export interface ExampleContext {
  facts: StackFacts;
  /** A supabase-js client signed in as a dev persona (token only: no auth server needed). */
  as(persona: PersonaName): SupabaseClient;
  /** Stops the stack if this example started it. */
  done(): Promise<void>;
}

/** Uses the stack that `pnpm stack` left running, or starts one for the length of the example. */
export async function connect(): Promise<ExampleContext> {
  const running = await readRunningStack();
  const started = running ? undefined : await startStack();
  const facts: StackFacts = running ?? started!;
  if (!running) console.log(`(started a local stack at ${facts.url}; it stops when the example ends)\n`);
  return {
    facts,
    as(persona) {
      return createClient(facts.url, facts.anonKey, {
        accessToken: async () => facts.personas[persona].token,
        // Node 20 has no global WebSocket; supabase-js needs one at construction.
        realtime: globalThis.WebSocket ? {} : { transport: WebSocket as never },
      });
    },
    async done() {
      await started?.stop();
    },
  };
}
