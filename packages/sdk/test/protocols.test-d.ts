import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database, Tables } from '@ppn/schema';
import { describe, expectTypeOf, it } from 'vitest';
import { createContext, createPpnClient, listEventTypes, listProtocols, type EventType, type PpnError, type Protocol, type ProtocolPage } from '../src/index.js';

declare const supabase: SupabaseClient<Database>;
const ppn = createPpnClient(supabase);
const strict = createPpnClient(supabase, { throwOnError: true });

describe('protocols.list types', () => {
  it('returns a page of clinical records with their site', async () => {
    const { data, error } = await ppn.protocols.list({ limit: 10, offset: 20 });
    expectTypeOf(data).toEqualTypeOf<ProtocolPage | null>();
    expectTypeOf(error).toEqualTypeOf<PpnError | null>();
    expectTypeOf<Protocol>().toExtend<Tables<'log_clinical_records'>>();
    expectTypeOf<ProtocolPage['rows'][number]['site']>().toEqualTypeOf<{ site_id: number; site_name: string } | null>();
    expectTypeOf<ProtocolPage>().toEqualTypeOf<{ rows: Protocol[]; total: number; hasMore: boolean }>();
  });

  it('throwOnError: data is never null', async () => {
    const { data } = await strict.protocols.list();
    expectTypeOf(data).toEqualTypeOf<ProtocolPage>();
  });

  it('refuses wrong argument types and unknown fields', () => {
    // @ts-expect-error limit is a number
    void ppn.protocols.list({ limit: '10' });
    // @ts-expect-error unknown field
    void ppn.protocols.list({ page: 2 });
    // @ts-expect-error options are an object
    void ppn.protocols.list(10);
  });

  it('the plain functions take a context first', async () => {
    const ctx = createContext(supabase);
    expectTypeOf(await listProtocols(ctx)).toEqualTypeOf<{ data: ProtocolPage; error: null } | { data: null; error: PpnError }>();
    // @ts-expect-error the context comes first
    void listProtocols({ limit: 1 });
  });
});

describe('eventTypes.list types', () => {
  it('returns event type rows; options are typed', async () => {
    const { data } = await ppn.eventTypes.list({ includeInactive: true });
    expectTypeOf(data).toEqualTypeOf<EventType[] | null>();
    expectTypeOf<EventType>().toEqualTypeOf<Tables<'ref_event_types'>>();
    expectTypeOf((await strict.eventTypes.list()).data).toEqualTypeOf<EventType[]>();
    expectTypeOf(listEventTypes).parameter(1).toEqualTypeOf<{ includeInactive?: boolean } | undefined>();
    // @ts-expect-error includeInactive is a boolean
    void ppn.eventTypes.list({ includeInactive: 'yes' });
    // @ts-expect-error unknown field
    void ppn.eventTypes.list({ active: true });
  });
});
