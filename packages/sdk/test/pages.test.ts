/**
 * Pages against msw: the end of a list comes from the count PostgREST reports, never from a
 * page's length; cursors keep sort keys exactly (microseconds, nulls) and continue with a
 * keyset filter; `allRows` iterates every page.
 */
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { allRows } from '../src/index.js';
import { counted, REST, requests, server, unitClient, useMsw } from './helpers/msw.js';
import { sent } from './helpers/sent.js';

useMsw();

const ppn = unitClient();

describe('end of list', () => {
  it('a page shorter than limit is not the end when the count says more remain (a lower server row cap)', async () => {
    server.use(counted('get', 'supervision_circles', [{ circle_id: 1, circle_name: 'A', circle_members: [] }], 4));
    const { data } = await ppn.supervision.circles.list({ limit: 50 });
    expect(data!.rows).toHaveLength(1);
    expect(data!.total).toBe(4);
    expect(data!.nextCursor).not.toBeNull();
  });

  it('a full page is the end when the count says nothing remains', async () => {
    server.use(counted('get', 'supervision_circles', [{ circle_id: 1, circle_name: 'A', circle_members: [] }], 1));
    expect((await ppn.supervision.circles.list({ limit: 1 })).data!.nextCursor).toBeNull();
  });

  it('arrays read every chunk until the count is reached, however small the server cap', async () => {
    let call = 0;
    server.use(
      http.get(`${REST}/ref_event_types`, () => {
        call++;
        return HttpResponse.json([{ event_type_id: call, event_name: `T${call}` }], { headers: { 'content-range': `0-0/${4 - call}` } });
      }),
    );
    const { data } = await ppn.eventTypes.list();
    expect(data!.map((t) => t.event_type_id)).toEqual([1, 2, 3]);
    expect(new URL(requests[1]!.url).searchParams.get('or')).toBe('(event_type_id.gt."1")');
  });
});

describe('cursors', () => {
  it('keep a microsecond timestamp exactly and continue after it with a keyset filter; the total comes from a second request', async () => {
    server.use(
      counted('get', 'session_events', [{ event_id: 7, event_timestamp: '2026-02-10T10:00:00.123456+00:00' }], 2),
      counted('head', 'session_events', [], 5),
    );
    const first = await ppn.sessionEvents.timeline({ protocol_id: 1, limit: 1 });
    requests.length = 0;
    const second = await ppn.sessionEvents.timeline({ protocol_id: 1, limit: 1, cursor: first.data!.nextCursor! });
    const filters = requests.map((r) => [r.method, new URL(r.url).searchParams.get('or')]);
    expect(filters).toContainEqual([
      'GET',
      '(event_timestamp.gt."2026-02-10T10:00:00.123456+00:00",and(event_timestamp.eq."2026-02-10T10:00:00.123456+00:00",event_id.gt."7"))',
    ]);
    expect(filters).toContainEqual(['HEAD', null]);
    expect(second.data!.total).toBe(5);
  });

  it('a NULL sort key: nulls last after a value, and only nulls with a higher id after a null', async () => {
    server.use(counted('get', 'practitioner_profiles', [{ profile_id: 3, years_experience: 12 }], 3), counted('head', 'practitioner_profiles', [], 3));
    const page = await ppn.supervision.search({ limit: 1 });
    requests.length = 0;
    await ppn.supervision.search({ limit: 1, cursor: page.data!.nextCursor! });
    expect((await sent(0)).params.or ?? (await sent(1)).params.or).toBe(
      '(years_experience.lt."12",years_experience.is.null,and(years_experience.eq."12",profile_id.gt."3"))',
    );

    server.use(counted('get', 'practitioner_profiles', [{ profile_id: 9, years_experience: null }], 3));
    const nullPage = await ppn.supervision.search({ limit: 1 });
    requests.length = 0;
    await ppn.supervision.search({ limit: 1, cursor: nullPage.data!.nextCursor! });
    expect((await sent(0)).params.or ?? (await sent(1)).params.or).toBe('(and(years_experience.is.null,profile_id.gt."9"))');
  });

  it('quote a text key that PostgREST would otherwise split', async () => {
    server.use(counted('get', 'supervision_circles', [{ circle_id: 2, circle_name: 'Peers, "West" (MDMA)', circle_members: [] }], 2), counted('head', 'supervision_circles', [], 2));
    const page = await ppn.supervision.circles.list({ limit: 1 });
    requests.length = 0;
    await ppn.supervision.circles.list({ limit: 1, cursor: page.data!.nextCursor! });
    const get = requests.find((r) => r.method === 'GET')!;
    expect(new URL(get.url).searchParams.get('or')).toBe(
      '(circle_name.gt."Peers, \\"West\\" (MDMA)",and(circle_name.eq."Peers, \\"West\\" (MDMA)",circle_id.gt."2"))',
    );
  });
});

describe('allRows', () => {
  it('yields every row of every page, following nextCursor', async () => {
    let page = 0;
    server.use(
      http.get(`${REST}/supervision_circles`, () => {
        page++;
        return HttpResponse.json([{ circle_id: page, circle_name: `C${page}`, circle_members: [] }], { headers: { 'content-range': `0-0/${4 - page}` } });
      }),
      counted('head', 'supervision_circles', [], 3),
    );
    const names: string[] = [];
    for await (const circle of allRows(ppn.supervision.circles.list, { limit: 1 })) names.push(circle.circle_name);
    expect(names).toEqual(['C1', 'C2', 'C3']);
  });

  it('throws the PpnError of a failed page', async () => {
    await expect(async () => {
      for await (const _ of allRows(ppn.supervision.circles.list, { cursor: 'bad' })) void _;
    }).rejects.toMatchObject({ code: 'validation' });
  });
});
