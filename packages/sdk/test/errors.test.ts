import { describe, expect, it } from 'vitest';
import { PpnError, toPpnError, type PpnErrorCode } from '../src/errors.js';

const cases: Array<[string, number, PpnErrorCode, string]> = [
  ['42501', 403, 'forbidden', 'an insert refused by RLS or a revoked privilege'],
  ['42501', 401, 'unauthenticated', 'anon lacking a privilege (PostgREST answers 401)'],
  ['PGRST301', 401, 'unauthenticated', 'expired or invalid JWT'],
  ['PGRST302', 401, 'unauthenticated', 'missing bearer where one is required'],
  ['23505', 409, 'conflict', 'unique violation'],
  ['23503', 409, 'conflict', 'foreign key violation'],
  ['PT409', 409, 'conflict', 'capacity or transition rule raised by a trigger'],
  ['40001', 409, 'conflict', 'serialization failure'],
  ['23514', 400, 'validation', 'check violation the validators did not catch'],
  ['22P02', 400, 'validation', 'invalid text representation'],
  ['22008', 400, 'validation', 'datetime field overflow'],
  ['57014', 500, 'timeout', 'statement timeout'],
  ['PGRST116', 406, 'not_found', '.single() matched no row'],
  ['', 0, 'network', 'fetch failed: connection refused'],
  ['', 502, 'network', 'gateway could not reach PostgREST'],
  ['', 503, 'network', 'PostgREST unavailable'],
  ['', 504, 'timeout', 'gateway timeout'],
  ['PGRST000', 503, 'network', 'PostgREST lost the database'],
  ['PGRST204', 400, 'server', 'schema cache miss: a bug, not the user'],
  ['XX000', 500, 'server', 'internal error'],
];

describe('toPpnError', () => {
  it.each(cases)('%s with HTTP %i -> %s (%s)', (code, status, expected) => {
    const cause = { message: 'boom', code, details: 'd', hint: 'h' };
    const error = toPpnError(cause, status);
    expect(error).toBeInstanceOf(PpnError);
    expect(error.code).toBe(expected);
    expect(error.status).toBe(status);
    expect(error.cause).toBe(cause);
    expect(error.details).toBe('d');
    expect(error.hint).toBe('h');
    expect(error.dbCode).toBe(code || undefined);
  });

  it('tells a missing reference (not_found) from a row still referenced (conflict)', () => {
    const missing = toPpnError({ message: 'insert or update violates foreign key', code: '23503', details: 'Key (circle_id)=(999) is not present in table "supervision_circles".' }, 409);
    const inUse = toPpnError({ message: 'update or delete violates foreign key', code: '23503', details: 'Key (event_type_id)=(1) is still referenced from table "session_events".' }, 409);
    expect([missing.code, inUse.code]).toEqual(['not_found', 'conflict']);
  });

  it('is an Error with a stable name', () => {
    const error = toPpnError({ message: 'x', code: '23505' }, 409);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('PpnError');
    expect(error.issues).toEqual([]);
  });
});
