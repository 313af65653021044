/**
 * The contract's types: column keys with the generated unions, exactly one of a reference's
 * id and name, Dates and explicit `undefined` where documented, the throw mode's results,
 * and domains imported alone typed as on the client.
 */
import { describe, expectTypeOf, it } from 'vitest';
import type { EventTypeName } from '@ppn/schema';
import {
  createContext,
  createPpnClient,
  homework,
  type Page,
  type PpnClient,
  type PpnError,
  type PpnSupabaseClient,
  type SessionEvent,
  type TimelineEvent,
} from '../src/index.js';

declare const supabase: PpnSupabaseClient;
const ppn = createPpnClient(supabase);
const strict = createPpnClient(supabase, { throwOnError: true });

describe('keys and names', () => {
  it('column keys compile; name unions are the generated ones', () => {
    void ppn.sessionEvents.log({ protocol_id: 1, event_type: 'Distress', intensity_level: 3, notes: null, client_event_id: 'x' });
    void ppn.sessionEvents.log({ protocol_id: 1, event_type_id: 3 });
    void ppn.homework.assign({ protocol_id: 1, homework_type: 'Journaling', due_date: '2026-03-01' });
    expectTypeOf<Parameters<typeof ppn.sessionEvents.log>[0]['event_type']>().toEqualTypeOf<EventTypeName | undefined>();
  });

  it('a misspelt event or homework type name does not compile', () => {
    // @ts-expect-error 'Distres' is not an EventTypeName
    void ppn.sessionEvents.log({ protocol_id: 1, event_type: 'Distres' });
    // @ts-expect-error 'Journalling' is not a HomeworkTypeName
    void ppn.homework.assign({ protocol_id: 1, homework_type: 'Journalling', due_date: '2026-03-01' });
  });

  it('an unknown key, a camelCase column key and a missing required key do not compile', () => {
    // @ts-expect-error mood is not a column
    void ppn.sessionEvents.log({ protocol_id: 1, event_type_id: 1, mood: 'calm' });
    // @ts-expect-error protocolId is 0.1's name: the key is protocol_id
    void ppn.sessionEvents.log({ protocolId: 1, event_type_id: 1 });
    // @ts-expect-error intensity is 0.1's name: the key is intensity_level
    void ppn.sessionEvents.log({ protocol_id: 1, event_type_id: 1, intensity: 4 });
    // @ts-expect-error protocol_id is required
    void ppn.sessionEvents.log({ event_type_id: 1 });
    // @ts-expect-error due_date is required
    void ppn.homework.assign({ protocol_id: 1, homework_type_id: 1 });
    // @ts-expect-error drugClass is not a param: drug_class is
    void ppn.medications.list({ drugClass: 'SSRI' });
  });

  it('both event_type_id and event_type (or neither) do not compile', () => {
    // @ts-expect-error exactly one of event_type_id and event_type
    void ppn.sessionEvents.log({ protocol_id: 1, event_type_id: 1, event_type: 'Distress' });
    // @ts-expect-error one of event_type_id and event_type is required
    void ppn.sessionEvents.log({ protocol_id: 1 });
    // @ts-expect-error exactly one of homework_type_id and homework_type
    void ppn.homework.assign({ protocol_id: 1, homework_type_id: 1, homework_type: 'Journaling', due_date: '2026-03-01' });
  });

  it('Date and explicit undefined compile where documented', () => {
    void ppn.sessionEvents.log({ protocol_id: 1, event_type_id: 1, event_timestamp: new Date(), notes: undefined, intensity_level: undefined });
    void ppn.homework.assign({ protocol_id: 1, homework_type_id: 1, due_date: new Date(), assigned_date: undefined });
    void ppn.homework.complete(1, { completed_date: new Date(), completion_notes: undefined });
    void ppn.sessionEvents.timeline({ protocol_id: 1, from: new Date(), to: undefined, cursor: undefined });
    void ppn.integrationScores.record({ protocol_id: 1, scale_type: 'IES', score_value: 3, measured_at: new Date(), days_post_dose: undefined });
    void ppn.supervision.search({ limit: undefined, acceptingOnly: undefined });
    void ppn.medications.list(undefined, { signal: undefined });
  });

  it('a Date where params belong does not compile', () => {
    // @ts-expect-error params are an object
    void ppn.sessionEvents.timeline(new Date());
  });
});

describe('results', () => {
  it('pages and arrays', () => {
    expectTypeOf(ppn.sessionEvents.timeline).returns.resolves.toEqualTypeOf<{ data: Page<TimelineEvent>; error: null } | { data: null; error: PpnError }>();
    expectTypeOf<TimelineEvent['ref_event_types']>().toEqualTypeOf<{ event_type_id: number; event_name: string; color_code: string | null; icon_name: string | null } | null>();
    expectTypeOf(strict.sessionEvents.log).returns.resolves.toEqualTypeOf<{ data: SessionEvent; error: null }>();
    expectTypeOf(strict.medications.classes).returns.resolves.toEqualTypeOf<{ data: string[]; error: null }>();
    expectTypeOf(strict.supervision.circles.list).returns.resolves.toHaveProperty('data').toHaveProperty('rows').items.toHaveProperty('member_count').toEqualTypeOf<number>();
  });

  it('a domain imported alone is the client domain, in the context mode', () => {
    expectTypeOf(homework(createContext(supabase, { throwOnError: true }))).toEqualTypeOf<PpnClient<'throw'>['homework']>();
    expectTypeOf(homework(createContext(supabase))).toEqualTypeOf<PpnClient<'result'>['homework']>();
  });
});
