import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '@ppn/schema';
import type { ResultMode } from './result.js';

/** The caller's supabase-js client, typed with the PPN schema. */
export type PpnSupabaseClient = SupabaseClient<Database>;

/** Options of `createPpnClient` and `createContext`. */
export interface PpnClientOptions {
  /** Throw the `PpnError` instead of resolving `{ data: null, error }`. */
  throwOnError?: boolean | undefined;
  /** The device's clock (default `() => new Date()`): default times and "today" come from it. */
  now?: (() => Date) | undefined;
  /**
   * Your project's PostgREST `db-max-rows` (default 1000). Only flags an estimated total
   * (`totalIsEstimate`): paging never depends on it.
   */
  maxRows?: number | undefined;
}

/** Per-request options, the last argument of every call. */
export interface RequestOptions {
  /** Cancels the call: it resolves with an `aborted` PpnError and sends nothing more. */
  signal?: AbortSignal | undefined;
}

/** What every domain module is bound to: the caller's client and per-client state. */
export interface PpnContext<M extends ResultMode = ResultMode> {
  readonly supabase: PpnSupabaseClient;
  readonly now: () => Date;
  readonly throwOnError: M extends 'throw' ? true : boolean;
  readonly maxRows: number;
  /** Reference name -> id per table, filled on first use of a name. */
  readonly names: Map<string, Promise<Map<string, number>>>;
}

/**
 * The context the per-domain modules are bound to: what `createPpnClient` builds for you.
 * Import single domains when bundle size matters: a bundler keeps only those used.
 *
 * @example
 * ```ts
 * import { createContext, medications, sessionEvents } from '@ppn/sdk';
 *
 * const ctx = createContext(supabase, { throwOnError: true });
 * const { data: meds } = await medications(ctx).list({ drug_class: 'SSRI' });
 * await sessionEvents(ctx).log({ protocol_id: 1, event_type: 'Distress', intensity_level: 6 });
 * ```
 */
export function createContext(supabase: PpnSupabaseClient, options: PpnClientOptions & { throwOnError: true }): PpnContext<'throw'>;
export function createContext(supabase: PpnSupabaseClient, options?: PpnClientOptions & { throwOnError?: false | undefined }): PpnContext<'result'>;
export function createContext(supabase: PpnSupabaseClient, options?: PpnClientOptions): PpnContext;
export function createContext(supabase: PpnSupabaseClient, options: PpnClientOptions = {}): PpnContext {
  return {
    supabase,
    now: options.now ?? (() => new Date()),
    throwOnError: options.throwOnError === true,
    maxRows: options.maxRows ?? 1000,
    names: new Map(),
  };
}
