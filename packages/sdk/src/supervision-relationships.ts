import * as z from 'zod/mini';
import { RELATIONSHIP_STATUSES, SUPERVISION_RELATIONSHIPS_COLUMNS, type RelationshipStatus, type Tables } from '@ppn/schema';
import { id, pageParams } from './args.js';
import type { PpnContext, RequestOptions } from './context.js';
import { readPage, type Page } from './page.js';
import { settleOne } from './request.js';
import { ok, type PpnResult } from './result.js';
import { parse, read } from './validate.js';

export type SupervisionRelationship = Tables<'supervision_relationships'>;

/** How a participant who is still in the network shows in a relationship list: their profile as it is now. */
export type RelationshipParticipant = Pick<Tables<'practitioner_profiles'>, 'profile_id' | 'display_name' | 'credentials'> & { removed: false };

/**
 * A participant who has left the network (deleted their profile or account): no profile
 * any more, only their name and credentials as they were when the relationship became
 * active, kept by the database as evidence of supervision (null for a request that was
 * never accepted). The relationship itself was closed when they left: `cancelled` if it
 * was pending, `completed` (with `ended_at`) if it was active.
 */
export interface RemovedParticipant {
  removed: true;
  profile_id: null;
  display_name: string | null;
  credentials: string | null;
}

/** A relationship with both participants: present (their profile now) or removed (the snapshot). */
export type RelationshipWithProfiles = SupervisionRelationship & {
  supervisor: RelationshipParticipant | RemovedParticipant;
  supervisee: RelationshipParticipant | RemovedParticipant;
};

type EmbeddedProfile = Pick<Tables<'practitioner_profiles'>, 'profile_id' | 'display_name' | 'credentials'> | null;

/** One side of a relationship: the live profile, or the snapshot when that side has left (its id is null). */
function participant(id: number | null, profile: EmbeddedProfile, displayName: string | null, credentials: string | null): RelationshipParticipant | RemovedParticipant {
  if (id === null) return { removed: true, profile_id: null, display_name: displayName, credentials };
  return { removed: false, profile_id: id, display_name: profile?.display_name ?? null, credentials: profile?.credentials ?? null };
}

export interface RequestSupervisionParams {
  /** The supervisor's `profile_id` (from `supervision.search`). */
  supervisor_id: number;
}

export interface ListRelationshipsParams {
  /** Only relationships in this status. */
  status?: RelationshipStatus | undefined;
  /** Page size, 1 to 1000 (default 50). */
  limit?: number | undefined;
  /** The `nextCursor` of the previous page. */
  cursor?: string | undefined;
}

const requestParams = z.strictObject({ supervisor_id: id() });

/**
 * Asks a practitioner to supervise you: a `pending` relationship with your own profile as
 * the supervisee (the database takes it from your JWT). Without a profile of your own you
 * get `forbidden`; asking yourself is a `validation` error from the database.
 *
 * @example
 * ```ts
 * const { data: request, error } = await ppn.supervision.request({ supervisor_id: 1 });
 * if (error?.code === 'forbidden') await ppn.supervision.profiles.upsertMine({ display_name: 'Riley' });
 * ```
 */
export async function request(ctx: PpnContext, input: RequestSupervisionParams, options?: RequestOptions): Promise<PpnResult<SupervisionRelationship>> {
  const parsed = read(requestParams, input, false);
  if (parsed.error) return parsed;
  // supervisee_id is absent: it defaults to the caller's profile in the database.
  return settleOne(ctx.supabase.from('supervision_relationships').insert({ supervisor_id: parsed.data.supervisor_id, status: 'pending' }).select(SUPERVISION_RELATIONSHIPS_COLUMNS), options, 'The new relationship');
}

/** Sets the status of one relationship. The database decides who may make which transition. */
async function transition(
  ctx: PpnContext,
  relationshipId: number,
  input: Record<string, never> | undefined,
  options: RequestOptions | undefined,
  next: 'active' | 'cancelled' | 'completed',
): Promise<PpnResult<SupervisionRelationship>> {
  const rid = parse(id(), relationshipId, ['relationship_id']);
  if (rid.error) return rid;
  const parsed = read(z.strictObject({}), input, true);
  if (parsed.error) return parsed;
  return settleOne(
    ctx.supabase.from('supervision_relationships').update({ status: next }).eq('relationship_id', rid.data).select(SUPERVISION_RELATIONSHIPS_COLUMNS),
    options,
    `Supervision relationship ${rid.data}`,
  );
}

/**
 * Accepts a pending request as its supervisor: it becomes `active` (and `started_at` is
 * stamped). The supervisee accepting gets `forbidden`; a request no longer pending, or a
 * supervisor already at `max_supervisees`, gets `conflict`; one that is not yours, `not_found`.
 *
 * @example
 * ```ts
 * const { error } = await ppn.supervision.accept(7);
 * if (error?.code === 'conflict') showMessage('No room for another supervisee, or already answered');
 * ```
 */
export async function accept(ctx: PpnContext, relationshipId: number, input?: Record<string, never>, options?: RequestOptions): Promise<PpnResult<SupervisionRelationship>> {
  return transition(ctx, relationshipId, input, options, 'active');
}

/**
 * Declines a pending request as its supervisor: it is stored as `cancelled`.
 *
 * @example
 * ```ts
 * const { data } = await ppn.supervision.decline(7); // data.status === 'cancelled'
 * ```
 */
export async function decline(ctx: PpnContext, relationshipId: number, input?: Record<string, never>, options?: RequestOptions): Promise<PpnResult<SupervisionRelationship>> {
  return transition(ctx, relationshipId, input, options, 'cancelled');
}

/**
 * Ends an active relationship (either participant): it becomes `completed` and `ended_at`
 * is stamped. Ending one that is not active is a `conflict`.
 *
 * @example
 * ```ts
 * const { data } = await ppn.supervision.end(7); // data.status === 'completed'
 * ```
 */
export async function end(ctx: PpnContext, relationshipId: number, input?: Record<string, never>, options?: RequestOptions): Promise<PpnResult<SupervisionRelationship>> {
  return transition(ctx, relationshipId, input, options, 'completed');
}

const listParams = z.strictObject({ status: z.optional(z.enum(RELATIONSHIP_STATUSES)), ...pageParams() });

/**
 * Your supervision relationships, as supervisor or supervisee, newest first, with both
 * participants' display names and credentials. A participant who has left the network
 * reads as `removed: true` with the name and credentials they had when the relationship
 * became active; the relationship stays in your history, closed.
 *
 * @example
 * ```ts
 * const { data: page } = await ppn.supervision.relationships({ status: 'pending' });
 * page?.rows.forEach((r) => console.log(`${r.supervisee.display_name} asks ${r.supervisor.display_name}`));
 * const departed = page?.rows.filter((r) => r.supervisor.removed || r.supervisee.removed);
 * ```
 */
export async function relationships(ctx: PpnContext, input?: ListRelationshipsParams, options?: RequestOptions): Promise<PpnResult<Page<RelationshipWithProfiles>>> {
  const parsed = read(listParams, input, true);
  if (parsed.error) return parsed;
  const { status } = parsed.data;
  type Listed = SupervisionRelationship & { supervisor: EmbeddedProfile; supervisee: EmbeddedProfile };
  const page = await readPage<Listed>(
    ctx,
    { name: 'relationships', keys: [{ column: 'relationship_id', descending: true }] },
    (count) => {
      const query = ctx.supabase
        .from('supervision_relationships')
        .select(
          `${SUPERVISION_RELATIONSHIPS_COLUMNS},supervisor:practitioner_profiles!supervision_relationships_supervisor_id_fkey(profile_id,display_name,credentials),supervisee:practitioner_profiles!supervision_relationships_supervisee_id_fkey(profile_id,display_name,credentials)`,
          count,
        );
      return (status ? query.eq('status', status) : query) as never;
    },
    parsed.data,
    options,
  );
  if (page.error) return page;
  return ok({
    ...page.data,
    rows: page.data.rows.map(({ supervisor, supervisee, ...row }) => ({
      ...row,
      supervisor: participant(row.supervisor_id, supervisor, row.supervisor_display_name, row.supervisor_credentials),
      supervisee: participant(row.supervisee_id, supervisee, row.supervisee_display_name, row.supervisee_credentials),
    })),
  });
}
