import * as z from 'zod/mini';
import { CIRCLE_MEMBERS_COLUMNS, SUPERVISION_CIRCLES_COLUMNS, supervisionCircleInsert, type Tables, type TablesInsert } from '@ppn/schema';
import { id, pageParams } from './args.js';
import type { PpnContext, RequestOptions } from './context.js';
import { notFound } from './errors.js';
import { readPage, type Page } from './page.js';
import { send, settleOne } from './request.js';
import { fail, ok, type PpnResult } from './result.js';
import type { Loose } from './types.js';
import { check, keys, params, read } from './validate.js';

export type SupervisionCircle = Tables<'supervision_circles'>;
export type CircleMember = Tables<'circle_members'>;

/** A circle with how many members it has (compare with `max_members`; null means no limit). */
export type CircleWithCount = SupervisionCircle & { member_count: number };

/** A member with their directory name. */
export type CircleMemberWithProfile = CircleMember & {
  practitioner_profiles: Pick<Tables<'practitioner_profiles'>, 'profile_id' | 'display_name' | 'credentials'> | null;
};

/** A new circle: `circle_name` 1 to 120 characters; `max_members` at least 1, `null` for no limit (default 8). */
export type CreateCircleParams = Pick<TablesInsert<'supervision_circles'>, 'circle_name'> & Loose<Pick<TablesInsert<'supervision_circles'>, 'max_members' | 'meeting_frequency'>>;

export interface CircleParams {
  circle_id: number;
}

export interface ListCirclesParams {
  /** Page size, 1 to 1000 (default 50). */
  limit?: number | undefined;
  /** The `nextCursor` of the previous page. */
  cursor?: string | undefined;
}

export interface ListCircleMembersParams extends ListCirclesParams {
  circle_id: number;
}

const BY_NAME = { name: 'circles', keys: [{ column: 'circle_name' }, { column: 'circle_id' }] };

/**
 * The supervision circles, by name, each with its member count.
 *
 * @example
 * ```ts
 * const { data: page } = await ppn.supervision.circles.list();
 * const open = page?.rows.filter((c) => c.max_members === null || c.member_count < c.max_members);
 * ```
 */
export async function list(ctx: PpnContext, input?: ListCirclesParams, options?: RequestOptions): Promise<PpnResult<Page<CircleWithCount>>> {
  const parsed = read(z.strictObject(pageParams()), input, true);
  if (parsed.error) return parsed;
  const page = await readPage<SupervisionCircle & { circle_members: Array<{ count: number }> }>(
    ctx,
    BY_NAME,
    (count) => ctx.supabase.from('supervision_circles').select(`${SUPERVISION_CIRCLES_COLUMNS},circle_members(count)`, count) as never,
    parsed.data,
    options,
  );
  if (page.error) return page;
  return ok({ ...page.data, rows: page.data.rows.map(({ circle_members, ...circle }) => ({ ...circle, member_count: circle_members[0]?.count ?? 0 })) });
}

const createKeys = keys(['circle_name', 'max_members', 'meeting_frequency']);

/**
 * Creates a supervision circle. Network admins only: anyone else gets `forbidden`.
 *
 * @example
 * ```ts
 * const { data: circle, error } = await ppn.supervision.circles.create({ circle_name: 'MDMA Peer Circle', max_members: 6, meeting_frequency: 'monthly' });
 * if (error?.code === 'forbidden') showNotAllowed();
 * ```
 */
export async function create(ctx: PpnContext, input: CreateCircleParams, options?: RequestOptions): Promise<PpnResult<SupervisionCircle>> {
  const given = params(input, false);
  if (given.error) return given;
  // Name 1..120 and not blank, max_members >= 1: the rules of @ppn/schema.
  const row = check<TablesInsert<'supervision_circles'>>(given.data, createKeys, given.data, supervisionCircleInsert);
  if (row.error) return row;
  return settleOne(ctx.supabase.from('supervision_circles').insert(row.data).select(SUPERVISION_CIRCLES_COLUMNS), options, 'The new circle');
}

const circleParams = z.strictObject({ circle_id: id() });

/**
 * Joins a circle with your own profile (the database takes it from your JWT). A full
 * circle, or one you already belong to, is a `conflict`; without a profile of your own you
 * get `forbidden`.
 *
 * @example
 * ```ts
 * const { error } = await ppn.supervision.circles.join({ circle_id: 1 });
 * if (error?.code === 'conflict') showMessage('The circle is full, or you are already in it');
 * ```
 */
export async function join(ctx: PpnContext, input: CircleParams, options?: RequestOptions): Promise<PpnResult<CircleMember>> {
  const parsed = read(circleParams, input, false);
  if (parsed.error) return parsed;
  // profile_id is absent: it defaults to the caller's profile in the database.
  return settleOne(ctx.supabase.from('circle_members').insert({ circle_id: parsed.data.circle_id }).select(CIRCLE_MEMBERS_COLUMNS), options, 'The new membership');
}

/**
 * Leaves a circle: removes your own membership, found by your own profile (not left to
 * row-level security alone, so a service-role client removes nothing), and returns it. Not
 * being a member is `not_found`.
 *
 * @example
 * ```ts
 * const { error } = await ppn.supervision.circles.leave({ circle_id: 1 });
 * ```
 */
export async function leave(ctx: PpnContext, input: CircleParams, options?: RequestOptions): Promise<PpnResult<CircleMember>> {
  const parsed = read(circleParams, input, false);
  if (parsed.error) return parsed;
  const { circle_id } = parsed.data;
  const what = `Your membership of circle ${circle_id}`;
  const me = await send(ctx.supabase.rpc('my_practitioner_profile').select('profile_id') as never, options);
  if (me.error) return me;
  const profileId = ((me.data as { data: Array<{ profile_id: number }> | null }).data ?? [])[0]?.profile_id;
  if (profileId === undefined) return fail(notFound(what));
  return settleOne(ctx.supabase.from('circle_members').delete().eq('circle_id', circle_id).eq('profile_id', profileId).select(CIRCLE_MEMBERS_COLUMNS), options, what);
}

const membersParams = z.strictObject({ circle_id: id(), ...pageParams() });

/**
 * A circle's members in the order they joined, each with their directory name. A circle
 * that does not exist has no members.
 *
 * @example
 * ```ts
 * const { data: page } = await ppn.supervision.circles.members({ circle_id: 1 });
 * page?.rows.forEach((m) => console.log(m.practitioner_profiles?.display_name, m.joined_at));
 * ```
 */
export async function members(ctx: PpnContext, input: ListCircleMembersParams, options?: RequestOptions): Promise<PpnResult<Page<CircleMemberWithProfile>>> {
  const parsed = read(membersParams, input, false);
  if (parsed.error) return parsed;
  return readPage<CircleMemberWithProfile>(
    ctx,
    { name: 'circle members', keys: [{ column: 'joined_at', nullable: true }, { column: 'profile_id' }] },
    (count) =>
      ctx.supabase
        .from('circle_members')
        .select(`${CIRCLE_MEMBERS_COLUMNS},practitioner_profiles(profile_id,display_name,credentials)`, count)
        .eq('circle_id', parsed.data.circle_id) as never,
    parsed.data,
    options,
  );
}
