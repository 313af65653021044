/**
 * For every CHECK constraint in `public`, values just inside and just outside its bounds go
 * both to the generated Insert validator and to the real database (as superuser, in a
 * transaction that is rolled back, with the minimal parent rows created in it), and the two
 * must agree: accepted by both or refused by both. A constraint without cases here fails
 * the suite, so a new CHECK cannot go untested.
 */
import type pg from 'pg';
import { describe, expect, test } from 'vitest';
import { RELATIONSHIP_STATUSES, SCALE_TYPES, SITE_ROLES } from '../src/index.js';
import * as validators from '../src/validators/index.generated.js';
import { inRolledBackTransaction, query } from './helpers/db.js';

type Row = Record<string, unknown>;

interface Boundary {
  /** The minimal valid row, creating whatever parents it needs in `db`. */
  base: (db: pg.Client) => Promise<Row>;
  /** Patches on `base` that satisfy the constraint. */
  inside: (base: Row) => Row[];
  /** Patches on `base` that violate it. */
  outside: (base: Row) => Row[];
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

/** Keyed `table.constraint`; each must exist in the database and vice versa. */
const CASES: Record<string, Boundary> = {
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
  'practitioner_profiles.practitioner_profiles_hourly_rate_check': {
    base: async () => ({}),
    inside: () => [{ hourly_rate: null }, { hourly_rate: 0 }, { hourly_rate: 0.01 }, { hourly_rate: 250.5 }],
    outside: () => [{ hourly_rate: -0.01 }, { hourly_rate: -1 }],
  },
  'practitioner_profiles.practitioner_profiles_years_experience_check': {
    base: async () => ({}),
    inside: () => [{ years_experience: null }, { years_experience: 0 }, { years_experience: 1 }],
    outside: () => [{ years_experience: -1 }, { years_experience: -2147483648 }],
  },
  'session_events.session_events_intensity_level_check': {
    base: async () => ({ event_timestamp: TS }),
    inside: () => [{ intensity_level: null }, { intensity_level: 1 }, { intensity_level: 10 }],
    outside: () => [{ intensity_level: 0 }, { intensity_level: 11 }, { intensity_level: -1 }],
  },
  'supervision_relationships.no_self_supervision': {
    base: async (db) => ({ supervisor_id: await profile(db), supervisee_id: await profile(db), status: 'pending' }),
    inside: (base) => [{}, { supervisee_id: null }, { supervisor_id: null, supervisee_id: base.supervisor_id }],
    outside: (base) => [{ supervisee_id: base.supervisor_id }, { supervisor_id: base.supervisee_id }],
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
  (validators as unknown as Record<string, { safeParse(v: unknown): { success: boolean; error?: { issues: Array<{ path: PropertyKey[] }> } } }>)[
    `${camel(table)}${variant}`
  ]!;

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
    const insertValidator = validator(table, 'Insert');
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
