// The same app through per-domain imports (tree-shakable): only the medications and
// session events domains are bundled.
import { createClient } from '@supabase/supabase-js';
import { createContext, medications, sessionEvents } from '@ppn/sdk';

const supabase = createClient('https://example.supabase.co', 'anon-key');
const ctx = createContext(supabase as never);

export async function main(): Promise<void> {
  const { data: meds } = await medications(ctx).list({ drug_class: 'SSRI' });
  console.log(meds?.length);
  const { error } = await sessionEvents(ctx).log({ protocol_id: 1, event_type: 'Distress', intensity_level: 6 });
  if (error) console.error(error.code);
}
