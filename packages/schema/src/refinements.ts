/**
 * The only hand-written validation rules in @ppn/schema. Everything else comes from the
 * database (`validators/*.generated.ts`); the rules below are ones the SQL does not hold,
 * chosen for the frontends, and each says why. They are composed onto the generated
 * validators (never edited into them), so `pnpm gen` can regenerate those freely.
 *
 * Rules that ARE in the SQL are not repeated here: `session_events.intensity_level` 1..10,
 * `practitioner_profiles.bio` at most 500 characters, `integration_scores.score_value`
 * 0..100 with two decimals, `due_date >= assigned_date`, status and scale lists, ... all
 * come from CHECK constraints and column types through the generated validators.
 *
 * @module
 */
import * as z from 'zod/mini';
import * as pg from './pg-types.js';
import { integrationHomeworkInsert, integrationHomeworkUpdate } from './validators/integration_homework.generated.js';
import { integrationScoresInsert, integrationScoresUpdate } from './validators/integration_scores.generated.js';
import {
  practitionerProfilesInsert,
  practitionerProfilesUpdate,
} from './validators/practitioner_profiles.generated.js';
import { sessionEventsInsert } from './validators/session_events.generated.js';
import { supervisionCirclesInsert, supervisionCirclesUpdate } from './validators/supervision_circles.generated.js';

// Limits ---------------------------------------------------------------------------------

/**
 * `session_events.notes`: at most 2000 characters. Notes are "structured notes only" (the
 * column comment): a paragraph or two typed during a session. 2000 leaves room for that and
 * keeps a timeline of hundreds of events light to load; longer text belongs elsewhere.
 */
export const SESSION_EVENT_NOTES_MAX_CHARS = 2000;

/** `integration_homework.completion_notes`: at most 2000 characters, for the same reasons. */
export const HOMEWORK_COMPLETION_NOTES_MAX_CHARS = 2000;

/** `practitioner_profiles.display_name`: 1..120 characters, not blank: it is a directory label. */
export const DISPLAY_NAME_MAX_CHARS = 120;

/** `practitioner_profiles.credentials`: at most 200 characters (e.g. "MD, LMFT, MAPS-trained"). */
export const CREDENTIALS_MAX_CHARS = 200;

/**
 * `practitioner_profiles.specialties` / `modalities`: at most 20 tags of 1..60 characters.
 * They are search tags (GIN-indexed), not prose; the bound keeps the directory's filters
 * usable and the index small.
 */
export const PROFILE_TAGS_MAX_ITEMS = 20;
/** See {@link PROFILE_TAGS_MAX_ITEMS}. */
export const PROFILE_TAG_MAX_CHARS = 60;

/** `supervision_circles.circle_name`: 1..120 characters, not blank: it is a list label. */
export const CIRCLE_NAME_MAX_CHARS = 120;

// Check builders (private) -----------------------------------------------------------------

type AnyCheck = z.core.$ZodCheck<any>;
type ObjectSchema = z.ZodMiniObject;

/**
 * Adds checks to some fields of an object schema. The issues carry the field's path, and
 * run even when other fields fail, so a form shows every problem at once.
 */
/* @__NO_SIDE_EFFECTS__ */
function withFieldChecks<T extends ObjectSchema>(
  schema: T,
  fields: Partial<Record<keyof T['shape'] & string, AnyCheck[]>>,
): T {
  const shape: Record<string, z.ZodMiniType> = {};
  for (const [field, checks] of Object.entries(fields) as Array<[string, AnyCheck[]]>) {
    shape[field] = pg.refined(schema.shape[field] as z.ZodMiniType, ...checks);
  }
  return z.safeExtend(schema as ObjectSchema, shape as z.core.$ZodLooseShape) as unknown as T;
}

/** Not only whitespace (null, absent and '' pass: pair it with a minimum length). */
/* @__NO_SIDE_EFFECTS__ */
function notBlank() {
  return z.superRefine((value: unknown, ctx) => {
    if (typeof value === 'string' && value !== '' && !/\S/.test(value)) {
      ctx.addIssue({ code: 'too_small', origin: 'string', minimum: 1, inclusive: true, input: value, message: 'Must not be blank' });
    }
  });
}

/** A number at least `minimum` (null and absent pass). */
/* @__NO_SIDE_EFFECTS__ */
function atLeast(minimum: number) {
  return z.superRefine((value: unknown, ctx) => {
    if (typeof value === 'number' && value < minimum) {
      ctx.addIssue({ code: 'too_small', origin: 'number', minimum, inclusive: true, input: value });
    }
  });
}

/** An array of at most `maxItems` strings of 1..`maxChars` characters (null and absent pass). */
/* @__NO_SIDE_EFFECTS__ */
function tags(maxItems: number, maxChars: number) {
  return z.superRefine((value: unknown, ctx) => {
    if (!Array.isArray(value)) return;
    if (value.length > maxItems) {
      ctx.addIssue({ code: 'too_big', origin: 'array', maximum: maxItems, inclusive: true, input: value });
    }
    value.forEach((item: unknown, index) => {
      if (typeof item !== 'string') return;
      const length = pg.charLength(item);
      if (length > maxChars) {
        ctx.addIssue({ code: 'too_big', origin: 'string', maximum: maxChars, inclusive: true, input: item, path: [index] });
      } else if (length < 1) {
        ctx.addIssue({ code: 'too_small', origin: 'string', minimum: 1, inclusive: true, input: item, path: [index] });
      }
    });
  });
}

// Session events ---------------------------------------------------------------------------

/**
 * What the SDK validates before logging a session event: {@link sessionEventsInsert} (the
 * database's rules) plus `notes` at most {@link SESSION_EVENT_NOTES_MAX_CHARS} characters.
 *
 * @example
 * ```ts
 * const result = sessionEventInsert.safeParse({ protocol_id: 1, event_type_id: 2,
 *   event_timestamp: new Date().toISOString(), intensity_level: 7, notes: 'Eyes closed' });
 * if (!result.success) console.log(result.error.issues); // [{ path: ['notes'], code: 'too_big', ... }]
 * ```
 */
export const sessionEventInsert = /* @__PURE__ */ withFieldChecks(sessionEventsInsert, {
  notes: [/* @__PURE__ */ pg.chars({ max: SESSION_EVENT_NOTES_MAX_CHARS })],
});

// Integration homework -----------------------------------------------------------------------

const homeworkFields = {
  completion_notes: [/* @__PURE__ */ pg.chars({ max: HOMEWORK_COMPLETION_NOTES_MAX_CHARS })],
};

/**
 * Homework cannot be completed before it was assigned. The database does not check it (only
 * `due_date >= assigned_date`), but a completion date earlier than the assignment is always
 * a typing error. Judged when both dates are in the payload.
 */
const completedAfterAssigned = /* @__PURE__ */ pg.columnsCompare(
  'completed_date',
  '>=',
  'assigned_date',
  'date',
  'refinement: completed_date >= assigned_date',
);

/**
 * What the SDK validates before assigning homework: {@link integrationHomeworkInsert} plus
 * `completion_notes` at most {@link HOMEWORK_COMPLETION_NOTES_MAX_CHARS} characters and
 * `completed_date >= assigned_date`.
 */
export const homeworkInsert = /* @__PURE__ */ pg.refined(
  /* @__PURE__ */ withFieldChecks(integrationHomeworkInsert, homeworkFields),
  completedAfterAssigned,
);

/** What the SDK validates before updating homework: {@link integrationHomeworkUpdate} plus the rules of {@link homeworkInsert}. */
export const homeworkUpdate = /* @__PURE__ */ pg.refined(
  /* @__PURE__ */ withFieldChecks(integrationHomeworkUpdate, homeworkFields),
  completedAfterAssigned,
);

// Integration scores -------------------------------------------------------------------------

/**
 * `days_post_dose` is counted from the dosing session, so it is not negative: a score taken
 * before the dose is a baseline and has no "days post dose". The database does not check it.
 */
const scoreFields = { days_post_dose: [/* @__PURE__ */ atLeast(0)] };

/** What the SDK validates before recording a score: {@link integrationScoresInsert} plus `days_post_dose >= 0`. */
export const integrationScoreInsert = /* @__PURE__ */ withFieldChecks(integrationScoresInsert, scoreFields);

/** What the SDK validates before correcting a score: {@link integrationScoresUpdate} plus `days_post_dose >= 0`. */
export const integrationScoreUpdate = /* @__PURE__ */ withFieldChecks(integrationScoresUpdate, scoreFields);

// Practitioner profiles ------------------------------------------------------------------------

/**
 * Directory fields the database leaves unbounded: `display_name` 1..120 characters and not
 * blank, `credentials` at most 200, `specialties` / `modalities` at most 20 tags of 1..60
 * characters, and `max_supervisees` not negative (a negative capacity would lock the
 * practitioner out of accepting anyone without saying why).
 */
const profileFields = {
  display_name: [/* @__PURE__ */ pg.chars({ min: 1, max: DISPLAY_NAME_MAX_CHARS }), /* @__PURE__ */ notBlank()],
  credentials: [/* @__PURE__ */ pg.chars({ max: CREDENTIALS_MAX_CHARS })],
  specialties: [/* @__PURE__ */ tags(PROFILE_TAGS_MAX_ITEMS, PROFILE_TAG_MAX_CHARS)],
  modalities: [/* @__PURE__ */ tags(PROFILE_TAGS_MAX_ITEMS, PROFILE_TAG_MAX_CHARS)],
  max_supervisees: [/* @__PURE__ */ atLeast(0)],
};

/** What the SDK validates before creating a profile: {@link practitionerProfilesInsert} plus the directory rules above. */
export const practitionerProfileInsert = /* @__PURE__ */ withFieldChecks(practitionerProfilesInsert, profileFields);

/** What the SDK validates before editing a profile: {@link practitionerProfilesUpdate} plus the directory rules above. */
export const practitionerProfileUpdate = /* @__PURE__ */ withFieldChecks(practitionerProfilesUpdate, profileFields);

// Supervision circles ---------------------------------------------------------------------------

/**
 * `circle_name` 1..120 characters and not blank (the database allows ''), and `max_members`
 * at least 1 when set (null means no limit; 0 or less would make a circle nobody can join).
 */
const circleFields = {
  circle_name: [/* @__PURE__ */ pg.chars({ min: 1, max: CIRCLE_NAME_MAX_CHARS }), /* @__PURE__ */ notBlank()],
  max_members: [/* @__PURE__ */ atLeast(1)],
};

/** What the SDK validates before creating a circle: {@link supervisionCirclesInsert} plus the circle rules above. */
export const supervisionCircleInsert = /* @__PURE__ */ withFieldChecks(supervisionCirclesInsert, circleFields);

/** What the SDK validates before editing a circle: {@link supervisionCirclesUpdate} plus the circle rules above. */
export const supervisionCircleUpdate = /* @__PURE__ */ withFieldChecks(supervisionCirclesUpdate, circleFields);
