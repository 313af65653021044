import * as z from 'zod/mini';
import { supervisionRelationshipInsert, supervisionRelationshipsUpdate, type Tables } from '@ppn/schema';
import { id } from './args.js';
import type { PpnContext } from './context.js';
import { readAll } from './paginate.js';
import { fail, ok, type PpnResult } from './result.js';
import { settle, settleTouched } from './settle.js';
import { parse } from './validate.js';

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

/** A relationship with both participants' names. */
export interface RelationshipWithProfiles extends SupervisionRelationship {
  supervisor: RelationshipParticipant | RemovedParticipant;
  supervisee: RelationshipParticipant | RemovedParticipant;
}

type EmbeddedProfile = Pick<Tables<'practitioner_profiles'>, 'profile_id' | 'display_name' | 'credentials'> | null;

/** One side of a relationship: the live profile, or the snapshot when that side has left (its id is null). */
function participant(id: number | null, profile: EmbeddedProfile, displayName: string | null, credentials: string | null): RelationshipParticipant | RemovedParticipant {
  if (id === null) return { removed: true, profile_id: null, display_name: displayName, credentials };
  return { removed: false, profile_id: id, display_name: profile?.display_name ?? null, credentials: profile?.credentials ?? null };
}

/** The supervisor's answer to a pending request. */
export type SupervisionDecision = 'accept' | 'decline';

/**
 * Asks a practitioner to supervise you: a `pending` relationship with your own profile as
 * the supervisee (the database takes it from your JWT). Without a profile of your own you
 * get `forbidden`; asking yourself is a `validation` error from the database.
 *
 * @example
 * ```ts
 * const { data: request, error } = await ppn.supervision.request(1);
 * if (error?.code === 'forbidden') await ppn.supervision.profiles.upsertMine({ displayName: 'Riley' });
 * ```
 */
export async function requestSupervision(ctx: PpnContext, supervisorProfileId: number): Promise<PpnResult<SupervisionRelationship>> {
  const sid = parse(id(), supervisorProfileId, {}, ['supervisorProfileId']);
  if (!sid.ok) return fail(sid.error);
  // supervisee_id is absent: it defaults to the caller's profile in the database.
  const row = { supervisor_id: sid.value, status: 'pending' as const };
  const checked = parse(supervisionRelationshipInsert, row, { supervisor_id: 'supervisorProfileId' });
  if (!checked.ok) return fail(checked.error);
  return settle(await ctx.supabase.from('supervision_relationships').insert(row).select('*').single());
}

/**
 * Sets the status of one relationship (an id already validated). The database decides who
 * may make which transition; one you cannot see is `not_found`.
 */
async function transition(ctx: PpnContext, relationshipId: number, next: 'active' | 'cancelled' | 'completed'): Promise<PpnResult<SupervisionRelationship>> {
  const patch = { status: next };
  const checked = parse(supervisionRelationshipsUpdate, patch);
  if (!checked.ok) return fail(checked.error);
  return settleTouched(await ctx.supabase.from('supervision_relationships').update(patch).eq('relationship_id', relationshipId).select('*'), `Supervision relationship ${relationshipId}`);
}

const decision = z.enum(['accept', 'decline']);

/**
 * Answers a pending request as its supervisor: `accept` makes it `active` (and stamps
 * `started_at`), `decline` stores `cancelled`. The supervisee answering gets `forbidden`;
 * a request that is no longer pending, or a supervisor already at `max_supervisees`, gets
 * `conflict`; a relationship that is not yours is `not_found`.
 *
 * @example
 * ```ts
 * const { error } = await ppn.supervision.respond(7, 'accept');
 * if (error?.code === 'conflict') showMessage('No room for another supervisee, or already answered');
 * ```
 */
export async function respondToRequest(ctx: PpnContext, relationshipId: number, answer: SupervisionDecision): Promise<PpnResult<SupervisionRelationship>> {
  const rid = parse(id(), relationshipId, {}, ['relationshipId']);
  if (!rid.ok) return fail(rid.error);
  const parsed = parse(decision, answer, {}, ['decision']);
  if (!parsed.ok) return fail(parsed.error);
  return transition(ctx, rid.value, parsed.value === 'accept' ? 'active' : 'cancelled');
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
export async function endSupervision(ctx: PpnContext, relationshipId: number): Promise<PpnResult<SupervisionRelationship>> {
  const rid = parse(id(), relationshipId, {}, ['relationshipId']);
  if (!rid.ok) return fail(rid.error);
  return transition(ctx, rid.value, 'completed');
}

/**
 * Your supervision relationships, as supervisor or supervisee, newest first, with both
 * participants' display names and credentials. A participant who has left the network
 * reads as `removed: true` with the name and credentials they had when the relationship
 * became active; the relationship stays in your history, closed.
 *
 * @example
 * ```ts
 * const { data: relationships } = await ppn.supervision.relationships();
 * const pending = relationships?.filter((r) => r.status === 'pending');
 * pending?.forEach((r) => console.log(`${r.supervisee.display_name} asks ${r.supervisor.display_name}`));
 * const departed = relationships?.filter((r) => r.supervisor.removed || r.supervisee.removed);
 * ```
 */
export async function listRelationships(ctx: PpnContext): Promise<PpnResult<RelationshipWithProfiles[]>> {
  const listed = await readAll((from, to) =>
    ctx.supabase
      .from('supervision_relationships')
      .select(
        '*, supervisor:practitioner_profiles!supervision_relationships_supervisor_id_fkey(profile_id, display_name, credentials), supervisee:practitioner_profiles!supervision_relationships_supervisee_id_fkey(profile_id, display_name, credentials)',
      )
      .order('relationship_id', { ascending: false })
      .range(from, to),
  );
  if (listed.error) return listed;
  return ok(
    listed.data.map(({ supervisor, supervisee, ...row }) => ({
      ...row,
      supervisor: participant(row.supervisor_id, supervisor, row.supervisor_display_name, row.supervisor_credentials),
      supervisee: participant(row.supervisee_id, supervisee, row.supervisee_display_name, row.supervisee_credentials),
    })),
  );
}
