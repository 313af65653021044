/**
 * For every CHECK constraint in `public`, values just inside and just outside its bounds go
 * both to the generated Insert validator and to the real database (as superuser, in a
 * transaction that is rolled back, with the minimal parent rows created in it), and the two
 * must agree: accepted by both or refused by both. A constraint without cases here fails
 * the suite, so a new CHECK cannot go untested.
 *
 * A constraint the generator cannot read (SCHEMA.md: "left to the database") is judged by
 * the @ppn/schema validator whose hand-written refinement (src/refinements.ts) holds the
 * same rule instead, so the SDK still refuses, before any request, what the database refuses.
 */
import pg from 'pg';
import { describe, expect, test } from 'vitest';
import { readCatalog } from '../scripts/catalog.js';
import { translateCheck } from '../scripts/check-expressions.js';
import {
  EVIDENCE_KINDS,
  INTERACTION_EFFECTS,
  INTERACTION_SEVERITIES,
  interactionEvidenceInsert,
  MODALITY_CLASSES,
  practitionerProfileInsert,
  RELATIONSHIP_STATUSES,
  REVIEW_STATUSES,
  SCALE_TYPES,
  SITE_ROLES,
  supervisionCircleInsert,
  supervisionRelationshipInsert,
} from '../src/index.js';
import * as validators from '../src/validators/index.generated.js';
import { dbUrl, inRolledBackTransaction, query } from './helpers/db.js';

type Row = Record<string, unknown>;

interface Validator {
  safeParse(v: unknown): { success: boolean; error?: { issues: Array<{ path: PropertyKey[] }> } };
}

interface Boundary {
  /** The minimal valid row, creating whatever parents it needs in `db`. */
  base: (db: pg.Client) => Promise<Row>;
  /** Patches on `base` that satisfy the constraint. */
  inside: (base: Row) => Row[];
  /** Patches on `base` that violate it. */
  outside: (base: Row) => Row[];
  /**
   * Only for a constraint the generator leaves to the database: the refined validator
   * (src/refinements.ts) that judges the cases instead of the generated Insert validator.
   */
  refinedBy?: Validator;
}

const TS = '2026-03-10T10:00:00+00:00';

async function one<T>(db: pg.Client, sql: string, params: unknown[] = []): Promise<T> {
  const { rows } = await db.query(sql, params);
  return Object.values(rows[0] as Row)[0] as T;
}

// node-postgres returns bigint as a string; the API (and the validators) use numbers.
const site = async (db: pg.Client) =>
  Number(await one(db, `insert into public.sites (site_name) values ('boundary ' || gen_random_uuid()) returning site_id`));
const user = (db: pg.Client) => one<string>(db, `insert into auth.users default values returning id`);
const profile = async (db: pg.Client) =>
  Number(await one(db, `insert into public.practitioner_profiles default values returning profile_id`));

const chars = (n: number, ch = 'x') => ch.repeat(n);

/** Whitespace only, as JavaScript's \s and the `*_not_blank` constraints define it. */
const BLANK = [' ', '\t', '\n\r', '\v\f', '\u00a0', '\u1680', '\u2000\u200a', '\u2028\u2029', '\u202f\u205f', '\u3000', '\ufeff'];
/** Not blank: a visible character, or one neither calls whitespace (zero-width space, NEL). */
const NOT_BLANK = ['x', ' x ', '\u00a0x', '\u200b', '\u0085', '\u180e'];

/** The tags constraints: at most 20 tags of 1..60 characters, no null tag. */
const tagCases = (column: string): Pick<Boundary, 'inside' | 'outside'> => ({
  inside: () => [
    { [column]: null },
    { [column]: [] },
    { [column]: ['PTSD'] },
    { [column]: Array.from({ length: 20 }, (_, i) => `${chars(58)}${String(i).padStart(2, '0')}`) },
    { [column]: [chars(60, '😀'), 'x'] },
  ],
  outside: () => [
    { [column]: Array.from({ length: 21 }, (_, i) => `tag${i}`) },
    { [column]: [''] },
    { [column]: ['PTSD', chars(61)] },
    { [column]: [chars(61, '😀')] },
    { [column]: ['PTSD', null] },
  ],
});

/** A minimal unreviewed finding about a seeded medication and the classic psychedelics. */
const evidence = async (db: pg.Client): Promise<Row> => ({
  medication_id: Number(await one(db, `select medication_id from public.ref_medications where medication_name = 'Lithium'`)),
  modality_class: 'classic_psychedelic',
  effect: 'attenuates',
  severity: 'info',
  finding: 'A finding.',
  evidence_kind: 'case_report',
  citation_title: 'A title',
  citation_year: 2020,
  citation_doi: '10.1000/xyz',
});
/** The seeded Psilocybin modality's id, read by the `base` that needs it. */
let psilocybin = 0;
const evidenceWithModality = async (db: pg.Client): Promise<Row> => {
  psilocybin = Number(await one(db, `select modality_id from public.ref_modalities where modality_name = 'Psilocybin'`));
  return evidence(db);
};
const historyOf = async (db: pg.Client): Promise<Row> => {
  const row = await evidence(db);
  const cols = Object.keys(row);
  const id = await one(db, `insert into public.ref_interaction_evidence (${cols.join(', ')}) values (${cols.map((_, i) => `$${i + 1}`).join(', ')}) returning evidence_id`, Object.values(row));
  return { evidence_id: Number(id), to_status: 'unreviewed' };
};
const enumCases = (column: string, values: readonly string[], wrong: string[]): Pick<Boundary, 'inside' | 'outside'> => ({
  inside: () => values.map((v) => ({ [column]: v })),
  outside: () => wrong.map((v) => ({ [column]: v })),
});
const lengthCases = (column: string, max: number, nullable: boolean): Pick<Boundary, 'inside' | 'outside'> => ({
  inside: () => [...(nullable ? [{ [column]: null }] : []), { [column]: 'x' }, { [column]: chars(max) }, { [column]: chars(max, '😀') }],
  outside: () => [{ [column]: '' }, { [column]: chars(max + 1) }, { [column]: `${chars(max)}é` }],
});

/** Keyed `table.constraint`; each must exist in the database and vice versa. */
const CASES: Record<string, Boundary> = {
  'integration_homework.integration_homework_completed_after_assigned': {
    base: async () => ({ assigned_date: '2026-03-10', due_date: '2026-03-20' }),
    inside: () => [
      { completed_date: null },
      { completed_date: '2026-03-10' },
      { completed_date: '2026-03-11' },
      // After the due date: late, but completed.
      { completed_date: '2026-03-25' },
    ],
    outside: () => [
      { completed_date: '2026-03-09' },
      { assigned_date: '2024-03-01', due_date: '2024-03-05', completed_date: '2024-02-29' },
      { assigned_date: '2027-01-01', due_date: '2027-01-01', completed_date: '2026-12-31' },
    ],
  },
  'integration_homework.integration_homework_completion_notes_length': {
    base: async () => ({ assigned_date: '2026-03-10', due_date: '2026-03-10' }),
    inside: () => [
      { completion_notes: null },
      { completion_notes: '' },
      { completion_notes: chars(2000) },
      { completion_notes: chars(2000, '😀') },
    ],
    outside: () => [{ completion_notes: chars(2001) }, { completion_notes: chars(2001, '😀') }, { completion_notes: `${chars(2000)}é` }],
  },
  'integration_homework.valid_dates': {
    base: async () => ({ assigned_date: '2026-03-10', due_date: '2026-03-10' }),
    inside: () => [
      { due_date: '2026-03-10' },
      { due_date: '2026-03-11' },
      { assigned_date: '2024-02-28', due_date: '2024-02-29' },
      { assigned_date: '2026-12-31', due_date: '2027-01-01' },
    ],
    outside: () => [
      { due_date: '2026-03-09' },
      { assigned_date: '2024-03-01', due_date: '2024-02-29' },
      { assigned_date: '2027-01-01', due_date: '2026-12-31' },
    ],
  },
  'integration_scores.integration_scores_days_post_dose_check': {
    base: async () => ({ score_value: 50, measured_at: TS }),
    inside: () => [{ days_post_dose: null }, { days_post_dose: 0 }, { days_post_dose: 1 }, { days_post_dose: 2147483647 }],
    outside: () => [{ days_post_dose: -1 }, { days_post_dose: -2147483648 }],
  },
  'integration_scores.integration_scores_scale_type_check': {
    base: async () => ({ score_value: 50, measured_at: TS }),
    inside: () => [...SCALE_TYPES.map((scale_type) => ({ scale_type })), { scale_type: null }],
    outside: () => [{ scale_type: 'ies' }, { scale_type: 'EIS ' }, { scale_type: '' }, { scale_type: 'PCL-5' }],
  },
  'integration_scores.valid_integration_score': {
    base: async () => ({ score_value: 50, measured_at: TS }),
    inside: () => [{ score_value: 0 }, { score_value: 0.01 }, { score_value: 99.99 }, { score_value: 100 }],
    outside: () => [{ score_value: -0.01 }, { score_value: 100.01 }, { score_value: -1 }, { score_value: 999.99 }],
  },
  'practitioner_profiles.practitioner_profiles_bio_length': {
    base: async () => ({}),
    inside: () => [
      { bio: null },
      { bio: '' },
      { bio: chars(500) },
      // 500 characters, 1000 UTF-16 units: Postgres counts characters.
      { bio: chars(500, '😀') },
      { bio: `${chars(499)}é` },
    ],
    outside: () => [{ bio: chars(501) }, { bio: chars(501, '😀') }, { bio: `${chars(500)}é` }],
  },
  'practitioner_profiles.practitioner_profiles_credentials_length': {
    base: async () => ({}),
    inside: () => [{ credentials: null }, { credentials: '' }, { credentials: chars(200) }, { credentials: chars(200, '😀') }],
    outside: () => [{ credentials: chars(201) }, { credentials: chars(201, '😀') }, { credentials: `${chars(200)}é` }],
  },
  'practitioner_profiles.practitioner_profiles_display_name_length': {
    base: async () => ({}),
    inside: () => [{ display_name: null }, { display_name: 'x' }, { display_name: chars(120) }, { display_name: chars(120, '😀') }],
    // '' is blank too; Postgres checks a table's CHECK constraints in name order, so the
    // length constraint answers first.
    outside: () => [{ display_name: '' }, { display_name: chars(121) }, { display_name: chars(121, '😀') }],
  },
  'practitioner_profiles.practitioner_profiles_display_name_not_blank': {
    base: async () => ({}),
    inside: () => [{ display_name: null }, ...NOT_BLANK.map((display_name) => ({ display_name }))],
    outside: () => BLANK.map((display_name) => ({ display_name })),
    refinedBy: practitionerProfileInsert,
  },
  'practitioner_profiles.practitioner_profiles_hourly_rate_check': {
    base: async () => ({}),
    inside: () => [{ hourly_rate: null }, { hourly_rate: 0 }, { hourly_rate: 0.01 }, { hourly_rate: 250.5 }],
    outside: () => [{ hourly_rate: -0.01 }, { hourly_rate: -1 }],
  },
  'practitioner_profiles.practitioner_profiles_max_supervisees_check': {
    base: async () => ({}),
    inside: () => [{ max_supervisees: null }, { max_supervisees: 0 }, { max_supervisees: 1 }, { max_supervisees: 2147483647 }],
    outside: () => [{ max_supervisees: -1 }, { max_supervisees: -2147483648 }],
  },
  'practitioner_profiles.practitioner_profiles_modalities_tags': {
    base: async () => ({}),
    ...tagCases('modalities'),
    refinedBy: practitionerProfileInsert,
  },
  'practitioner_profiles.practitioner_profiles_specialties_tags': {
    base: async () => ({}),
    ...tagCases('specialties'),
    refinedBy: practitionerProfileInsert,
  },
  'practitioner_profiles.practitioner_profiles_years_experience_check': {
    base: async () => ({}),
    inside: () => [{ years_experience: null }, { years_experience: 0 }, { years_experience: 1 }],
    outside: () => [{ years_experience: -1 }, { years_experience: -2147483648 }],
  },
  'ref_modalities.ref_modalities_modality_name_length': {
    base: async () => ({ modality_name: 'Boundary modality', modality_class: 'entactogen' }),
    ...lengthCases('modality_name', 60, false),
  },
  'ref_modalities.ref_modalities_modality_class_check': {
    base: async () => ({ modality_name: 'Boundary modality', modality_class: 'entactogen' }),
    ...enumCases('modality_class', MODALITY_CLASSES, ['Entactogen', '', 'opioid', 'entactogen ']),
  },
  'ref_interaction_evidence.ref_interaction_evidence_modality_class_check': {
    base: evidence,
    ...enumCases('modality_class', MODALITY_CLASSES, ['Classic_psychedelic', '', 'psychedelic']),
  },
  'ref_interaction_evidence.ref_interaction_evidence_effect_check': {
    base: evidence,
    ...enumCases('effect', INTERACTION_EFFECTS, ['safe', '', 'Attenuates', 'no_interaction']),
  },
  'ref_interaction_evidence.ref_interaction_evidence_severity_check': {
    base: evidence,
    ...enumCases('severity', INTERACTION_SEVERITIES, ['none', '', 'Avoid']),
  },
  'ref_interaction_evidence.ref_interaction_evidence_evidence_kind_check': {
    base: evidence,
    ...enumCases('evidence_kind', EVIDENCE_KINDS, ['rct', '', 'Case_report']),
  },
  'ref_interaction_evidence.ref_interaction_evidence_review_status_check': {
    base: evidence,
    // approved and retired are in the list, but new evidence must start unreviewed: the
    // insert trigger refuses them (42501) before any CHECK (the access matrix covers it).
    inside: () => [{}, { review_status: 'unreviewed' }],
    // With a review time, so that only the status list is broken (review_stamp sorts first).
    outside: () => [{ review_status: 'Unreviewed', reviewed_at: TS }, { review_status: '', reviewed_at: TS }, { review_status: 'pending', reviewed_at: TS }],
  },
  'ref_interaction_evidence.ref_interaction_evidence_finding_length': { base: evidence, ...lengthCases('finding', 500, false) },
  'ref_interaction_evidence.ref_interaction_evidence_citation_title_length': { base: evidence, ...lengthCases('citation_title', 300, false) },
  'ref_interaction_evidence.ref_interaction_evidence_citation_authors_length': { base: evidence, ...lengthCases('citation_authors', 300, true) },
  'ref_interaction_evidence.ref_interaction_evidence_citation_journal_length': { base: evidence, ...lengthCases('citation_journal', 200, true) },
  'ref_interaction_evidence.ref_interaction_evidence_citation_year_check': {
    base: evidence,
    inside: () => [{ citation_year: 1900 }, { citation_year: 2021 }, { citation_year: 2100 }],
    outside: () => [{ citation_year: 1899 }, { citation_year: 2101 }, { citation_year: 0 }, { citation_year: -2021 }],
  },
  'ref_interaction_evidence.ref_interaction_evidence_citation_doi_format': {
    base: async (db) => ({ ...(await evidence(db)), citation_pmid: '34348413' }),
    inside: () => [
      { citation_doi: null },
      { citation_doi: '10.1055/a-1524-2794' },
      { citation_doi: '10.1007/s00213-022-06083-y' },
      { citation_doi: '10.1177/02698811231211219' },
      { citation_doi: '10.1002/(SICI)1097-4679(199911)55:11' },
      { citation_doi: `10.1234/${chars(192)}` },
    ],
    outside: () => [
      { citation_doi: '' },
      { citation_doi: 'doi:10.1055/a-1524-2794' },
      { citation_doi: 'https://doi.org/10.1055/a-1524-2794' },
      { citation_doi: '10.123/abc' },
      { citation_doi: '10.1055/' },
      { citation_doi: '10.1055/a 1524' },
      { citation_doi: `10.1234/${chars(193)}` },
    ],
    refinedBy: interactionEvidenceInsert,
  },
  'ref_interaction_evidence.ref_interaction_evidence_citation_pmid_format': {
    base: evidence,
    inside: () => [{ citation_pmid: null }, { citation_pmid: '1' }, { citation_pmid: '34348413' }, { citation_pmid: '999999999' }],
    outside: () => [
      { citation_pmid: '' },
      { citation_pmid: '0' },
      { citation_pmid: '034348413' },
      { citation_pmid: '1234567890' },
      { citation_pmid: 'PMID34348413' },
      { citation_pmid: '343 48413' },
    ],
    refinedBy: interactionEvidenceInsert,
  },
  'ref_interaction_evidence.ref_interaction_evidence_citation_identifier': {
    base: evidence,
    inside: () => [{}, { citation_doi: null, citation_pmid: '34348413' }, { citation_pmid: '34348413' }],
    outside: () => [{ citation_doi: null }, { citation_doi: null, citation_pmid: null }],
    refinedBy: interactionEvidenceInsert,
  },
  'ref_interaction_evidence.ref_interaction_evidence_one_modality_target': {
    base: evidenceWithModality,
    inside: () => [{}, { modality_class: null, modality_id: psilocybin }],
    outside: () => [{ modality_class: null }, { modality_id: psilocybin }, { modality_class: 'entactogen', modality_id: psilocybin }],
    refinedBy: interactionEvidenceInsert,
  },
  'ref_interaction_evidence.ref_interaction_evidence_review_stamp': {
    base: evidence,
    inside: () => [{}, { review_status: 'unreviewed', reviewed_at: null }],
    outside: () => [{ reviewed_at: TS }, { review_status: 'unreviewed', reviewed_at: TS }],
    refinedBy: interactionEvidenceInsert,
  },
  'ref_interaction_evidence_history.ref_interaction_evidence_history_from_status_check': {
    base: historyOf,
    inside: () => [{ from_status: null }, ...REVIEW_STATUSES.map((from_status) => ({ from_status }))],
    outside: () => [{ from_status: 'Approved' }, { from_status: '' }, { from_status: 'deleted' }],
  },
  'ref_interaction_evidence_history.ref_interaction_evidence_history_to_status_check': {
    base: historyOf,
    inside: () => REVIEW_STATUSES.map((to_status) => ({ to_status })),
    outside: () => [{ to_status: 'Retired' }, { to_status: '' }, { to_status: 'safe' }],
  },
  'session_events.session_events_intensity_level_check': {
    base: async () => ({ event_timestamp: TS }),
    inside: () => [{ intensity_level: null }, { intensity_level: 1 }, { intensity_level: 10 }],
    outside: () => [{ intensity_level: 0 }, { intensity_level: 11 }, { intensity_level: -1 }],
  },
  'session_events.session_events_notes_length': {
    base: async () => ({ event_timestamp: TS }),
    inside: () => [{ notes: null }, { notes: '' }, { notes: chars(2000) }, { notes: chars(2000, '😀') }],
    outside: () => [{ notes: chars(2001) }, { notes: chars(2001, '😀') }, { notes: `${chars(2000)}é` }],
  },
  'supervision_circles.supervision_circles_circle_name_length': {
    base: async () => ({ circle_name: 'Circle' }),
    inside: () => [{ circle_name: 'x' }, { circle_name: chars(120) }, { circle_name: chars(120, '😀') }],
    outside: () => [{ circle_name: '' }, { circle_name: chars(121) }, { circle_name: chars(121, '😀') }],
  },
  'supervision_circles.supervision_circles_circle_name_not_blank': {
    base: async () => ({ circle_name: 'Circle' }),
    inside: () => NOT_BLANK.map((circle_name) => ({ circle_name })),
    outside: () => BLANK.map((circle_name) => ({ circle_name })),
    refinedBy: supervisionCircleInsert,
  },
  'supervision_circles.supervision_circles_max_members_check': {
    base: async () => ({ circle_name: 'Circle' }),
    inside: () => [{ max_members: null }, { max_members: 1 }, { max_members: 2 }, { max_members: 2147483647 }],
    outside: () => [{ max_members: 0 }, { max_members: -1 }, { max_members: -2147483648 }],
  },
  'supervision_relationships.no_self_supervision': {
    // Cancelled: only a closed relationship may lack a participant (open_has_participants).
    base: async (db) => ({ supervisor_id: await profile(db), supervisee_id: await profile(db), status: 'cancelled' }),
    inside: (base) => [{}, { supervisee_id: null }, { supervisor_id: null, supervisee_id: base.supervisor_id }],
    outside: (base) => [{ supervisee_id: base.supervisor_id }, { supervisor_id: base.supervisee_id }],
  },
  'supervision_relationships.supervision_relationships_open_has_participants': {
    base: async (db) => ({ supervisor_id: await profile(db), supervisee_id: await profile(db), status: 'pending' }),
    inside: () => [
      {},
      { status: 'active' },
      { status: 'completed', supervisor_id: null },
      { status: 'cancelled', supervisee_id: null },
      { status: 'completed', supervisor_id: null, supervisee_id: null },
      { status: null, supervisor_id: null },
    ],
    outside: () => [
      { supervisor_id: null },
      { supervisee_id: null },
      { status: 'active', supervisor_id: null },
      { status: 'active', supervisee_id: null },
      { supervisor_id: null, supervisee_id: null },
    ],
    refinedBy: supervisionRelationshipInsert,
  },
  'supervision_relationships.supervision_relationships_status_check': {
    base: async (db) => ({ supervisor_id: await profile(db), supervisee_id: await profile(db) }),
    inside: () => [...RELATIONSHIP_STATUSES.map((status) => ({ status })), { status: null }],
    outside: () => [{ status: 'Pending' }, { status: 'done' }, { status: '' }, { status: 'active ' }],
  },
  'user_sites.user_sites_role_check': {
    base: async (db) => ({ user_id: await user(db), site_id: await site(db), role: 'member' }),
    inside: () => SITE_ROLES.map((role) => ({ role })),
    outside: () => [{ role: 'admin' }, { role: 'Clinician' }, { role: '' }, { role: 'member ' }],
  },
};

const camel = (name: string) => name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
const validator = (table: string, variant: 'Row' | 'Insert') =>
  (validators as unknown as Record<string, Validator>)[`${camel(table)}${variant}`]!;

interface DbOutcome {
  ok: boolean;
  code?: string;
  constraint?: string;
  row?: Row;
}

/** Inserts `row` and undoes it again (savepoint), reporting what the database said. */
async function insert(db: pg.Client, table: string, row: Row): Promise<DbOutcome> {
  const columns = Object.keys(row);
  const values = columns.length
    ? `(${columns.map((c) => `"${c}"`).join(', ')}) values (${columns.map((_, i) => `$${i + 1}`).join(', ')})`
    : 'default values';
  await db.query('savepoint boundary');
  try {
    const { rows } = await db.query<{ row: Row }>(
      `insert into public.${table} ${values} returning to_jsonb(${table}.*) as row`,
      Object.values(row),
    );
    return { ok: true, row: rows[0]!.row };
  } catch (error) {
    const e = error as { code?: string; constraint?: string };
    return { ok: false, code: e.code, constraint: e.constraint };
  } finally {
    await db.query('rollback to savepoint boundary');
  }
}

describe('CHECK constraints: validators and the database agree at the boundaries', () => {
  test('every CHECK constraint in public has boundary cases', async () => {
    const rows = await query<{ key: string }>(
      `select c.relname || '.' || k.conname as key
         from pg_constraint k join pg_class c on c.oid = k.conrelid
        where k.contype = 'c' and k.connamespace = 'public'::regnamespace
        order by 1`,
    );
    expect(Object.keys(CASES).sort()).toEqual(rows.map((r) => r.key));
  });

  test('a refinement judges exactly the constraints the generator leaves to the database', async () => {
    const client = new pg.Client({ connectionString: dbUrl() });
    await client.connect();
    const leftToDatabase: string[] = [];
    try {
      for (const table of await readCatalog(client)) {
        for (const k of table.constraints.filter((c) => c.type === 'c')) {
          if (!translateCheck(k.definition, table.columns).expressed) leftToDatabase.push(`${table.name}.${k.name}`);
        }
      }
    } finally {
      await client.end();
    }
    const refined = Object.entries(CASES).filter(([, b]) => b.refinedBy).map(([key]) => key);
    expect(refined.sort()).toEqual(leftToDatabase.sort());
  });

  const columnsOf = async (table: string, constraint: string) =>
    (
      await query<{ columns: string[] }>(
        `select array(select a.attname::text from unnest(k.conkey) u(n)
                        join pg_attribute a on a.attrelid = k.conrelid and a.attnum = u.n) as columns
           from pg_constraint k join pg_class c on c.oid = k.conrelid
          where c.relnamespace = 'public'::regnamespace and c.relname = $1 and k.conname = $2`,
        [table, constraint],
      )
    )[0]?.columns ?? [];

  test.each(Object.entries(CASES))('%s', async (key, boundary) => {
    const [table, constraint] = key.split('.') as [string, string];
    const columns = await columnsOf(table, constraint);
    const insertValidator = boundary.refinedBy ?? validator(table, 'Insert');
    const rowValidator = validator(table, 'Row');

    await inRolledBackTransaction(async (db) => {
      const base = await boundary.base(db);
      const attempts = [
        ...boundary.inside(base).map((patch) => ({ patch, expected: true })),
        ...boundary.outside(base).map((patch) => ({ patch, expected: false })),
      ];
      for (const { patch, expected } of attempts) {
        const row = { ...base, ...patch };
        const label = `${key} ${JSON.stringify(patch).slice(0, 80)}`;
        const parsed = insertValidator.safeParse(row);
        const stored = await insert(db, table, row);

        expect({ label, validator: parsed.success, database: stored.ok }).toEqual({
          label,
          validator: expected,
          database: expected,
        });
        if (stored.ok) {
          // What the database returns for the row parses with the Row validator.
          expect(rowValidator.safeParse(stored.row).success, `${label}: Row`).toBe(true);
        } else {
          expect({ label, code: stored.code, constraint: stored.constraint }).toEqual({
            label,
            code: '23514',
            constraint,
          });
          const paths = parsed.error!.issues.map((i) => String(i.path[0]));
          expect(paths.some((p) => columns.includes(p)), `${label}: issue path ${paths}`).toBe(true);
        }
      }
    });
  });
});
