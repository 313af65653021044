/**
 * Session Logger: a simulated 6-hour dosing session logged event by event (as a clinician
 * would tap them in), then read back as a timeline. Logging is safe to retry: the second
 * send of the same event below stores nothing new.
 */
import type { EventTypeName } from '@ppn/schema';
import { allRows } from '@ppn/sdk';
import { runExample } from './lib/connect.js';

const START = new Date('2026-03-02T09:00:00-08:00');
const at = (minutes: number) => new Date(START.getTime() + minutes * 60_000);

const script: Array<[number, EventTypeName, number | null, string]> = [
  [0, 'Vital Signs Check', null, 'Baseline vitals before dosing'],
  [30, 'Music Change', 3, 'Ascent playlist'],
  [65, 'Distress', 7, 'Anxiety at onset; grounding'],
  [80, 'Vital Signs Check', null, 'BP 142/90, within limits'],
  [120, 'Peak Experience', 9, 'Peak reported'],
  [155, 'Breakthrough', 8, 'Emotional release'],
  [200, 'Bathroom Break', null, ''],
  [240, 'Music Change', 4, 'Return playlist'],
  [300, 'Integration Moment', 5, 'Early reflections shared'],
  [360, 'Vital Signs Check', null, 'Discharge vitals normal'],
];

await runExample(async ({ as }) => {
  const ppn = as('clinicianA');
  const { data: protocols } = await ppn.protocols.list({ limit: 10 });
  const protocol = protocols.rows.find((p) => p.record_id === 2) ?? protocols.rows[0]!;
  console.log(`Logging a 6-hour session on protocol ${protocol.record_id} (${protocol.patient_reference ?? 'no reference'})\n`);

  const logged = [];
  for (const [minutes, event_type, intensity_level, notes] of script) {
    const { data } = await ppn.sessionEvents.log({ protocol_id: protocol.record_id, event_type, event_timestamp: at(minutes), intensity_level, notes: notes || null });
    logged.push(data);
  }
  // The network dropped our last response? Send it again with the same client_event_id: still one row.
  const last = logged.at(-1)!;
  await ppn.sessionEvents.log({ protocol_id: protocol.record_id, event_type: 'Vital Signs Check', event_timestamp: at(360), notes: 'Discharge vitals normal', client_event_id: last.client_event_id });

  // Every page of the timeline, a page of 4 at a time.
  const timeline = [];
  for await (const event of allRows(ppn.sessionEvents.timeline, { protocol_id: protocol.record_id, from: START, limit: 4 })) timeline.push(event);
  console.log('  time   event                intensity  notes');
  for (const event of timeline) {
    const minutes = Math.round((Date.parse(event.event_timestamp) - START.getTime()) / 60_000);
    const clock = `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, '0')}`;
    const bar = event.intensity_level ? '#'.repeat(event.intensity_level) : '';
    console.log(`  ${clock.padEnd(6)} ${(event.ref_event_types?.event_name ?? '?').padEnd(20)} ${bar.padEnd(10)} ${event.notes ?? ''}`);
  }
  console.log(`\n${timeline.length} events on the timeline (the retried one was stored once).`);

  const other = as('clinicianB');
  const { data: hidden } = await other.sessionEvents.timeline({ protocol_id: protocol.record_id });
  console.log(`A clinician at the other site sees ${hidden.total} of them.`);
});
