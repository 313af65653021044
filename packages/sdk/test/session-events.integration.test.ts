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
  it('logs an event by type name, and the same clientEventId twice gives one row', async () => {
    const ppn = ppnAs('clinicianA', stack());
    const before = await countEvents(SITE_A_PROTOCOL);
    const first = await ppn.sessionEvents.log({ protocolId: SITE_A_PROTOCOL, eventType: 'Distress', intensity: 6, notes: 'first' });
    expect(first.error).toBeNull();
    expect(first.data!.created_by).toBe(stack().personas.clinicianA.userId);

    const retry = await ppn.sessionEvents.log({ protocolId: SITE_A_PROTOCOL, eventType: 'Distress', intensity: 6, notes: 'first', clientEventId: first.data!.client_event_id });
    expect(retry.error).toBeNull();
    expect(retry.data).toEqual(first.data);
    expect(await countEvents(SITE_A_PROTOCOL)).toBe(before + 1);
  });

  it('logMany stores a batch once, even when replayed with some already stored', async () => {
    const ppn = ppnAs('siteAdminA', stack());
    const before = await countEvents(SITE_A_PROTOCOL);
    const events = Array.from({ length: 30 }, (_, i) => ({
      protocolId: SITE_A_PROTOCOL,
      eventType: i % 3 === 0 ? 'Music Change' : 'Vital Signs Check',
      occurredAt: new Date(Date.UTC(2026, 1, 11, 9, i)),
      clientEventId: crypto.randomUUID(),
    }));
    const first = await ppn.sessionEvents.logMany(events.slice(0, 10));
    expect(first.error).toBeNull();
    const replay = await ppn.sessionEvents.logMany(events);
    expect(replay.error).toBeNull();
    expect(replay.data!.map((e) => e.client_event_id)).toEqual(events.map((e) => e.clientEventId));
    expect(replay.data!.slice(0, 10)).toEqual(first.data);
    expect(await countEvents(SITE_A_PROTOCOL)).toBe(before + 30);
  });

  it('a timeline is in time order with the type name, color and icon', async () => {
    const { data, error } = await ppnAs('memberA', stack()).sessionEvents.timeline(1);
    expect(error).toBeNull();
    expect(data!.length).toBeGreaterThanOrEqual(10);
    const times = data!.map((e) => Date.parse(e.event_timestamp));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(data![0]!.event_type).toEqual({ event_type_id: 4, event_name: 'Vital Signs Check', color_code: '#f59e0b', icon_name: 'Activity' });
    const distress = await ppnAs('memberA', stack()).sessionEvents.timeline(1, { eventTypes: ['Distress'] });
    expect(distress.data!.every((e) => e.event_type?.event_name === 'Distress')).toBe(true);
    expect(distress.data!.length).toBeGreaterThan(0);
  });

  it('another site\'s timeline is an empty list, and logging there is forbidden', async () => {
    const ppn = ppnAs('clinicianA', stack());
    expect(await ppn.sessionEvents.timeline(SITE_B_PROTOCOL)).toEqual({ data: [], error: null });
    const before = await countEvents(SITE_B_PROTOCOL);
    const refused = await ppn.sessionEvents.log({ protocolId: SITE_B_PROTOCOL, eventType: 'Distress' });
    expect(refused.error?.code).toBe('forbidden');
    expect(await countEvents(SITE_B_PROTOCOL)).toBe(before);
  });

  it('a read-only member cannot log', async () => {
    const { error } = await ppnAs('memberA', stack()).sessionEvents.log({ protocolId: 1, eventType: 'Breakthrough' });
    expect(error?.code).toBe('forbidden');
  });

  it('an event type id that does not exist is not_found', async () => {
    const { error } = await ppnAs('clinicianA', stack()).sessionEvents.log({ protocolId: 1, eventType: 999 });
    expect(error?.code).toBe('not_found');
    expect(error?.dbCode).toBe('23503');
  });
});
