import * as z from 'zod/mini';
import { practitionerProfileInsert, type Tables, type TablesInsert } from '@ppn/schema';
import { page } from './args.js';
import type { PpnContext } from './context.js';
import { readCountedPage } from './counted-page.js';
import { MAX_ROWS } from './paginate.js';
import { fail, ok, type PpnResult } from './result.js';
import { settle } from './settle.js';
import { parse } from './validate.js';

export type PractitionerProfile = Tables<'practitioner_profiles'>;

export interface SearchSupervisorsOptions {
  /**
   * Profiles with ANY of these specialties, e.g. `['PTSD', 'TRD']` (exact tags,
   * case-sensitive). At least one tag: leave it out to not filter.
   */
  specialties?: string[];
  /** Profiles with ANY of these modalities, e.g. `['Ketamine']`; like `specialties`. */
  modalities?: string[];
  /** At least this many years of practice. */
  minYearsExperience?: number;
  /** At most this hourly rate. */
  maxHourlyRate?: number;
  /** Only practitioners accepting new supervisees (default `true`). */
  acceptingOnly?: boolean;
  /** Page size, 1 to 1000 (default 50). */
  limit?: number;
  /** Rows to skip (default 0). */
  offset?: number;
}

/** One page of the directory and how many profiles match in all. */
export interface SupervisorSearchResult {
  profiles: PractitionerProfile[];
  /**
   * Matching profiles in all: exact up to 1000, above that the database planner's estimate
   * (PostgREST's `count=estimated`), which keeps a broad search on a large directory cheap.
   */
  total: number;
  /** `true` when `total` is an estimate (above 1000): show "about N". */
  totalIsEstimate: boolean;
}

/** Fields of your own directory profile; absent fields are left as they are. */
export interface ProfileInput {
  /** Name shown in the directory, 1 to 120 characters. */
  displayName?: string | null;
  /** E.g. `'MD, LMFT'`, at most 200 characters. */
  credentials?: string | null;
  /** Search tags, at most 20 of 1 to 60 characters. */
  specialties?: string[] | null;
  /** Search tags, at most 20 of 1 to 60 characters. */
  modalities?: string[] | null;
  /** Not negative. */
  yearsExperience?: number | null;
  /** Not negative, at most two decimals. */
  hourlyRate?: number | null;
  isAcceptingSupervision?: boolean | null;
  /** Most active supervisees at once; not negative. */
  maxSupervisees?: number | null;
  /** At most 500 characters. */
  bio?: string | null;
}

const DEFAULT_LIMIT = 50;

const tagList = z.array(z.string()).check(z.minLength(1), z.maxLength(100));

const searchOptions = z.optional(
  z.strictObject({
    specialties: z.optional(tagList),
    modalities: z.optional(tagList),
    minYearsExperience: z.optional(z.number().check(z.gte(0))),
    maxHourlyRate: z.optional(z.number().check(z.gte(0))),
    acceptingOnly: z.optional(z.boolean()),
    ...page(),
  }),
);

/**
 * Searches the practitioner directory for supervisors: most experienced first (then by
 * profile id, so pages are stable). `specialties` and `modalities` each match profiles
 * having ANY of the given tags (array overlap, GIN-indexed); the filters combine with AND.
 * Only practitioners accepting supervisees unless `acceptingOnly: false`.
 *
 * `total` is exact up to 1000 matches and the planner's estimate above (`totalIsEstimate`).
 *
 * @example
 * ```ts
 * const { data } = await ppn.supervision.search({ modalities: ['Psilocybin'], maxHourlyRate: 180, limit: 20 });
 * data?.profiles.forEach((p) => console.log(p.display_name, p.credentials, p.hourly_rate));
 * console.log(data?.totalIsEstimate ? `about ${data.total}` : data?.total);
 * ```
 */
export async function searchSupervisors(ctx: PpnContext, options: SearchSupervisorsOptions = {}): Promise<PpnResult<SupervisorSearchResult>> {
  const parsed = parse(searchOptions, options);
  if (!parsed.ok) return fail(parsed.error);
  const { specialties, modalities, minYearsExperience, maxHourlyRate, acceptingOnly = true, limit = DEFAULT_LIMIT, offset = 0 } = parsed.value ?? {};
  const filtered = (head: boolean) => {
    let query = ctx.supabase.from('practitioner_profiles').select('*', { count: 'estimated', head });
    if (specialties) query = query.overlaps('specialties', specialties);
    if (modalities) query = query.overlaps('modalities', modalities);
    if (minYearsExperience !== undefined) query = query.gte('years_experience', minYearsExperience);
    if (maxHourlyRate !== undefined) query = query.lte('hourly_rate', maxHourlyRate);
    if (acceptingOnly) query = query.eq('is_accepting_supervision', true);
    return query;
  };
  const result = await readCountedPage(
    offset,
    () =>
      filtered(false)
        .order('years_experience', { ascending: false, nullsFirst: false })
        .order('profile_id')
        .range(offset, offset + limit - 1),
    () => filtered(true),
  );
  if (result.error) return fail(result.error);
  const { rows, total } = result.data;
  return ok({ profiles: rows, total, totalIsEstimate: total > MAX_ROWS });
}

/**
 * Your own practitioner profile, or `null` when you have none yet. Who you are comes from
 * your JWT, inside the database.
 *
 * @example
 * ```ts
 * const { data: me } = await ppn.supervision.profiles.mine();
 * if (!me) showCreateProfileForm();
 * ```
 */
export async function getMyProfile(ctx: PpnContext): Promise<PpnResult<PractitionerProfile | null>> {
  return settle<PractitionerProfile | null>(await ctx.supabase.rpc('my_practitioner_profile').maybeSingle());
}

const profileInput = z
  .strictObject({
    displayName: z.optional(z.nullable(z.string())),
    credentials: z.optional(z.nullable(z.string())),
    specialties: z.optional(z.nullable(z.array(z.string()))),
    modalities: z.optional(z.nullable(z.array(z.string()))),
    yearsExperience: z.optional(z.nullable(z.number())),
    hourlyRate: z.optional(z.nullable(z.number())),
    isAcceptingSupervision: z.optional(z.nullable(z.boolean())),
    maxSupervisees: z.optional(z.nullable(z.number())),
    bio: z.optional(z.nullable(z.string())),
  })
  .check(z.refine((value) => Object.values(value).some((v) => v !== undefined), 'Give at least one field'));

const COLUMNS = {
  displayName: 'display_name',
  credentials: 'credentials',
  specialties: 'specialties',
  modalities: 'modalities',
  yearsExperience: 'years_experience',
  hourlyRate: 'hourly_rate',
  isAcceptingSupervision: 'is_accepting_supervision',
  maxSupervisees: 'max_supervisees',
  bio: 'bio',
} as const;

const RENAME = {
  display_name: 'displayName',
  years_experience: 'yearsExperience',
  hourly_rate: 'hourlyRate',
  is_accepting_supervision: 'isAcceptingSupervision',
  max_supervisees: 'maxSupervisees',
};

/**
 * Creates your directory profile, or updates it: only the fields you give change. The
 * profile is always yours (`user_id` comes from your JWT in the database); you cannot
 * write anyone else's.
 *
 * @example
 * ```ts
 * const { data, error } = await ppn.supervision.profiles.upsertMine({
 *   displayName: 'Dr. Jo Park', credentials: 'PsyD', modalities: ['Ketamine'], isAcceptingSupervision: true,
 * });
 * ```
 */
export async function upsertMyProfile(ctx: PpnContext, input: ProfileInput): Promise<PpnResult<PractitionerProfile>> {
  const parsed = parse(profileInput, input);
  if (!parsed.ok) return fail(parsed.error);
  // Only the fields given, so an update leaves the others as they are; never user_id.
  const row: TablesInsert<'practitioner_profiles'> = {};
  for (const [field, column] of Object.entries(COLUMNS) as Array<[keyof typeof COLUMNS, string]>) {
    const value = parsed.value[field];
    if (value !== undefined) (row as Record<string, unknown>)[column] = value;
  }
  // Directory rules (name 1..120, tags, bio <= 500, ...) live in @ppn/schema.
  const checked = parse(practitionerProfileInsert, row, RENAME);
  if (!checked.ok) return fail(checked.error);
  // user_id defaults to auth.uid(): the conflict on it makes a second call an update of
  // the columns sent, never of anyone else's row (the policies check user_id too).
  return settle(await ctx.supabase
    .from('practitioner_profiles')
    .upsert(row, { onConflict: 'user_id' })
    .select('*')
    .single());
}
