import type { PpnContext } from './context.js';
import type { Outcome, PpnResult, ResultMode } from './result.js';

/** A domain call as written: the context first, then the caller's arguments. */
type Impl = (ctx: PpnContext, ...args: never[]) => Promise<PpnResult<unknown>>;

/** A call bound to a context: the caller's arguments, the result type of the context's mode. */
export type Bound<M extends ResultMode, F> = F extends (ctx: PpnContext, ...args: infer A) => Promise<PpnResult<infer T>> ? (...args: A) => Promise<Outcome<M, T>> : never;

/** Every call of a domain, bound. */
export type BoundDomain<M extends ResultMode, D> = { readonly [K in keyof D]: Bound<M, D[K]> };

/**
 * Binds a domain's calls to a context: one name per call, whether reached through
 * `createPpnClient` or a domain imported alone, and `throwOnError` honoured by both.
 */
export function bind<M extends ResultMode, D extends Record<string, Impl>>(ctx: PpnContext<M>, calls: D): BoundDomain<M, D> {
  const out: Record<string, unknown> = {};
  for (const [name, call] of Object.entries(calls)) {
    out[name] = async (...args: never[]) => {
      const result = await call(ctx, ...args);
      if (ctx.throwOnError && result.error) throw result.error;
      return result;
    };
  }
  return Object.freeze(out) as BoundDomain<M, D>;
}
