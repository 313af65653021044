// What a small browser app pays for @ppn/sdk: create the client, list medications, log an
// event. supabase-js is the app's own dependency (marked external when measuring); zod,
// the validators and the SDK are counted.
import { createClient } from '@supabase/supabase-js';
import { createPpnClient } from '@ppn/sdk';

const supabase = createClient('https://example.supabase.co', 'anon-key');
const ppn = createPpnClient(supabase as never);

export async function main(): Promise<void> {
  const { data: medications } = await ppn.medications.list({ drug_class: 'SSRI' });
  console.log(medications?.length);
  const { error } = await ppn.sessionEvents.log({ protocol_id: 1, event_type: 'Distress', intensity_level: 6 });
  if (error) console.error(error.code);
}
