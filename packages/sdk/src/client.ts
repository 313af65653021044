import { createContext, type PpnClientOptions, type PpnSupabaseClient } from './context.js';
import { eventTypes } from './event-types.js';
import { homework } from './homework.js';
import { integrationScores } from './integration-scores.js';
import { medications } from './medications.js';
import { protocols } from './protocols.js';
import type { ResultMode } from './result.js';
import { sessionEvents } from './session-events.js';
import { supervision } from './supervision.js';

/** The client `createPpnClient` returns: every domain bound to your supabase-js client. */
export interface PpnClient<M extends ResultMode = 'result'> {
  readonly protocols: ReturnType<typeof protocols<M>>;
  readonly medications: ReturnType<typeof medications<M>>;
  readonly eventTypes: ReturnType<typeof eventTypes<M>>;
  readonly sessionEvents: ReturnType<typeof sessionEvents<M>>;
  readonly supervision: ReturnType<typeof supervision<M>>;
  readonly homework: ReturnType<typeof homework<M>>;
  readonly integrationScores: ReturnType<typeof integrationScores<M>>;
}

/**
 * Binds every PPN domain to your supabase-js client. The SDK never creates clients, reads
 * environment variables or calls `supabase.auth`: who you are comes from the JWT your
 * client sends, and the database decides what you may see. Each domain is also importable
 * alone (`medications(createContext(supabase))`), with the same calls.
 *
 * @example
 * ```ts
 * import { createClient } from '@supabase/supabase-js';
 * import type { Database } from '@ppn/schema';
 * import { createPpnClient } from '@ppn/sdk';
 *
 * const supabase = createClient<Database>(url, anonKey);
 * const ppn = createPpnClient(supabase);
 * const { data, error } = await ppn.medications.list({ drug_class: 'SSRI' });
 *
 * const strict = createPpnClient(supabase, { throwOnError: true });
 * const { data: meds } = await strict.medications.list(); // never null; failures throw PpnError
 * ```
 */
export function createPpnClient(supabase: PpnSupabaseClient, options: PpnClientOptions & { throwOnError: true }): PpnClient<'throw'>;
export function createPpnClient(supabase: PpnSupabaseClient, options?: PpnClientOptions & { throwOnError?: false | undefined }): PpnClient<'result'>;
export function createPpnClient(supabase: PpnSupabaseClient, options: PpnClientOptions = {}): PpnClient<'result'> | PpnClient<'throw'> {
  const ctx = createContext(supabase, options);
  return Object.freeze({
    protocols: protocols(ctx),
    medications: medications(ctx),
    eventTypes: eventTypes(ctx),
    sessionEvents: sessionEvents(ctx),
    supervision: supervision(ctx),
    homework: homework(ctx),
    integrationScores: integrationScores(ctx),
  }) as PpnClient<'result'>;
}
