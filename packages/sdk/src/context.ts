import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '@ppn/schema';

/** The caller's supabase-js client, typed with the PPN schema. */
export type PpnSupabaseClient = SupabaseClient<Database>;

/** What every domain function receives first: the caller's client and per-client state. */
export interface PpnContext {
  readonly supabase: PpnSupabaseClient;
  /** The device's clock: defaults for `occurredAt` and "today" come from it. */
  readonly now: () => Date;
  /** Event type name -> id, filled on first use of a name (reference data changes rarely). */
  eventTypeIds?: Promise<Map<string, number>> | undefined;
  /** Homework type name -> id, likewise. */
  homeworkTypeIds?: Promise<Map<string, number>> | undefined;
}

/**
 * The context the plain domain functions take first: what `createPpnClient` builds for you.
 * Import the functions directly when bundle size matters: a bundler keeps only those used.
 *
 * @example
 * ```ts
 * import { createContext, listMedications, logSessionEvent } from '@ppn/sdk';
 *
 * const ctx = createContext(supabase);
 * const { data: meds } = await listMedications(ctx, { drugClass: 'SSRI' });
 * await logSessionEvent(ctx, { protocolId: 1, eventType: 'Distress', intensity: 6 });
 * ```
 */
export function createContext(supabase: PpnSupabaseClient, now: () => Date = () => new Date()): PpnContext {
  return { supabase, now };
}
