import { describe, expect, it } from 'vitest';
import { pgError, requests, rest, server, unitClient, useMsw } from './helpers/msw.js';
import { ERROR_CASES, networkFailure, noRetryClient, sent } from './helpers/sent.js';

useMsw();

const record = { record_id: 2, site_id: 1, patient_reference: 'A-0002', session_date: '2026-02-11', substance: 'Ketamine', created_by: null, created_at: '2026-02-11T10:00:00+00:00', site: { site_id: 1, site_name: 'Site A' } };

describe('protocols.list', () => {
  it('reads one counted page of clinical records, newest session first', async () => {
    server.use(rest('get', 'log_clinical_records', [record], { status: 206, headers: { 'Content-Range': '0-0/2' } }));
    const { data, error } = await unitClient().protocols.list({ limit: 1 });
    expect(error).toBeNull();
    expect(data).toEqual({ rows: [record], total: 2, hasMore: true });
    expect(await sent()).toEqual({
      method: 'GET',
      path: '/log_clinical_records',
      params: {
        select: '*,site:sites(site_id,site_name)',
        order: 'session_date.desc.nullslast,record_id.desc',
        offset: '0',
        limit: '1',
      },
      prefer: 'count=exact',
      body: undefined,
    });
  });

  it('defaults to 100 rows from the start, and says when the last page is reached', async () => {
    server.use(rest('get', 'log_clinical_records', [record], { headers: { 'Content-Range': '5-5/6' } }));
    const { data } = await unitClient().protocols.list({ offset: 5 });
    expect(data).toEqual({ rows: [record], total: 6, hasMore: false });
    expect((await sent()).params).toMatchObject({ offset: '5', limit: '100' });
  });

  it('a page past the end is empty, with the total asked for again (PostgREST answers 416 there)', async () => {
    server.use(
      rest('get', 'log_clinical_records', pgError('PGRST103', 'Requested range not satisfiable'), { status: 416 }),
      rest('head', 'log_clinical_records', null, { headers: { 'Content-Range': '*/4' } }),
    );
    const { data, error } = await unitClient().protocols.list({ offset: 50 });
    expect(error).toBeNull();
    expect(data).toEqual({ rows: [], total: 4, hasMore: false });
    const head = await sent(1);
    expect([head.method, head.prefer, head.params.select]).toEqual(['HEAD', 'count=exact', 'record_id']);
  });

  it.each([
    [{ limit: 0 }, ['limit']],
    [{ limit: 1001 }, ['limit']],
    [{ offset: -1 }, ['offset']],
    [{ limit: 1.5 }, ['limit']],
    [{ page: 2 }, []],
  ])('refuses %j before any request', async (options, path) => {
    const { data, error } = await unitClient().protocols.list(options as never);
    expect(data).toBeNull();
    expect(error?.code).toBe('validation');
    expect(error?.issues[0]?.path).toEqual(path);
    expect(requests).toHaveLength(0);
  });

  it.each(ERROR_CASES)('maps $name to $expected', async ({ status, code, expected }) => {
    server.use(rest('get', 'log_clinical_records', pgError(code), { status }));
    const { data, error } = await unitClient().protocols.list();
    expect(data).toBeNull();
    expect(error?.code).toBe(expected);
    expect(error?.dbCode).toBe(code);
  });

  it('maps a network failure to network', async () => {
    server.use(networkFailure('get', 'log_clinical_records'));
    const { error } = await noRetryClient().protocols.list();
    expect(error?.code).toBe('network');
  });
});
