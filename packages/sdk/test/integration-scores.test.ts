import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { pgError, REST, requests, rest, server, unitClient, useMsw } from './helpers/msw.js';
import { ERROR_CASES, networkFailure, noRetryClient, sent } from './helpers/sent.js';

useMsw();

const score = { score_id: 7, protocol_id: 1, scale_type: 'IES', score_value: 31.5, measured_at: '2026-02-24T17:00:00+00:00', days_post_dose: 14, created_at: null };

describe('integrationScores.record', () => {
  it('inserts one score and returns the stored row', async () => {
    server.use(rest('post', 'integration_scores', score, { status: 201 }));
    const { data, error } = await unitClient().integrationScores.record({
      protocolId: 1,
      scale: 'IES',
      value: 31.5,
      measuredAt: new Date('2026-02-24T17:00:00Z'),
      daysPostDose: 14,
    });
    expect(error).toBeNull();
    expect(data).toEqual(score);
    expect(await sent()).toEqual({
      method: 'POST',
      path: '/integration_scores',
      params: { select: '*' },
      prefer: 'return=representation',
      body: { protocol_id: 1, scale_type: 'IES', score_value: 31.5, measured_at: '2026-02-24T17:00:00.000Z', days_post_dose: 14 },
    });
  });

  it('sends days_post_dose null when absent', async () => {
    server.use(rest('post', 'integration_scores', score, { status: 201 }));
    await unitClient().integrationScores.record({ protocolId: 1, scale: 'EIS', value: 55, measuredAt: '2026-02-24T09:00:00-08:00' });
    expect((await sent()).body).toEqual({ protocol_id: 1, scale_type: 'EIS', score_value: 55, measured_at: '2026-02-24T09:00:00-08:00', days_post_dose: null });
  });

  it.each([
    [{ protocolId: 1, scale: 'IES', value: 101, measuredAt: '2026-02-24T17:00:00Z' }, ['value']],
    [{ protocolId: 1, scale: 'IES', value: -1, measuredAt: '2026-02-24T17:00:00Z' }, ['value']],
    [{ protocolId: 1, scale: 'IES', value: 31.555, measuredAt: '2026-02-24T17:00:00Z' }, ['value']],
    [{ protocolId: 1, scale: 'IES', value: 30, measuredAt: '2026-02-24T17:00:00Z', daysPostDose: -2 }, ['daysPostDose']],
    [{ protocolId: 1, scale: 'IES', value: 30, measuredAt: '2026-02-24T17:00:00Z', daysPostDose: 1.5 }, ['daysPostDose']],
    [{ protocolId: 1, scale: 'PHQ', value: 30, measuredAt: '2026-02-24T17:00:00Z' }, ['scale']],
    [{ protocolId: 1, scale: 'IES', value: 30, measuredAt: 'yesterday' }, ['measuredAt']],
    [{ protocolId: 1, scale: 'IES', value: 30, measuredAt: '2026-02-24T17:00:00' }, ['measuredAt']],
    [{ protocolId: 0, scale: 'IES', value: 30, measuredAt: '2026-02-24T17:00:00Z' }, ['protocolId']],
    [{ protocolId: 1, scale: 'IES', value: 30, measuredAt: '2026-02-24T17:00:00Z', note: 'x' }, []],
  ])('refuses %j before any request', async (input, path) => {
    const { data, error } = await unitClient().integrationScores.record(input as never);
    expect(data).toBeNull();
    expect(error?.code).toBe('validation');
    expect(error?.issues.map((i) => i.path)).toContainEqual(path);
    expect(requests).toHaveLength(0);
  });

  it.each(ERROR_CASES)('maps $name to $expected', async ({ status, code, expected }) => {
    server.use(rest('post', 'integration_scores', pgError(code), { status }));
    const { error } = await unitClient().integrationScores.record({ protocolId: 3, scale: 'IES', value: 30, measuredAt: '2026-02-24T17:00:00Z' });
    expect(error?.code).toBe(expected);
  });

  it('maps a network failure to network', async () => {
    server.use(networkFailure('post', 'integration_scores'));
    const { error } = await unitClient().integrationScores.record({ protocolId: 3, scale: 'IES', value: 30, measuredAt: '2026-02-24T17:00:00Z' });
    expect(error?.code).toBe('network');
  });
});

describe('integrationScores.trend', () => {
  it('reads one scale of a protocol in measurement order', async () => {
    server.use(rest('get', 'integration_scores', [score]));
    const { data } = await unitClient().integrationScores.trend(1, 'IES');
    expect(data).toEqual([score]);
    expect(await sent()).toEqual({
      method: 'GET',
      path: '/integration_scores',
      params: { select: '*', protocol_id: 'eq.1', scale_type: 'eq.IES', order: 'measured_at.asc,score_id.asc', offset: '0', limit: '1000' },
      prefer: null,
      body: undefined,
    });
  });

  it('reads past the server row cap instead of stopping at 1000', async () => {
    const full = Array.from({ length: 1000 }, (_, i) => ({ ...score, score_id: i + 1 }));
    server.use(
      http.get(`${REST}/integration_scores`, ({ request }) => {
        const offset = Number(new URL(request.url).searchParams.get('offset'));
        return HttpResponse.json(offset === 0 ? full : [{ ...score, score_id: 1001 }]);
      }),
    );
    const { data } = await unitClient().integrationScores.trend(1, 'IES');
    expect(data).toHaveLength(1001);
    expect((await sent(1)).params).toMatchObject({ offset: '1000', limit: '1000' });
  });

  it('refuses a bad protocol id or scale before any request', async () => {
    expect((await unitClient().integrationScores.trend(-1, 'IES')).error?.issues[0]?.path).toEqual(['protocolId']);
    expect((await unitClient().integrationScores.trend(1, 'ies' as never)).error?.issues[0]?.path).toEqual(['scale']);
    expect(requests).toHaveLength(0);
  });

  it('maps a network failure to network', async () => {
    server.use(networkFailure('get', 'integration_scores'));
    expect((await noRetryClient().integrationScores.trend(1, 'EIS')).error?.code).toBe('network');
  });
});
