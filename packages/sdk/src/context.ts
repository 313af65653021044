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

export function createContext(supabase: PpnSupabaseClient, now: () => Date = () => new Date()): PpnContext {
  return { supabase, now };
}
