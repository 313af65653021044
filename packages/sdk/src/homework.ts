import * as z from 'zod/mini';
import { homeworkInsert, homeworkUpdate, type Tables } from '@ppn/schema';
import { calendarDate, id, localDate } from './args.js';
import type { PpnContext } from './context.js';
import { validationError } from './errors.js';
import { readAll } from './paginate.js';
import { resolveTypeId } from './reference-cache.js';
import { fail, type PpnResult } from './result.js';
import { settle, settleTouched } from './settle.js';
import { parse } from './validate.js';

export type HomeworkType = Tables<'ref_homework_types'>;
export type Homework = Tables<'integration_homework'>;

/** A homework row in a list, with its type's name. */
export interface HomeworkListItem extends Homework {
  homework_type: Pick<HomeworkType, 'homework_type_id' | 'homework_name'> | null;
}

export interface ListHomeworkTypesOptions {
  /** Include retired types (`is_active = false`). */
  includeInactive?: boolean;
}

export interface AssignHomeworkInput {
  protocolId: number;
  /** A homework type id, or a name such as `'Journaling'` (see `homework.types()`). */
  homeworkType: number | string;
  /** `YYYY-MM-DD`, not before `assignedDate`. */
  dueDate: string;
  /** `YYYY-MM-DD`. Default: today on the device's clock, in its local time zone. */
  assignedDate?: string;
}

export interface CompleteHomeworkInput {
  /** `YYYY-MM-DD`. Default: today on the device's clock, in its local time zone. */
  completedDate?: string;
  /** How it went; at most 2000 characters. Left as it was when absent. */
  notes?: string | null;
}

/** `open`: not completed; `completed`; `overdue`: not completed and due before `today`; `all`. */
export type HomeworkStatus = 'open' | 'completed' | 'overdue' | 'all';

export interface ListHomeworkOptions {
  /** Default `'all'`. */
  status?: HomeworkStatus;
  /** `YYYY-MM-DD` that `overdue` is judged against. Default: today on the device's clock, local time zone. */
  today?: string;
}

const typesOptions = z.optional(z.strictObject({ includeInactive: z.optional(z.boolean()) }));

/**
 * The homework types for the Integration Hub's picker, in id order (the seeded order):
 * active ones only unless `includeInactive`.
 *
 * @example
 * ```ts
 * const { data: types } = await ppn.homework.types();
 * types?.forEach((t) => addOption(t.homework_type_id, t.homework_name, t.typical_duration_minutes));
 * ```
 */
export async function listHomeworkTypes(ctx: PpnContext, options: ListHomeworkTypesOptions = {}): Promise<PpnResult<HomeworkType[]>> {
  const parsed = parse(typesOptions, options);
  if (!parsed.ok) return fail(parsed.error);
  const includeInactive = parsed.value?.includeInactive ?? false;
  return readAll((from, to) => {
    let query = ctx.supabase.from('ref_homework_types').select('*');
    if (!includeInactive) query = query.eq('is_active', true);
    return query.order('homework_type_id').range(from, to);
  });
}

const assignInput = z.strictObject({
  protocolId: id(),
  homeworkType: z.union([id(), z.string().check(z.minLength(1), z.maxLength(200))]),
  dueDate: calendarDate(),
  assignedDate: z.optional(calendarDate()),
});

const RENAME = {
  protocol_id: 'protocolId',
  homework_type_id: 'homeworkType',
  assigned_date: 'assignedDate',
  due_date: 'dueDate',
  completed_date: 'completedDate',
  completion_notes: 'notes',
};

/**
 * Assigns integration homework on a protocol. `homeworkType` is an id or a seeded name;
 * `assignedDate` defaults to today on the device's clock, in its local time zone (where
 * the clinician is, not UTC). Only clinicians and site admins of the protocol's site may
 * assign: anyone else gets `forbidden`.
 *
 * @example
 * ```ts
 * const { data, error } = await ppn.homework.assign({ protocolId: 1, homeworkType: 'Journaling', dueDate: '2026-02-20' });
 * if (error?.code === 'forbidden') showNotAllowed();
 * ```
 */
export async function assignHomework(ctx: PpnContext, input: AssignHomeworkInput): Promise<PpnResult<Homework>> {
  const parsed = parse(assignInput, input);
  if (!parsed.ok) return fail(parsed.error);
  const args = parsed.value;
  const row = {
    protocol_id: args.protocolId,
    homework_type_id: typeof args.homeworkType === 'number' ? args.homeworkType : 0,
    assigned_date: args.assignedDate ?? localDate(ctx.now()),
    due_date: args.dueDate,
  };
  // due_date >= assigned_date and the other table rules live in @ppn/schema.
  const checked = parse(homeworkInsert, row, RENAME);
  if (!checked.ok) return fail(checked.error);
  const typeId = await resolveTypeId(ctx, 'homeworkType', args.homeworkType, ['homeworkType']);
  if (typeId.error) return fail(typeId.error);
  return settle(await ctx.supabase
    .from('integration_homework')
    .insert({ ...row, homework_type_id: typeId.data })
    .select('*')
    .single());
}

const completeInput = z.optional(
  z.strictObject({
    completedDate: z.optional(calendarDate()),
    notes: z.optional(z.nullable(z.string())),
  }),
);

/**
 * Marks homework as completed, on `completedDate` (default: today on the device's clock,
 * local time zone), with optional notes. Homework you may not write (or that does not
 * exist) is `not_found`: the SDK cannot and must not tell which.
 *
 * @example
 * ```ts
 * const { data, error } = await ppn.homework.complete(2, { notes: 'Meditated daily' });
 * if (error?.code === 'not_found') refreshList();
 * ```
 */
export async function completeHomework(ctx: PpnContext, homeworkId: number, input: CompleteHomeworkInput = {}): Promise<PpnResult<Homework>> {
  const hid = parse(id(), homeworkId, {}, ['homeworkId']);
  if (!hid.ok) return fail(hid.error);
  // A Date or a Map passes as an object with no fields: a mistake, not "no options".
  if (input !== undefined && Object.prototype.toString.call(input) !== '[object Object]') return fail(validationError([{ path: [], message: 'Expected an object' }]));
  const parsed = parse(completeInput, input);
  if (!parsed.ok) return fail(parsed.error);
  const args = parsed.value ?? {};
  const patch: { is_completed: true; completed_date: string; completion_notes?: string | null } = {
    is_completed: true,
    completed_date: args.completedDate ?? localDate(ctx.now()),
  };
  if (args.notes !== undefined) patch.completion_notes = args.notes;
  const checked = parse(homeworkUpdate, patch, RENAME);
  if (!checked.ok) return fail(checked.error);
  return settleTouched(await ctx.supabase.from('integration_homework').update(patch).eq('homework_id', hid.value).select('*'), `Homework ${hid.value}`);
}

const listOptions = z.optional(
  z.strictObject({
    status: z.optional(z.enum(['open', 'completed', 'overdue', 'all'])),
    today: z.optional(calendarDate()),
  }),
);

/**
 * A protocol's homework by due date, each with its type's name. `status` narrows it:
 * `open` (not completed), `completed`, `overdue` (not completed and due before `today`,
 * which defaults to the device's local date) or `all` (default). Another site's protocol
 * reads as an empty list.
 *
 * @example
 * ```ts
 * const { data: overdue } = await ppn.homework.list(1, { status: 'overdue' });
 * overdue?.forEach((h) => remind(h.homework_type?.homework_name, h.due_date));
 * ```
 */
export async function listHomework(ctx: PpnContext, protocolId: number, options: ListHomeworkOptions = {}): Promise<PpnResult<HomeworkListItem[]>> {
  const pid = parse(id(), protocolId, {}, ['protocolId']);
  if (!pid.ok) return fail(pid.error);
  const parsed = parse(listOptions, options);
  if (!parsed.ok) return fail(parsed.error);
  const status = parsed.value?.status ?? 'all';
  const today = parsed.value?.today ?? localDate(ctx.now());
  return readAll((from, to) => {
    let query = ctx.supabase
      .from('integration_homework')
      .select('*, homework_type:ref_homework_types(homework_type_id, homework_name)')
      .eq('protocol_id', pid.value);
    // is_completed is nullable: null counts as not completed.
    if (status === 'completed') query = query.is('is_completed', true);
    if (status === 'open' || status === 'overdue') query = query.not('is_completed', 'is', true);
    if (status === 'overdue') query = query.lt('due_date', today);
    return query.order('due_date').order('homework_id').range(from, to);
  });
}
