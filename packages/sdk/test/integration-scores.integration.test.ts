import { describe, expect, it } from 'vitest';
import { useOwnStack } from '../../../test/own-stack.js';
import { ppnAs, type Who } from './helpers/stack.js';

// Writes: a stack of its own, so the shared seed stays as it is for other suites.
const stack = useOwnStack();
const as = (who: Who) => ppnAs(who, stack());

describe('integration scores against the local stack', () => {
  it('trend: one scale of a protocol in time order, readable by any member of the site', async () => {
    const { data, error } = await as('memberA').integrationScores.trend({ protocol_id: 1, scale_type: 'IES' });
    expect(error).toBeNull();
    expect(data?.map((s) => [s.measured_at, s.score_value, s.days_post_dose])).toEqual([
      ['2026-02-11T17:00:00+00:00', 42, 1],
      ['2026-02-17T17:00:00+00:00', 28.5, 7],
    ]);
    expect((await as('memberA').integrationScores.trend({ protocol_id: 1, scale_type: 'EIS' })).data?.map((s) => s.score_value)).toEqual([55]);
  });

  it('another site\'s protocol reads as an empty trend', async () => {
    expect(await as('clinicianA').integrationScores.trend({ protocol_id: 3, scale_type: 'IES' })).toEqual({ data: [], error: null });
    expect(await as('noSite').integrationScores.trend({ protocol_id: 1, scale_type: 'IES' })).toEqual({ data: [], error: null });
  });

  it('record: a clinician of the site records a score; it joins the trend in time order', async () => {
    const { data, error } = await as('clinicianA').integrationScores.record({
      protocol_id: 1,
      scale_type: 'IES',
      score_value: 35.25,
      measured_at: new Date('2026-02-14T17:00:00Z'),
      days_post_dose: 4,
    });
    expect(error).toBeNull();
    expect(data).toMatchObject({ protocol_id: 1, scale_type: 'IES', score_value: 35.25, days_post_dose: 4 });
    const trend = await as('siteAdminA').integrationScores.trend({ protocol_id: 1, scale_type: 'IES' });
    expect(trend.data?.map((s) => s.score_value)).toEqual([42, 35.25, 28.5]);
  });

  it('denials: another site\'s protocol, a read-only member, no site: forbidden', async () => {
    for (const [who, protocol_id] of [['clinicianA', 3], ['siteAdminB', 1], ['memberA', 1], ['noSite', 1]] as const) {
      const { data, error } = await as(who).integrationScores.record({ protocol_id, scale_type: 'EIS', score_value: 50, measured_at: '2026-02-20T10:00:00Z' });
      expect(data, `${who} on ${protocol_id}`).toBeNull();
      expect(error?.code, `${who} on ${protocol_id}`).toBe('forbidden');
    }
    expect((await as('clinicianB').integrationScores.trend({ protocol_id: 3, scale_type: 'EIS' })).data?.map((s) => s.score_value)).toEqual([61]);
  });

  it('a value out of range is refused before the request', async () => {
    const { error } = await as('clinicianA').integrationScores.record({ protocol_id: 1, scale_type: 'IES', score_value: 100.01, measured_at: '2026-02-20T10:00:00Z' });
    expect(error?.code).toBe('validation');
    expect(error?.issues[0]?.path).toEqual(['score_value']);
    expect(error?.issues[0]).toMatchObject({ code: 'too_big', message: 'score_value must be at most 100' });
  });
});
