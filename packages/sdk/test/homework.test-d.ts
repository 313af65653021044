import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database, Tables } from '@ppn/schema';
import { describe, expectTypeOf, it } from 'vitest';
import { createPpnClient, type Homework, type HomeworkListItem, type HomeworkType, type IntegrationScore, type PpnError } from '../src/index.js';

declare const supabase: SupabaseClient<Database>;
const ppn = createPpnClient(supabase);
const strict = createPpnClient(supabase, { throwOnError: true });

describe('homework types', () => {
  it('results are typed from @ppn/schema', async () => {
    expectTypeOf((await ppn.homework.types()).data).toEqualTypeOf<HomeworkType[] | null>();
    expectTypeOf<HomeworkType>().toEqualTypeOf<Tables<'ref_homework_types'>>();
    const assigned = await ppn.homework.assign({ protocolId: 1, homeworkType: 'Journaling', dueDate: '2026-02-20' });
    expectTypeOf(assigned.data).toEqualTypeOf<Homework | null>();
    expectTypeOf(assigned.error).toEqualTypeOf<PpnError | null>();
    expectTypeOf<Homework>().toEqualTypeOf<Tables<'integration_homework'>>();
    expectTypeOf((await ppn.homework.complete(1)).data).toEqualTypeOf<Homework | null>();
    const listed = await ppn.homework.list(1, { status: 'overdue', today: '2026-02-20' });
    expectTypeOf(listed.data).toEqualTypeOf<HomeworkListItem[] | null>();
    expectTypeOf<HomeworkListItem['homework_type']>().toEqualTypeOf<{ homework_type_id: number; homework_name: string } | null>();
  });

  it('throwOnError: data is never null', async () => {
    expectTypeOf((await strict.homework.assign({ protocolId: 1, homeworkType: 2, dueDate: '2026-02-20' })).data).toEqualTypeOf<Homework>();
    expectTypeOf((await strict.homework.list(1)).data).toEqualTypeOf<HomeworkListItem[]>();
    expectTypeOf((await strict.homework.complete(1, { notes: null })).data).toEqualTypeOf<Homework>();
  });

  it('refuses wrong argument types and unknown fields', () => {
    // @ts-expect-error dueDate is required
    void ppn.homework.assign({ protocolId: 1, homeworkType: 1 });
    // @ts-expect-error protocolId is a number
    void ppn.homework.assign({ protocolId: '1', homeworkType: 1, dueDate: '2026-02-20' });
    // @ts-expect-error dates are YYYY-MM-DD strings, not Dates
    void ppn.homework.assign({ protocolId: 1, homeworkType: 1, dueDate: new Date() });
    // @ts-expect-error unknown field
    void ppn.homework.assign({ protocolId: 1, homeworkType: 1, dueDate: '2026-02-20', notes: 'x' });
    // @ts-expect-error homeworkId is a number
    void ppn.homework.complete('1');
    // @ts-expect-error unknown field
    void ppn.homework.complete(1, { done: true });
    // @ts-expect-error not a status
    void ppn.homework.list(1, { status: 'late' });
    // @ts-expect-error protocolId comes first
    void ppn.homework.list({ status: 'open' });
  });
});

describe('integration scores types', () => {
  it('results are typed from @ppn/schema', async () => {
    const recorded = await ppn.integrationScores.record({ protocolId: 1, scale: 'IES', value: 30, measuredAt: new Date() });
    expectTypeOf(recorded.data).toEqualTypeOf<IntegrationScore | null>();
    expectTypeOf<IntegrationScore>().toEqualTypeOf<Tables<'integration_scores'>>();
    expectTypeOf((await ppn.integrationScores.trend(1, 'EIS')).data).toEqualTypeOf<IntegrationScore[] | null>();
    expectTypeOf((await strict.integrationScores.trend(1, 'EIS')).data).toEqualTypeOf<IntegrationScore[]>();
    expectTypeOf((await strict.integrationScores.record({ protocolId: 1, scale: 'EIS', value: 1, measuredAt: '2026-02-20T10:00:00Z' })).data).toEqualTypeOf<IntegrationScore>();
  });

  it('refuses wrong argument types and unknown fields', () => {
    // @ts-expect-error not a scale
    void ppn.integrationScores.record({ protocolId: 1, scale: 'PHQ', value: 30, measuredAt: new Date() });
    // @ts-expect-error value is a number
    void ppn.integrationScores.record({ protocolId: 1, scale: 'IES', value: '30', measuredAt: new Date() });
    // @ts-expect-error measuredAt is required
    void ppn.integrationScores.record({ protocolId: 1, scale: 'IES', value: 30 });
    // @ts-expect-error unknown field
    void ppn.integrationScores.record({ protocolId: 1, scale: 'IES', value: 30, measuredAt: new Date(), score: 1 });
    // @ts-expect-error not a scale
    void ppn.integrationScores.trend(1, 'ies');
    // @ts-expect-error the scale is required
    void ppn.integrationScores.trend(1);
  });
});
