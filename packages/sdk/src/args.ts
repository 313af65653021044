import * as z from 'zod/mini';

/**
 * Argument shapes the SDK adds on top of the table validators of `@ppn/schema` (which hold
 * every rule the SQL knows). Plain builders, so unused ones are dropped by bundlers.
 */

/** A row id: a positive integer within JavaScript's safe range (bigint identity columns). */
/* @__NO_SIDE_EFFECTS__ */
export function id() {
  return z.int().check(z.positive(), z.lte(Number.MAX_SAFE_INTEGER));
}

/** An ISO 8601 timestamp with an offset (a `Date` was turned into one by `params`). */
/* @__NO_SIDE_EFFECTS__ */
export function instant() {
  return z.iso.datetime({ offset: true });
}

/** A calendar date `YYYY-MM-DD` (a `Date` was turned into its local date by `params`). */
/* @__NO_SIDE_EFFECTS__ */
export function calendarDate() {
  return z.iso.date();
}

/**
 * Length bounds of a string (UTF-16 units, as `.length` counts), with the issues zod's
 * `minLength`/`maxLength` report. A refinement, not those checks: zod/mini's
 * length checks weigh about 0.7 KB gzip in an app bundle, and `superRefine` is bundled anyway
 * (the generated `char_length` rules use it).
 */
/* @__NO_SIDE_EFFECTS__ */
export function lengths(min: number, max: number) {
  return z.superRefine((value: string, ctx) => {
    if (value.length > max) ctx.addIssue({ code: 'too_big', origin: 'string', maximum: max, inclusive: true, input: value });
    else if (value.length < min) ctx.addIssue({ code: 'too_small', origin: 'string', minimum: min, inclusive: true, input: value });
  });
}

/** Anything with zod's `safeParse`: the item rules of `items`. */
type ItemRule = { safeParse(value: unknown): { error?: { issues: ReadonlyArray<object & { path: PropertyKey[] }> } | undefined } };

/**
 * An array of `min`..`max` items, each judged by `item` (a schema, or a function choosing one
 * per item, `undefined` for "neither"; no `item`: any value), with the issues `z.array` and
 * its length checks report, item issues first. A refinement, not `z.array`, which weighs
 * about 0.4 KB gzip in an app bundle that otherwise has no array schema.
 */
/* @__NO_SIDE_EFFECTS__ */
export function items<T>(min: number, max: number, item?: ItemRule | ((value: unknown) => ItemRule | undefined)) {
  return z.unknown().check(
    z.superRefine((value: unknown, ctx) => {
      if (!Array.isArray(value)) {
        ctx.addIssue({ code: 'invalid_type', expected: 'array', input: value });
        return;
      }
      value.forEach((v: unknown, i) => {
        const rule = typeof item === 'function' ? item(v) : item;
        const issues = rule ? (rule.safeParse(v).error?.issues ?? []) : item ? [{ code: 'custom', path: [], message: 'Invalid input' }] : [];
        for (const issue of issues) ctx.addIssue({ ...issue, path: [i, ...issue.path], input: v } as never);
      });
      if (value.length > max) ctx.addIssue({ code: 'too_big', origin: 'array', maximum: max, inclusive: true, input: value });
      else if (value.length < min) ctx.addIssue({ code: 'too_small', origin: 'array', minimum: min, inclusive: true, input: value });
    }),
  ) as unknown as z.ZodMiniType<T[]>;
}

/** zod's `z.uuid()` pattern: RFC 9562 versions 1-8 and variant, or the nil and max uuids. */
const UUID = /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$/;

/**
 * An RFC 9562 uuid (zod's `z.uuid()` pattern, with its issue), as a refinement of a string:
 * `z.uuid()` adds about 0.2 KB gzip to an app bundle that has the plain uuid format anyway.
 */
/* @__NO_SIDE_EFFECTS__ */
export function rfcUuid() {
  return z.string().check(
    z.superRefine((value: string, ctx) => {
      if (!UUID.test(value)) ctx.addIssue({ code: 'invalid_format', origin: 'string', format: 'uuid', pattern: UUID.toString(), input: value });
    }),
  );
}

/** A reference type's name (`event_type`, `homework_type`). */
/* @__NO_SIDE_EFFECTS__ */
export function typeName() {
  return z.string().check(lengths(1, 200));
}

/** `includeInactive` of the reference lists. */
/* @__NO_SIDE_EFFECTS__ */
export function inactiveOption() {
  return z.strictObject({ includeInactive: z.optional(z.boolean()) });
}

/** `limit` (1 to 1000) and `cursor` of a paged list. */
/* @__NO_SIDE_EFFECTS__ */
export function pageParams() {
  return {
    limit: z.optional(z.int().check(z.positive(), z.lte(1000))),
    cursor: z.optional(z.string()),
  };
}
