/**
 * Every SDK write call, with generators of its valid arguments and of arguments it must
 * refuse before sending anything. The property suites (`*.property.test.ts`) run these.
 */
import fc from 'fast-check';
import type { PpnClient, PpnResult } from '../../src/index.js';
import {
  INT4_MAX,
  invalidCalendarDate,
  invalidCents,
  invalidId,
  invalidInstant,
  invalidInt,
  invalidObject,
  invalidText,
  invalidUuid,
  validCalendarDate,
  validCents,
  validId,
  validInstant,
  validText,
  validUuid,
  wrongType,
  type FieldSpec,
} from './values.js';

/** The device clock of the unit clients: "today" for defaults is 2026-02-10 (UTC and local). */
export const NOW = new Date('2026-02-10T12:00:00Z');
const TODAY = '2026-02-10';

type Call = (ppn: PpnClient, args: unknown[]) => Promise<PpnResult<unknown>>;

export interface WriteCall {
  /** As called: `sessionEvents.log`. */
  name: string;
  /** Argument lists the call must refuse with `validation`, sending nothing. */
  invalid: fc.Arbitrary<unknown[]>;
  call: Call;
}

const fn = (f: unknown) => f as (...args: unknown[]) => Promise<PpnResult<unknown>>;

// Valid values -------------------------------------------------------------------------------------

const nullable = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null, freq: 5 });

export interface ValidOptions {
  protocolIds?: readonly number[];
  eventTypes?: readonly string[];
  homeworkTypes?: readonly string[];
  typeIds?: readonly number[];
}

const idFrom = (ids?: readonly number[]) => (ids ? fc.constantFrom(...ids) : validId());

/** One of a reference's keys: by id (`<key>_id`) or by name (`<key>`). */
function typeKey(key: 'event_type' | 'homework_type', ids?: readonly number[], names?: readonly string[]) {
  return fc.oneof(
    (ids ? fc.constantFrom(...ids) : validId()).map((id) => ({ [`${key}_id`]: id })),
    (names ? fc.constantFrom(...names) : validText(1, 200)).map((name) => ({ [key]: name })),
  );
}

export function validLogInput(o: ValidOptions = {}) {
  const fields = fc.record(
    {
      protocol_id: idFrom(o.protocolIds),
      event_timestamp: validInstant(),
      intensity_level: nullable(fc.integer({ min: 1, max: 10 })),
      notes: nullable(validText(0, 2000)),
      client_event_id: validUuid(),
    },
    { requiredKeys: ['protocol_id'] },
  );
  return fc.tuple(fields, typeKey('event_type', o.typeIds, o.eventTypes)).map(([f, t]) => ({ ...f, ...t }) as Record<string, unknown>);
}

/** Homework: `due_date` on or after `assigned_date`, or on or after `today` when `assigned_date` is left to the clock. */
export function validAssignInput(o: ValidOptions = {}, today = TODAY) {
  const type = typeKey('homework_type', o.typeIds, o.homeworkTypes);
  const explicit = fc
    .tuple(idFrom(o.protocolIds), type, validCalendarDate(), validCalendarDate())
    .map(([protocol_id, t, a, b]) => ({ protocol_id, ...t, assigned_date: a < b ? a : b, due_date: a < b ? b : a }));
  const byClock = fc.tuple(idFrom(o.protocolIds), type, validCalendarDate(today)).map(([protocol_id, t, due_date]) => ({ protocol_id, ...t, due_date }));
  return fc.oneof(explicit, byClock) as fc.Arbitrary<Record<string, unknown>>;
}

/** Completion: `completed_date` on or after `assigned_date` (the database refuses an earlier one; the SDK cannot see the row's date). */
export function validCompleteInput(assignedDate = '0001-01-01') {
  return fc.record({ completed_date: validCalendarDate(assignedDate), completion_notes: nullable(validText(0, 2000)) }, { requiredKeys: [] });
}

export function validScoreInput(o: ValidOptions = {}) {
  return fc.record(
    {
      protocol_id: idFrom(o.protocolIds),
      scale_type: fc.constantFrom('IES', 'EIS'),
      score_value: validCents(0, 100),
      measured_at: validInstant(),
      days_post_dose: nullable(fc.integer({ min: 0, max: INT4_MAX })),
    },
    { requiredKeys: ['protocol_id', 'scale_type', 'score_value', 'measured_at'] },
  );
}

const tag = () => validText(1, 60);

export function validProfileInput() {
  return fc
    .record(
      {
        display_name: nullable(validText(1, 120, { notBlank: true })),
        credentials: nullable(validText(0, 200)),
        specialties: nullable(fc.array(tag(), { maxLength: 20 })),
        modalities: nullable(fc.array(tag(), { maxLength: 20 })),
        years_experience: nullable(fc.integer({ min: 0, max: INT4_MAX })),
        hourly_rate: nullable(validCents(0, 99_999_999.99)),
        is_accepting_supervision: nullable(fc.boolean()),
        max_supervisees: nullable(fc.integer({ min: 0, max: INT4_MAX })),
        bio: nullable(validText(0, 500)),
      },
      { requiredKeys: [] },
    )
    .filter((o) => Object.keys(o).length > 0);
}

export function validCircleInput() {
  return fc.record(
    {
      circle_name: validText(1, 120, { notBlank: true }),
      max_members: nullable(fc.integer({ min: 1, max: INT4_MAX })),
      meeting_frequency: nullable(fc.oneof(fc.constantFrom('monthly', 'biweekly', 'weekly'), validText(0, 100))),
    },
    { requiredKeys: ['circle_name'] },
  );
}

// Invalid values --------------------------------------------------------------------------------------

/** A type name: '' or over 200 characters, or not a string. */
const invalidTypeName = (presence: 'optional') => fc.oneof(fc.constant(''), fc.string({ minLength: 201, maxLength: 260 }), wrongType('string', presence === 'optional' ? 'undefined' : 'string'));

const LOG_FIELDS: Record<string, FieldSpec> = {
  protocol_id: { presence: 'required', invalid: invalidId('required') },
  event_type_id: { presence: 'optional', invalid: invalidId('optional') },
  event_type: { presence: 'optional', invalid: invalidTypeName('optional') },
  event_timestamp: { presence: 'optional', invalid: invalidInstant('optional') },
  intensity_level: { presence: 'nullable', invalid: invalidInt(1, 10, 'nullable') },
  notes: { presence: 'nullable', invalid: invalidText(0, 2000, 'nullable') },
  client_event_id: { presence: 'optional', invalid: invalidUuid('optional') },
};

/** An object argument replaced by something that is not an object of that kind. */
const notAnObject = (optional = false) => (optional ? wrongType('object', 'undefined') : wrongType('object'));

const invalidLog = fc.oneof({ weight: 9, arbitrary: invalidObject(validLogInput(), LOG_FIELDS) }, { weight: 1, arbitrary: notAnObject() });

const HUGE_BATCH = new Array(100_001).fill({ protocol_id: 1, event_type_id: 1 });

const invalidLogMany = fc.oneof(
  { weight: 1, arbitrary: notAnObject() },
  { weight: 1, arbitrary: wrongType('array', 'undefined').map((events) => ({ events })) },
  { weight: 1, arbitrary: fc.constant({ events: [] }) },
  { weight: 1, arbitrary: fc.constant({ events: HUGE_BATCH }) },
  {
    // a batch with one bad event anywhere; the good ones may name their type (resolved over the network)
    weight: 12,
    arbitrary: fc
      .tuple(fc.array(validLogInput({ eventTypes: ['Distress', 'Breakthrough'] }), { maxLength: 8 }), invalidLog, fc.nat())
      .map(([good, bad, at]) => {
        const batch: unknown[] = [...good];
        batch.splice(at % (good.length + 1), 0, bad);
        return { events: batch };
      }),
  },
);

const ASSIGN_FIELDS: Record<string, FieldSpec> = {
  protocol_id: { presence: 'required', invalid: invalidId('required') },
  homework_type_id: { presence: 'optional', invalid: invalidId('optional') },
  homework_type: { presence: 'optional', invalid: invalidTypeName('optional') },
  due_date: { presence: 'required', invalid: invalidCalendarDate('required') },
  assigned_date: { presence: 'optional', invalid: invalidCalendarDate('optional') },
};

const dueBeforeAssigned = fc
  .tuple(validAssignInput(), validCalendarDate(), validCalendarDate())
  .filter(([, a, b]) => a !== b)
  .map(([base, a, b]) => ({ ...base, assigned_date: a > b ? a : b, due_date: a > b ? b : a }));
// Left to the device clock, assigned_date is today: due yesterday or earlier is refused.
const dueBeforeToday = fc
  .tuple(validAssignInput(), validCalendarDate('0001-01-01', '2026-02-09'))
  .map(([{ assigned_date: _, ...base }, due_date]) => ({ ...base, due_date }));

const invalidAssign = fc.oneof(
  { weight: 8, arbitrary: invalidObject(validAssignInput(), ASSIGN_FIELDS) },
  { weight: 2, arbitrary: dueBeforeAssigned },
  { weight: 1, arbitrary: dueBeforeToday },
  { weight: 1, arbitrary: notAnObject() },
);

const COMPLETE_FIELDS: Record<string, FieldSpec> = {
  completed_date: { presence: 'optional', invalid: invalidCalendarDate('optional') },
  completion_notes: { presence: 'nullable', invalid: invalidText(0, 2000, 'nullable') },
};

const invalidComplete = fc.oneof(
  fc.tuple(invalidId('required'), fc.option(validCompleteInput(), { nil: undefined })),
  fc.tuple(validId(), invalidObject(validCompleteInput(), COMPLETE_FIELDS)),
  fc.tuple(validId(), notAnObject(true)),
);

const SCORE_FIELDS: Record<string, FieldSpec> = {
  protocol_id: { presence: 'required', invalid: invalidId('required') },
  scale_type: {
    presence: 'required',
    invalid: fc.oneof(
      fc.constantFrom('ies', 'eis', 'XYZ', '', 'IES ', ' EIS', 'PCL-5'),
      fc.string().filter((s) => s !== 'IES' && s !== 'EIS'),
      wrongType('string'),
    ),
  },
  score_value: { presence: 'required', invalid: invalidCents(0, 100, 'required') },
  measured_at: { presence: 'required', invalid: invalidInstant('required') },
  days_post_dose: { presence: 'nullable', invalid: invalidInt(0, INT4_MAX, 'nullable') },
};

const invalidRecord = fc.oneof({ weight: 9, arbitrary: invalidObject(validScoreInput(), SCORE_FIELDS) }, { weight: 1, arbitrary: notAnObject() });

const invalidTags = fc.oneof(
  fc.array(tag(), { minLength: 21, maxLength: 30 }),
  fc
    .tuple(fc.array(tag(), { maxLength: 19 }), invalidText(1, 60, 'required'), fc.nat())
    .map(([tags, bad, at]) => {
      const out: unknown[] = [...tags];
      out.splice(at % (tags.length + 1), 0, bad);
      return out;
    }),
  wrongType('array', 'null', 'undefined'),
);

const PROFILE_FIELDS: Record<string, FieldSpec> = {
  display_name: { presence: 'nullable', invalid: invalidText(1, 120, 'nullable', { notBlank: true }) },
  credentials: { presence: 'nullable', invalid: invalidText(0, 200, 'nullable') },
  specialties: { presence: 'nullable', invalid: invalidTags },
  modalities: { presence: 'nullable', invalid: invalidTags },
  years_experience: { presence: 'nullable', invalid: invalidInt(0, INT4_MAX, 'nullable') },
  hourly_rate: { presence: 'nullable', invalid: invalidCents(0, 99_999_999.99, 'nullable') },
  is_accepting_supervision: { presence: 'nullable', invalid: wrongType('boolean', 'null', 'undefined') },
  max_supervisees: { presence: 'nullable', invalid: invalidInt(0, INT4_MAX, 'nullable') },
  bio: { presence: 'nullable', invalid: invalidText(0, 500, 'nullable') },
};

const invalidUpsertProfile = fc.oneof(
  { weight: 9, arbitrary: invalidObject(validProfileInput(), PROFILE_FIELDS) },
  // nothing to write
  { weight: 1, arbitrary: fc.constantFrom({}, { display_name: undefined }, { bio: undefined, credentials: undefined }) },
  { weight: 1, arbitrary: notAnObject() },
);

const CIRCLE_FIELDS: Record<string, FieldSpec> = {
  circle_name: { presence: 'required', invalid: invalidText(1, 120, 'required', { notBlank: true }) },
  max_members: { presence: 'nullable', invalid: invalidInt(1, INT4_MAX, 'nullable') },
  meeting_frequency: { presence: 'nullable', invalid: invalidText(0, Infinity, 'nullable') },
};

const invalidCreateCircle = fc.oneof({ weight: 9, arbitrary: invalidObject(validCircleInput(), CIRCLE_FIELDS) }, { weight: 1, arbitrary: notAnObject() });

/** `{ <key>: id }` with an invalid id, or not an object at all. */
const idParams = (key: string) => fc.tuple(fc.oneof(invalidId('required').map((id) => ({ [key]: id })), notAnObject()));
/** A transition `(relationship_id, params?)`: an invalid id, or params that are not an empty object. */
const transition = fc.oneof(
  fc.tuple(invalidId('required')),
  fc.tuple(validId(), fc.oneof(notAnObject(true), fc.record({ status: fc.constantFrom('active', 'completed') }))),
);

/** Every SDK write call. The unfiltered-write test and the database suite enumerate the same list. */
export const WRITE_CALLS: WriteCall[] = [
  { name: 'sessionEvents.log', invalid: fc.tuple(invalidLog), call: (ppn, a) => fn(ppn.sessionEvents.log)(...a) },
  { name: 'sessionEvents.logMany', invalid: fc.tuple(invalidLogMany), call: (ppn, a) => fn(ppn.sessionEvents.logMany)(...a) },
  { name: 'homework.assign', invalid: fc.tuple(invalidAssign), call: (ppn, a) => fn(ppn.homework.assign)(...a) },
  { name: 'homework.complete', invalid: invalidComplete, call: (ppn, a) => fn(ppn.homework.complete)(...a) },
  { name: 'integrationScores.record', invalid: fc.tuple(invalidRecord), call: (ppn, a) => fn(ppn.integrationScores.record)(...a) },
  { name: 'supervision.request', invalid: idParams('supervisor_id'), call: (ppn, a) => fn(ppn.supervision.request)(...a) },
  { name: 'supervision.accept', invalid: transition, call: (ppn, a) => fn(ppn.supervision.accept)(...a) },
  { name: 'supervision.decline', invalid: transition, call: (ppn, a) => fn(ppn.supervision.decline)(...a) },
  { name: 'supervision.end', invalid: transition, call: (ppn, a) => fn(ppn.supervision.end)(...a) },
  { name: 'supervision.profiles.upsertMine', invalid: fc.tuple(invalidUpsertProfile), call: (ppn, a) => fn(ppn.supervision.profiles.upsertMine)(...a) },
  { name: 'supervision.circles.create', invalid: fc.tuple(invalidCreateCircle), call: (ppn, a) => fn(ppn.supervision.circles.create)(...a) },
  { name: 'supervision.circles.join', invalid: idParams('circle_id'), call: (ppn, a) => fn(ppn.supervision.circles.join)(...a) },
  { name: 'supervision.circles.leave', invalid: idParams('circle_id'), call: (ppn, a) => fn(ppn.supervision.circles.leave)(...a) },
];

export const writeCall = (name: string): WriteCall => {
  const found = WRITE_CALLS.find((c) => c.name === name);
  if (!found) throw new Error(`no write call ${name}`);
  return found;
};
