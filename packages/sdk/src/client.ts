import { createContext, type PpnContext, type PpnSupabaseClient } from './context.js';
import type { PpnResult, Outcome, ResultMode } from './result.js';
import * as protocols from './protocols.js';
import * as medications from './medications.js';
import { medicationInteractions } from './medication-interactions.js';
import * as eventTypes from './event-types.js';
import * as sessionEvents from './session-events.js';
import * as supervision from './supervision.js';
import * as homework from './homework.js';
import * as integrationScores from './integration-scores.js';

export interface PpnClientOptions {
  /** Throw the `PpnError` instead of resolving `{ data: null, error }`. */
  throwOnError?: boolean;
  /** The device's clock (default `() => new Date()`): defaults for times and "today" come from it. */
  now?: () => Date;
}

type DomainFn = (ctx: PpnContext, ...args: never[]) => Promise<PpnResult<unknown>>;
type Bound<M extends ResultMode, F> = F extends (ctx: PpnContext, ...args: infer A) => Promise<PpnResult<infer T>> ? (...args: A) => Promise<Outcome<M, T>> : never;
type BindAll<M extends ResultMode, O> = { readonly [K in keyof O]: O[K] extends DomainFn ? Bound<M, O[K]> : BindAll<M, O[K]> };

const domains = {
  protocols: { list: protocols.listProtocols },
  medications: {
    list: medications.listMedications,
    get: medications.getMedication,
    classes: medications.listDrugClasses,
    checkContraindications: medications.checkContraindications,
    interactions: medicationInteractions,
  },
  eventTypes: { list: eventTypes.listEventTypes },
  sessionEvents: {
    log: sessionEvents.logSessionEvent,
    logMany: sessionEvents.logSessionEvents,
    timeline: sessionEvents.sessionTimeline,
  },
  supervision: {
    search: supervision.searchSupervisors,
    request: supervision.requestSupervision,
    respond: supervision.respondToRequest,
    end: supervision.endSupervision,
    relationships: supervision.listRelationships,
    profiles: { mine: supervision.getMyProfile, upsertMine: supervision.upsertMyProfile },
    circles: {
      list: supervision.listCircles,
      create: supervision.createCircle,
      join: supervision.joinCircle,
      leave: supervision.leaveCircle,
      members: supervision.listCircleMembers,
    },
  },
  homework: {
    types: homework.listHomeworkTypes,
    assign: homework.assignHomework,
    complete: homework.completeHomework,
    list: homework.listHomework,
  },
  integrationScores: { record: integrationScores.recordScore, trend: integrationScores.scoreTrend },
};

/** The client `createPpnClient` returns: every domain call bound to your supabase-js client. */
export type PpnClient<M extends ResultMode = 'result'> = BindAll<M, typeof domains>;

function bind(ctx: PpnContext, tree: object, throwOnError: boolean): unknown {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(tree)) {
    out[key] =
      typeof value === 'function'
        ? async (...args: unknown[]) => {
            const result = (await (value as (c: PpnContext, ...a: unknown[]) => Promise<PpnResult<unknown>>)(ctx, ...args)) as PpnResult<unknown>;
            if (throwOnError && result.error) throw result.error;
            return result;
          }
        : bind(ctx, value as object, throwOnError);
  }
  return Object.freeze(out);
}

/**
 * Binds the PPN domain calls to your supabase-js client. The SDK never creates clients,
 * reads environment variables or calls `supabase.auth`: who you are comes from the JWT your
 * client sends, and the database decides what you may see.
 *
 * @example
 * ```ts
 * import { createClient } from '@supabase/supabase-js';
 * import type { Database } from '@ppn/schema';
 * import { createPpnClient } from '@ppn/sdk';
 *
 * const supabase = createClient<Database>(url, anonKey);
 * const ppn = createPpnClient(supabase);
 * const { data, error } = await ppn.medications.list({ drugClass: 'SSRI' });
 *
 * const strict = createPpnClient(supabase, { throwOnError: true });
 * const { data: meds } = await strict.medications.list(); // never null; failures throw PpnError
 * ```
 */
export function createPpnClient(supabase: PpnSupabaseClient, options: PpnClientOptions & { throwOnError: true }): PpnClient<'throw'>;
export function createPpnClient(supabase: PpnSupabaseClient, options?: PpnClientOptions & { throwOnError?: false }): PpnClient<'result'>;
export function createPpnClient(supabase: PpnSupabaseClient, options: PpnClientOptions = {}): PpnClient<'result'> | PpnClient<'throw'> {
  const ctx = createContext(supabase, options.now);
  return bind(ctx, domains, options.throwOnError === true) as PpnClient<'result'>;
}
