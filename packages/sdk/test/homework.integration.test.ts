import { HOMEWORK_TYPE_NAMES } from '@ppn/schema';
import { describe, expect, it } from 'vitest';
import { useOwnStack } from '../../../test/own-stack.js';
import { localDate } from '../src/args.js';
import { ppnAs, type Who } from './helpers/stack.js';

// Writes: a stack of its own, so the shared seed stays as it is for other suites.
const stack = useOwnStack();
const as = (who: Who) => ppnAs(who, stack());

describe('homework against the local stack', () => {
  it('types: the seeded homework types in id order', async () => {
    const { data } = await as('memberA').homework.types();
    expect(data?.map((t) => t.homework_name)).toEqual([...HOMEWORK_TYPE_NAMES]);
  });

  it('a clinician assigns by type name; the database sets created_by; assignedDate defaults to the local date', async () => {
    const { data, error } = await as('clinicianA').homework.assign({ protocolId: 1, homeworkType: 'Body Work', dueDate: '2099-01-31' });
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
    const { data, error } = await as('siteAdminA').homework.assign({ protocolId: 2, homeworkType: 2, dueDate: '2026-02-20', assignedDate: '2026-02-12' });
    expect(error).toBeNull();
    expect(data).toMatchObject({ protocol_id: 2, homework_type_id: 2, assigned_date: '2026-02-12', created_by: stack().personas.siteAdminA.userId });
  });

  it('denials: another site\'s protocol, a read-only member, a user with no site: forbidden', async () => {
    const input = { protocolId: 3, homeworkType: 'Journaling', dueDate: '2099-01-01' };
    for (const [who, protocolId] of [['clinicianA', 3], ['siteAdminA', 4], ['memberA', 1], ['noSite', 1], ['networkAdmin', 1]] as const) {
      const { data, error } = await as(who).homework.assign({ ...input, protocolId });
      expect(data, `${who} on ${protocolId}`).toBeNull();
      expect(error?.code, `${who} on ${protocolId}`).toBe('forbidden');
    }
    expect((await as('anon').homework.assign({ ...input, protocolId: 1, homeworkType: 1 })).error?.code).toBe('unauthenticated');
  });

  it('a due date before the assigned date is refused before the request', async () => {
    const { error } = await as('clinicianA').homework.assign({ protocolId: 1, homeworkType: 1, dueDate: '2026-02-01', assignedDate: '2026-02-10' });
    expect(error?.code).toBe('validation');
    expect(error?.issues[0]?.path).toEqual(['dueDate']);
  });

  it('list: by due date with type names; open, completed, overdue relative to today', async () => {
    const ppn = as('memberA');
    const all = await ppn.homework.list(1, { today: '2026-02-20' });
    expect(all.data?.map((h) => [h.homework_id, h.due_date, h.homework_type?.homework_name])).toEqual([
      [1, '2026-02-14', 'Journaling'],
      [2, '2026-02-18', 'Meditation'],
      [expect.any(Number), '2099-01-31', 'Body Work'],
    ]);
    expect((await ppn.homework.list(1, { status: 'completed' })).data?.map((h) => h.homework_id)).toEqual([1]);
    expect((await ppn.homework.list(1, { status: 'open' })).data?.map((h) => h.due_date)).toEqual(['2026-02-18', '2099-01-31']);
    expect((await ppn.homework.list(1, { status: 'overdue', today: '2026-02-18' })).data).toEqual([]);
    expect((await ppn.homework.list(1, { status: 'overdue', today: '2026-02-19' })).data?.map((h) => h.homework_id)).toEqual([2]);
  });

  it('another site\'s protocol lists as empty', async () => {
    expect(await as('clinicianA').homework.list(3)).toEqual({ data: [], error: null });
    expect((await as('clinicianB').homework.list(3)).data?.map((h) => h.homework_id)).toEqual([4, 3]);
  });

  it('complete: homework you may not write, or that does not exist, is not_found', async () => {
    for (const [who, homeworkId] of [['memberA', 2], ['clinicianA', 3], ['clinicianB', 2], ['clinicianA', 99999]] as const) {
      const { data, error } = await as(who).homework.complete(homeworkId, { notes: 'x' });
      expect(data, `${who} completes ${homeworkId}`).toBeNull();
      expect(error?.code, `${who} completes ${homeworkId}`).toBe('not_found');
    }
    const still = await as('memberA').homework.list(1, { status: 'open' });
    expect(still.data?.map((h) => h.homework_id)).toContain(2);
  });

  it('complete: a clinician of the site marks it done, with notes and a date', async () => {
    const { data, error } = await as('clinicianA').homework.complete(2, { completedDate: '2026-02-17', notes: 'Daily practice, 20 minutes' });
    expect(error).toBeNull();
    expect(data).toMatchObject({ homework_id: 2, is_completed: true, completed_date: '2026-02-17', completion_notes: 'Daily practice, 20 minutes' });
    const again = await as('siteAdminA').homework.complete(2);
    expect(again.data).toMatchObject({ completed_date: localDate(new Date()), completion_notes: 'Daily practice, 20 minutes' });
    expect((await as('memberA').homework.list(1, { status: 'completed' })).data?.map((h) => h.homework_id)).toEqual([1, 2]);
  });
});
