import { EVENT_TYPE_NAMES } from '@ppn/schema';
import { describe, expect, it } from 'vitest';
import { ppnAs } from './helpers/stack.js';

// Read-only: the shared stack's reference data.
describe('eventTypes.list against the local stack', () => {
  it('any signed-in user reads the eight seeded types in id order, with colors and icons', async () => {
    for (const who of ['clinicianA', 'memberB', 'noSite'] as const) {
      const { data, error } = await ppnAs(who).eventTypes.list();
      expect(error).toBeNull();
      expect(data?.map((t) => t.event_name)).toEqual([...EVENT_TYPE_NAMES]);
      expect(data?.every((t) => t.is_active && t.color_code && t.icon_name)).toBe(true);
    }
    expect((await ppnAs('clinicianA').eventTypes.list({ includeInactive: true })).data).toHaveLength(EVENT_TYPE_NAMES.length);
  });

  it('without a session: unauthenticated', async () => {
    expect((await ppnAs('anon').eventTypes.list()).error?.code).toBe('unauthenticated');
  });
});
