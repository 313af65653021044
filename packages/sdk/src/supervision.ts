/**
 * The Supervision Exchange: the practitioner directory and your profile, supervision
 * relationships (dyads), and peer circles. One file per concept; this one binds them.
 *
 * @module
 */
import type { PpnContext } from './context.js';
import { bind, type BoundDomain } from './domain.js';
import type { ResultMode } from './result.js';
import { create, join, leave, list, members } from './supervision-circles.js';
import { mine, search, upsertMine } from './supervision-profiles.js';
import { accept, decline, end, relationships, request } from './supervision-relationships.js';

const calls = { search, request, accept, decline, end, relationships };
const profileCalls = { mine, upsertMine };
const circleCalls = { list, create, join, leave, members };

/** The Supervision Exchange bound to a context: `supervision(ctx).search()` is `ppn.supervision.search()`. */
export type SupervisionDomain<M extends ResultMode> = BoundDomain<M, typeof calls> & {
  readonly profiles: BoundDomain<M, typeof profileCalls>;
  readonly circles: BoundDomain<M, typeof circleCalls>;
};

/**
 * The Supervision Exchange bound to a context: `supervision(ctx).circles.join(...)` is
 * `ppn.supervision.circles.join(...)`.
 */
export function supervision<M extends ResultMode>(ctx: PpnContext<M>): SupervisionDomain<M> {
  return Object.freeze({ ...bind(ctx, calls), profiles: bind(ctx, profileCalls), circles: bind(ctx, circleCalls) });
}
