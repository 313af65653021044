/** Why the runner stopped. Branch on `code`, not on the message. */
export type MigrationErrorCode =
  /** A recorded migration's file no longer matches the statements recorded for it. */
  | 'changed'
  /** The database records a version that has no file in the folder. */
  | 'missing_file'
  /** A statement failed; the file's transaction was rolled back. */
  | 'failed'
  /** `adopt` found some but not all of a file's objects. */
  | 'adopt_partial'
  /** The database could not be reached; the message names the target (never the password). */
  | 'connection_failed';

export class MigrationError extends Error {
  override readonly name = 'MigrationError';
  constructor(
    readonly code: MigrationErrorCode,
    message: string,
    readonly file?: string,
    readonly line?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
