import { describe, expect, it } from 'vitest';
import { useOwnStack } from '../../../test/own-stack.js';
import { ppnAs, type Who } from './helpers/stack.js';

// Writes: a stack of its own, so the shared seed stays as it is for other suites.
const stack = useOwnStack();
const as = (who: Who) => ppnAs(who, stack());

describe('integration scores against the local stack', () => {
  it('trend: one scale of a protocol in time order, readable by any member of the site', async () => {
    const { data, error } = await as('memberA').integrationScores.trend(1, 'IES');
    expect(error).toBeNull();
    expect(data?.map((s) => [s.measured_at, s.score_value, s.days_post_dose])).toEqual([
      ['2026-02-11T17:00:00+00:00', 42, 1],
      ['2026-02-17T17:00:00+00:00', 28.5, 7],
    ]);
    expect((await as('memberA').integrationScores.trend(1, 'EIS')).data?.map((s) => s.score_value)).toEqual([55]);
  });

  it('another site\'s protocol reads as an empty trend', async () => {
    expect(await as('clinicianA').integrationScores.trend(3, 'IES')).toEqual({ data: [], error: null });
    expect(await as('noSite').integrationScores.trend(1, 'IES')).toEqual({ data: [], error: null });
  });

  it('record: a clinician of the site records a score; it joins the trend in time order', async () => {
    const { data, error } = await as('clinicianA').integrationScores.record({
      protocolId: 1,
      scale: 'IES',
      value: 35.25,
      measuredAt: new Date('2026-02-14T17:00:00Z'),
      daysPostDose: 4,
    });
    expect(error).toBeNull();
    expect(data).toMatchObject({ protocol_id: 1, scale_type: 'IES', score_value: 35.25, days_post_dose: 4 });
    const trend = await as('siteAdminA').integrationScores.trend(1, 'IES');
    expect(trend.data?.map((s) => s.score_value)).toEqual([42, 35.25, 28.5]);
  });

  it('denials: another site\'s protocol, a read-only member, no site: forbidden', async () => {
    for (const [who, protocolId] of [['clinicianA', 3], ['siteAdminB', 1], ['memberA', 1], ['noSite', 1]] as const) {
      const { data, error } = await as(who).integrationScores.record({ protocolId, scale: 'EIS', value: 50, measuredAt: '2026-02-20T10:00:00Z' });
      expect(data, `${who} on ${protocolId}`).toBeNull();
      expect(error?.code, `${who} on ${protocolId}`).toBe('forbidden');
    }
    expect((await as('clinicianB').integrationScores.trend(3, 'EIS')).data?.map((s) => s.score_value)).toEqual([61]);
  });

  it('a value out of range is refused before the request', async () => {
    const { error } = await as('clinicianA').integrationScores.record({ protocolId: 1, scale: 'IES', value: 100.01, measuredAt: '2026-02-20T10:00:00Z' });
    expect(error?.code).toBe('validation');
    expect(error?.issues[0]?.path).toEqual(['value']);
  });
});
