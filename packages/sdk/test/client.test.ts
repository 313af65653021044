import { describe, expect, it } from 'vitest';
import { PpnError } from '../src/index.js';
import { pgError, requests, rest, server, unitClient, useMsw } from './helpers/msw.js';

useMsw();

describe('createPpnClient', () => {
  it('resolves { data, error } by default and never throws', async () => {
    server.use(rest('get', 'ref_medications', pgError('PGRST301', 'JWT expired'), { status: 401 }));
    const result = await unitClient().medications.list();
    expect(result.data).toBeNull();
    expect(result.error).toBeInstanceOf(PpnError);
  });

  it('throws the PpnError with throwOnError, and resolves { data, error: null } on success', async () => {
    server.use(rest('get', 'ref_medications', pgError('PGRST301', 'JWT expired'), { status: 401 }));
    const strict = unitClient({ throwOnError: true });
    await expect(strict.medications.list()).rejects.toMatchObject({ name: 'PpnError', code: 'unauthenticated' });

    server.use(rest('get', 'ref_medications', []));
    await expect(strict.medications.list()).resolves.toEqual({ data: [], error: null });
  });

  it('throws validation errors too, before any request', async () => {
    const strict = unitClient({ throwOnError: true });
    await expect(strict.medications.get(-5)).rejects.toMatchObject({ code: 'validation' });
    expect(requests).toHaveLength(0);
  });

  it('is frozen: domains cannot be swapped at runtime', () => {
    const ppn = unitClient();
    expect(Object.isFrozen(ppn)).toBe(true);
    expect(Object.isFrozen(ppn.supervision.circles)).toBe(true);
  });
});
