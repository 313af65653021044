import { constraintColumn } from '@ppn/schema';

/**
 * Stable error codes. Branch on these, never on `message`.
 *
 * - `validation`: the input was refused before any request, or the database refused a value.
 * - `not_found`: the row does not exist or is not yours (the SDK cannot and must not tell which).
 * - `forbidden`: the database refused the request for this user (row-level security or privilege).
 * - `conflict`: a duplicate, a full circle or supervisor, a transition that does not exist,
 *   or a reference still in use.
 * - `unauthenticated`: no valid session (missing, expired or invalid JWT).
 * - `timeout`: the statement ran past the role's statement timeout.
 * - `network`: the API could not be reached, or the gateway could not reach the database API.
 * - `server`: anything else the server got wrong.
 * - `aborted`: the caller's `signal` cancelled the call.
 */
export type PpnErrorCode = 'validation' | 'not_found' | 'forbidden' | 'conflict' | 'unauthenticated' | 'timeout' | 'network' | 'server' | 'aborted';

/**
 * What an issue is about: input rules (`too_small` ... `custom`), or the database constraint
 * kind that refused the value (`check`, `unique`, `foreign_key`, `not_null`).
 */
export type PpnIssueCode =
  | 'too_small'
  | 'too_big'
  | 'invalid_type'
  | 'invalid_format'
  | 'invalid_value'
  | 'unrecognized_keys'
  | 'required'
  | 'custom'
  | 'check'
  | 'unique'
  | 'foreign_key'
  | 'not_null';

/** One refused field. `path` uses the caller's keys; `message` is readable English. */
export interface PpnIssue {
  path: Array<string | number>;
  code: PpnIssueCode;
  message: string;
  /** The lower bound that was not met (characters, items or value). */
  minimum?: number;
  /** The upper bound that was exceeded. */
  maximum?: number;
  /** What was expected: a type (`'number'`), a format (`'uuid'`) or the allowed values. */
  expected?: string | ReadonlyArray<string | number>;
  /** The database constraint that refused the value, for database issues. */
  constraint?: string;
}

/** The shape of a PostgREST error as supabase-js returns it. */
export interface PostgrestErrorLike {
  message: string;
  code?: string;
  details?: string | null;
  hint?: string | null;
}

interface PpnErrorOptions {
  issues?: PpnIssue[];
  status?: number;
  dbCode?: string;
  details?: string | null;
  hint?: string | null;
  cause?: unknown;
}

/** A stack trace's lines (`    at fn (file:1:2)`): never part of what the SDK reports. */
const STACK_LINE = /\n\s+at .*/g;

/**
 * The one error type of `@ppn/sdk`: a stable `code`, a readable `message`, the field
 * `issues` of a validation error, the HTTP `status` when a request was made, and the
 * database's own text in `details`. `JSON.stringify(error)` keeps code, message and issues.
 *
 * @example
 * ```ts
 * const { error } = await ppn.sessionEvents.log({ protocol_id, event_type: 'Distress', intensity_level: 11 });
 * if (error?.code === 'validation') for (const issue of error.issues) markField(issue.path, issue.message);
 * // issue: { path: ['intensity_level'], code: 'too_big', maximum: 10, message: 'intensity_level must be at most 10' }
 * ```
 */
export class PpnError extends Error {
  override readonly name = 'PpnError';
  readonly code: PpnErrorCode;
  readonly issues: PpnIssue[];
  /** HTTP status of the failed request; 0 when none could be made; undefined when none was sent. */
  readonly status: number | undefined;
  /** PostgREST's or Postgres' own code (e.g. `42501`, `PGRST301`), when there was one. */
  readonly dbCode: string | undefined;
  /** The database's or the network's own text, for logs; not for users. */
  readonly details: string | undefined;
  readonly hint: string | undefined;

  constructor(code: PpnErrorCode, message: string, options: PpnErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.code = code;
    this.issues = options.issues ?? [];
    this.status = options.status;
    this.dbCode = options.dbCode || undefined;
    this.details = options.details?.replace(STACK_LINE, '') || undefined;
    this.hint = options.hint || undefined;
    // An expected outcome, not a crash: no stack trace to leak into logs or screens.
    this.stack = `PpnError: ${message}`;
  }

  toJSON(): { name: 'PpnError'; code: PpnErrorCode; message: string; issues: PpnIssue[]; status?: number; details?: string } {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      issues: this.issues,
      ...(this.status !== undefined && { status: this.status }),
      ...(this.details !== undefined && { details: this.details }),
    };
  }
}

/**
 * Whether trying the same call again may succeed: `network`, `timeout` and `server`. The
 * one retry policy for query layers; the SDK itself never retries.
 *
 * @example
 * ```ts
 * new QueryClient({ defaultOptions: { queries: { retry: (n, e) => n < 2 && e instanceof PpnError && isRetryable(e) } } });
 * ```
 */
export function isRetryable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'network' || code === 'timeout' || code === 'server';
}

const CONFLICT = new Set(['23505', '23503', '23P01', '40001', '40P01', '55P03', 'PT409']);
const BAD_VALUE = new Set(['23502', '23514', '22001', '22003', '22007', '22008', '22P02', '22023', '22004', '2201X']);
const UNAUTHENTICATED = new Set(['PGRST300', 'PGRST301', 'PGRST302', 'PGRST303']);

function classify(code: string, status: number, text: string): PpnErrorCode {
  if (status === 0) return 'network';
  // 23503 on insert or update: the referenced row does not exist, or is not visible; on
  // delete: the row is still referenced, which is a conflict.
  if (code === '23503' && /is not present in table/.test(text)) return 'not_found';
  if (code === '57014' || status === 504) return 'timeout';
  if (UNAUTHENTICATED.has(code)) return 'unauthenticated';
  // PostgREST answers 401 (not 403) when the anonymous role lacks a privilege: no session.
  if (code === '42501') return status === 401 ? 'unauthenticated' : 'forbidden';
  if (code === 'PGRST116') return 'not_found';
  if (CONFLICT.has(code)) return 'conflict';
  if (BAD_VALUE.has(code)) return 'validation';
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 502 || status === 503) return 'network';
  return 'server';
}

const ISSUE_OF: Record<string, [PpnIssueCode, string]> = {
  '23514': ['check', 'is not a value the database accepts'],
  '23505': ['unique', 'already exists'],
  '23503': ['foreign_key', 'refers to a row that does not exist or is not visible to you'],
  '23502': ['not_null', 'is required'],
};

/**
 * The issue of a constraint violation, on the column it guards. PostgREST's JSON names the
 * constraint and the table only inside its text (and Postgres leaves the key out of
 * `details` for a caller who may not read the referenced row), so the column comes from the
 * constraint's name through `@ppn/schema`'s generated map; a not-null names its column.
 */
function constraintIssues(code: string, text: string): PpnIssue[] {
  const kind = ISSUE_OF[code];
  // A foreign key still referenced (on delete) is about the row, not a field.
  if (!kind || (code === '23503' && !/is not present in table/.test(text))) return [];
  const constraint = /constraint "([^"]+)"/.exec(text)?.[1];
  const table = /(?:relation|table) "([^"]+)"/.exec(text)?.[1];
  const column = (constraint && constraintColumn(table, constraint)) || /(?:column "|Key \()([^",)]+)/.exec(text)?.[1];
  return column ? [{ path: [column], code: kind[0], message: `${column} ${kind[1]}`, ...(constraint && { constraint }) }] : [];
}

const USER_MESSAGES: Partial<Record<PpnErrorCode, string>> = {
  forbidden: 'You are not allowed to do this with your account.',
  unauthenticated: 'You are not signed in, or your session has expired. Sign in and try again.',
  network: 'The server could not be reached. Check the connection and try again.',
  timeout: 'The server took too long to answer. Try again, or narrow the request.',
  aborted: 'The request was cancelled.',
};

/**
 * Maps a PostgREST error (and the response status) to a `PpnError`: the only place where
 * HTTP statuses and Postgres or PostgREST codes become SDK codes.
 */
export function toPpnError(error: PostgrestErrorLike, status: number, signal?: AbortSignal): PpnError {
  const dbCode = error.code ?? '';
  const text = `${error.message}\n${error.details ?? ''}`;
  const code = signal?.aborted ? 'aborted' : classify(dbCode, status, text);
  const issues = code === 'aborted' ? [] : constraintIssues(dbCode, text);
  const message = USER_MESSAGES[code] ?? (issues.length ? issues.map((i) => i.message).join('; ') : error.message.replace(STACK_LINE, ''));
  return new PpnError(code, message, {
    issues,
    status,
    dbCode,
    details: USER_MESSAGES[code] ? [error.message, error.details].filter(Boolean).join('\n') : error.details,
    hint: error.hint,
    cause: { ...error, details: error.details?.replace(STACK_LINE, '') ?? null },
  });
}

/** A refused input: nothing was sent. */
export function validationError(issues: PpnIssue[]): PpnError {
  return new PpnError('validation', issues.map((i) => i.message).join('; '), { issues });
}

/** The call was cancelled by the caller's signal. */
export function abortedError(): PpnError {
  return new PpnError('aborted', USER_MESSAGES.aborted!);
}

/** A targeted write or read that matched no row the caller may see. */
export function notFound(what: string): PpnError {
  return new PpnError('not_found', `${what} was not found, or is not visible to you.`);
}
