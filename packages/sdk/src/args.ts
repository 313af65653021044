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

/** A reference type's name (`event_type`, `homework_type`). */
/* @__NO_SIDE_EFFECTS__ */
export function typeName() {
  return z.string().check(z.minLength(1), z.maxLength(200));
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
