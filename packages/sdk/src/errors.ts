/**
 * Stable error codes. Branch on these, never on `message`.
 *
 * - `validation`: the input was refused before any request, or the database refused a value.
 * - `not_found`: the row does not exist or is not yours (the SDK cannot and must not tell which).
 * - `forbidden`: the database refused the write for this user (row-level security or privilege).
 * - `conflict`: a duplicate, a full circle or supervisor, a transition that does not exist,
 *   or a reference still in use.
 * - `unauthenticated`: no valid session (missing, expired or invalid JWT).
 * - `timeout`: the statement ran past the role's statement timeout.
 * - `network`: the API could not be reached, or the gateway could not reach the database API.
 * - `server`: anything else the server got wrong.
 */
export type PpnErrorCode = 'validation' | 'not_found' | 'forbidden' | 'conflict' | 'unauthenticated' | 'timeout' | 'network' | 'server';

/** One refused field of a validation error; `path` uses the caller's field names. */
export interface PpnIssue {
  path: Array<string | number>;
  message: string;
}

/** The shape of a PostgREST error as supabase-js returns it. */
export interface PostgrestErrorLike {
  message: string;
  code?: string;
  details?: string | null;
  hint?: string | null;
}

/**
 * The one error type of `@ppn/sdk`, with a stable `code`, the field `issues` of a
 * validation error, the HTTP `status` when a request was made, and the underlying
 * PostgREST error as `cause`.
 *
 * @example
 * ```ts
 * const { error } = await ppn.sessionEvents.log({ protocolId, eventType: 'Distress' });
 * if (error?.code === 'forbidden') showNotAllowed();
 * if (error?.code === 'validation') for (const issue of error.issues) markField(issue.path);
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
  readonly details: string | undefined;
  readonly hint: string | undefined;

  constructor(
    code: PpnErrorCode,
    message: string,
    options: { issues?: PpnIssue[]; status?: number; dbCode?: string; details?: string | null; hint?: string | null; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.code = code;
    this.issues = options.issues ?? [];
    this.status = options.status;
    this.dbCode = options.dbCode || undefined;
    this.details = options.details ?? undefined;
    this.hint = options.hint ?? undefined;
  }
}

const CONFLICT = new Set(['23505', '23503', '23P01', '40001', '40P01', '55P03', 'PT409']);
const BAD_VALUE = new Set(['23502', '23514', '22001', '22003', '22007', '22008', '22P02', '22023', '22004', '2201X']);
const UNAUTHENTICATED = new Set(['PGRST300', 'PGRST301', 'PGRST302', 'PGRST303']);

function classify(code: string, status: number, details: string): PpnErrorCode {
  if (status === 0) return 'network';
  // 23503 on insert or update: the referenced row (a circle, an event type) does not exist,
  // or is not visible; on delete: the row is still referenced, which is a conflict.
  if (code === '23503' && /is not present in table/.test(details)) return 'not_found';
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

/**
 * Maps a PostgREST error (and the response status) to a `PpnError`: the only place where
 * HTTP statuses and Postgres or PostgREST codes become SDK codes.
 */
export function toPpnError(error: PostgrestErrorLike, status: number): PpnError {
  const code = error.code ?? '';
  return new PpnError(classify(code, status, error.details ?? ''), error.message, {
    status,
    dbCode: code,
    details: error.details,
    hint: error.hint,
    cause: error,
  });
}

/** A refused input: nothing was sent. */
export function validationError(issues: PpnIssue[]): PpnError {
  const summary = issues.map((i) => `${i.path.join('.') || '(input)'}: ${i.message}`).join('; ');
  return new PpnError('validation', `Invalid input: ${summary}`, { issues });
}

/** A targeted write or read that matched no row the caller may see. */
export function notFound(what: string): PpnError {
  return new PpnError('not_found', `${what} was not found, or is not visible to you`);
}
