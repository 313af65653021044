import { describe, expect, inject, it } from 'vitest';
import { PERSONAS } from '../../../test/stack.js';
import { asRole } from './helpers/as-role.js';
import { query } from './helpers/bare-postgres.js';

/** The work order's own "Testing" queries and acceptance criteria, as written there. */
const WORK_ORDER_TABLES = [
  'ref_medications',
  'ref_event_types',
  'session_events',
  'practitioner_profiles',
  'supervision_relationships',
  'supervision_circles',
  'circle_members',
  'ref_homework_types',
  'integration_homework',
  'integration_scores',
];

const WORK_ORDER_POLICIES: Record<string, string[]> = {
  ref_medications: ['ref_medications_read', 'ref_medications_write'],
  ref_event_types: ['ref_event_types_read', 'ref_event_types_write'],
  session_events: ['session_events_read', 'session_events_insert'],
  practitioner_profiles: ['profiles_read', 'profiles_update', 'profiles_insert'],
  supervision_relationships: ['relationships_read', 'relationships_insert'],
  supervision_circles: ['circles_read'],
  circle_members: ['circle_members_read', 'circle_members_insert'],
  integration_homework: ['homework_read', 'homework_write'],
  integration_scores: ['scores_read', 'scores_write'],
  ref_homework_types: ['ref_homework_types_read', 'ref_homework_types_write'],
};

const dbUrl = () => inject('stack').dbUrl;

describe('work order acceptance queries', () => {
  it('SELECT COUNT(*) FROM ref_medications -> 24 rows', async () => {
    expect(await query(dbUrl(), 'SELECT COUNT(*)::int AS count FROM ref_medications')).toEqual([{ count: 24 }]);
  });

  it('RLS is enabled on every table of the work order (and every public table)', async () => {
    const rows = await query<{ tablename: string; rowsecurity: boolean }>(
      dbUrl(),
      "SELECT tablename, rowsecurity FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
    );
    expect(rows.map((r) => r.tablename)).toEqual(expect.arrayContaining(WORK_ORDER_TABLES));
    expect(rows.filter((r) => !r.rowsecurity)).toEqual([]);
  });

  it.each(Object.entries(WORK_ORDER_POLICIES))('%s keeps the work order policy names', async (table, names) => {
    const rows = await query<{ policyname: string }>(dbUrl(), 'SELECT policyname FROM pg_policies WHERE tablename = $1', [table]);
    expect(rows.map((r) => r.policyname)).toEqual(expect.arrayContaining(names));
  });

  it('as an authenticated user: 24 active medications ordered by name', async () => {
    const rows = await asRole(dbUrl(), 'authenticated', PERSONAS.noSite.userId, async (client) => {
      const result = await client.query<{ medication_name: string }>(
        'SELECT medication_name, drug_class, has_contraindication FROM ref_medications WHERE is_active = TRUE ORDER BY medication_name',
      );
      return result.rows;
    });
    expect(rows).toHaveLength(24);
    expect(rows.map((r) => r.medication_name)).toEqual([...rows.map((r) => r.medication_name)].sort());
  });

  it('seeds the work order reference rows exactly', async () => {
    const events = await query<{ event_name: string; color_code: string; icon_name: string }>(
      dbUrl(),
      'select event_name, color_code, icon_name from ref_event_types order by event_type_id',
    );
    expect(events).toEqual([
      { event_name: 'Distress', color_code: '#f43f5e', icon_name: 'AlertTriangle' },
      { event_name: 'Breakthrough', color_code: '#10b981', icon_name: 'Sparkles' },
      { event_name: 'Music Change', color_code: '#3b82f6', icon_name: 'Music' },
      { event_name: 'Vital Signs Check', color_code: '#f59e0b', icon_name: 'Activity' },
      { event_name: 'Booster Dose', color_code: '#8b5cf6', icon_name: 'Pill' },
      { event_name: 'Bathroom Break', color_code: '#64748b', icon_name: 'User' },
      { event_name: 'Integration Moment', color_code: '#06b6d4', icon_name: 'Lightbulb' },
      { event_name: 'Peak Experience', color_code: '#ec4899', icon_name: 'Star' },
    ]);
    const homework = await query(dbUrl(), 'select homework_name, typical_duration_minutes from ref_homework_types order by homework_type_id');
    expect(homework).toEqual([
      { homework_name: 'Journaling', typical_duration_minutes: 30 },
      { homework_name: 'Meditation', typical_duration_minutes: 20 },
      { homework_name: 'Therapy Session', typical_duration_minutes: 60 },
      { homework_name: 'Body Work', typical_duration_minutes: 60 },
      { homework_name: 'Creative Expression', typical_duration_minutes: 45 },
      { homework_name: 'Nature Connection', typical_duration_minutes: 60 },
      { homework_name: 'Social Connection', typical_duration_minutes: 30 },
      { homework_name: 'Integration Reading', typical_duration_minutes: 30 },
    ]);
    const flagged = await query(dbUrl(), 'select drug_class, count(*)::int as n from ref_medications where has_contraindication group by 1 order by 1');
    expect(flagged).toEqual([
      { drug_class: 'Antipsychotic', n: 4 },
      { drug_class: 'Benzodiazepine', n: 4 },
    ]);
  });

  it('records the baseline and the four work-order migrations in supabase_migrations.schema_migrations', async () => {
    const rows = await query<{ version: string; name: string }>(dbUrl(), 'select version, name from supabase_migrations.schema_migrations order by version');
    expect(rows.slice(0, 5)).toEqual([
      { version: '20260212000000', name: 'baseline' },
      { version: '20260212141500', name: 'create_ref_medications' },
      { version: '20260212142000', name: 'create_session_logger_tables' },
      { version: '20260212142500', name: 'create_supervision_exchange_tables' },
      { version: '20260212143000', name: 'create_integration_hub_tables' },
    ]);
  });
});
