/**
 * The validators the SDK uses (src/refinements.ts): the generated ones, plus the CHECK
 * constraints the generator cannot read (not blank, profile tags), written again by hand.
 */
import { describe, expect, test } from 'vitest';
import {
  CIRCLE_NAME_MAX_CHARS,
  CREDENTIALS_MAX_CHARS,
  DISPLAY_NAME_MAX_CHARS,
  HOMEWORK_COMPLETION_NOTES_MAX_CHARS,
  homeworkInsert,
  homeworkUpdate,
  integrationHomeworkInsert,
  integrationScoreInsert,
  integrationScoresInsert,
  practitionerProfileInsert,
  practitionerProfilesInsert,
  practitionerProfileUpdate,
  PROFILE_TAG_MAX_CHARS,
  PROFILE_TAGS_MAX_ITEMS,
  SESSION_EVENT_NOTES_MAX_CHARS,
  sessionEventInsert,
  sessionEventsInsert,
  supervisionCircleInsert,
  supervisionRelationshipInsert,
  supervisionCirclesInsert,
  supervisionCircleUpdate,
} from '../src/index.js';

const issues = (result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; code: string }> } }) =>
  result.error?.issues.map((i) => `${i.path.join('.')}:${i.code}`) ?? [];

const event = { protocol_id: 1, event_type_id: 1, event_timestamp: '2026-03-10T10:00:00Z' };

describe('session events', () => {
  test(`notes: at most ${SESSION_EVENT_NOTES_MAX_CHARS} characters, counted as Postgres counts them`, () => {
    expect(sessionEventInsert.safeParse({ ...event, notes: 'x'.repeat(2000) }).success).toBe(true);
    expect(sessionEventInsert.safeParse({ ...event, notes: '😀'.repeat(2000) }).success).toBe(true);
    expect(issues(sessionEventInsert.safeParse({ ...event, notes: 'x'.repeat(2001) }))).toEqual(['notes:too_big']);
    expect(sessionEventInsert.safeParse({ ...event, notes: null }).success).toBe(true);
  });

  test('every rule of session_events is in its SQL: the SDK validator is the generated one', () => {
    expect(sessionEventInsert).toBe(sessionEventsInsert);
    expect(homeworkInsert).toBe(integrationHomeworkInsert);
    expect(integrationScoreInsert).toBe(integrationScoresInsert);
  });

  test('the database rules still hold, and every failing field is reported at once', () => {
    expect(
      issues(sessionEventInsert.safeParse({ ...event, intensity_level: 11, notes: 'x'.repeat(2001), extra: 1 })),
    ).toEqual(['intensity_level:too_big', 'notes:too_big', ':unrecognized_keys']);
  });
});

describe('homework', () => {
  const homework = { assigned_date: '2026-03-10', due_date: '2026-03-17' };

  test(`completion_notes: at most ${HOMEWORK_COMPLETION_NOTES_MAX_CHARS} characters`, () => {
    expect(homeworkInsert.safeParse({ ...homework, completion_notes: 'x'.repeat(2000) }).success).toBe(true);
    expect(issues(homeworkUpdate.safeParse({ completion_notes: 'x'.repeat(2001) }))).toEqual([
      'completion_notes:too_big',
    ]);
  });

  test('completed_date is not before assigned_date (when both are given)', () => {
    expect(homeworkInsert.safeParse({ ...homework, completed_date: '2026-03-10' }).success).toBe(true);
    expect(issues(homeworkInsert.safeParse({ ...homework, completed_date: '2026-03-09' }))).toEqual([
      'completed_date:custom',
    ]);
    expect(homeworkUpdate.safeParse({ completed_date: '2020-01-01' }).success).toBe(true);
  });

  test('due_date >= assigned_date comes from the SQL and still applies', () => {
    expect(issues(homeworkInsert.safeParse({ assigned_date: '2026-03-10', due_date: '2026-03-09' }))).toEqual([
      'due_date:custom',
    ]);
  });
});

describe('integration scores', () => {
  test('days_post_dose is not negative', () => {
    const score = { score_value: 40, measured_at: '2026-03-10T10:00:00Z' };
    expect(integrationScoreInsert.safeParse({ ...score, days_post_dose: 0 }).success).toBe(true);
    expect(issues(integrationScoreInsert.safeParse({ ...score, days_post_dose: -1 }))).toEqual([
      'days_post_dose:too_small',
    ]);
  });
});

describe('practitioner profiles', () => {
  test('display_name is 1..120 characters and not blank; credentials at most 200', () => {
    expect(practitionerProfileInsert.safeParse({ display_name: 'Dr. A', credentials: 'MD' }).success).toBe(true);
    expect(issues(practitionerProfileUpdate.safeParse({ display_name: '  ' }))).toEqual(['display_name:too_small']);
    // The generator cannot read the not-blank CHECK (a regular expression): only the refinement refuses.
    expect(practitionerProfilesInsert.safeParse({ display_name: '  ' }).success).toBe(true);
    expect(issues(practitionerProfileUpdate.safeParse({ display_name: '' }))).toEqual(['display_name:too_small']);
    expect(issues(practitionerProfileUpdate.safeParse({ display_name: 'x'.repeat(121) }))).toEqual([
      'display_name:too_big',
    ]);
    expect(issues(practitionerProfileUpdate.safeParse({ credentials: 'x'.repeat(201) }))).toEqual([
      'credentials:too_big',
    ]);
  });

  test('specialties and modalities: at most 20 tags of 1..60 characters', () => {
    expect(practitionerProfileInsert.safeParse({ specialties: Array(20).fill('PTSD') }).success).toBe(true);
    expect(issues(practitionerProfileInsert.safeParse({ modalities: Array(21).fill('MDMA') }))).toEqual([
      'modalities:too_big',
    ]);
    expect(issues(practitionerProfileInsert.safeParse({ specialties: ['PTSD', '', 'x'.repeat(61)] }))).toEqual([
      'specialties.1:too_small',
      'specialties.2:too_big',
    ]);
  });

  test('max_supervisees is not negative; bio keeps its SQL limit', () => {
    expect(issues(practitionerProfileUpdate.safeParse({ max_supervisees: -1 }))).toEqual(['max_supervisees:too_small']);
    expect(issues(practitionerProfileUpdate.safeParse({ bio: 'x'.repeat(501) }))).toEqual(['bio:too_big']);
  });
});

describe('blank is whitespace as JavaScript and the CHECK constraints define it', () => {
  // The *_not_blank constraints spell out JavaScript's \s; test/check-boundaries.test.ts
  // sends the same strings to the database.
  test.each([' ', '\t\n\r\v\f', '\u00a0', '\u1680', '\u2000\u200a', '\u2028\u2029', '\u202f\u205f', '\u3000', '\ufeff'])(
    'only whitespace (%j) is blank',
    (value) => {
      expect(issues(practitionerProfileInsert.safeParse({ display_name: value }))).toEqual(['display_name:too_small']);
      expect(issues(supervisionCircleUpdate.safeParse({ circle_name: value }))).toEqual(['circle_name:too_small']);
    },
  );

  test.each(['x', ' x ', '\u200b', '\u0085', '\u180e', '.'])('%j is not blank', (value) => {
    expect(practitionerProfileInsert.safeParse({ display_name: value }).success).toBe(true);
    expect(supervisionCircleUpdate.safeParse({ circle_name: value }).success).toBe(true);
  });
});

describe('the exported limits are the bounds of the generated validators (the SQL)', () => {
  const accepts = (schema: { safeParse(v: unknown): { success: boolean } }, value: object) => schema.safeParse(value).success;
  const hw = { assigned_date: '2026-03-10', due_date: '2026-03-17' };

  test.each([
    ['SESSION_EVENT_NOTES_MAX_CHARS', SESSION_EVENT_NOTES_MAX_CHARS, sessionEventsInsert, (n: number) => ({ ...event, notes: 'x'.repeat(n) })],
    ['HOMEWORK_COMPLETION_NOTES_MAX_CHARS', HOMEWORK_COMPLETION_NOTES_MAX_CHARS, integrationHomeworkInsert, (n: number) => ({ ...hw, completion_notes: 'x'.repeat(n) })],
    ['DISPLAY_NAME_MAX_CHARS', DISPLAY_NAME_MAX_CHARS, practitionerProfilesInsert, (n: number) => ({ display_name: 'x'.repeat(n) })],
    ['CREDENTIALS_MAX_CHARS', CREDENTIALS_MAX_CHARS, practitionerProfilesInsert, (n: number) => ({ credentials: 'x'.repeat(n) })],
    ['CIRCLE_NAME_MAX_CHARS', CIRCLE_NAME_MAX_CHARS, supervisionCirclesInsert, (n: number) => ({ circle_name: 'x'.repeat(n) })],
  ] as const)('%s = %i', (_name, limit, schema, payload) => {
    expect(accepts(schema, payload(limit))).toBe(true);
    expect(accepts(schema, payload(limit + 1))).toBe(false);
  });

  test(`profile tags: ${PROFILE_TAGS_MAX_ITEMS} of ${PROFILE_TAG_MAX_CHARS} characters (a refinement: the CHECK calls a function)`, () => {
    expect(accepts(practitionerProfileInsert, { specialties: Array(PROFILE_TAGS_MAX_ITEMS).fill('x'.repeat(PROFILE_TAG_MAX_CHARS)) })).toBe(true);
    expect(accepts(practitionerProfileInsert, { specialties: Array(PROFILE_TAGS_MAX_ITEMS + 1).fill('x') })).toBe(false);
    expect(accepts(practitionerProfileInsert, { modalities: ['x'.repeat(PROFILE_TAG_MAX_CHARS + 1)] })).toBe(false);
  });
});

describe('supervision circles', () => {
  test(`circle_name is 1..${CIRCLE_NAME_MAX_CHARS} characters and not blank; max_members at least 1`, () => {
    expect(supervisionCircleInsert.safeParse({ circle_name: 'Ketamine peers', max_members: 1 }).success).toBe(true);
    expect(supervisionCircleInsert.safeParse({ circle_name: 'Open circle', max_members: null }).success).toBe(true);
    expect(issues(supervisionCircleInsert.safeParse({ circle_name: ' ', max_members: 0 }))).toEqual([
      'circle_name:too_small',
      'max_members:too_small',
    ]);
    expect(issues(supervisionCircleUpdate.safeParse({ circle_name: 'x'.repeat(121) }))).toEqual([
      'circle_name:too_big',
    ]);
  });
});

describe('supervision relationships', () => {
  test('an open relationship names both participants; a closed one may lack a side', () => {
    // The SDK's request: the supervisee is the caller's profile, by the column default.
    expect(supervisionRelationshipInsert.safeParse({ supervisor_id: 1, status: 'pending' }).success).toBe(true);
    expect(supervisionRelationshipInsert.safeParse({ supervisor_id: 1 }).success).toBe(true);
    expect(issues(supervisionRelationshipInsert.safeParse({ status: 'pending' }))).toEqual(['supervisor_id:custom']);
    expect(issues(supervisionRelationshipInsert.safeParse({ supervisor_id: 1, supervisee_id: null, status: 'active' }))).toEqual(['supervisee_id:custom']);
    expect(supervisionRelationshipInsert.safeParse({ supervisor_id: null, supervisee_id: 2, status: 'completed' }).success).toBe(true);
    expect(supervisionRelationshipInsert.safeParse({ supervisor_id: 1, supervisee_id: null, status: 'cancelled' }).success).toBe(true);
  });
});
