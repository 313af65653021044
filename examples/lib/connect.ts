import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { readRunningStack, startStack, type PersonaName, type StackFacts } from '@ppn/local-stack';
import type { Database } from '@ppn/schema';
import { createPpnClient, type PpnClient } from '@ppn/sdk';
import WebSocket from 'ws';

export interface ExampleContext {
  facts: StackFacts;
  /** A supabase-js client signed in as a dev persona with `auth.signInWithPassword`, as an app signs in. */
  supabaseAs(persona: PersonaName): SupabaseClient<Database>;
  /** The PPN SDK as a dev persona; failures throw, so the example reads top to bottom. */
  as(persona: PersonaName): PpnClient<'throw'>;
  /** Stops the stack if this example started it. */
  done(): Promise<void>;
}

/** Uses the stack that `pnpm stack` left running, or starts one for the length of the example. */
export async function connect(): Promise<ExampleContext> {
  const running = await readRunningStack(process.env.PPN_STACK_STATE_FILE || undefined);
  const started = running ? undefined : await startStack();
  const facts: StackFacts = running ?? started!;
  if (!running) console.log(`(started a local stack at ${facts.url}; it stops when the example ends)\n`);
  // Every persona signs in once, the way an app does (email and dev password against the
  // stack's /auth/v1), so `as(persona)` can hand out its client without waiting.
  const clients = new Map<PersonaName, SupabaseClient<Database>>();
  await Promise.all(
    (Object.keys(facts.personas) as PersonaName[]).map(async (persona) => {
      const supabase = createClient<Database>(facts.url, facts.anonKey, {
        auth: { persistSession: false },
        // Node 20 has no global WebSocket; supabase-js needs one at construction.
        realtime: globalThis.WebSocket ? {} : { transport: WebSocket as never },
      });
      const { email, password } = facts.personas[persona];
      const { error } = await supabase.auth.signInWithPassword({ email, password });
      if (error) throw new Error(`could not sign in as ${persona} (${email}): ${error.message}`);
      clients.set(persona, supabase);
    }),
  );
  const supabaseAs = (persona: PersonaName) => clients.get(persona)!;
  return {
    facts,
    supabaseAs,
    as: (persona) => createPpnClient(supabaseAs(persona), { throwOnError: true }),
    async done() {
      await Promise.all([...clients.values()].map((supabase) => supabase.auth.signOut()));
      await started?.stop();
    },
  };
}

/** Runs an example body against a stack, stopping a stack it started even on failure. */
export async function runExample(body: (ctx: ExampleContext) => Promise<void>): Promise<void> {
  const ctx = await connect();
  try {
    await body(ctx);
  } finally {
    await ctx.done();
  }
}
