import * as z from 'zod/mini';
import { circleMembersInsert, supervisionCircleInsert, type Tables, type TablesInsert } from '@ppn/schema';
import { id } from './args.js';
import type { PpnContext } from './context.js';
import { readAll } from './paginate.js';
import { fail, ok, type PpnResult } from './result.js';
import { settle, settleTouched } from './settle.js';
import { parse } from './validate.js';

export type SupervisionCircle = Tables<'supervision_circles'>;
export type CircleMember = Tables<'circle_members'>;

/** A circle with how many members it has (compare with `max_members`; null means no limit). */
export interface CircleWithCount extends SupervisionCircle {
  member_count: number;
}

/** A member with their directory name. */
export interface CircleMemberWithProfile extends CircleMember {
  profile: Pick<Tables<'practitioner_profiles'>, 'profile_id' | 'display_name' | 'credentials'> | null;
}

export interface CreateCircleInput {
  /** 1 to 120 characters. */
  circleName: string;
  /** At least 1; `null` for no limit. Default 8. */
  maxMembers?: number | null;
  /** E.g. `'monthly'`, `'biweekly'`, `'weekly'`. */
  meetingFrequency?: string | null;
}

/**
 * The supervision circles, by name, each with its member count.
 *
 * @example
 * ```ts
 * const { data: circles } = await ppn.supervision.circles.list();
 * const open = circles?.filter((c) => c.max_members === null || c.member_count < c.max_members);
 * ```
 */
export async function listCircles(ctx: PpnContext): Promise<PpnResult<CircleWithCount[]>> {
  const rows = await readAll((from, to) =>
    ctx.supabase.from('supervision_circles').select('*, circle_members(count)').order('circle_name').order('circle_id').range(from, to),
  );
  if (rows.error) return fail(rows.error);
  return ok(rows.data.map(({ circle_members, ...circle }) => ({ ...circle, member_count: circle_members[0]?.count ?? 0 })));
}

const createInput = z.strictObject({
  circleName: z.string(),
  maxMembers: z.optional(z.nullable(z.number())),
  meetingFrequency: z.optional(z.nullable(z.string())),
});

const RENAME = { circle_name: 'circleName', max_members: 'maxMembers', meeting_frequency: 'meetingFrequency', circle_id: 'circleId' };

/**
 * Creates a supervision circle. Network admins only: anyone else gets `forbidden`.
 *
 * @example
 * ```ts
 * const { data: circle, error } = await ppn.supervision.circles.create({ circleName: 'MDMA Peer Circle', maxMembers: 6, meetingFrequency: 'monthly' });
 * if (error?.code === 'forbidden') showNotAllowed();
 * ```
 */
export async function createCircle(ctx: PpnContext, input: CreateCircleInput): Promise<PpnResult<SupervisionCircle>> {
  const parsed = parse(createInput, input);
  if (!parsed.ok) return fail(parsed.error);
  const row: TablesInsert<'supervision_circles'> = { circle_name: parsed.value.circleName };
  if (parsed.value.maxMembers !== undefined) row.max_members = parsed.value.maxMembers;
  if (parsed.value.meetingFrequency !== undefined) row.meeting_frequency = parsed.value.meetingFrequency;
  // Name 1..120 and not blank, max_members >= 1: the rules of @ppn/schema.
  const checked = parse(supervisionCircleInsert, row, RENAME);
  if (!checked.ok) return fail(checked.error);
  return settle(await ctx.supabase.from('supervision_circles').insert(row).select('*').single());
}

/**
 * Joins a circle with your own profile (the database takes it from your JWT). A full
 * circle, or one you already belong to, is a `conflict`; without a profile of your own you
 * get `forbidden`.
 *
 * @example
 * ```ts
 * const { error } = await ppn.supervision.circles.join(1);
 * if (error?.code === 'conflict') showMessage('The circle is full, or you are already in it');
 * ```
 */
export async function joinCircle(ctx: PpnContext, circleId: number): Promise<PpnResult<CircleMember>> {
  const cid = parse(id(), circleId, {}, ['circleId']);
  if (!cid.ok) return fail(cid.error);
  // profile_id is absent: it defaults to the caller's profile in the database.
  const row = { circle_id: cid.value };
  const checked = parse(circleMembersInsert, row, RENAME);
  if (!checked.ok) return fail(checked.error);
  return settle(await ctx.supabase.from('circle_members').insert(row).select('*').single());
}

/**
 * Leaves a circle: removes your own membership and returns it. Not being a member is
 * `not_found`.
 *
 * @example
 * ```ts
 * const { error } = await ppn.supervision.circles.leave(1);
 * ```
 */
export async function leaveCircle(ctx: PpnContext, circleId: number): Promise<PpnResult<CircleMember>> {
  const cid = parse(id(), circleId, {}, ['circleId']);
  if (!cid.ok) return fail(cid.error);
  // Row-level security lets a delete touch only your own membership.
  return settleTouched(await ctx.supabase.from('circle_members').delete().eq('circle_id', cid.value).select('*'), `Your membership of circle ${cid.value}`);
}

/**
 * A circle's members in the order they joined, each with their directory name. A circle
 * that does not exist has no members.
 *
 * @example
 * ```ts
 * const { data: members } = await ppn.supervision.circles.members(1);
 * members?.forEach((m) => console.log(m.profile?.display_name, m.joined_at));
 * ```
 */
export async function listCircleMembers(ctx: PpnContext, circleId: number): Promise<PpnResult<CircleMemberWithProfile[]>> {
  const cid = parse(id(), circleId, {}, ['circleId']);
  if (!cid.ok) return fail(cid.error);
  return readAll((from, to) =>
    ctx.supabase
      .from('circle_members')
      .select('*, profile:practitioner_profiles(profile_id, display_name, credentials)')
      .eq('circle_id', cid.value)
      .order('joined_at')
      .order('profile_id')
      .range(from, to),
  );
}
