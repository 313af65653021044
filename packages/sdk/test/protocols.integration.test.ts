import { describe, expect, it } from 'vitest';
import { ppnAs } from './helpers/stack.js';

// Read-only: the shared stack and its seed (records 1, 2 at site 1; 3, 4 at site 2).
describe('protocols.list against the local stack', () => {
  it('a clinician sees the records of their own site only, newest session first, with the site name', async () => {
    const { data, error } = await ppnAs('clinicianA').protocols.list();
    expect(error).toBeNull();
    expect(data?.rows.map((p) => [p.record_id, p.session_date, p.sites?.site_name])).toEqual([
      [2, '2026-02-11', 'Site A'],
      [1, '2026-02-10', 'Site A'],
    ]);
    expect([data?.total, data?.totalIsEstimate, data?.nextCursor]).toEqual([2, false, null]);
    const b = await ppnAs('memberB').protocols.list();
    expect(b.data?.rows.map((p) => p.record_id)).toEqual([4, 3]);
  });

  it('pages with a cursor and an exact total', async () => {
    const ppn = ppnAs('siteAdminA');
    const first = await ppn.protocols.list({ limit: 1 });
    expect(first.data).toMatchObject({ total: 2, totalIsEstimate: false, nextCursor: expect.any(String) });
    expect(first.data?.rows.map((p) => p.record_id)).toEqual([2]);
    const second = await ppn.protocols.list({ limit: 1, cursor: first.data!.nextCursor! });
    expect(second.data).toMatchObject({ total: 2, nextCursor: null });
    expect(second.data?.rows.map((p) => p.record_id)).toEqual([1]);
  });

  it('someone with no site sees none; a network admin sees no site\'s clinical data', async () => {
    for (const who of ['noSite', 'networkAdmin', 'supervisor'] as const) {
      expect((await ppnAs(who).protocols.list()).data).toEqual({ rows: [], total: 0, totalIsEstimate: false, nextCursor: null });
    }
  });

  it('without a session: unauthenticated', async () => {
    const { data, error } = await ppnAs('anon').protocols.list();
    expect(data).toBeNull();
    expect(error?.code).toBe('unauthenticated');
  });
});
