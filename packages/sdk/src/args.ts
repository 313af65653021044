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

/** An ISO 8601 timestamp with an offset, or a valid `Date` (sent as ISO, UTC). */
/* @__NO_SIDE_EFFECTS__ */
export function instant() {
  return z.union([
    z.iso.datetime({ offset: true }),
    z.pipe(
      z.date(),
      z.transform((d: Date) => d.toISOString()),
    ),
  ]);
}

/** A calendar date `YYYY-MM-DD` (the caller's local date, as Postgres `date`). */
/* @__NO_SIDE_EFFECTS__ */
export function calendarDate() {
  return z.iso.date();
}

/** `limit` and `offset` of a page; `limit` at most the server's row cap. */
/* @__NO_SIDE_EFFECTS__ */
export function page(maxLimit = 1000) {
  return {
    limit: z.optional(z.int().check(z.positive(), z.lte(maxLimit))),
    offset: z.optional(z.int().check(z.gte(0), z.lte(Number.MAX_SAFE_INTEGER))),
  };
}

/** The caller's local date as `YYYY-MM-DD` (not UTC: "today" is where the clinician is). */
export function localDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
