import { HOMEWORK_TYPE_NAMES } from '@ppn/schema';
import { describe, expect, it } from 'vitest';
import { useOwnStack } from '../../../test/own-stack.js';
import { localDate } from '../src/validate.js';
import { ppnAs, type Who } from './helpers/stack.js';

// Writes: a stack of its own, so the shared seed stays as it is for other suites.
const stack = useOwnStack();
const as = (who: Who) => ppnAs(who, stack());

describe('homework against the local stack', () => {
  it('types: the seeded homework types in id order', async () => {
    const { data } = await as('memberA').homework.types();
    expect(data?.map((t) => t.homework_name)).toEqual([...HOMEWORK_TYPE_NAMES]);
  });

  it('a clinician assigns by type name; the database sets created_by; assigned_date defaults to the local date', async () => {
    const { data, error } = await as('clinicianA').homework.assign({ protocol_id: 1, homework_type: 'Body Work', due_date: '2099-01-31' });
    expect(error).toBeNull();
    expect(data).toMatchObject({
      protocol_id: 1,
      homework_type_id: HOMEWORK_TYPE_NAMES.indexOf('Body Work') + 1,
      assigned_date: localDate(new Date()),
      due_date: '2099-01-31',
      is_completed: false,
      created_by: stack().personas.clinicianA.userId,
    });
  });

  it('a site admin may assign too, by type id, with an explicit assigned date', async () => {
    const { data, error } = await as('siteAdminA').homework.assign({ protocol_id: 2, homework_type_id: 2, due_date: '2026-02-20', assigned_date: '2026-02-12' });
    expect(error).toBeNull();
    expect(data).toMatchObject({ protocol_id: 2, homework_type_id: 2, assigned_date: '2026-02-12', created_by: stack().personas.siteAdminA.userId });
  });

  it('denials: another site\'s protocol, a read-only member, a user with no site: forbidden', async () => {
    const input = { homework_type: 'Journaling', due_date: '2099-01-01' } as const;
    for (const [who, protocol_id] of [['clinicianA', 3], ['siteAdminA', 4], ['memberA', 1], ['noSite', 1], ['networkAdmin', 1]] as const) {
      const { data, error } = await as(who).homework.assign({ ...input, protocol_id });
      expect(data, `${who} on ${protocol_id}`).toBeNull();
      expect(error?.code, `${who} on ${protocol_id}`).toBe('forbidden');
    }
    expect((await as('anon').homework.assign({ protocol_id: 1, homework_type_id: 1, due_date: '2099-01-01' })).error?.code).toBe('unauthenticated');
  });

  it('a due date before the assigned date is refused before the request', async () => {
    const { error } = await as('clinicianA').homework.assign({ protocol_id: 1, homework_type_id: 1, due_date: '2026-02-01', assigned_date: '2026-02-10' });
    expect(error?.code).toBe('validation');
    expect(error?.issues[0]?.path).toEqual(['due_date']);
    expect(error?.message).toBe('due_date must be >= assigned_date');
  });

  it('list: by due date with type names; open, completed, overdue relative to today', async () => {
    const ppn = as('memberA');
    const all = await ppn.homework.list({ protocol_id: 1, today: '2026-02-20' });
    expect(all.data?.rows.map((h) => [h.homework_id, h.due_date, h.ref_homework_types?.homework_name])).toEqual([
      [1, '2026-02-14', 'Journaling'],
      [2, '2026-02-18', 'Meditation'],
      [expect.any(Number), '2099-01-31', 'Body Work'],
    ]);
    expect((await ppn.homework.list({ protocol_id: 1, status: 'completed' })).data!.rows.map((h) => h.homework_id)).toEqual([1]);
    expect((await ppn.homework.list({ protocol_id: 1, status: 'open' })).data!.rows.map((h) => h.due_date)).toEqual(['2026-02-18', '2099-01-31']);
    expect((await ppn.homework.list({ protocol_id: 1, status: 'overdue', today: '2026-02-18' })).data!.rows).toEqual([]);
    expect((await ppn.homework.list({ protocol_id: 1, status: 'overdue', today: '2026-02-19' })).data!.rows.map((h) => h.homework_id)).toEqual([2]);
  });

  it('another site\'s protocol lists as empty', async () => {
    expect(await as('clinicianA').homework.list({ protocol_id: 3 })).toEqual({ data: { rows: [], total: 0, totalIsEstimate: false, nextCursor: null }, error: null });
    expect((await as('clinicianB').homework.list({ protocol_id: 3 })).data!.rows.map((h) => h.homework_id)).toEqual([4, 3]);
  });

  it('complete: homework you may not write, or that does not exist, is not_found', async () => {
    for (const [who, homeworkId] of [['memberA', 2], ['clinicianA', 3], ['clinicianB', 2], ['clinicianA', 99999]] as const) {
      const { data, error } = await as(who).homework.complete(homeworkId, { completion_notes: 'x' });
      expect(data, `${who} completes ${homeworkId}`).toBeNull();
      expect(error?.code, `${who} completes ${homeworkId}`).toBe('not_found');
    }
    const still = await as('memberA').homework.list({ protocol_id: 1, status: 'open' });
    expect(still.data?.rows.map((h) => h.homework_id)).toContain(2);
  });

  it('complete: a clinician of the site marks it done, with notes and a date', async () => {
    const { data, error } = await as('clinicianA').homework.complete(2, { completed_date: '2026-02-17', completion_notes: 'Daily practice, 20 minutes' });
    expect(error).toBeNull();
    expect(data).toMatchObject({ homework_id: 2, is_completed: true, completed_date: '2026-02-17', completion_notes: 'Daily practice, 20 minutes' });
    const again = await as('siteAdminA').homework.complete(2);
    expect(again.data).toMatchObject({ completed_date: localDate(new Date()), completion_notes: 'Daily practice, 20 minutes' });
    expect((await as('memberA').homework.list({ protocol_id: 1, status: 'completed' })).data!.rows.map((h) => h.homework_id)).toEqual([1, 2]);
  });
});
