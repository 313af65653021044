/**
 * The only hand-written validation rules in @ppn/schema. Everything else comes from the
 * database (`validators/*.generated.ts`). Every rule below is a CHECK constraint too (the
 * database refuses what the SDK refuses, issue 5), but one the generator cannot read (a
 * regular expression, a function call; SCHEMA.md lists them as left to the database), so
 * it is written again here, to the same definition, for the SDK to refuse the value before
 * sending anything. They are composed onto the generated validators (never edited into
 * them), so `pnpm gen` can regenerate those freely.
 *
 * Rules the generator reads from the SQL are not repeated here: `session_events.intensity_level`
 * 1..10 and `notes` at most 2000 characters, `practitioner_profiles.bio` at most 500,
 * `display_name` 1..120 and `credentials` at most 200 characters, `max_supervisees >= 0`,
 * `supervision_circles.circle_name` 1..120 characters and `max_members >= 1`,
 * `integration_scores.score_value` 0..100 with two decimals and `days_post_dose >= 0`,
 * `integration_homework.completion_notes` at most 2000 characters, `due_date >= assigned_date`
 * and `completed_date >= assigned_date`, status and scale lists, ... all come from CHECK
 * constraints and column types through the generated validators.
 *
 * @module
 */
import * as z from 'zod/mini';
import * as pg from './pg-types.js';
import { integrationHomeworkInsert, integrationHomeworkUpdate } from './validators/integration_homework.generated.js';
import { integrationScoresInsert, integrationScoresUpdate } from './validators/integration_scores.generated.js';
import { refInteractionEvidenceInsert } from './validators/ref_interaction_evidence.generated.js';
import {
  practitionerProfilesInsert,
  practitionerProfilesUpdate,
} from './validators/practitioner_profiles.generated.js';
import { sessionEventsInsert } from './validators/session_events.generated.js';
import { supervisionCirclesInsert, supervisionCirclesUpdate } from './validators/supervision_circles.generated.js';
import { supervisionRelationshipsInsert } from './validators/supervision_relationships.generated.js';

// Limits ---------------------------------------------------------------------------------

// The bounds of the CHECK constraints of migration 20260216000000_database_enforces_sdk_rules,
// for counters in forms. The generated validators carry the same numbers from the SQL;
// test/refinements.test.ts checks that these agree with them.

/**
 * `session_events.notes`: at most 2000 characters (CHECK `session_events_notes_length`).
 * Notes are "structured notes only" (the column comment): a paragraph or two typed during a
 * session. 2000 leaves room for that and keeps a timeline of hundreds of events light to
 * load; longer text belongs elsewhere.
 */
export const SESSION_EVENT_NOTES_MAX_CHARS = 2000;

/**
 * `integration_homework.completion_notes`: at most 2000 characters, for the same reasons
 * (CHECK `integration_homework_completion_notes_length`).
 */
export const HOMEWORK_COMPLETION_NOTES_MAX_CHARS = 2000;

/**
 * `practitioner_profiles.display_name`: 1..120 characters (CHECK
 * `practitioner_profiles_display_name_length`), not blank: it is a directory label.
 */
export const DISPLAY_NAME_MAX_CHARS = 120;

/**
 * `practitioner_profiles.credentials`: at most 200 characters (e.g. "MD, LMFT, MAPS-trained";
 * CHECK `practitioner_profiles_credentials_length`).
 */
export const CREDENTIALS_MAX_CHARS = 200;

/**
 * `practitioner_profiles.specialties` / `modalities`: at most 20 tags of 1..60 characters
 * (CHECK `practitioner_profiles_specialties_tags` / `_modalities_tags`). They are search
 * tags (GIN-indexed), not prose; the bound keeps the directory's filters usable and the
 * index small.
 */
export const PROFILE_TAGS_MAX_ITEMS = 20;
/** See {@link PROFILE_TAGS_MAX_ITEMS}. */
export const PROFILE_TAG_MAX_CHARS = 60;

/**
 * `supervision_circles.circle_name`: 1..120 characters (CHECK
 * `supervision_circles_circle_name_length`), not blank: it is a list label.
 */
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
  // What z.safeExtend does (same shape but these fields, same strictness, same checks and
  // description), without the object utilities it brings into an app bundle (~0.3 KB gzip).
  return z.strictObject({ ...schema.shape, ...shape }).check(...((schema._zod.def.checks ?? []) as AnyCheck[])) as unknown as T;
}

/**
 * A character that is not whitespace as JavaScript's `\s` defines it. The CHECK constraints
 * `*_not_blank` spell the same set out, `[^\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]`
 * (Postgres' own `\S` depends on the database's locale), so the SDK and the database call
 * the same strings blank.
 */
const NOT_WHITESPACE = /\S/;

/**
 * Not only whitespace: CHECK `<table>_<column>_not_blank`, `col ~ '[^<whitespace>]'`. Null
 * and absent pass; '' passes here and is refused by the column's generated minimum length
 * (the `_length` constraint, which Postgres checks first), so it gets one issue, not two.
 */
/* @__NO_SIDE_EFFECTS__ */
function notBlank() {
  return z.superRefine((value: unknown, ctx) => {
    if (typeof value === 'string' && value !== '' && !NOT_WHITESPACE.test(value)) {
      ctx.addIssue({ code: 'too_small', origin: 'string', minimum: 1, inclusive: true, input: value, message: 'Must not be blank' });
    }
  });
}

/**
 * At most `maxItems` strings of 1..`maxChars` characters: CHECK
 * `cardinality(col) <= maxItems and private.tags_within(col, maxChars)`. Null and absent
 * pass; null items and non-strings are refused by the generated element type.
 */
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
 * What the SDK validates before logging a session event: {@link sessionEventsInsert}, the
 * database's rules (intensity 1..10, `notes` at most {@link SESSION_EVENT_NOTES_MAX_CHARS}
 * characters, ...). Every rule of `session_events` is one the generator reads, so nothing
 * is added; the name stays for the SDK and for apps.
 *
 * @example
 * ```ts
 * const result = sessionEventInsert.safeParse({ protocol_id: 1, event_type_id: 2,
 *   event_timestamp: new Date().toISOString(), intensity_level: 7, notes: 'Eyes closed' });
 * if (!result.success) console.log(result.error.issues); // [{ path: ['notes'], code: 'too_big', ... }]
 * ```
 */
export const sessionEventInsert = sessionEventsInsert;

// Integration homework -----------------------------------------------------------------------

/**
 * What the SDK validates before assigning homework: {@link integrationHomeworkInsert}, whose
 * rules (`completion_notes` at most {@link HOMEWORK_COMPLETION_NOTES_MAX_CHARS} characters,
 * `due_date >= assigned_date` and `completed_date >= assigned_date` when both are in the
 * payload, ...) all come from the SQL.
 */
export const homeworkInsert = integrationHomeworkInsert;

/** What the SDK validates before updating homework: {@link integrationHomeworkUpdate} (see {@link homeworkInsert}). */
export const homeworkUpdate = integrationHomeworkUpdate;

// Integration scores -------------------------------------------------------------------------

/**
 * What the SDK validates before recording a score: {@link integrationScoresInsert} (0..100
 * with two decimals, `days_post_dose >= 0`, scale list; all from the SQL).
 */
export const integrationScoreInsert = integrationScoresInsert;

/** What the SDK validates before correcting a score: {@link integrationScoresUpdate}. */
export const integrationScoreUpdate = integrationScoresUpdate;

// Practitioner profiles ------------------------------------------------------------------------

/**
 * The directory rules the generator cannot read: `display_name` not blank (a regular
 * expression) and `specialties` / `modalities` at most {@link PROFILE_TAGS_MAX_ITEMS} tags of
 * 1..{@link PROFILE_TAG_MAX_CHARS} characters (a function call). `display_name` 1..120 and
 * `credentials` at most 200 characters and `max_supervisees >= 0` come from the SQL.
 */
const profileFields = {
  display_name: [/* @__PURE__ */ notBlank()],
  specialties: [/* @__PURE__ */ tags(PROFILE_TAGS_MAX_ITEMS, PROFILE_TAG_MAX_CHARS)],
  modalities: [/* @__PURE__ */ tags(PROFILE_TAGS_MAX_ITEMS, PROFILE_TAG_MAX_CHARS)],
};

/** What the SDK validates before creating a profile: {@link practitionerProfilesInsert} plus the directory rules above. */
export const practitionerProfileInsert = /* @__PURE__ */ withFieldChecks(practitionerProfilesInsert, profileFields);

/** What the SDK validates before editing a profile: {@link practitionerProfilesUpdate} plus the directory rules above. */
export const practitionerProfileUpdate = /* @__PURE__ */ withFieldChecks(practitionerProfilesUpdate, profileFields);

// Supervision circles ---------------------------------------------------------------------------

/**
 * `circle_name` not blank (a regular expression the generator cannot read). Its length
 * 1..{@link CIRCLE_NAME_MAX_CHARS} and `max_members >= 1` (null: no limit) come from the SQL.
 */
const circleFields = {
  circle_name: [/* @__PURE__ */ notBlank()],
};

/** What the SDK validates before creating a circle: {@link supervisionCirclesInsert} plus the circle rule above. */
export const supervisionCircleInsert = /* @__PURE__ */ withFieldChecks(supervisionCirclesInsert, circleFields);

/** What the SDK validates before editing a circle: {@link supervisionCirclesUpdate} plus the circle rule above. */
export const supervisionCircleUpdate = /* @__PURE__ */ withFieldChecks(supervisionCirclesUpdate, circleFields);

// Supervision relationships ---------------------------------------------------------------------

/**
 * CHECK `supervision_relationships_open_has_participants` (an OR, which the generator cannot
 * read): a `pending` or `active` relationship has both participants; only a closed one loses
 * a side, when that participant leaves the network. Judged on the payload as the database
 * would fill it in: an absent `status` is `'pending'`, an absent `supervisor_id` is null, an
 * absent `supervisee_id` is the caller's own profile (its default).
 */
/* @__NO_SIDE_EFFECTS__ */
function openHasParticipants() {
  return z.superRefine((row: Record<string, unknown>, ctx) => {
    const status = row.status === undefined ? 'pending' : row.status;
    if (status !== 'pending' && status !== 'active') return;
    const missing = [...(row.supervisor_id == null ? ['supervisor_id'] : []), ...(row.supervisee_id === null ? ['supervisee_id'] : [])];
    for (const column of missing) {
      ctx.addIssue({
        code: 'custom',
        path: [column],
        input: row[column],
        message: `${column} is required while the relationship is ${status}`,
        params: { constraint: 'supervision_relationships_open_has_participants' },
      });
    }
  });
}

/**
 * What a supervision request is validated with: {@link supervisionRelationshipsInsert} plus
 * the rule above (an open relationship names both participants).
 */
export const supervisionRelationshipInsert = /* @__PURE__ */ pg.refined(supervisionRelationshipsInsert, openHasParticipants());

// Interaction evidence ------------------------------------------------------------------------

/**
 * `ref_interaction_evidence.citation_doi`: a DOI as Crossref recommends matching it, at most
 * 200 characters, without a `doi:` or `https://doi.org/` prefix (CHECK
 * `ref_interaction_evidence_citation_doi_format`).
 */
export const CITATION_DOI_PATTERN = /^10\.[0-9]{4,9}\/[-._;()/:A-Za-z0-9]+$/;
/** `ref_interaction_evidence.citation_pmid`: PubMed's id as digits, no leading zero (CHECK `ref_interaction_evidence_citation_pmid_format`). */
export const CITATION_PMID_PATTERN = /^[1-9][0-9]{0,8}$/;

/** A text column matching `pattern` (and at most `maxChars` characters); null and absent pass. */
/* @__NO_SIDE_EFFECTS__ */
function matches(pattern: RegExp, what: string, maxChars = Infinity) {
  return z.superRefine((value: unknown, ctx) => {
    if (typeof value !== 'string') return;
    if (pg.charLength(value) > maxChars) {
      ctx.addIssue({ code: 'too_big', origin: 'string', maximum: maxChars, inclusive: true, input: value });
    } else if (!pattern.test(value)) {
      ctx.addIssue({ code: 'invalid_format', format: 'regex', pattern: pattern.source, input: value, message: `Must be ${what}` });
    }
  });
}

const isSet = (v: unknown) => v !== null && v !== undefined;

/**
 * The cross-column CHECK constraints of `ref_interaction_evidence` the generator cannot read:
 * exactly one of `modality_id` / `modality_class` (`_one_modality_target`), a DOI or a PMID
 * (`_citation_identifier`), and a review time exactly when reviewed (`_review_stamp`; an
 * absent `review_status` is its default, `unreviewed`).
 */
/* @__NO_SIDE_EFFECTS__ */
function evidenceRowRules() {
  return z.superRefine((row: z.infer<typeof refInteractionEvidenceInsert>, ctx) => {
    if ([row.modality_id, row.modality_class].filter(isSet).length !== 1) {
      ctx.addIssue({ code: 'custom', path: ['modality_class'], input: row.modality_class, message: 'Name exactly one of modality_id or modality_class' });
    }
    if (!isSet(row.citation_doi) && !isSet(row.citation_pmid)) {
      ctx.addIssue({ code: 'custom', path: ['citation_doi'], input: row.citation_doi, message: 'A DOI or a PMID (or both) is required' });
    }
    const unreviewed = (row.review_status ?? 'unreviewed') === 'unreviewed';
    if (unreviewed !== !isSet(row.reviewed_at)) {
      ctx.addIssue({ code: 'custom', path: ['reviewed_at'], input: row.reviewed_at, message: 'A review time is set exactly when the evidence is reviewed' });
    }
  });
}

/**
 * What a client validates before adding interaction evidence: {@link refInteractionEvidenceInsert}
 * (value lists, lengths, year range from the SQL) plus the DOI and PMID forms and the
 * cross-column rules above. The database also requires new evidence to be `unreviewed`.
 *
 * @example
 * ```ts
 * const result = interactionEvidenceInsert.safeParse({ medication_id: 16, modality_class: 'classic_psychedelic',
 *   effect: 'adverse_event_risk', severity: 'avoid', finding: '...', evidence_kind: 'report_analysis',
 *   citation_title: '...', citation_year: 2021, citation_doi: 'https://doi.org/10.1055/a-1524-2794' });
 * if (!result.success) console.log(result.error.issues); // [{ path: ['citation_doi'], code: 'invalid_format', ... }]
 * ```
 */
export const interactionEvidenceInsert = /* @__PURE__ */ withFieldChecks(refInteractionEvidenceInsert, {
  citation_doi: [/* @__PURE__ */ matches(CITATION_DOI_PATTERN, 'a DOI such as 10.1055/a-1524-2794', 200)],
  citation_pmid: [/* @__PURE__ */ matches(CITATION_PMID_PATTERN, 'a PubMed id (digits, e.g. 34348413)')],
}).check(/* @__PURE__ */ evidenceRowRules());
