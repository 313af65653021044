/**
 * The generated validators against the migrated database: one Row/Insert/Update trio per
 * public table, strict objects, identity columns absent on writes, descriptions from the
 * COMMENTs, Row validators accepting what the database returns, and the reference constants
 * matching the database.
 */
import * as z from 'zod/mini';
import { beforeAll, describe, expect, test } from 'vitest';
import * as schema from '../src/index.js';
import * as pg from '../src/pg-types.js';
import * as validators from '../src/validators/index.generated.js';
import { inRolledBackTransaction, query } from './helpers/db.js';

type AnySchema = z.ZodMiniType & { shape?: Record<string, z.ZodMiniType> };
type ObjectSchema = z.ZodMiniObject;

interface ColumnInfo {
  table: string;
  column: string;
  identity: string;
  generated: string;
  comment: string | null;
}

const camel = (name: string) => name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
const exported = schema as unknown as Record<string, unknown>;
const trio = (table: string) =>
  (['Row', 'Insert', 'Update'] as const).map((variant) => exported[`${camel(table)}${variant}`] as ObjectSchema);

/** The column schema under `optional(...)` / `nullable(...)` wrappers. */
function unwrap(s: z.ZodMiniType): z.ZodMiniType {
  let current = s as unknown as { _zod: { def: { type: string; innerType?: z.ZodMiniType } } };
  while (current._zod.def.type === 'optional' || current._zod.def.type === 'nullable') {
    current = current._zod.def.innerType as unknown as typeof current;
  }
  return current as unknown as z.ZodMiniType;
}

let tables: Array<{ name: string; comment: string | null }>;
let columns: ColumnInfo[];

beforeAll(async () => {
  tables = await query(
    `select c.relname as name, obj_description(c.oid, 'pg_class') as comment
       from pg_class c where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p')
      order by 1`,
  );
  columns = await query(
    `select c.relname as table, a.attname as column, a.attidentity as identity,
            a.attgenerated as generated, col_description(c.oid, a.attnum) as comment
       from pg_attribute a join pg_class c on c.oid = a.attrelid
      where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p')
        and a.attnum > 0 and not a.attisdropped
      order by 1, a.attnum`,
  );
});

describe('one validator trio per table', () => {
  test('every public table has Row, Insert and Update validators exported from the package', () => {
    const missing = tables.flatMap((t) =>
      ['Row', 'Insert', 'Update'].map((v) => `${camel(t.name)}${v}`).filter((name) => !(name in exported)),
    );
    expect(missing).toEqual([]);
  });

  test('no validator is left over for a table that no longer exists', () => {
    const expected = new Set(tables.flatMap((t) => ['Row', 'Insert', 'Update'].map((v) => `${camel(t.name)}${v}`)));
    expect(Object.keys(validators).filter((name) => !expected.has(name))).toEqual([]);
  });

  test('each validator has exactly the table columns as keys', () => {
    for (const table of tables) {
      const names = columns.filter((c) => c.table === table.name).map((c) => c.column).sort();
      for (const v of trio(table.name)) expect(Object.keys(v.shape).sort()).toEqual(names);
    }
  });
});

describe('strict objects', () => {
  test('unknown keys are refused by every validator, with an unrecognized_keys issue', () => {
    for (const table of tables) {
      for (const v of trio(table.name)) {
        const result = v.safeParse({ not_a_column: 1 });
        expect(result.success).toBe(false);
        expect(result.error!.issues.some((i) => i.code === 'unrecognized_keys')).toBe(true);
      }
    }
  });

  test('identity (always) and generated columns are refused on insert and update', () => {
    const written = columns.filter((c) => c.identity === 'a' || c.generated !== '');
    expect(written.length).toBeGreaterThan(0);
    for (const column of written) {
      const [, insert, update] = trio(column.table);
      for (const v of [insert!, update!]) {
        const issues = v.safeParse({ [column.column]: 1 }).error?.issues ?? [];
        expect(issues.some((i) => i.path[0] === column.column), `${column.table}.${column.column}`).toBe(true);
      }
    }
  });

  test('an update patch may be empty; every issue carries its field path', () => {
    expect(schema.sessionEventsUpdate.safeParse({}).success).toBe(true);
    const result = schema.sessionEventsInsert.safeParse({ event_timestamp: 'yesterday', intensity_level: 2.5 });
    expect(result.error!.issues.map((i) => i.path)).toEqual([['event_timestamp'], ['intensity_level']]);
  });
});

describe('column types', () => {
  const score = (score_value: unknown) =>
    schema.integrationScoresInsert.safeParse({ score_value, measured_at: '2026-03-10T10:00:00Z' }).success;

  test('numbers are finite; numeric(5,2) has at most 3 integer digits and 2 decimals', () => {
    expect([NaN, Infinity, -Infinity, '50', null].map(score)).toEqual([false, false, false, false, false]);
    expect([0, 12.5, 99.99, 100].map(score)).toEqual([true, true, true, true]);
    expect([99.999, 0.001, 1e-7].map(score)).toEqual([false, false, false]);
    const rate = (hourly_rate: number) => schema.practitionerProfilesInsert.safeParse({ hourly_rate }).success;
    expect([99_999_999.99, 99_999_999.999, 100_000_000].map(rate)).toEqual([true, false, false]);
  });

  test('integer is int4, bigint is a safe integer', () => {
    const years = (years_experience: number) =>
      schema.practitionerProfilesInsert.safeParse({ years_experience }).success;
    expect([2_147_483_647, 2_147_483_648, 1.5].map(years)).toEqual([true, false, false]);
    const site = (site_id: number) => schema.logClinicalRecordsInsert.safeParse({ site_id }).success;
    expect([Number.MAX_SAFE_INTEGER, 2 ** 53, 1.5].map(site)).toEqual([true, false, false]);
  });

  test('timestamptz needs an offset; date is YYYY-MM-DD; uuid is 8-4-4-4-12 hex', () => {
    const at = (event_timestamp: string) => schema.sessionEventsInsert.safeParse({ event_timestamp }).success;
    expect(
      [
        '2026-03-10T10:00:00Z',
        '2026-03-10T10:00:00.123456+05:30',
        '2026-03-10T10:00:00',
        '2026-03-10',
        '2026-02-30T10:00:00Z',
        '0000-01-01T00:00:00Z',
      ].map(at),
    ).toEqual([true, true, false, false, false, false]);
    const homework = (assigned_date: string) =>
      schema.integrationHomeworkInsert.safeParse({ assigned_date, due_date: '2026-12-31' }).success;
    expect(['2026-02-28', '2026-02-30', '2026-3-1', '2026-03-10T00:00:00Z', '0000-03-10'].map(homework)).toEqual([
      true,
      false,
      false,
      false,
      false,
    ]);
    const owner = (user_id: string) => schema.practitionerProfilesInsert.safeParse({ user_id }).success;
    expect(['00000000-0000-4000-8000-000000000a01', '00000000-0000-0000-0000-000000000000', 'nope'].map(owner)).toEqual(
      [true, true, false],
    );
  });

  test('text refuses NUL, which Postgres cannot store; arrays hold their element type', () => {
    expect(schema.sitesInsert.safeParse({ site_name: 'a\u0000b' }).success).toBe(false);
    expect(schema.practitionerProfilesInsert.safeParse({ specialties: ['PTSD', 'TRD'] }).success).toBe(true);
    expect(schema.practitionerProfilesInsert.safeParse({ specialties: ['PTSD', 3] }).success).toBe(false);
  });

  test('insert: NOT NULL columns without a default are required, nullable or defaulted ones optional', () => {
    expect(schema.sessionEventsInsert.safeParse({}).error!.issues.map((i) => i.path)).toEqual([['event_timestamp']]);
    expect(schema.sessionEventsInsert.safeParse({ event_timestamp: '2026-03-10T10:00:00Z' }).success).toBe(true);
    // client_event_id is NOT NULL with a default: optional, but never null.
    expect(
      schema.sessionEventsInsert.safeParse({ event_timestamp: '2026-03-10T10:00:00Z', client_event_id: null }).success,
    ).toBe(false);
  });
});

describe('column types agree with Postgres', () => {
  // Each value goes to the type's validator and to `select $1::<type>`. The validator may be
  // stricter (an offset on timestamptz, no rounding of numeric), never looser.
  const samples: Array<[string, z.ZodMiniType, unknown[]]> = [
    ['integer', pg.int4(), [0, -2147483648, 2147483647, -2147483649, 2147483648]],
    ['bigint', pg.int8(), [0, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER]],
    ['numeric(5,2)', pg.numeric(5, 2), [0, 999.99, -999.99, 1000, -1000, 999.995, 0.005, 12.5]],
    ['numeric(10,2)', pg.numeric(10, 2), [99_999_999.99, 100_000_000, 0.01]],
    [
      'timestamptz',
      pg.timestamptz(),
      [
        '2026-03-10T10:00:00Z',
        '2026-03-10T10:00:00.123456+05:30',
        '2024-02-29T23:59:59.999Z',
        '2023-02-29T10:00:00Z',
        '2026-02-30T10:00:00Z',
        '0000-01-01T00:00:00Z',
        '0001-01-01T00:00:00Z',
        '9999-12-31T23:59:59Z',
        '2026-13-01T00:00:00Z',
      ],
    ],
    ['date', pg.date(), ['2026-03-10', '2024-02-29', '2023-02-29', '0000-01-01', '0001-01-01', '2026-04-31']],
    [
      'uuid',
      pg.uuid(),
      ['00000000-0000-4000-8000-000000000a01', '00000000-0000-0000-0000-000000000000', 'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF', 'not-a-uuid'],
    ],
    ['text', pg.text(), ['', 'plain', 'émoji 😀', 'nul \u0000 inside']],
  ];

  test.each(samples)('%s', async (type, validator, values) => {
    await inRolledBackTransaction(async (db) => {
      for (const value of values) {
        if (!validator.safeParse(value).success) continue;
        await db.query('savepoint sample');
        const stored = await db.query(`select $1::${type}`, [value]).then(
          () => 'accepted',
          (e: { code?: string }) => `refused (${e.code})`,
        );
        await db.query('rollback to savepoint sample');
        expect(`${JSON.stringify(value)}: ${stored}`).toBe(`${JSON.stringify(value)}: accepted`);
      }
    });
  });
});

describe('descriptions', () => {
  test('table and column COMMENTs are the validators’ descriptions', () => {
    let described = 0;
    for (const table of tables) {
      for (const v of trio(table.name)) {
        expect(z.globalRegistry.get(v)?.description).toBe(table.comment ?? `public.${table.name}`);
        for (const column of columns.filter((c) => c.table === table.name && c.comment)) {
          const row = v === trio(table.name)[0];
          if (!row && (column.identity === 'a' || column.generated !== '')) continue;
          const field = unwrap((v.shape as Record<string, AnySchema>)[column.column]!);
          expect(z.globalRegistry.get(field)?.description, `${table.name}.${column.column}`).toBe(column.comment);
          described++;
        }
      }
    }
    expect(described).toBeGreaterThan(100);
  });
});

describe('Row validators accept what the database returns', () => {
  test('every row of every table in the seeded stack parses', async () => {
    let parsed = 0;
    for (const table of tables) {
      const rows = await query<{ row: unknown }>(`select to_jsonb(t.*) as row from public.${table.name} t`);
      const [row] = trio(table.name);
      for (const { row: value } of rows) {
        const result = row!.safeParse(value);
        expect(result.success, `${table.name}: ${JSON.stringify(result.error?.issues)}`).toBe(true);
        parsed++;
      }
    }
    expect(parsed).toBeGreaterThan(50);
  });
});

describe('reference constants', () => {
  test('EVENT_TYPE_NAMES and HOMEWORK_TYPE_NAMES are the seeded reference rows, in id order', async () => {
    const events = await query<{ name: string }>(`select event_name as name from ref_event_types order by event_type_id`);
    const homework = await query<{ name: string }>(
      `select homework_name as name from ref_homework_types order by homework_type_id`,
    );
    expect(schema.EVENT_TYPE_NAMES).toEqual(events.map((r) => r.name));
    expect(schema.EVENT_TYPE_NAMES).toHaveLength(8);
    expect(schema.HOMEWORK_TYPE_NAMES).toEqual(homework.map((r) => r.name));
    expect(schema.HOMEWORK_TYPE_NAMES).toHaveLength(8);
  });

  test('value lists are the CHECK constraints’ lists', () => {
    expect(schema.SCALE_TYPES).toEqual(['IES', 'EIS']);
    expect(schema.RELATIONSHIP_STATUSES).toEqual(['pending', 'active', 'completed', 'cancelled']);
    expect(schema.SITE_ROLES).toEqual(['network_admin', 'site_admin', 'clinician', 'member', 'clinical_reviewer']);
    expect(schema.REVIEW_STATUSES).toEqual(['unreviewed', 'approved', 'retired']);
    expect(schema.INTERACTION_EFFECTS).toEqual(['attenuates', 'potentiates', 'adverse_event_risk', 'no_change_observed']);
    expect(schema.INTERACTION_SEVERITIES).toEqual(['info', 'caution', 'avoid']);
    expect(schema.EVIDENCE_KINDS).toEqual(['randomized_trial', 'observational', 'case_report', 'report_analysis', 'systematic_review']);
    expect(schema.MODALITY_CLASSES).toEqual(['classic_psychedelic', 'entactogen', 'dissociative']);
    expect(schema.MODALITY_NAMES).toEqual(['Psilocybin', 'MDMA', 'Ketamine']);
  });
});
