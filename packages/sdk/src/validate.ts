import * as z from 'zod/mini';
import { validationError, type PpnIssue, type PpnIssueCode } from './errors.js';
import { fail, ok, type PpnResult } from './result.js';

/** A zod issue as zod 4 (classic or mini) reports it: only what the messages need. */
interface RawIssue {
  code: string;
  path: ReadonlyArray<PropertyKey>;
  message: string;
  input?: unknown;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
  expected?: string;
  format?: string;
  values?: ReadonlyArray<unknown>;
  keys?: string[];
  divisor?: number;
}

/** Any zod (classic or mini) schema: the SDK only needs `safeParse`. */
export interface Validator<T> {
  safeParse(input: unknown): { success: true; data: T } | { success: false; error: { issues: ReadonlyArray<RawIssue> } };
}

const FORMATS: Record<string, string> = {
  datetime: 'an ISO 8601 date-time with a UTC offset, or a Date',
  date: 'a date as YYYY-MM-DD, or a Date',
  guid: 'a UUID',
  uuid: 'a UUID',
};

const UNITS: Record<string, string> = { string: ' characters', array: ' items' };

/** The SDK's own English for one zod issue; no zod locale or global configuration involved. */
function describe(raw: RawIssue, path: Array<string | number>, given: unknown): PpnIssue[] {
  const name = path.length ? path.join('.') : 'params';
  const unit = UNITS[raw.origin ?? ''] ?? '';
  const own = raw.message && raw.message !== 'Invalid input' ? raw.message : undefined;
  const issue = (code: PpnIssueCode, message: string, extra: Partial<PpnIssue> = {}): PpnIssue => ({ path, code, message, ...extra });
  switch (raw.code) {
    case 'invalid_type':
      if (given === undefined) return [issue('required', `${name} is required`)];
      if (raw.expected === 'never') return [issue('unrecognized_keys', `${name} cannot be given`)];
      return [issue('invalid_type', `${name} must be ${raw.expected === 'int' ? 'an integer' : `a${/^[aeio]/.test(raw.expected ?? '') ? 'n' : ''} ${raw.expected}`}`, { expected: raw.expected ?? '' })];
    case 'too_small': {
      const minimum = Number(raw.minimum);
      const message =
        unit && minimum === 1 ? `${name} must not be empty` : `${name} must be ${raw.inclusive === false ? 'greater than' : 'at least'} ${minimum}${unit}`;
      return [issue('too_small', message, { minimum })];
    }
    case 'too_big': {
      const maximum = Number(raw.maximum);
      return [issue('too_big', `${name} must be ${raw.inclusive === false ? 'less than' : 'at most'} ${maximum}${unit}`, { maximum })];
    }
    case 'invalid_format':
      return [issue('invalid_format', own ? `${name}: ${own}` : `${name} must be ${FORMATS[raw.format ?? ''] ?? `a valid ${raw.format}`}`, { expected: raw.format ?? '' })];
    case 'invalid_value': {
      const values = (raw.values ?? []).map((v) => (typeof v === 'number' ? v : String(v)));
      return [issue('invalid_value', `${name} must be ${values.length === 1 ? '' : 'one of '}${values.map((v) => JSON.stringify(v)).join(', ')}`, { expected: values })];
    }
    case 'unrecognized_keys':
      return (raw.keys ?? []).map((key) => ({ path: [...path, key], code: 'unrecognized_keys', message: `${[...path, key].join('.')} is not a key this call accepts` }));
    case 'not_multiple_of':
      return [issue('custom', `${name} must have at most ${Math.max(0, -Math.round(Math.log10(raw.divisor ?? 1)))} decimal places`)];
    default:
      return [issue('custom', own ? (own.startsWith(name) ? own : `${name}: ${own.charAt(0).toLowerCase()}${own.slice(1)}`) : `${name} is not valid`)];
  }
}

/** The issues of a failed parse, with paths in the caller's keys under `prefix`. */
export function toIssues(issues: ReadonlyArray<RawIssue>, prefix: Array<string | number> = [], input?: unknown): PpnIssue[] {
  return issues.flatMap((raw) => {
    const path = raw.path.map((p) => (typeof p === 'number' ? p : String(p)));
    // zod does not report the input: a key absent from the caller's object is "required".
    const given = path.reduce<unknown>((value, key) => (value as Record<string | number, unknown> | undefined)?.[key], input);
    return describe(raw, [...prefix, ...path], given);
  });
}

/** Validates `input`; on failure a `validation` PpnError whose issues are the SDK's English. */
export function parse<T>(schema: Validator<T>, input: unknown, prefix: Array<string | number> = []): PpnResult<T> {
  const result = schema.safeParse(input);
  return result.success ? ok(result.data) : fail(validationError(toIssues(result.error.issues, prefix, input)));
}

/** The params of a call (see `params`), validated by `schema`. */
export function read<T>(schema: Validator<T>, input: unknown, optional: boolean): PpnResult<T> {
  const given = params(input, optional);
  return given.error ? given : parse(schema, given.data);
}

/**
 * A strict object of the keys a write accepts: those in `typed` checked by the SDK, the rest
 * passed on to the table's generated validator, which holds their rules.
 */
/* @__NO_SIDE_EFFECTS__ */
export function keys(names: string[], typed: Record<string, z.ZodMiniType> = {}) {
  return z.strictObject(Object.fromEntries(names.map((name) => [name, typed[name] ?? z.optional(z.unknown())])));
}

/**
 * Validates a write: the caller's params against the SDK's key rules (`own`) and the row it
 * makes against the table's generated validator, reporting every issue at once.
 */
export function check<T>(given: Record<string, unknown>, own: Validator<unknown>, row: Record<string, unknown>, table: Validator<unknown>, extra: PpnIssue[] = [], prefix: Array<string | number> = []): PpnResult<T> {
  const issues = [...extra];
  for (const [schema, value] of [[own, given], [table, row]] as const) {
    const result = schema.safeParse(value);
    if (!result.success) for (const issue of toIssues(result.error.issues, prefix, value)) if (!issues.some((i) => `${i.path}` === `${issue.path}`)) issues.push(issue);
  }
  // Keys given as `undefined` are left out of what is sent.
  return issues.length ? fail(validationError(issues)) : ok(Object.fromEntries(Object.entries(row).filter(([, v]) => v !== undefined)) as T);
}

/** Exactly one of a reference's id and name keys (`event_type_id` / `event_type`). */
export function oneOf(given: Record<string, unknown>, idKey: string, nameKey: string, prefix: Array<string | number> = []): PpnIssue[] {
  const has = (key: string) => given[key] !== undefined;
  const [idPath, namePath] = [[...prefix, idKey], [...prefix, nameKey]];
  if (has(idKey) && has(nameKey)) return [{ path: namePath, code: 'custom', message: `Give ${idPath.join('.')} or ${namePath.join('.')}, not both` }];
  return has(idKey) || has(nameKey) ? [] : [{ path: idPath, code: 'required', message: `${idPath.join('.')} or ${namePath.join('.')} is required` }];
}

/** `date` columns and date params: a `Date` given there is read as its local calendar date. */
const DATE_KEYS = new Set(['due_date', 'assigned_date', 'completed_date', 'session_date', 'today']);
/** `timestamptz` columns and instant params: a `Date` given there is sent as ISO 8601 UTC. */
const INSTANT_KEYS = new Set(['event_timestamp', 'measured_at', 'from', 'to']);

/** The caller's local date as `YYYY-MM-DD` (not UTC: "today" is where the clinician is). */
export function localDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * The params object of a call, ready for its validator: a plain object (a `Date`, a `Map` or
 * an array where params belong is refused), and a `Date`
 * given for a date or an instant as the wire text (an instant in ISO 8601 UTC; a `date`
 * column's local calendar date). A `Date` anywhere else stays, for the validator to refuse.
 * `undefined` params are `{}` when the call's params are optional.
 */
export function params(input: unknown, optional: boolean, prefix: Array<string | number> = []): PpnResult<Record<string, unknown>> {
  if (input === undefined && optional) return ok({});
  if (!isPlainObject(input)) {
    const message = `${prefix.length ? prefix.join('.') : 'params'} must be a plain object${input instanceof Date ? ', not a Date' : ''}`;
    return fail(validationError([{ path: prefix, code: input === undefined ? 'required' : 'invalid_type', message, expected: 'object' }]));
  }
  const entries: Array<[string, unknown]> = [];
  for (const [key, value] of Object.entries(input)) {
    if (value instanceof Date && (DATE_KEYS.has(key) || INSTANT_KEYS.has(key))) {
      if (Number.isNaN(value.getTime())) {
        return fail(validationError([{ path: [...prefix, key], code: 'invalid_type', message: `${[...prefix, key].join('.')} is an invalid Date`, expected: 'Date' }]));
      }
      entries.push([key, DATE_KEYS.has(key) ? localDate(value) : value.toISOString()]);
    } else {
      entries.push([key, value]);
    }
  }
  // fromEntries defines every key as given (even `__proto__`), for the validator to judge.
  const out = Object.fromEntries(entries);
  return ok(out);
}
