// The acceptance script of the SDK (issue 4), shared by acceptance.mjs (ESM: import) and
// acceptance.cjs (CJS: require). Each passes in the modules as it loaded them, so the same
// steps run once against dist/*.js and once against dist/*.cjs.
'use strict';

module.exports = async function acceptance(label, modules) {
  const { createClient, WebSocket, createPpnClient, PpnError, sessionEventInsert, migrations, stack, resolved } = modules;
  const facts = JSON.parse(process.env.PPN_STACK);
  const clinician = facts.personas.clinicianA;
  const say = (line) => process.stdout.write(`  [${label}] ${line}\n`);
  const check = (condition, what) => {
    if (!condition) throw new Error(`[${label}] failed: ${what}`);
    say(`ok  ${what}`);
  };
  say(`@ppn/sdk resolves to ${resolved.sdk}`);
  say(`@ppn/schema resolves to ${resolved.schema}`);
  say(`@ppn/migrations resolves to ${resolved.migrations}`);

  // @ppn/migrations finds its SQL from the bundled dist code, in this module format too.
  const shipped = migrations.readMigrations();
  check(
    shipped.length > 0 && migrations.MIGRATIONS_DIR.endsWith('/node_modules/@ppn/migrations/supabase/migrations'),
    `@ppn/migrations reads its ${shipped.length} migrations from ${migrations.MIGRATIONS_DIR.replace(/^.*\/node_modules\//, 'node_modules/')}`,
  );
  check(typeof stack.startStack === 'function' && typeof stack.applyLocalShim === 'function', '@ppn/local-stack loads');

  const supabase = createClient(facts.url, facts.anonKey, {
    accessToken: async () => clinician.token,
    // Node 20 has no global WebSocket; supabase-js needs one to construct its realtime client.
    realtime: globalThis.WebSocket ? {} : { transport: WebSocket },
  });
  const ppn = createPpnClient(supabase, { throwOnError: true });

  const { data: medications } = await ppn.medications.list();
  check(medications.length === 24, `medications.list() as a clinician: ${medications.length} medications (24 seeded)`);

  const { data: protocols } = await ppn.protocols.list({ limit: 10 });
  const protocolId = protocols.rows[0].record_id;
  const clientEventId = globalThis.crypto.randomUUID();
  const event = { protocolId, eventType: 'Vital Signs Check', intensity: 3, notes: `tarball test (${label})`, clientEventId };
  const first = await ppn.sessionEvents.log(event);
  const again = await ppn.sessionEvents.log(event); // a retry after a lost response
  const { count, error } = await supabase
    .from('session_events')
    .select('event_id', { count: 'exact', head: true })
    .eq('client_event_id', clientEventId);
  if (error) throw error;
  check(
    count === 1 && first.data.client_event_id === clientEventId && again.data.client_event_id === clientEventId,
    `sessionEvents.log() twice with one clientEventId on protocol ${protocolId}: ${count} row`,
  );

  const { data: search } = await ppn.supervision.search({ acceptingOnly: true });
  const supervisor = search.profiles.find((p) => p.user_id === facts.personas.supervisor.userId);
  check(Boolean(supervisor), `supervision.search(): ${search.profiles.length} accepting supervisor(s), the seeded supervisor among them`);

  const due = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
  const { data: homework } = await ppn.homework.assign({ protocolId, homeworkType: 'Journaling', dueDate: due });
  check(homework.homework_id > 0 && homework.due_date === due, `homework.assign(): homework ${homework.homework_id} due ${due}`);

  const { data, error: refused } = await createPpnClient(supabase).sessionEvents.log({ protocolId, eventType: 'Distress', intensity: 11 });
  check(
    data === null && refused instanceof PpnError && refused.code === 'validation' && refused.issues[0].path[0] === 'intensity',
    `an intensity of 11 is refused before any request: PpnError ${refused && refused.code} on ${refused && refused.issues[0].path.join('.')}`,
  );
  try {
    await ppn.sessionEvents.log({ protocolId, eventType: 'Distress', intensity: 11 });
    check(false, 'throwOnError throws');
  } catch (thrown) {
    check(thrown instanceof PpnError && thrown.code === 'validation', 'throwOnError: true throws the PpnError');
  }

  const parsed = sessionEventInsert.safeParse({ event_timestamp: 'yesterday' });
  check(!parsed.success, `@ppn/schema sessionEventInsert refuses a bad timestamp (${parsed.success ? '' : parsed.error.issues[0].code})`);
};
