import { createClient } from '@supabase/supabase-js';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Database } from '@ppn/schema';
import { useOwnStack } from '../../../test/own-stack.js';
import { createPpnClient } from '../src/index.js';
import { supabaseAs } from './helpers/stack.js';

/**
 * `site_id` on session_events, integration_homework and integration_scores is the
 * database's (migration 20261201200000): set from the protocol by a trigger, tested by
 * RLS. It appears in the generated Insert types, so this pins down that the SDK never
 * sends it, refuses it as input, and that what is stored is the protocol's site.
 */
const stack = useOwnStack();
const SITE_A = 1;
const SITE_A_PROTOCOL = 2;

/** clinicianA's SDK client, recording the body of every write request it sends. */
function recordingClient() {
  const bodies: string[] = [];
  const s = stack();
  const supabase = createClient<Database>(s.url, s.anonKey, {
    accessToken: async () => s.personas.clinicianA.token,
    realtime: globalThis.WebSocket ? {} : { transport: WebSocket as never },
    global: {
      fetch: async (input, init) => {
        if (init?.method && init.method !== 'GET' && init.method !== 'HEAD' && typeof init.body === 'string') bodies.push(init.body);
        return fetch(input, init);
      },
    },
  });
  return { ppn: createPpnClient(supabase), bodies };
}

describe('site_id is set by the database, never by the SDK', () => {
  it('no write the SDK makes carries site_id, and every stored row has the protocol\'s site', async () => {
    const { ppn, bodies } = recordingClient();
    const logged = await ppn.sessionEvents.log({ protocolId: SITE_A_PROTOCOL, eventType: 'Distress', intensity: 4 });
    const many = await ppn.sessionEvents.logMany([
      { protocolId: SITE_A_PROTOCOL, eventType: 'Music Change' },
      { protocolId: SITE_A_PROTOCOL, eventType: 'Vital Signs Check' },
    ]);
    const assigned = await ppn.homework.assign({ protocolId: SITE_A_PROTOCOL, homeworkType: 'Journaling', assignedDate: '2026-03-01', dueDate: '2026-03-08' });
    const completed = await ppn.homework.complete(assigned.data!.homework_id, { completedDate: '2026-03-02' });
    const scored = await ppn.integrationScores.record({ protocolId: SITE_A_PROTOCOL, scale: 'IES', value: 12.5, measuredAt: '2026-03-02T10:00:00Z', daysPostDose: 1 });
    for (const r of [logged, many, assigned, completed, scored]) expect(r.error).toBeNull();

    expect(bodies.length).toBeGreaterThanOrEqual(5);
    for (const body of bodies) expect(body).not.toMatch(/site_id/);
    const stored = [logged.data!, ...many.data!, assigned.data!, completed.data!, scored.data!];
    expect(stored.map((row) => row.site_id)).toEqual(Array(stored.length).fill(SITE_A));
  });

  it('an input naming site_id is refused before any request (the SDK\'s inputs are strict)', async () => {
    const { ppn, bodies } = recordingClient();
    const attempts = [
      await ppn.sessionEvents.log({ protocolId: SITE_A_PROTOCOL, eventType: 'Distress', site_id: 2 } as never),
      await ppn.homework.assign({ protocolId: SITE_A_PROTOCOL, homeworkType: 'Journaling', dueDate: '2099-01-01', site_id: 2 } as never),
      await ppn.integrationScores.record({ protocolId: SITE_A_PROTOCOL, scale: 'EIS', value: 1, measuredAt: '2026-03-02T10:00:00Z', site_id: 2 } as never),
    ];
    expect(attempts.map((a) => a.error?.code)).toEqual(['validation', 'validation', 'validation']);
    expect(bodies).toEqual([]);
  });

  it('a raw insert naming another site is stored at the protocol\'s site; a raw update of site_id is refused', async () => {
    const raw = supabaseAs('clinicianA', stack());
    const inserted = await raw
      .from('integration_scores')
      .insert({ protocol_id: SITE_A_PROTOCOL, scale_type: 'EIS', score_value: 3, measured_at: '2026-03-03T10:00:00Z', site_id: 2 })
      .select('score_id, site_id')
      .single();
    expect(inserted.error).toBeNull();
    expect(inserted.data!.site_id).toBe(SITE_A);
    const moved = await raw.from('integration_scores').update({ site_id: 2 }).eq('score_id', inserted.data!.score_id).select();
    expect([moved.status, moved.error?.code]).toEqual([403, '42501']);
    const { data } = await supabaseAs('service_role', stack()).from('integration_scores').select('site_id').eq('score_id', inserted.data!.score_id).single();
    expect(data!.site_id).toBe(SITE_A);
  });
});
