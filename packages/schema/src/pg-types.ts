/**
 * The Postgres vocabulary the generated validators are written in: one zod/mini schema per
 * column type, and the check builders that CHECK constraints translate to. Nothing here
 * knows a table; table rules are generated (`validators/*.generated.ts`) or hand-written
 * (`refinements.ts`).
 *
 * Every builder is a plain function (marked `@__NO_SIDE_EFFECTS__` for Rollup), and the
 * generated code marks each call `@__PURE__` (esbuild does not follow the former across
 * modules), so a bundler drops the schemas an app never uses.
 *
 * @module
 */
import * as z from 'zod/mini';

type Schema = z.ZodMiniType;

/** Postgres refuses NUL in `text` (22021/22P05); refuse it before the request. */
const NO_NUL = /^[^\0]*$/;

/**
 * A JavaScript string may hold a UTF-16 surrogate without its pair, which is not Unicode
 * text: PostgREST hands it to Postgres as JSON `"\ud800"`, which Postgres refuses (22P02).
 * With the `u` flag a surrogate pair is one code point, so only an unpaired one matches.
 */
const WELL_FORMED = /^[^\uD800-\uDFFF]*$/u;

/** Attaches a description (a table or column COMMENT) in zod's global registry. */
/* @__NO_SIDE_EFFECTS__ */
export function described<T extends Schema>(schema: T, description: string): T {
  return schema.check(z.describe(description)) as T;
}

/** `boolean`. */
/* @__NO_SIDE_EFFECTS__ */
export function bool() {
  return z.boolean();
}

/** `smallint`: an integer in -32768..32767. */
/* @__NO_SIDE_EFFECTS__ */
export function int2() {
  return z.int().check(z.gte(-32768), z.lte(32767));
}

/** `integer`: an integer in the int4 range. */
/* @__NO_SIDE_EFFECTS__ */
export function int4() {
  return z.int32();
}

/**
 * `bigint`: PostgREST sends int8 as a JSON number, so a safe JavaScript integer
 * (|n| <= 2^53 - 1; beyond that a number cannot carry the value exactly).
 */
/* @__NO_SIDE_EFFECTS__ */
export function int8() {
  return z.int();
}

/** `real` / `double precision`: any finite number. */
/* @__NO_SIDE_EFFECTS__ */
export function float() {
  return z.number();
}

/** Decimal places of a finite number as JavaScript prints it (1e-7 has 7). */
function decimalPlaces(value: number): number {
  const [mantissa = '', exponent = '0'] = String(value).split('e');
  return (mantissa.split('.')[1] ?? '').length - Number(exponent);
}

/**
 * `numeric(precision, scale)`: a finite number below 10^(precision - scale) in absolute
 * value with at most `scale` decimal places (Postgres would round extra places; we ask
 * for the value as stored instead). Unconstrained `numeric`: any finite number.
 */
/* @__NO_SIDE_EFFECTS__ */
export function numeric(precision?: number, scale = 0) {
  if (precision === undefined) return z.number();
  const limit = 10 ** (precision - scale);
  return z.number().check(
    z.lt(limit),
    z.gt(-limit),
    z.superRefine((value: number, ctx) => {
      if (decimalPlaces(value) > scale) {
        ctx.addIssue({
          code: 'not_multiple_of',
          origin: 'number',
          divisor: 10 ** -scale,
          input: value,
          message: `At most ${scale} decimal places`,
        });
      }
    }),
  );
}

/** `text`: any string without NUL characters. */
/* @__NO_SIDE_EFFECTS__ */
export function text() {
  return z.string().check(
    z.regex(NO_NUL, 'Text cannot contain NUL characters'),
    z.regex(WELL_FORMED, 'Text must be valid Unicode (an unpaired UTF-16 surrogate is not)'),
  );
}

/** `varchar(n)` / `char(n)`: text of at most `n` characters. */
/* @__NO_SIDE_EFFECTS__ */
export function varchar(length?: number) {
  const schema = text();
  return length === undefined ? schema : schema.check(chars({ max: length }));
}

/** `uuid`: any 8-4-4-4-12 hex value, as Postgres accepts (not only RFC 9562 versions). */
/* @__NO_SIDE_EFFECTS__ */
export function uuid() {
  return z.guid();
}

/** ISO 8601 year 0000 is 1 BC, which Postgres does not accept in this form (22008). */
const NOT_YEAR_ZERO = /^(?!0000)/;

/**
 * ISO 8601 allows UTC offsets up to ±23:59; Postgres refuses those beyond ±15:59 (22009,
 * "time zone displacement out of range"). Real zones span -12:00 to +14:00. Judges only
 * the offset: a string that is no date-time at all gets the format's one issue.
 */
const OFFSET_IN_RANGE = /^(?!.*[+-](?:1[6-9]|[2-9]\d)(?::?\d\d)?$)/;

/**
 * `timestamptz`: ISO 8601 date-time with `Z` or a UTC offset, as PostgREST returns it; a
 * real calendar date (no February 30th) from year 0001.
 */
/* @__NO_SIDE_EFFECTS__ */
export function timestamptz() {
  return z.iso.datetime({ offset: true }).check(z.regex(NOT_YEAR_ZERO), z.regex(OFFSET_IN_RANGE, 'UTC offset must be within ±15:59'));
}

/** `timestamp` (without time zone): ISO 8601 date-time without an offset, from year 0001. */
/* @__NO_SIDE_EFFECTS__ */
export function timestamp() {
  return z.iso.datetime({ local: true }).check(z.regex(NOT_YEAR_ZERO));
}

/** `date`: `YYYY-MM-DD`, a real calendar date from year 0001. */
/* @__NO_SIDE_EFFECTS__ */
export function date() {
  return z.iso.date().check(z.regex(NOT_YEAR_ZERO));
}

/** `time`: `HH:MM[:SS[.s+]]`. */
/* @__NO_SIDE_EFFECTS__ */
export function time() {
  return z.iso.time();
}

/** `json` / `jsonb`: any JSON value. */
/* @__NO_SIDE_EFFECTS__ */
export function json() {
  return z.json();
}

/** A column type's array (`text[]`, ...). */
/* @__NO_SIDE_EFFECTS__ */
export function array<T extends Schema>(element: T) {
  return z.array(element);
}

/** A text column limited to a list of values (`col in (...)`, or a Postgres enum type). */
/* @__NO_SIDE_EFFECTS__ */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values);
}

/** Characters (Unicode code points) in a string, as Postgres' `char_length` counts them. */
export function charLength(value: string): number {
  let length = 0;
  for (const _ of value) length++;
  return length;
}

/**
 * `char_length(col)` bounds. Counts characters (Unicode code points) as Postgres does,
 * not UTF-16 units as `String#length` does: an emoji is one character to the database.
 * Values that are not strings (null on a nullable column) pass.
 */
/* @__NO_SIDE_EFFECTS__ */
export function chars(bounds: { min?: number; max?: number }) {
  return z.superRefine((value: unknown, ctx) => {
    if (typeof value !== 'string') return;
    const length = charLength(value);
    if (bounds.max !== undefined && length > bounds.max) {
      ctx.addIssue({ code: 'too_big', origin: 'string', maximum: bounds.max, inclusive: true, input: value });
    }
    if (bounds.min !== undefined && length < bounds.min) {
      ctx.addIssue({ code: 'too_small', origin: 'string', minimum: bounds.min, inclusive: true, input: value });
    }
  });
}

/** Comparison operators a table-level CHECK may use between two columns. */
export type Comparison = '<' | '<=' | '>' | '>=' | '=' | '<>';

function holds(left: number | string, op: Comparison, right: number | string): boolean {
  switch (op) {
    case '<':
      return left < right;
    case '<=':
      return left <= right;
    case '>':
      return left > right;
    case '>=':
      return left >= right;
    case '=':
      return left === right;
    default:
      return left !== right;
  }
}

/**
 * A table-level CHECK comparing two columns of the same row (`due_date >= assigned_date`).
 * Like the database, it passes when either side is null; and since a partial update does
 * not carry the other column, it only judges rows or payloads where both are present.
 * `kind` says how to compare: numbers and ISO dates compare as they are, timestamps as
 * instants.
 */
/* @__NO_SIDE_EFFECTS__ */
export function columnsCompare(
  left: string,
  op: Comparison,
  right: string,
  kind: 'number' | 'date' | 'timestamp',
  constraint: string,
) {
  return z.superRefine((row: Record<string, unknown>, ctx) => {
    let a = row[left] as number | string | null | undefined;
    let b = row[right] as number | string | null | undefined;
    if (a == null || b == null) return;
    if (kind === 'timestamp') {
      a = Date.parse(a as string);
      b = Date.parse(b as string);
    }
    if (!holds(a, op, b)) {
      ctx.addIssue({
        code: 'custom',
        path: [left],
        input: row[left],
        message: `${left} must be ${op} ${right}`,
        params: { constraint },
      });
    }
  });
}

// Checks are typed by the value they judge; these helpers accept any and trust the caller.
type AnyCheck = z.core.$ZodCheck<any>;

/**
 * A table's row, insert or update payload: a strict object (unknown keys are refused),
 * described by the table's comment, with its table-level checks.
 */
/* @__NO_SIDE_EFFECTS__ */
export function table<T extends z.core.$ZodLooseShape>(shape: T, description: string, ...checks: AnyCheck[]) {
  return z.strictObject(shape).check(z.describe(description), ...checks);
}

/**
 * A row as the database returns it: unknown keys are stripped, not refused, so an app still
 * running this release's validators keeps reading rows after a later additive migration adds
 * a column.
 */
/* @__NO_SIDE_EFFECTS__ */
export function row<T extends z.core.$ZodLooseShape>(shape: T, description: string, ...checks: AnyCheck[]) {
  return z.object(shape).check(z.describe(description), ...checks);
}

/** Adds checks to a schema without a method call at the call site (for tree-shaking). */
/* @__NO_SIDE_EFFECTS__ */
export function refined<T extends Schema>(schema: T, ...checks: AnyCheck[]): T {
  return schema.check(...checks) as T;
}

/** The value of a column a client may not write (identity `ALWAYS`, generated). */
/* @__NO_SIDE_EFFECTS__ */
export function absent() {
  return z.optional(z.never());
}
