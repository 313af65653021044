/** The hand-written rules of src/refinements.ts, on top of the generated validators. */
import { describe, expect, test } from 'vitest';
import {
  CIRCLE_NAME_MAX_CHARS,
  HOMEWORK_COMPLETION_NOTES_MAX_CHARS,
  homeworkInsert,
  homeworkUpdate,
  integrationScoreInsert,
  practitionerProfileInsert,
  practitionerProfileUpdate,
  SESSION_EVENT_NOTES_MAX_CHARS,
  sessionEventInsert,
  sessionEventsInsert,
  supervisionCircleInsert,
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
    // The generated validator alone has no such limit: the SQL does not.
    expect(sessionEventsInsert.safeParse({ ...event, notes: 'x'.repeat(2001) }).success).toBe(true);
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
