/**
 * Value generators for the property tests: valid values of each argument type the SDK's
 * write calls take, and values each of those arguments must refuse.
 *
 * The invalid generators are built so that every value they produce is invalid BY
 * CONSTRUCTION (a day past the end of its month, a tag one character too long, a string with
 * a lone surrogate), or are filtered with a check written here, never with the SDK's own
 * validators: a property test that asks the code under test what is valid proves nothing.
 */
import fc from 'fast-check';

export const MAX_SAFE = Number.MAX_SAFE_INTEGER;
export const INT4_MAX = 2_147_483_647;

/** Runs per property: invalid inputs (cheap, no network) and valid inputs against the database. */
export const FC_RUNS = Number(process.env.PPN_FC_RUNS ?? 1000);
export const FC_DB_RUNS = Number(process.env.PPN_FC_DB_RUNS ?? 40);
/** `PPN_FC_SEED` replays a failure that fast-check reported (it prints the seed and path). */
export const FC_SEED = process.env.PPN_FC_SEED === undefined ? undefined : Number(process.env.PPN_FC_SEED);

export function fcParams(numRuns: number): fc.Parameters<unknown> {
  return { numRuns, ...(FC_SEED === undefined ? {} : { seed: FC_SEED }), endOnFailure: false };
}

// Plain helpers ------------------------------------------------------------------------------

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
export const daysIn = (y: number, m: number) => [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;

/** A string with a UTF-16 surrogate that is not part of a pair: not Unicode text, and Postgres refuses it. */
export const hasLoneSurrogate = (s: string) => /[\uD800-\uDFFF]/u.test(s);
const codePoints = (s: string) => [...s].length;

// Wrong types --------------------------------------------------------------------------------

export type JsKind = 'string' | 'number' | 'boolean' | 'null' | 'undefined' | 'object' | 'array' | 'bigint' | 'date' | 'symbol' | 'function';

const KINDS: Record<JsKind, fc.Arbitrary<unknown>> = {
  string: fc.string({ maxLength: 20 }),
  number: fc.oneof(fc.integer(), fc.double()),
  boolean: fc.boolean(),
  null: fc.constant(null),
  undefined: fc.constant(undefined),
  object: fc.oneof(fc.object({ maxDepth: 1 }), fc.constant({})),
  array: fc.array(fc.anything({ maxDepth: 1 }), { maxLength: 3 }),
  bigint: fc.bigInt(),
  date: fc.date(),
  symbol: fc.string({ maxLength: 5 }).map((s) => Symbol(s)),
  function: fc.constant(() => 1),
};

/** A value of any JavaScript kind but those listed. */
export function wrongType(...allowed: JsKind[]): fc.Arbitrary<unknown> {
  return fc.oneof(...(Object.keys(KINDS) as JsKind[]).filter((k) => !allowed.includes(k)).map((k) => KINDS[k]));
}

/** How a field may be left out or null: `required` (neither), `optional` (absent ok), `nullable` (absent or null ok). */
export type Presence = 'required' | 'optional' | 'nullable';

/** Wrong types for a field whose right type is `kinds`, honouring what absence and null mean for it. */
function wrongTypeFor(presence: Presence, ...kinds: JsKind[]): fc.Arbitrary<unknown> {
  const allowed: JsKind[] = [...kinds];
  if (presence !== 'required') allowed.push('undefined');
  if (presence === 'nullable') allowed.push('null');
  return wrongType(...allowed);
}

// Ids ------------------------------------------------------------------------------------------

/** A row id: a positive safe integer. */
export const validId = () => fc.integer({ min: 1, max: MAX_SAFE });

/** Not a row id: zero, negative, fractional, unsafe, NaN/Infinity, or not a number at all. */
export function invalidId(presence: Presence = 'required'): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.constantFrom(0, -0, -1, 0.5, 1.5, Number.NaN, Infinity, -Infinity, MAX_SAFE + 1, 2 ** 53 + 2, 1e300, Number.MIN_VALUE, -MAX_SAFE),
    fc.integer({ min: -MAX_SAFE, max: 0 }),
    fc.double({ min: -1e6, max: 1e6, noNaN: true }).filter((d) => !Number.isInteger(d)),
    fc.double({ min: 2 ** 53, noNaN: true }),
    fc.integer({ min: 1, max: 10_000 }).map(String),
    wrongTypeFor(presence, 'number'),
  );
}

// Integers and numbers in a range ----------------------------------------------------------------

/** An integer field within [min, max] (inclusive): values outside, fractions, NaN/Infinity, wrong types. */
export function invalidInt(min: number, max: number, presence: Presence): fc.Arbitrary<unknown> {
  const outside: Array<fc.Arbitrary<unknown>> = [fc.constantFrom(Number.NaN, Infinity, -Infinity, min - 0.5, max + 0.5)];
  if (min > -MAX_SAFE) outside.push(fc.integer({ min: -MAX_SAFE, max: min - 1 }), fc.constant(min - 1));
  if (max < MAX_SAFE) outside.push(fc.integer({ min: max + 1, max: MAX_SAFE }), fc.constant(max + 1));
  return fc.oneof(
    ...outside,
    fc.double({ min, max, noNaN: true }).filter((d) => !Number.isInteger(d)),
    fc.integer({ min, max }).map(String),
    wrongTypeFor(presence, 'number'),
  );
}

/** A number with at most two decimals in [min, max]: the numeric(p,2) values the database stores as sent. */
export function validCents(min: number, max: number): fc.Arbitrary<number> {
  return fc.integer({ min: Math.round(min * 100), max: Math.round(max * 100) }).map((c) => c / 100);
}

/** Not a numeric(p,2) in [min, max]: outside, three or more decimals, NaN/Infinity, wrong types. */
export function invalidCents(min: number, max: number, presence: Presence): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.constantFrom(Number.NaN, Infinity, -Infinity, min - 0.01, max + 0.01, 1e21, -1e21),
    fc.integer({ min: 1, max: 1e9 }).map((c) => min - c / 100),
    fc.integer({ min: 1, max: 1e9 }).map((c) => max + c / 100),
    // thousandths that are not whole hundredths: e.g. 12.345
    fc.integer({ min: Math.round(min * 1000), max: Math.round(max * 1000) }).filter((n) => n % 10 !== 0).map((n) => n / 1000),
    fc.constantFrom(1e-7, 0.001, 99.999, 0.005),
    validCents(min, max).map(String),
    wrongTypeFor(presence, 'number'),
  );
}

// Text ---------------------------------------------------------------------------------------------

/** Unicode text of `min`..`max` characters (code points), without NUL, and not blank when `notBlank`. */
export function validText(min: number, max: number, options: { notBlank?: boolean } = {}): fc.Arbitrary<string> {
  const unit = fc.oneof(
    { weight: 3, arbitrary: fc.constant('grapheme-ascii' as const) },
    { weight: 2, arbitrary: fc.constant('grapheme' as const) },
  );
  const short = unit.chain((u) => fc.string({ unit: u, minLength: min, maxLength: Math.min(max, min + 200) }));
  // at the limit: exactly `max` characters, some of them astral (two UTF-16 units, one character)
  const atLimit = Number.isFinite(max)
    ? fc.array(fc.constantFrom('a', 'Z', ' ', 'é', '😀', '中', '\n'), { minLength: max, maxLength: max }).map((cs) => cs.join(''))
    : short;
  return fc
    .oneof({ weight: 5, arbitrary: short }, { weight: 1, arbitrary: atLimit })
    .map((s) => s.replace(/\0/g, '_'))
    .filter((s) => codePoints(s) >= min && codePoints(s) <= max && !hasLoneSurrogate(s) && (!options.notBlank || /\S/.test(s)));
}

/** Text a field of at most `max` characters (and at least `min`) must refuse. */
export function invalidText(min: number, max: number, presence: Presence, options: { notBlank?: boolean } = {}): fc.Arbitrary<unknown> {
  const limit = Number.isFinite(max) ? max : 200;
  const ok = validText(Math.max(min, 1), limit);
  const cases: Array<fc.Arbitrary<unknown>> = [];
  if (Number.isFinite(max)) {
    // oversized: max+1 .. max+64 code points, ASCII or astral
    cases.push(
      fc.string({ unit: 'grapheme-ascii', minLength: max + 1, maxLength: max + 64 }),
      fc.integer({ min: max + 1, max: max + 16 }).map((n) => '😀'.repeat(n)),
    );
  }
  cases.push(
    // NUL, which Postgres cannot store
    fc.tuple(ok, fc.nat()).map(([s, i]) => {
      const chars = [...s].slice(0, Math.max(0, limit - 1));
      chars.splice(i % (chars.length + 1), 0, '\0');
      return chars.join('');
    }),
    // a lone surrogate: not Unicode text (Postgres refuses it)
    fc
      .tuple(ok, fc.nat(), fc.integer({ min: 0xd800, max: 0xdfff }))
      .map(([s, i, unit]) => {
        const chars = [...s].slice(0, Math.max(0, limit - 1));
        const at = i % (chars.length + 1);
        chars.splice(at, 0, String.fromCharCode(unit));
        return chars.join('');
      })
      .filter(hasLoneSurrogate),
    wrongTypeFor(presence, 'string'),
  );
  if (min > 0) cases.push(fc.constant(''));
  if (options.notBlank) cases.push(fc.stringMatching(/^[ \t\n\r]{1,20}$/));
  return fc.oneof(...cases);
}

// Instants (timestamptz) --------------------------------------------------------------------------

const FIRST_INSTANT = Date.parse('0001-01-02T00:00:00Z'); // stays AD in UTC whatever the offset
const LAST_INSTANT = Date.UTC(9999, 11, 30, 23, 59, 59, 999);

/** A valid instant: a Date, or ISO 8601 with `Z` or an offset Postgres accepts (within ±15:59). */
export function validInstant(): fc.Arbitrary<string | Date> {
  const date = fc.date({ min: new Date(FIRST_INSTANT), max: new Date(LAST_INSTANT), noInvalidDate: true });
  const offsetMinutes = fc.integer({ min: -(15 * 60 + 59), max: 15 * 60 + 59 });
  const fraction = fc.oneof(fc.constant(''), fc.integer({ min: 0, max: 999_999 }).map((n) => `.${pad(n, 6)}`), fc.integer({ min: 0, max: 999 }).map((n) => `.${pad(n, 3)}`));
  const withOffset = fc.tuple(date, offsetMinutes, fraction).map(([d, off, frac]) => {
    const local = new Date(d.getTime() + off * 60_000);
    if (local.getUTCFullYear() > 9999 || local.getUTCFullYear() < 1) return d.toISOString();
    const sign = off < 0 ? '-' : '+';
    const abs = Math.abs(off);
    const ymd = `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`;
    const hms = `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}`;
    return `${ymd}T${hms}${frac}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
  });
  return fc.oneof(date, date.map((d) => d.toISOString()), withOffset);
}

/** Not an instant: malformed or impossible date-times, no offset, an offset out of range, Invalid Date, wrong types. */
export function invalidInstant(presence: Presence): fc.Arbitrary<unknown> {
  const ymd = fc.record({ y: fc.integer({ min: 1, max: 9999 }), m: fc.integer({ min: 1, max: 12 }) });
  return fc.oneof(
    fc.constantFrom(
      'yesterday',
      'now',
      '',
      '2026-02-10',
      '2026-02-10T10:00:00', // no offset: which clock?
      '2026-02-10T10:00:00+16:00', // beyond Postgres' ±15:59
      '2026-02-10T10:00:00-23:59',
      '2026-02-10T24:00:01Z',
      '2026-02-10T10:60:00Z',
      '2026-13-01T00:00:00Z',
      '0000-01-01T00:00:00Z', // year 0 is 1 BC; Postgres refuses it in this form
      '2026-02-10T10:00:00ZZ',
      '10/02/2026 10:00',
      'Tue, 10 Feb 2026 10:00:00 GMT',
    ),
    // a day past the end of its month
    fc
      .tuple(ymd, fc.integer({ min: 1, max: 3 }))
      .filter(([{ y, m }, extra]) => daysIn(y, m) + extra <= 99)
      .map(([{ y, m }, extra]) => `${pad(y, 4)}-${pad(m)}-${pad(daysIn(y, m) + extra)}T12:00:00Z`),
    // an offset hour outside ±15
    fc.integer({ min: 16, max: 99 }).chain((h) => fc.constantFrom(`2026-03-01T08:00:00+${h}:00`, `2026-03-01T08:00:00-${h}:30`)),
    fc.string().filter((s) => !/^\d{4}-\d{2}-\d{2}T/.test(s)),
    // Dates that are not instants Postgres or ISO 8601 (4-digit years) can carry
    fc.constantFrom(new Date(Number.NaN), new Date(Date.UTC(10000, 0, 1)), new Date(-62167219200000) /* 0000-01-01 */, new Date(-62198755200000) /* -000001-01-01 */, new Date(Date.UTC(-50, 0, 1))),
    fc.integer({ min: 0, max: 4e12 }), // epoch milliseconds are not accepted
    wrongTypeFor(presence, 'string', 'date'),
  );
}

// Calendar dates (date) ------------------------------------------------------------------------------

/** A `YYYY-MM-DD` between the bounds (inclusive, as strings). */
export function validCalendarDate(min = '0001-01-01', max = '9999-12-31'): fc.Arbitrary<string> {
  const toDay = (s: string) => Date.parse(`${s}T00:00:00Z`) / 86_400_000;
  return fc.integer({ min: toDay(min), max: toDay(max) }).map((day) => new Date(day * 86_400_000).toISOString().slice(0, 10));
}

/** Not a `YYYY-MM-DD`: impossible days and months, other formats, year 0, Dates out of range, numbers. */
export function invalidCalendarDate(presence: Presence): fc.Arbitrary<unknown> {
  const ymd = fc.record({ y: fc.integer({ min: 1, max: 9999 }), m: fc.integer({ min: 1, max: 12 }) });
  return fc.oneof(
    fc.constantFrom('2026-02-30', '2023-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-01-00', '0000-01-01', '2026-1-01', '26-01-01', '2026-01-01T00:00:00Z', '+2026-01-01', ' 2026-01-01', '2026/01/01', 'today', ''),
    fc
      .tuple(ymd, fc.integer({ min: 1, max: 40 }))
      .filter(([{ y, m }, extra]) => daysIn(y, m) + extra <= 99)
      .map(([{ y, m }, extra]) => `${pad(y, 4)}-${pad(m)}-${pad(daysIn(y, m) + extra)}`),
    fc.record({ y: fc.integer({ min: 1, max: 9999 }), m: fc.integer({ min: 13, max: 99 }) }).map(({ y, m }) => `${pad(y, 4)}-${pad(m)}-01`),
    fc.string().filter((s) => !/^\d{4}-\d{2}-\d{2}$/.test(s)),
    // A Date is read as its local calendar date: these have none Postgres can carry.
    fc.constantFrom(new Date(Number.NaN), new Date(Date.UTC(10000, 6, 1)), new Date(Date.UTC(-50, 6, 1))),
    wrongTypeFor(presence, 'string', 'date'),
  );
}

// UUIDs ------------------------------------------------------------------------------------------------

/**
 * An RFC 9562 uuid (versions 1 to 8, as `crypto.randomUUID()` or a v7 library makes them),
 * in either case. The SDK asks for an RFC uuid as the idempotency key; Postgres would take
 * any 32 hex digits.
 */
export function validUuid(): fc.Arbitrary<string> {
  return fc.oneof(fc.uuid(), fc.uuid().map((u) => u.toUpperCase()), fc.constant(crypto.randomUUID()));
}

/** Not an 8-4-4-4-12 hex uuid: a non-hex digit, wrong lengths, braces, no dashes, wrong types. */
export function invalidUuid(presence: Presence): fc.Arbitrary<unknown> {
  const uuidLike = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  return fc.oneof(
    fc.tuple(fc.uuid(), fc.nat(35), fc.constantFrom('g', 'z', 'G', ' ', '-', '_', 'é')).map(([u, i, c]) => {
      const at = u[i] === '-' ? i + 1 : i;
      return u.slice(0, at) + c + u.slice(at + 1);
    }),
    fc.uuid().map((u) => `{${u}}`),
    fc.uuid().map((u) => u.replace(/-/g, '')),
    fc.uuid().map((u) => u.slice(0, 35)),
    fc.uuid().map((u) => `${u}0`),
    fc.uuid().map((u) => `urn:uuid:${u}`),
    fc.string().filter((s) => !uuidLike.test(s)),
    wrongTypeFor(presence, 'string'),
  );
}

// Object shapes --------------------------------------------------------------------------------------------

/**
 * Keys no write call accepts: random names, and plausible ones that would let a caller
 * write what the database sets (`created_by`, `user_id`) or take a column name.
 */
export function unknownKey(known: readonly string[]): fc.Arbitrary<string> {
  return fc
    .oneof(
      fc.constantFrom('created_by', 'user_id', 'event_id', 'protocol_id', 'supervisee_id', 'profile_id', 'status', 'id', 'constructor', 'toString', 'hasOwnProperty', '__proto__', 'valueOf'),
      fc.string({ minLength: 1, maxLength: 12 }),
    )
    .filter((k) => !known.includes(k));
}

/** A corruption of one object argument; applied in `corrupt`. */
export type Corruption = { kind: 'set'; key: string; value: unknown } | { kind: 'delete'; key: string };

/** Applies corruptions to a copy of `base` (own enumerable properties, `__proto__` included). */
export function corrupt(base: Record<string, unknown>, corruptions: Corruption[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(base)) Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  for (const c of corruptions) {
    if (c.kind === 'delete') delete out[c.key];
    else Object.defineProperty(out, c.key, { value: c.value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

export interface FieldSpec {
  presence: Presence;
  invalid: fc.Arbitrary<unknown>;
}

/**
 * Invalid versions of an object argument: one to three corruptions of a valid `base`, each a
 * field set to an invalid value, an unknown field added, or a required field removed.
 */
export function invalidObject(base: fc.Arbitrary<Record<string, unknown>>, fields: Record<string, FieldSpec>): fc.Arbitrary<Record<string, unknown>> {
  const keys = Object.keys(fields);
  const required = keys.filter((k) => fields[k]!.presence === 'required');
  const oneCorruption: fc.Arbitrary<Corruption> = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...keys).chain((key) => fields[key]!.invalid.map((value) => ({ kind: 'set' as const, key, value }))) },
    { weight: 1, arbitrary: fc.tuple(unknownKey(keys), fc.anything({ maxDepth: 1 })).map(([key, value]) => ({ kind: 'set' as const, key, value })) },
    ...(required.length ? [{ weight: 1, arbitrary: fc.constantFrom(...required).map((key) => ({ kind: 'delete' as const, key })) }] : []),
  );
  return fc.tuple(base, fc.array(oneCorruption, { minLength: 1, maxLength: 3 })).map(([b, cs]) => corrupt(b, cs));
}
