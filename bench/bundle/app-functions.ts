// The same app through the SDK's plain functions (tree-shakable): a reference figure for
// what createPpnClient's all-domains object costs.
import { createClient } from '@supabase/supabase-js';
import { createContext, listMedications, logSessionEvent } from '@ppn/sdk';

const supabase = createClient('https://example.supabase.co', 'anon-key');
const ctx = createContext(supabase as never);

export async function main(): Promise<void> {
  const { data: medications } = await listMedications(ctx, { drugClass: 'SSRI' });
  console.log(medications?.length);
  const { error } = await logSessionEvent(ctx, { protocolId: 1, eventType: 'Distress', intensity: 6 });
  if (error) console.error(error.code);
}
