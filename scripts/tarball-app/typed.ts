// Type-checked (never run) in the temporary app, with the published .d.ts/.d.cts: as
// typed.ts (CJS under node16, and under bundler) and as a copy typed.mts (ESM under node16).
import { createClient } from '@supabase/supabase-js';
import { createPpnClient, PpnError, type Medication, type PpnClient, type PpnErrorCode, type PpnResult } from '@ppn/sdk';
import { sessionEventInsert, EVENT_TYPE_NAMES, type Database, type EventTypeName, type SessionEventRow } from '@ppn/schema';
import { migrate, MigrationError } from '@ppn/migrations';
import { applyLocalShim, startPostgres, startStack, type StackFacts } from '@ppn/local-stack';

export async function useSdk(url: string, anonKey: string): Promise<number> {
  const supabase = createClient<Database>(url, anonKey);
  const ppn: PpnClient = createPpnClient(supabase);

  const result: PpnResult<Medication[]> = await ppn.medications.list({ drugClass: 'SSRI' });
  if (result.error) {
    const code: PpnErrorCode = result.error.code;
    const isError: PpnError = result.error;
    return code === 'forbidden' || isError.issues.length > 0 ? 0 : 1;
  }
  const names: string[] = result.data.map((m) => m.medication_name);

  const strict = createPpnClient(supabase, { throwOnError: true });
  const { data: logged } = await strict.sessionEvents.log({ protocolId: 1, eventType: 'Distress', intensity: 7 });
  const row: SessionEventRow = logged; // never null with throwOnError
  const first: EventTypeName = EVENT_TYPE_NAMES[0];

  // @ts-expect-error intensity is a number
  await ppn.sessionEvents.log({ protocolId: 1, eventType: first, intensity: 'high' });
  // @ts-expect-error no such call
  await ppn.medications.remove(1);
  // @ts-expect-error data may be null without throwOnError
  const notChecked: Medication[] = (await ppn.medications.list()).data;

  const parsed = sessionEventInsert.safeParse({ event_timestamp: new Date().toISOString() });
  const when: string | undefined = parsed.success ? parsed.data.event_timestamp : undefined;
  return names.length + row.event_id + (when ? 1 : 0) + notChecked.length;
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
