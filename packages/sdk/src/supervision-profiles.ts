import * as z from 'zod/mini';
import { PRACTITIONER_PROFILES_COLUMNS, practitionerProfileInsert, type Tables, type TablesInsert } from '@ppn/schema';
import { items, pageParams } from './args.js';
import type { PpnContext, RequestOptions } from './context.js';
import type { PpnIssue } from './errors.js';
import { readPage, type Page } from './page.js';
import { settleOne } from './request.js';
import type { PpnResult } from './result.js';
import type { Loose } from './types.js';
import { check, keys, params, read } from './validate.js';

export type PractitionerProfile = Tables<'practitioner_profiles'>;

/** A directory entry in search results: the practitioner's profile. */
export type SupervisorSearchResult = PractitionerProfile;

export interface SearchSupervisorsParams {
  /**
   * Profiles with ANY of these specialties, e.g. `['PTSD', 'TRD']` (exact tags,
   * case-sensitive). At least one tag: leave it out to not filter.
   */
  specialties?: string[] | undefined;
  /** Profiles with ANY of these modalities, e.g. `['Ketamine']`; like `specialties`. */
  modalities?: string[] | undefined;
  /** At least this many years of practice. */
  minYearsExperience?: number | undefined;
  /** At most this hourly rate. */
  maxHourlyRate?: number | undefined;
  /** Only practitioners accepting new supervisees (default `true`). */
  acceptingOnly?: boolean | undefined;
  /** Page size, 1 to 1000 (default 50). */
  limit?: number | undefined;
  /** The `nextCursor` of the previous page. */
  cursor?: string | undefined;
}

/** The columns of your own directory profile you may write; absent ones are left as they are. */
export type UpsertProfileParams = Loose<
  Pick<
    TablesInsert<'practitioner_profiles'>,
    'display_name' | 'credentials' | 'specialties' | 'modalities' | 'years_experience' | 'hourly_rate' | 'is_accepting_supervision' | 'max_supervisees' | 'bio'
  >
>;

const tagList = items<string>(1, 100, z.string());

const searchParams = z.strictObject({
  specialties: z.optional(tagList),
  modalities: z.optional(tagList),
  minYearsExperience: z.optional(z.number().check(z.gte(0))),
  maxHourlyRate: z.optional(z.number().check(z.gte(0))),
  acceptingOnly: z.optional(z.boolean()),
  ...pageParams(),
});

/**
 * Searches the practitioner directory for supervisors: most experienced first (profiles
 * without years last, then by profile id). `specialties` and `modalities` each match
 * profiles having ANY of the given tags (array overlap, GIN-indexed); the filters combine
 * with AND. Only practitioners accepting supervisees unless `acceptingOnly: false`.
 *
 * `total` is the planner's estimate above the row cap (`totalIsEstimate`), which keeps a
 * broad search on a large directory cheap.
 *
 * @example
 * ```ts
 * const { data: page } = await ppn.supervision.search({ modalities: ['Psilocybin'], maxHourlyRate: 180, limit: 20 });
 * page?.rows.forEach((p) => console.log(p.display_name, p.credentials, p.hourly_rate));
 * console.log(page?.totalIsEstimate ? `about ${page.total}` : page?.total);
 * ```
 */
export async function search(ctx: PpnContext, input?: SearchSupervisorsParams, options?: RequestOptions): Promise<PpnResult<Page<SupervisorSearchResult>>> {
  const parsed = read(searchParams, input, true);
  if (parsed.error) return parsed;
  const { specialties, modalities, minYearsExperience, maxHourlyRate, acceptingOnly = true } = parsed.data;
  return readPage<SupervisorSearchResult>(
    ctx,
    {
      name: 'supervisor search',
      keys: [
        { column: 'years_experience', descending: true, nullable: true },
        { column: 'profile_id' },
      ],
    },
    (count) => {
      let query = ctx.supabase.from('practitioner_profiles').select(PRACTITIONER_PROFILES_COLUMNS, count);
      if (specialties) query = query.overlaps('specialties', specialties);
      if (modalities) query = query.overlaps('modalities', modalities);
      if (minYearsExperience !== undefined) query = query.gte('years_experience', minYearsExperience);
      if (maxHourlyRate !== undefined) query = query.lte('hourly_rate', maxHourlyRate);
      if (acceptingOnly) query = query.eq('is_accepting_supervision', true);
      return query as never;
    },
    parsed.data,
    options,
    'estimated',
  );
}

/**
 * Your own practitioner profile; `not_found` when you have none yet. Who you are comes from
 * your JWT, inside the database.
 *
 * @example
 * ```ts
 * const { data: me, error } = await ppn.supervision.profiles.mine();
 * if (error?.code === 'not_found') showCreateProfileForm();
 * ```
 */
export async function mine(ctx: PpnContext, input?: Record<string, never>, options?: RequestOptions): Promise<PpnResult<PractitionerProfile>> {
  const parsed = read(z.strictObject({}), input, true);
  if (parsed.error) return parsed;
  return settleOne(ctx.supabase.rpc('my_practitioner_profile').select(PRACTITIONER_PROFILES_COLUMNS) as never, options, 'Your practitioner profile');
}

const PROFILE_KEYS = ['display_name', 'credentials', 'specialties', 'modalities', 'years_experience', 'hourly_rate', 'is_accepting_supervision', 'max_supervisees', 'bio'];
const profileKeys = keys(PROFILE_KEYS);

/**
 * Creates your directory profile, or updates it: only the columns you give change. The
 * profile is always yours (`user_id` comes from your JWT in the database); you cannot
 * write anyone else's.
 *
 * @example
 * ```ts
 * const { data, error } = await ppn.supervision.profiles.upsertMine({
 *   display_name: 'Dr. Jo Park', credentials: 'PsyD', modalities: ['Ketamine'], is_accepting_supervision: true,
 * });
 * ```
 */
export async function upsertMine(ctx: PpnContext, input: UpsertProfileParams, options?: RequestOptions): Promise<PpnResult<PractitionerProfile>> {
  const given = params(input, false);
  if (given.error) return given;
  const none: PpnIssue[] = Object.values(given.data).some((v) => v !== undefined) ? [] : [{ path: [], code: 'required', message: `Give at least one of ${PROFILE_KEYS.join(', ')}` }];
  // Directory rules (name 1..120 and not blank, tags, bio <= 500, ...) live in @ppn/schema.
  const row = check<TablesInsert<'practitioner_profiles'>>(given.data, profileKeys, given.data, practitionerProfileInsert, none);
  if (row.error) return row;
  // user_id defaults to auth.uid(): the conflict on it makes a second call an update of
  // the columns sent, never of anyone else's row (the policies check user_id too).
  return settleOne(
    ctx.supabase.from('practitioner_profiles').upsert(row.data, { onConflict: 'user_id' }).select(PRACTITIONER_PROFILES_COLUMNS),
    options,
    'Your practitioner profile',
  );
}
