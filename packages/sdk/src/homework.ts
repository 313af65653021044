import * as z from 'zod/mini';
import { INTEGRATION_HOMEWORK_COLUMNS, REF_HOMEWORK_TYPES_COLUMNS, homeworkInsert, homeworkUpdate, type HomeworkTypeName, type Tables, type TablesUpdate } from '@ppn/schema';
import { calendarDate, id, pageParams, typeName } from './args.js';
import type { PpnContext, RequestOptions } from './context.js';
import { bind, type BoundDomain } from './domain.js';
import { readPage, type Page } from './page.js';
import { listReference, resolveNames } from './refs.js';
import { settleOne } from './request.js';
import { ok, type PpnResult, type ResultMode } from './result.js';
import type { DateInput, OneOf } from './types.js';
import { check, keys, localDate, oneOf, params, parse, read } from './validate.js';

export type HomeworkType = Tables<'ref_homework_types'>;
export type Homework = Tables<'integration_homework'>;

/** A homework row in a list, with its type's name. */
export type HomeworkListItem = Homework & {
  ref_homework_types: Pick<HomeworkType, 'homework_type_id' | 'homework_name'> | null;
};

export interface ListHomeworkTypesParams {
  /** Include retired types (`is_active = false`). */
  includeInactive?: boolean | undefined;
}

/**
 * Homework to assign: the columns of `integration_homework`, with the type given by id
 * (`homework_type_id`) or by name (`homework_type`), exactly one of them.
 */
export type AssignHomeworkParams = {
  protocol_id: number;
  /** Not before `assigned_date`. A `Date` is read as its local calendar date. */
  due_date: DateInput;
  /** Default: today on the device's clock, in its local time zone. */
  assigned_date?: DateInput | undefined;
} & OneOf<{ homework_type_id: number }, { homework_type: HomeworkTypeName }>;

export interface CompleteHomeworkParams {
  /** Default: today on the device's clock, in its local time zone. */
  completed_date?: DateInput | undefined;
  /** How it went; at most 2000 characters. Left as it was when absent. */
  completion_notes?: string | null | undefined;
}

/** `open`: not completed; `completed`; `overdue`: not completed and due before `today`; `all`. */
export type HomeworkStatus = 'open' | 'completed' | 'overdue' | 'all';

export interface ListHomeworkParams {
  protocol_id: number;
  /** Default `'all'`. */
  status?: HomeworkStatus | undefined;
  /** The date `overdue` is judged against. Default: today on the device's clock, local time zone. */
  today?: DateInput | undefined;
  /** Page size, 1 to 1000 (default 50). */
  limit?: number | undefined;
  /** The `nextCursor` of the previous page. */
  cursor?: string | undefined;
}

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
async function types(ctx: PpnContext, input?: ListHomeworkTypesParams, options?: RequestOptions): Promise<PpnResult<HomeworkType[]>> {
  return listReference<HomeworkType>(ctx, 'ref_homework_types', REF_HOMEWORK_TYPES_COLUMNS, input, options);
}

const assignKeys = keys(['protocol_id', 'homework_type_id', 'homework_type', 'due_date', 'assigned_date'], {
  protocol_id: id(),
  homework_type_id: z.optional(id()),
  homework_type: z.optional(typeName()),
});

/**
 * Assigns integration homework on a protocol. `assigned_date` defaults to today on the
 * device's clock, in its local time zone (where the clinician is, not UTC); a `Date` given
 * for a date is read the same way. Only clinicians and site admins of the protocol's site
 * may assign: anyone else gets `forbidden`.
 *
 * @example
 * ```ts
 * const { data, error } = await ppn.homework.assign({ protocol_id: 1, homework_type: 'Journaling', due_date: '2026-02-20' });
 * if (error?.code === 'forbidden') showNotAllowed();
 * ```
 */
async function assign(ctx: PpnContext, input: AssignHomeworkParams, options?: RequestOptions): Promise<PpnResult<Homework>> {
  const given = params(input, false);
  if (given.error) return given;
  const { homework_type, ...fields } = given.data;
  // due_date >= assigned_date and the other table rules live in @ppn/schema.
  const row = await named(
    ctx,
    check<Record<string, unknown>>(given.data, assignKeys, { ...fields, assigned_date: fields.assigned_date === undefined ? localDate(ctx.now()) : fields.assigned_date }, homeworkInsert, oneOf(given.data, 'homework_type_id', 'homework_type')),
    homework_type,
    options,
  );
  if (row.error) return row;
  return settleOne(ctx.supabase.from('integration_homework').insert(row.data as never).select(INTEGRATION_HOMEWORK_COLUMNS), options, 'The new homework');
}

/** The row with its homework type's id, when the type was given by name. */
async function named(ctx: PpnContext, row: PpnResult<Record<string, unknown>>, name: unknown, options: RequestOptions | undefined): Promise<PpnResult<Record<string, unknown>>> {
  if (row.error || typeof name !== 'string') return row;
  const ids = await resolveNames(ctx, 'ref_homework_types', [{ name, path: ['homework_type'] }], options);
  return ids.error ? ids : ok({ ...row.data, homework_type_id: ids.data[0] });
}

const completeParams = z.strictObject({
  completed_date: z.optional(calendarDate()),
  completion_notes: z.optional(z.nullable(z.string())),
});

/**
 * Marks homework as completed, on `completed_date` (default: today on the device's clock,
 * local time zone), with optional notes. Homework you may not write (or that does not
 * exist) is `not_found`: the SDK cannot and must not tell which.
 *
 * @example
 * ```ts
 * const { data, error } = await ppn.homework.complete(2, { completion_notes: 'Meditated daily' });
 * if (error?.code === 'not_found') refreshList();
 * ```
 */
async function complete(ctx: PpnContext, homeworkId: number, input?: CompleteHomeworkParams, options?: RequestOptions): Promise<PpnResult<Homework>> {
  const hid = parse(id(), homeworkId, ['homework_id']);
  if (hid.error) return hid;
  const parsed = read(completeParams, input, true);
  if (parsed.error) return parsed;
  const patch: TablesUpdate<'integration_homework'> = { is_completed: true, completed_date: parsed.data.completed_date ?? localDate(ctx.now()) };
  if (parsed.data.completion_notes !== undefined) patch.completion_notes = parsed.data.completion_notes;
  const checked = parse(homeworkUpdate, patch);
  if (checked.error) return checked;
  return settleOne(ctx.supabase.from('integration_homework').update(patch).eq('homework_id', hid.data).select(INTEGRATION_HOMEWORK_COLUMNS), options, `Homework ${hid.data}`);
}

const listParams = z.strictObject({
  protocol_id: id(),
  status: z.optional(z.enum(['open', 'completed', 'overdue', 'all'])),
  today: z.optional(calendarDate()),
  ...pageParams(),
});

/**
 * A protocol's homework by due date, each with its type's name. `status` narrows it:
 * `open` (not completed), `completed`, `overdue` (not completed and due before `today`,
 * which defaults to the device's local date) or `all` (default). Another site's protocol
 * reads as an empty list.
 *
 * @example
 * ```ts
 * const { data: page } = await ppn.homework.list({ protocol_id: 1, status: 'overdue' });
 * page?.rows.forEach((h) => remind(h.ref_homework_types?.homework_name, h.due_date));
 * ```
 */
async function list(ctx: PpnContext, input: ListHomeworkParams, options?: RequestOptions): Promise<PpnResult<Page<HomeworkListItem>>> {
  const parsed = read(listParams, input, false);
  if (parsed.error) return parsed;
  const { protocol_id, status = 'all', today = localDate(ctx.now()) } = parsed.data;
  return readPage<HomeworkListItem>(
    ctx,
    { name: 'homework', keys: [{ column: 'due_date' }, { column: 'homework_id' }] },
    (count) => {
      let query = ctx.supabase
        .from('integration_homework')
        .select(`${INTEGRATION_HOMEWORK_COLUMNS},ref_homework_types(homework_type_id,homework_name)`, count)
        .eq('protocol_id', protocol_id);
      // is_completed is nullable: null counts as not completed.
      if (status === 'completed') query = query.is('is_completed', true);
      if (status === 'open' || status === 'overdue') query = query.not('is_completed', 'is', true);
      if (status === 'overdue') query = query.lt('due_date', today);
      return query as never;
    },
    parsed.data,
    options,
  );
}

const calls = { types, assign, complete, list };

/** The homework domain bound to a context: `homework(ctx).assign(...)` is `ppn.homework.assign(...)`. */
export function homework<M extends ResultMode>(ctx: PpnContext<M>): BoundDomain<M, typeof calls> {
  return bind(ctx, calls);
}
