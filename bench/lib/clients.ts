import { createClient } from '@supabase/supabase-js';
import WebSocket from 'ws';
import { createPpnClient, type PpnSupabaseClient } from '@ppn/sdk';

/** A supabase-js client, typed with the PPN schema, sending `token` (a user's JWT or the service-role key). */
export function supabaseWith(url: string, anonKey: string, token: string): PpnSupabaseClient {
  return createClient(url, anonKey, {
    accessToken: async () => token,
    // Node 20 has no global WebSocket; realtime is never used here, but the client builds it.
    realtime: globalThis.WebSocket ? {} : { transport: WebSocket as never },
  }) as unknown as PpnSupabaseClient;
}

export function ppnWith(supabase: PpnSupabaseClient) {
  return createPpnClient(supabase);
}
