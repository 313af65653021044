// Type-checked (never run) in the temporary app, with the published .d.ts/.d.cts: as
// typed.ts (CJS under node16, and under bundler) and as a copy typed.mts (ESM under node16).
import { createClient } from '@supabase/supabase-js';
import { allRows, createContext, createPpnClient, isRetryable, medications, PpnError, type Medication, type Page, type PpnClient, type PpnErrorCode, type PpnResult, type TimelineEvent } from '@ppn/sdk';
import { sessionEventInsert, EVENT_TYPE_NAMES, type Database, type EventTypeName, type SessionEventRow } from '@ppn/schema';
import { migrate, MigrationError } from '@ppn/migrations';
import { applyLocalShim, startPostgres, startStack, type StackFacts } from '@ppn/local-stack';

export async function useSdk(url: string, anonKey: string): Promise<number> {
  const supabase = createClient<Database>(url, anonKey);
  const ppn: PpnClient = createPpnClient(supabase);

  const result: PpnResult<Medication[]> = await ppn.medications.list({ drug_class: 'SSRI' }, { signal: undefined });
  if (result.error) {
    const code: PpnErrorCode = result.error.code;
    const isError: PpnError = result.error;
    return code === 'forbidden' || isError.issues.length > 0 || isRetryable(isError) ? 0 : 1;
  }
  const names: string[] = result.data.map((m) => m.medication_name);

  const strict = createPpnClient(supabase, { throwOnError: true });
  const { data: logged } = await strict.sessionEvents.log({ protocol_id: 1, event_type: 'Distress', intensity_level: 7, event_timestamp: new Date() });
  const { data: page }: { data: Page<TimelineEvent> } = await strict.sessionEvents.timeline({ protocol_id: 1, cursor: undefined });
  for await (const event of allRows(strict.sessionEvents.timeline, { protocol_id: 1 })) void event.ref_event_types?.event_name;
  const alone = await medications(createContext(supabase, { throwOnError: true })).classes();
  const row: SessionEventRow = logged; // never null with throwOnError
  const first: EventTypeName = EVENT_TYPE_NAMES[0];

  // @ts-expect-error intensity_level is a number
  await ppn.sessionEvents.log({ protocol_id: 1, event_type: first, intensity_level: 'high' });
  // @ts-expect-error a misspelt event type name
  await ppn.sessionEvents.log({ protocol_id: 1, event_type: 'Distres' });
  // @ts-expect-error no such call
  await ppn.medications.remove(1);
  // @ts-expect-error data may be null without throwOnError
  const notChecked: Medication[] = (await ppn.medications.list()).data;

  const parsed = sessionEventInsert.safeParse({ event_timestamp: new Date().toISOString() });
  const when: string | undefined = parsed.success ? parsed.data.event_timestamp : undefined;
  return names.length + row.event_id + (when ? 1 : 0) + notChecked.length + page.total + alone.data.length;
}

export async function useMigrations(): Promise<StackFacts['dbUrl']> {
  const postgres = await startPostgres();
  await applyLocalShim(postgres.dbUrl);
  try {
    const { applied } = await migrate({ databaseUrl: postgres.dbUrl });
    return applied.join(',');
  } catch (error) {
    if (error instanceof MigrationError) return error.code;
    throw error;
  } finally {
    await postgres.stop();
    void startStack;
  }
}
