/** Stable codes of the errors @ppn/local-stack throws; match on `code`, not on the message. */
export type StackErrorCode =
  /** This machine's platform has no Postgres build (see the README's platform table). */
  | 'unsupported_platform'
  /** A Postgres or PostgREST binary is not installed; the message names what to install. */
  | 'binary_missing'
  /** A stack option is out of range; nothing was started. */
  | 'invalid_option';

/**
 * The error @ppn/local-stack throws for what the caller can fix.
 *
 * @example
 * ```ts
 * import { StackError, startStack } from '@ppn/local-stack';
 * try {
 *   await startStack();
 * } catch (error) {
 *   if (error instanceof StackError && error.code === 'binary_missing') console.error(error.message);
 * }
 * ```
 */
export class StackError extends Error {
  override readonly name = 'StackError';
  constructor(
    readonly code: StackErrorCode,
    message: string,
  ) {
    super(message);
  }
}
