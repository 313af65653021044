import { describe, expect, it } from 'vitest';
import { useOwnStack } from '../../../test/own-stack.js';
import { ppnAs, supabaseAs } from './helpers/stack.js';

const stack = useOwnStack();

const SITE_A_PROTOCOL = 2; // record 2 has no seeded events: counts below are exact
const SITE_B_PROTOCOL = 3;

async function countEvents(protocolId: number): Promise<number> {
  const { count } = await supabaseAs('service_role', stack()).from('session_events').select('*', { count: 'exact', head: true }).eq('protocol_id', protocolId);
  return count ?? -1;
}

describe('session events against the local stack', () => {
  it('logs an event by type name, and the same client_event_id twice gives one row', async () => {
    const ppn = ppnAs('clinicianA', stack());
    const before = await countEvents(SITE_A_PROTOCOL);
    const first = await ppn.sessionEvents.log({ protocol_id: SITE_A_PROTOCOL, event_type: 'Distress', intensity_level: 6, notes: 'first' });
    expect(first.error).toBeNull();
    expect(first.data!.created_by).toBe(stack().personas.clinicianA.userId);

    const retry = await ppn.sessionEvents.log({ protocol_id: SITE_A_PROTOCOL, event_type: 'Distress', intensity_level: 6, notes: 'first', client_event_id: first.data!.client_event_id });
    expect(retry.error).toBeNull();
    expect(retry.data).toEqual(first.data);
    expect(await countEvents(SITE_A_PROTOCOL)).toBe(before + 1);
  });

  it('logMany stores a batch once, even when replayed with some already stored', async () => {
    const ppn = ppnAs('siteAdminA', stack());
    const before = await countEvents(SITE_A_PROTOCOL);
    const events = Array.from({ length: 30 }, (_, i) => ({
      protocol_id: SITE_A_PROTOCOL,
      event_type: i % 3 === 0 ? ('Music Change' as const) : ('Vital Signs Check' as const),
      event_timestamp: new Date(Date.UTC(2026, 1, 11, 9, i)),
      client_event_id: crypto.randomUUID(),
    }));
    const first = await ppn.sessionEvents.logMany({ events: events.slice(0, 10) });
    expect(first.error).toBeNull();
    const replay = await ppn.sessionEvents.logMany({ events });
    expect(replay.error).toBeNull();
    expect(replay.data!.map((e) => e.client_event_id)).toEqual(events.map((e) => e.client_event_id));
    expect(replay.data!.slice(0, 10)).toEqual(first.data);
    expect(await countEvents(SITE_A_PROTOCOL)).toBe(before + 30);
  });

  it('a timeline is in time order with the type name, color and icon', async () => {
    const { data: page, error } = await ppnAs('memberA', stack()).sessionEvents.timeline({ protocol_id: 1 });
    expect(error).toBeNull();
    const data = page!.rows;
    expect(data.length).toBeGreaterThanOrEqual(10);
    expect(page!.total).toBe(data.length);
    const times = data.map((e) => Date.parse(e.event_timestamp));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(data[0]!.ref_event_types).toEqual({ event_type_id: 4, event_name: 'Vital Signs Check', color_code: '#f59e0b', icon_name: 'Activity' });
    const distress = await ppnAs('memberA', stack()).sessionEvents.timeline({ protocol_id: 1, eventTypes: ['Distress'] });
    expect(distress.data!.rows.every((e) => e.ref_event_types?.event_name === 'Distress')).toBe(true);
    expect(distress.data!.rows.length).toBeGreaterThan(0);
  });

  it('another site\'s timeline is an empty list, and logging there is forbidden', async () => {
    const ppn = ppnAs('clinicianA', stack());
    expect(await ppn.sessionEvents.timeline({ protocol_id: SITE_B_PROTOCOL })).toEqual({ data: { rows: [], total: 0, totalIsEstimate: false, nextCursor: null }, error: null });
    const before = await countEvents(SITE_B_PROTOCOL);
    const refused = await ppn.sessionEvents.log({ protocol_id: SITE_B_PROTOCOL, event_type: 'Distress' });
    expect(refused.error?.code).toBe('forbidden');
    expect(await countEvents(SITE_B_PROTOCOL)).toBe(before);
  });

  it('a read-only member cannot log', async () => {
    const { error } = await ppnAs('memberA', stack()).sessionEvents.log({ protocol_id: 1, event_type: 'Breakthrough' });
    expect(error?.code).toBe('forbidden');
  });

  it('an event type id that does not exist is not_found', async () => {
    const { error } = await ppnAs('clinicianA', stack()).sessionEvents.log({ protocol_id: 1, event_type_id: 999 });
    expect(error?.code).toBe('not_found');
    expect(error?.dbCode).toBe('23503');
    expect(error?.issues).toEqual([expect.objectContaining({ path: ['event_type_id'], code: 'foreign_key' })]);
  });
});
