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

/** Event and homework types are an id or a name (1..200 characters). */
const typeRef = (names?: readonly string[]) => fc.oneof(validId(), names ? fc.constantFrom(...names) : validText(1, 200));
const nullable = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null, freq: 5 });

export interface ValidOptions {
  protocolIds?: readonly number[];
  eventTypes?: readonly string[];
  homeworkTypes?: readonly string[];
  typeIds?: readonly number[];
}

const idFrom = (ids?: readonly number[]) => (ids ? fc.constantFrom(...ids) : validId());

export function validLogInput(o: ValidOptions = {}) {
  return fc.record(
    {
      protocolId: idFrom(o.protocolIds),
      eventType: o.typeIds ? fc.oneof(fc.constantFrom(...o.typeIds), fc.constantFrom(...o.eventTypes!)) : typeRef(o.eventTypes),
      occurredAt: validInstant(),
      intensity: nullable(fc.integer({ min: 1, max: 10 })),
      notes: nullable(validText(0, 2000)),
      clientEventId: validUuid(),
    },
    { requiredKeys: ['protocolId', 'eventType'] },
  );
}

/** Homework: `dueDate` on or after `assignedDate`, or on or after `today` when `assignedDate` is left to the clock. */
export function validAssignInput(o: ValidOptions = {}, today = TODAY) {
  const type = o.typeIds ? fc.oneof(fc.constantFrom(...o.typeIds), fc.constantFrom(...o.homeworkTypes!)) : typeRef(o.homeworkTypes);
  const explicit = fc
    .tuple(idFrom(o.protocolIds), type, validCalendarDate(), validCalendarDate())
    .map(([protocolId, homeworkType, a, b]) => ({ protocolId, homeworkType, assignedDate: a < b ? a : b, dueDate: a < b ? b : a }));
  const byClock = fc
    .tuple(idFrom(o.protocolIds), type, validCalendarDate(today))
    .map(([protocolId, homeworkType, dueDate]) => ({ protocolId, homeworkType, dueDate }));
  return fc.oneof(explicit, byClock) as fc.Arbitrary<Record<string, unknown>>;
}

/** Completion: `completedDate` on or after `assignedDate` (the database refuses an earlier one; the SDK cannot see the row's date). */
export function validCompleteInput(assignedDate = '0001-01-01') {
  return fc.record({ completedDate: validCalendarDate(assignedDate), notes: nullable(validText(0, 2000)) }, { requiredKeys: [] });
}

export function validScoreInput(o: ValidOptions = {}) {
  return fc.record(
    {
      protocolId: idFrom(o.protocolIds),
      scale: fc.constantFrom('IES', 'EIS'),
      value: validCents(0, 100),
      measuredAt: validInstant(),
      daysPostDose: nullable(fc.integer({ min: 0, max: INT4_MAX })),
    },
    { requiredKeys: ['protocolId', 'scale', 'value', 'measuredAt'] },
  );
}

const tag = () => validText(1, 60);

export function validProfileInput() {
  return fc
    .record(
      {
        displayName: nullable(validText(1, 120, { notBlank: true })),
        credentials: nullable(validText(0, 200)),
        specialties: nullable(fc.array(tag(), { maxLength: 20 })),
        modalities: nullable(fc.array(tag(), { maxLength: 20 })),
        yearsExperience: nullable(fc.integer({ min: 0, max: INT4_MAX })),
        hourlyRate: nullable(validCents(0, 99_999_999.99)),
        isAcceptingSupervision: nullable(fc.boolean()),
        maxSupervisees: nullable(fc.integer({ min: 0, max: INT4_MAX })),
        bio: nullable(validText(0, 500)),
      },
      { requiredKeys: [] },
    )
    .filter((o) => Object.keys(o).length > 0);
}

export function validCircleInput() {
  return fc.record(
    {
      circleName: validText(1, 120, { notBlank: true }),
      maxMembers: nullable(fc.integer({ min: 1, max: INT4_MAX })),
      meetingFrequency: nullable(fc.oneof(fc.constantFrom('monthly', 'biweekly', 'weekly'), validText(0, 100))),
    },
    { requiredKeys: ['circleName'] },
  );
}

// Invalid values --------------------------------------------------------------------------------------

const invalidTypeRef: FieldSpec = {
  presence: 'required',
  // '' or over 200 characters as a name; anything but a positive safe integer as an id
  invalid: fc.oneof(invalidId('required').filter((v) => typeof v !== 'string'), fc.constant(''), fc.string({ minLength: 201, maxLength: 260 })),
};

const LOG_FIELDS: Record<string, FieldSpec> = {
  protocolId: { presence: 'required', invalid: invalidId('required') },
  eventType: invalidTypeRef,
  occurredAt: { presence: 'optional', invalid: invalidInstant('optional') },
  intensity: { presence: 'nullable', invalid: invalidInt(1, 10, 'nullable') },
  notes: { presence: 'nullable', invalid: invalidText(0, 2000, 'nullable') },
  clientEventId: { presence: 'optional', invalid: invalidUuid('optional') },
};

/** An object argument replaced by something that is not an object of that kind. */
const notAnObject = (optional = false) => (optional ? wrongType('object', 'undefined') : wrongType('object'));

const invalidLog = fc.oneof({ weight: 9, arbitrary: invalidObject(validLogInput(), LOG_FIELDS) }, { weight: 1, arbitrary: notAnObject() });

const HUGE_BATCH = new Array(100_001).fill({ protocolId: 1, eventType: 1 });

const invalidLogMany = fc.oneof(
  { weight: 1, arbitrary: wrongType('array') },
  { weight: 1, arbitrary: fc.constant([]) },
  { weight: 1, arbitrary: fc.constant(HUGE_BATCH) },
  {
    // a batch with one bad event anywhere; the good ones may name their type (resolved over the network)
    weight: 12,
    arbitrary: fc
      .tuple(fc.array(validLogInput({ eventTypes: ['Distress', 'Breakthrough'] }), { maxLength: 8 }), invalidLog, fc.nat())
      .map(([good, bad, at]) => {
        const batch: unknown[] = [...good];
        batch.splice(at % (good.length + 1), 0, bad);
        return batch;
      }),
  },
);

const ASSIGN_FIELDS: Record<string, FieldSpec> = {
  protocolId: { presence: 'required', invalid: invalidId('required') },
  homeworkType: invalidTypeRef,
  dueDate: { presence: 'required', invalid: invalidCalendarDate('required') },
  assignedDate: { presence: 'optional', invalid: invalidCalendarDate('optional') },
};

const dueBeforeAssigned = fc
  .tuple(validAssignInput(), validCalendarDate(), validCalendarDate())
  .filter(([, a, b]) => a !== b)
  .map(([base, a, b]) => ({ ...base, assignedDate: a > b ? a : b, dueDate: a > b ? b : a }));
// Left to the device clock, assignedDate is today: due yesterday or earlier is refused.
const dueBeforeToday = fc
  .tuple(validAssignInput(), validCalendarDate('0001-01-01', '2026-02-09'))
  .map(([{ assignedDate: _, ...base }, dueDate]) => ({ ...base, dueDate }));

const invalidAssign = fc.oneof(
  { weight: 8, arbitrary: invalidObject(validAssignInput(), ASSIGN_FIELDS) },
  { weight: 2, arbitrary: dueBeforeAssigned },
  { weight: 1, arbitrary: dueBeforeToday },
  { weight: 1, arbitrary: notAnObject() },
);

const COMPLETE_FIELDS: Record<string, FieldSpec> = {
  completedDate: { presence: 'optional', invalid: invalidCalendarDate('optional') },
  notes: { presence: 'nullable', invalid: invalidText(0, 2000, 'nullable') },
};

const invalidComplete = fc.oneof(
  fc.tuple(invalidId('required'), fc.option(validCompleteInput(), { nil: undefined })),
  fc.tuple(validId(), invalidObject(validCompleteInput(), COMPLETE_FIELDS)),
  fc.tuple(validId(), notAnObject(true)),
);

const SCORE_FIELDS: Record<string, FieldSpec> = {
  protocolId: { presence: 'required', invalid: invalidId('required') },
  scale: {
    presence: 'required',
    invalid: fc.oneof(
      fc.constantFrom('ies', 'eis', 'XYZ', '', 'IES ', ' EIS', 'PCL-5'),
      fc.string().filter((s) => s !== 'IES' && s !== 'EIS'),
      wrongType('string'),
    ),
  },
  value: { presence: 'required', invalid: invalidCents(0, 100, 'required') },
  measuredAt: { presence: 'required', invalid: invalidInstant('required') },
  daysPostDose: { presence: 'nullable', invalid: invalidInt(0, INT4_MAX, 'nullable') },
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
  displayName: { presence: 'nullable', invalid: invalidText(1, 120, 'nullable', { notBlank: true }) },
  credentials: { presence: 'nullable', invalid: invalidText(0, 200, 'nullable') },
  specialties: { presence: 'nullable', invalid: invalidTags },
  modalities: { presence: 'nullable', invalid: invalidTags },
  yearsExperience: { presence: 'nullable', invalid: invalidInt(0, INT4_MAX, 'nullable') },
  hourlyRate: { presence: 'nullable', invalid: invalidCents(0, 99_999_999.99, 'nullable') },
  isAcceptingSupervision: { presence: 'nullable', invalid: wrongType('boolean', 'null', 'undefined') },
  maxSupervisees: { presence: 'nullable', invalid: invalidInt(0, INT4_MAX, 'nullable') },
  bio: { presence: 'nullable', invalid: invalidText(0, 500, 'nullable') },
};

const invalidUpsertProfile = fc.oneof(
  { weight: 9, arbitrary: invalidObject(validProfileInput(), PROFILE_FIELDS) },
  // nothing to write
  { weight: 1, arbitrary: fc.constantFrom({}, { displayName: undefined }, { bio: undefined, credentials: undefined }) },
  { weight: 1, arbitrary: notAnObject() },
);

const CIRCLE_FIELDS: Record<string, FieldSpec> = {
  circleName: { presence: 'required', invalid: invalidText(1, 120, 'required', { notBlank: true }) },
  maxMembers: { presence: 'nullable', invalid: invalidInt(1, INT4_MAX, 'nullable') },
  meetingFrequency: { presence: 'nullable', invalid: invalidText(0, Infinity, 'nullable') },
};

const invalidCreateCircle = fc.oneof({ weight: 9, arbitrary: invalidObject(validCircleInput(), CIRCLE_FIELDS) }, { weight: 1, arbitrary: notAnObject() });

const invalidDecision = fc.oneof(
  fc.constantFrom('Accept', 'ACCEPT', 'accepted', 'decline ', 'yes', 'no', 'cancel', 'cancelled', 'active', 'completed', ''),
  fc.string().filter((s) => s !== 'accept' && s !== 'decline'),
  wrongType('string'),
);

const oneId = fc.tuple(invalidId('required'));

/** Every SDK write call. The unfiltered-write test and the database suite enumerate the same list. */
export const WRITE_CALLS: WriteCall[] = [
  { name: 'sessionEvents.log', invalid: fc.tuple(invalidLog), call: (ppn, a) => fn(ppn.sessionEvents.log)(...a) },
  { name: 'sessionEvents.logMany', invalid: fc.tuple(invalidLogMany), call: (ppn, a) => fn(ppn.sessionEvents.logMany)(...a) },
  { name: 'homework.assign', invalid: fc.tuple(invalidAssign), call: (ppn, a) => fn(ppn.homework.assign)(...a) },
  { name: 'homework.complete', invalid: invalidComplete, call: (ppn, a) => fn(ppn.homework.complete)(...a) },
  { name: 'integrationScores.record', invalid: fc.tuple(invalidRecord), call: (ppn, a) => fn(ppn.integrationScores.record)(...a) },
  { name: 'supervision.request', invalid: oneId, call: (ppn, a) => fn(ppn.supervision.request)(...a) },
  {
    name: 'supervision.respond',
    invalid: fc.oneof(
      fc.tuple(invalidId('required'), fc.constantFrom('accept', 'decline')),
      fc.tuple(validId(), invalidDecision),
      fc.tuple(invalidId('required'), invalidDecision),
    ),
    call: (ppn, a) => fn(ppn.supervision.respond)(...a),
  },
  { name: 'supervision.end', invalid: oneId, call: (ppn, a) => fn(ppn.supervision.end)(...a) },
  { name: 'supervision.profiles.upsertMine', invalid: fc.tuple(invalidUpsertProfile), call: (ppn, a) => fn(ppn.supervision.profiles.upsertMine)(...a) },
  { name: 'supervision.circles.create', invalid: fc.tuple(invalidCreateCircle), call: (ppn, a) => fn(ppn.supervision.circles.create)(...a) },
  { name: 'supervision.circles.join', invalid: oneId, call: (ppn, a) => fn(ppn.supervision.circles.join)(...a) },
  { name: 'supervision.circles.leave', invalid: oneId, call: (ppn, a) => fn(ppn.supervision.circles.leave)(...a) },
];

export const writeCall = (name: string): WriteCall => {
  const found = WRITE_CALLS.find((c) => c.name === name);
  if (!found) throw new Error(`no write call ${name}`);
  return found;
};
