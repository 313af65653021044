// The 0.1 acceptance script, run by `pnpm test:tarballs` with the @ppn/sdk and @ppn/schema
// 0.1.0 tarballs committed in packages/sdk/test/fixtures/0.1.0 against a stack migrated with
// every current migration: an app that has not upgraded must keep working.
import { createClient } from '@supabase/supabase-js';
import WebSocket from 'ws';
import { createPpnClient, PpnError } from '@ppn/sdk';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const facts = JSON.parse(process.env.PPN_STACK);
const say = (line) => process.stdout.write(`  [0.1.0] ${line}\n`);
const check = (condition, what) => {
  if (!condition) throw new Error(`[0.1.0] failed: ${what}`);
  say(`ok  ${what}`);
};
const version = (name) => JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')).version;
check(version('@ppn/sdk') === '0.1.0' && version('@ppn/schema') === '0.1.0', 'the installed @ppn/sdk and @ppn/schema are 0.1.0');

const supabase = createClient(facts.url, facts.anonKey, {
  accessToken: async () => facts.personas.clinicianA.token,
  realtime: globalThis.WebSocket ? {} : { transport: WebSocket },
});
const ppn = createPpnClient(supabase, { throwOnError: true });

const { data: medications } = await ppn.medications.list();
check(medications.length >= 24 && medications.every((m) => typeof m.medication_name === 'string'), `medications.list(): ${medications.length} medications`);

const { data: protocols } = await ppn.protocols.list({ limit: 10 });
const protocolId = protocols.rows[0].record_id;
const clientEventId = globalThis.crypto.randomUUID();
const event = { protocolId, eventType: 'Vital Signs Check', intensity: 3, notes: '0.1.0 compatibility', clientEventId };
const first = await ppn.sessionEvents.log(event);
const again = await ppn.sessionEvents.log(event);
const { count, error } = await supabase.from('session_events').select('event_id', { count: 'exact', head: true }).eq('client_event_id', clientEventId);
if (error) throw error;
check(count === 1 && first.data.event_id === again.data.event_id, `sessionEvents.log() twice with one clientEventId: ${count} row`);

const { data: timeline } = await ppn.sessionEvents.timeline(protocolId);
const logged = timeline.find((e) => e.client_event_id === clientEventId);
check(logged && logged.event_type?.event_name === 'Vital Signs Check' && logged.intensity_level === 3, `sessionEvents.timeline(): ${timeline.length} events, the logged one with its type`);

const { data: search } = await ppn.supervision.search({ acceptingOnly: true });
check(search.profiles.some((p) => p.user_id === facts.personas.supervisor.userId), `supervision.search(): ${search.profiles.length} profile(s), the seeded supervisor among them`);

const due = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
const { data: homework } = await ppn.homework.assign({ protocolId, homeworkType: 'Journaling', dueDate: due });
check(homework.homework_id > 0 && homework.due_date === due, `homework.assign(): homework ${homework.homework_id} due ${due}`);

const { error: refused } = await createPpnClient(supabase).sessionEvents.log({ protocolId, eventType: 'Distress', intensity: 11 });
check(refused instanceof PpnError && refused.code === 'validation', 'an intensity of 11 is still refused');
