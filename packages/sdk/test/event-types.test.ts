import { describe, expect, it } from 'vitest';
import { pgError, requests, rest, server, unitClient, useMsw } from './helpers/msw.js';
import { ERROR_CASES, networkFailure, noRetryClient, sent } from './helpers/sent.js';

useMsw();

const distress = { event_type_id: 1, event_name: 'Distress', color_code: '#EF4444', icon_name: 'alert-triangle', is_active: true, created_at: null };

describe('eventTypes.list', () => {
  it('reads the active types in id order, page by page', async () => {
    server.use(rest('get', 'ref_event_types', [distress]));
    const { data, error } = await unitClient().eventTypes.list();
    expect(error).toBeNull();
    expect(data).toEqual([distress]);
    expect(await sent()).toEqual({
      method: 'GET',
      path: '/ref_event_types',
      params: { select: '*', is_active: 'eq.true', order: 'event_type_id.asc', offset: '0', limit: '1000' },
      prefer: null,
      body: undefined,
    });
  });

  it('includes retired types on request', async () => {
    server.use(rest('get', 'ref_event_types', []));
    await unitClient().eventTypes.list({ includeInactive: true });
    expect((await sent()).params).not.toHaveProperty('is_active');
  });

  it('refuses unknown options and wrong types before any request', async () => {
    for (const options of [{ includeInactive: 'yes' }, { active: true }]) {
      const { error } = await unitClient().eventTypes.list(options as never);
      expect(error?.code).toBe('validation');
    }
    expect(requests).toHaveLength(0);
  });

  it.each(ERROR_CASES)('maps $name to $expected', async ({ status, code, expected }) => {
    server.use(rest('get', 'ref_event_types', pgError(code), { status }));
    const { error } = await unitClient().eventTypes.list();
    expect(error?.code).toBe(expected);
  });

  it('maps a network failure to network', async () => {
    server.use(networkFailure('get', 'ref_event_types'));
    expect((await noRetryClient().eventTypes.list()).error?.code).toBe('network');
  });
});
