/**
 * Each generated validator infers exactly the type `supabase gen types` generates for the
 * same table and operation.
 *
 * Exact equality (`toEqualTypeOf`) holds for every column but one kind: a CHECK value list
 * (`role in (...)`, `status = any (array[...])`) becomes `z.enum`, whose type is the literal
 * union ('pending' | 'active' | ...), while the generated type says `string` (Postgres
 * knows only `text`). For those tables the validator's type is a strict subtype: we assert
 * it is assignable to the generated type, and that it equals it once literal unions are
 * widened back to `string`.
 *
 * Identity (always) columns: the generated type says `record_id?: never`; the validator
 * has `record_id: z.optional(z.never())`, whose type is `record_id?: undefined`, which is
 * the same type under `exactOptionalPropertyTypes: false` (and any value fails at runtime).
 */
import { describe, expectTypeOf, test } from 'vitest';
import type * as z from 'zod/mini';
import type { Database, Tables, TablesInsert, TablesUpdate } from '../src/index.js';
import type * as validators from '../src/validators/index.generated.js';
import {
  circleMembersInsert,
  circleMembersRow,
  circleMembersUpdate,
  homeworkInsert,
  integrationHomeworkInsert,
  integrationHomeworkRow,
  integrationHomeworkUpdate,
  integrationScoresInsert,
  integrationScoresRow,
  integrationScoresUpdate,
  logClinicalRecordsInsert,
  logClinicalRecordsRow,
  logClinicalRecordsUpdate,
  practitionerProfileUpdate,
  practitionerProfilesInsert,
  practitionerProfilesRow,
  practitionerProfilesUpdate,
  refEventTypesInsert,
  refEventTypesRow,
  refEventTypesUpdate,
  refHomeworkTypesInsert,
  refHomeworkTypesRow,
  refHomeworkTypesUpdate,
  refMedicationsInsert,
  refMedicationsRow,
  refMedicationsUpdate,
  sessionEventInsert,
  sessionEventsInsert,
  sessionEventsRow,
  sessionEventsUpdate,
  sitesInsert,
  sitesRow,
  sitesUpdate,
  supervisionCirclesInsert,
  supervisionCirclesRow,
  supervisionCirclesUpdate,
  supervisionRelationshipsInsert,
  supervisionRelationshipsRow,
  supervisionRelationshipsUpdate,
  userSitesInsert,
  userSitesRow,
  userSitesUpdate,
  type RelationshipStatus,
  type ScaleType,
  type SessionEventInsert,
  type SiteRole,
} from '../src/index.js';

/** Literal string unions (from `z.enum`) back to `string`, keeping `null`/`undefined`. */
type WidenValue<V> = V extends string ? string : V;
type Widen<T> = { [K in keyof T]: WidenValue<T[K]> };

describe('validators infer the generated types', () => {
  test('circle_members', () => {
    expectTypeOf<z.infer<typeof circleMembersRow>>().toEqualTypeOf<Tables<'circle_members'>>();
    expectTypeOf<z.infer<typeof circleMembersInsert>>().toEqualTypeOf<TablesInsert<'circle_members'>>();
    expectTypeOf<z.infer<typeof circleMembersUpdate>>().toEqualTypeOf<TablesUpdate<'circle_members'>>();
  });

  test('integration_homework', () => {
    expectTypeOf<z.infer<typeof integrationHomeworkRow>>().toEqualTypeOf<Tables<'integration_homework'>>();
    expectTypeOf<z.infer<typeof integrationHomeworkInsert>>().toEqualTypeOf<TablesInsert<'integration_homework'>>();
    expectTypeOf<z.infer<typeof integrationHomeworkUpdate>>().toEqualTypeOf<TablesUpdate<'integration_homework'>>();
  });

  test('integration_scores (scale_type is a value list)', () => {
    expectTypeOf<z.infer<typeof integrationScoresRow>>().toExtend<Tables<'integration_scores'>>();
    expectTypeOf<Widen<z.infer<typeof integrationScoresRow>>>().toEqualTypeOf<Tables<'integration_scores'>>();
    expectTypeOf<z.infer<typeof integrationScoresInsert>>().toExtend<TablesInsert<'integration_scores'>>();
    expectTypeOf<Widen<z.infer<typeof integrationScoresInsert>>>().toEqualTypeOf<TablesInsert<'integration_scores'>>();
    expectTypeOf<z.infer<typeof integrationScoresUpdate>>().toExtend<TablesUpdate<'integration_scores'>>();
    expectTypeOf<Widen<z.infer<typeof integrationScoresUpdate>>>().toEqualTypeOf<TablesUpdate<'integration_scores'>>();
    expectTypeOf<z.infer<typeof integrationScoresRow>['scale_type']>().toEqualTypeOf<ScaleType | null>();
  });

  test('log_clinical_records', () => {
    expectTypeOf<z.infer<typeof logClinicalRecordsRow>>().toEqualTypeOf<Tables<'log_clinical_records'>>();
    expectTypeOf<z.infer<typeof logClinicalRecordsInsert>>().toEqualTypeOf<TablesInsert<'log_clinical_records'>>();
    expectTypeOf<z.infer<typeof logClinicalRecordsUpdate>>().toEqualTypeOf<TablesUpdate<'log_clinical_records'>>();
  });

  test('practitioner_profiles', () => {
    expectTypeOf<z.infer<typeof practitionerProfilesRow>>().toEqualTypeOf<Tables<'practitioner_profiles'>>();
    expectTypeOf<z.infer<typeof practitionerProfilesInsert>>().toEqualTypeOf<
      TablesInsert<'practitioner_profiles'>
    >();
    expectTypeOf<z.infer<typeof practitionerProfilesUpdate>>().toEqualTypeOf<
      TablesUpdate<'practitioner_profiles'>
    >();
  });

  test('ref_event_types', () => {
    expectTypeOf<z.infer<typeof refEventTypesRow>>().toEqualTypeOf<Tables<'ref_event_types'>>();
    expectTypeOf<z.infer<typeof refEventTypesInsert>>().toEqualTypeOf<TablesInsert<'ref_event_types'>>();
    expectTypeOf<z.infer<typeof refEventTypesUpdate>>().toEqualTypeOf<TablesUpdate<'ref_event_types'>>();
  });

  test('ref_homework_types', () => {
    expectTypeOf<z.infer<typeof refHomeworkTypesRow>>().toEqualTypeOf<Tables<'ref_homework_types'>>();
    expectTypeOf<z.infer<typeof refHomeworkTypesInsert>>().toEqualTypeOf<TablesInsert<'ref_homework_types'>>();
    expectTypeOf<z.infer<typeof refHomeworkTypesUpdate>>().toEqualTypeOf<TablesUpdate<'ref_homework_types'>>();
  });

  test('ref_medications', () => {
    expectTypeOf<z.infer<typeof refMedicationsRow>>().toEqualTypeOf<Tables<'ref_medications'>>();
    expectTypeOf<z.infer<typeof refMedicationsInsert>>().toEqualTypeOf<TablesInsert<'ref_medications'>>();
    expectTypeOf<z.infer<typeof refMedicationsUpdate>>().toEqualTypeOf<TablesUpdate<'ref_medications'>>();
  });

  test('session_events', () => {
    expectTypeOf<z.infer<typeof sessionEventsRow>>().toEqualTypeOf<Tables<'session_events'>>();
    expectTypeOf<z.infer<typeof sessionEventsInsert>>().toEqualTypeOf<TablesInsert<'session_events'>>();
    expectTypeOf<z.infer<typeof sessionEventsUpdate>>().toEqualTypeOf<TablesUpdate<'session_events'>>();
  });

  test('sites', () => {
    expectTypeOf<z.infer<typeof sitesRow>>().toEqualTypeOf<Tables<'sites'>>();
    expectTypeOf<z.infer<typeof sitesInsert>>().toEqualTypeOf<TablesInsert<'sites'>>();
    expectTypeOf<z.infer<typeof sitesUpdate>>().toEqualTypeOf<TablesUpdate<'sites'>>();
  });

  test('supervision_circles', () => {
    expectTypeOf<z.infer<typeof supervisionCirclesRow>>().toEqualTypeOf<Tables<'supervision_circles'>>();
    expectTypeOf<z.infer<typeof supervisionCirclesInsert>>().toEqualTypeOf<TablesInsert<'supervision_circles'>>();
    expectTypeOf<z.infer<typeof supervisionCirclesUpdate>>().toEqualTypeOf<TablesUpdate<'supervision_circles'>>();
  });

  test('supervision_relationships (status is a value list)', () => {
    type T = 'supervision_relationships';
    expectTypeOf<z.infer<typeof supervisionRelationshipsRow>>().toExtend<Tables<T>>();
    expectTypeOf<Widen<z.infer<typeof supervisionRelationshipsRow>>>().toEqualTypeOf<Tables<T>>();
    expectTypeOf<z.infer<typeof supervisionRelationshipsInsert>>().toExtend<TablesInsert<T>>();
    expectTypeOf<Widen<z.infer<typeof supervisionRelationshipsInsert>>>().toEqualTypeOf<TablesInsert<T>>();
    expectTypeOf<z.infer<typeof supervisionRelationshipsUpdate>>().toExtend<TablesUpdate<T>>();
    expectTypeOf<Widen<z.infer<typeof supervisionRelationshipsUpdate>>>().toEqualTypeOf<TablesUpdate<T>>();
    expectTypeOf<z.infer<typeof supervisionRelationshipsRow>['status']>().toEqualTypeOf<RelationshipStatus | null>();
  });

  test('user_sites (role is a value list)', () => {
    expectTypeOf<z.infer<typeof userSitesRow>>().toExtend<Tables<'user_sites'>>();
    expectTypeOf<Widen<z.infer<typeof userSitesRow>>>().toEqualTypeOf<Tables<'user_sites'>>();
    expectTypeOf<z.infer<typeof userSitesInsert>>().toExtend<TablesInsert<'user_sites'>>();
    expectTypeOf<Widen<z.infer<typeof userSitesInsert>>>().toEqualTypeOf<TablesInsert<'user_sites'>>();
    expectTypeOf<z.infer<typeof userSitesUpdate>>().toExtend<TablesUpdate<'user_sites'>>();
    expectTypeOf<Widen<z.infer<typeof userSitesUpdate>>>().toEqualTypeOf<TablesUpdate<'user_sites'>>();
    expectTypeOf<z.infer<typeof userSitesRow>['role']>().toEqualTypeOf<SiteRole>();
  });
});

// snake_case -> camelCase at the type level, as the generator names validators.
type Camel<S extends string> = S extends `${infer Head}_${infer Tail}` ? `${Head}${Capitalize<Camel<Tail>>}` : S;
type TableName = keyof Database['public']['Tables'];
type Module = typeof validators;

test('every table in Database has Row, Insert and Update validators of its types', () => {
  // A table without validators fails to compile here (the module has no such export).
  type Inferred = {
    [T in TableName]: {
      Row: Widen<z.infer<Module[`${Camel<T>}Row`]>>;
      Insert: Widen<z.infer<Module[`${Camel<T>}Insert`]>>;
      Update: Widen<z.infer<Module[`${Camel<T>}Update`]>>;
    };
  };
  type Expected = { [T in TableName]: { Row: Tables<T>; Insert: TablesInsert<T>; Update: TablesUpdate<T> } };
  expectTypeOf<Inferred>().toEqualTypeOf<Expected>();
});

test('refinements keep the generated types', () => {
  expectTypeOf<z.infer<typeof sessionEventInsert>>().toEqualTypeOf<SessionEventInsert>();
  expectTypeOf<z.infer<typeof homeworkInsert>>().toEqualTypeOf<TablesInsert<'integration_homework'>>();
  expectTypeOf<z.infer<typeof practitionerProfileUpdate>>().toEqualTypeOf<TablesUpdate<'practitioner_profiles'>>();
});
