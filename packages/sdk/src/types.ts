/** Every key optional, and each accepting an explicit `undefined` (`exactOptionalPropertyTypes`). */
export type Loose<T> = { [K in keyof T]?: T[K] | undefined };

/** A date or an instant: ISO 8601 text, or a `Date`. */
export type DateInput = string | Date;

/** Exactly one of two key sets: giving both, or neither, does not compile. */
export type OneOf<A, B> = (A & { [K in keyof B]?: never }) | (B & { [K in keyof A]?: never });
