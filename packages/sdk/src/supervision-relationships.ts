import * as z from 'zod/mini';
import { supervisionRelationshipsInsert, supervisionRelationshipsUpdate, type Tables } from '@ppn/schema';
import { id } from './args.js';
import type { PpnContext } from './context.js';
import { readAll } from './paginate.js';
import { fail, type PpnResult } from './result.js';
import { settle, settleTouched } from './settle.js';
import { parse } from './validate.js';

export type SupervisionRelationship = Tables<'supervision_relationships'>;

/** How a participant shows in a relationship list. */
export type RelationshipParticipant = Pick<Tables<'practitioner_profiles'>, 'profile_id' | 'display_name' | 'credentials'>;

/** A relationship with both participants' names. */
export interface RelationshipWithProfiles extends SupervisionRelationship {
  supervisor: RelationshipParticipant | null;
  supervisee: RelationshipParticipant | null;
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
  const checked = parse(supervisionRelationshipsInsert, row, { supervisor_id: 'supervisorProfileId' });
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
 * participants' display names and credentials.
 *
 * @example
 * ```ts
 * const { data: relationships } = await ppn.supervision.relationships();
 * const pending = relationships?.filter((r) => r.status === 'pending');
 * pending?.forEach((r) => console.log(`${r.supervisee?.display_name} asks ${r.supervisor?.display_name}`));
 * ```
 */
export async function listRelationships(ctx: PpnContext): Promise<PpnResult<RelationshipWithProfiles[]>> {
  return readAll((from, to) =>
    ctx.supabase
      .from('supervision_relationships')
      .select(
        '*, supervisor:practitioner_profiles!supervision_relationships_supervisor_id_fkey(profile_id, display_name, credentials), supervisee:practitioner_profiles!supervision_relationships_supervisee_id_fkey(profile_id, display_name, credentials)',
      )
      .order('relationship_id', { ascending: false })
      .range(from, to),
  );
}
