import type { SupabaseClient } from '@supabase/supabase-js';
import type { Attempt, Db } from './fixtures.js';
import { userId } from './fixtures.js';
import { MATRIX, PERSONAS, type Outcome, type Persona } from './matrix.js';

/** What a cell showed: one of the matrix outcomes, or a description of an unexpected error. */
export type Observed = Outcome | `error ${string}`;

/** Runs every cell of the matrix through `check` and lists the cells that differ, one line each. */
export async function runMatrix(check: (row: (typeof MATRIX)[number], who: Persona) => Promise<Observed>): Promise<{ cells: number; mismatches: string[] }> {
  const mismatches: string[] = [];
  let cells = 0;
  for (const row of MATRIX) {
    for (const who of PERSONAS) {
      const observed = await check(row, who);
      cells++;
      if (observed !== row.expected[who]) {
        mismatches.push(`${row.key.padEnd(44)} ${who.padEnd(12)} expected ${row.expected[who].padEnd(8)} observed ${observed}`);
      }
    }
  }
  return { cells, mismatches };
}

// Database level -------------------------------------------------------------------------

export const dbRole = (who: Persona) => (who === 'anon' || who === 'service_role' ? who : 'authenticated');

/** The JWT claims PostgREST would set for this persona. */
export function claims(who: Persona): string {
  const sub = userId(who);
  return JSON.stringify(sub ? { sub, role: 'authenticated', aud: 'authenticated' } : { role: dbRole(who) });
}

/** The statement PostgREST would run for the attempt (update/delete with RETURNING, as `.select()` asks). */
export function statementFor(a: Attempt): { text: string; values: unknown[] } {
  const values: unknown[] = [];
  const param = (v: unknown) => {
    values.push(v);
    return `$${values.length}`;
  };
  const where = () => Object.entries(a.match ?? {}).map(([c, v]) => `${c} = ${param(v)}`).join(' and ');
  const t = `public.${a.table}`;
  switch (a.operation) {
    case 'select':
      return { text: `select * from ${t} where ${where()}`, values };
    case 'insert': {
      const cols = Object.keys(a.values ?? {});
      const placeholders = Object.values(a.values ?? {}).map(param);
      return { text: `insert into ${t} (${cols.join(', ')}) values (${placeholders.join(', ')})`, values };
    }
    case 'update': {
      const sets = Object.entries(a.values ?? {}).map(([c, v]) => `${c} = ${param(v)}`).join(', ');
      return { text: `update ${t} set ${sets} where ${where()} returning *`, values };
    }
    case 'delete':
      return { text: `delete from ${t} where ${where()} returning *`, values };
  }
}

/** Classifies a statement's result or error. */
export async function observeSql(db: Db, a: Attempt): Promise<Observed> {
  const { text, values } = statementFor(a);
  try {
    const result = await db.query(text, values);
    if (a.operation === 'insert') return 'allow';
    return (result.rowCount ?? 0) > 0 ? 'allow' : 'hidden';
  } catch (error) {
    const e = error as { code?: string; message?: string };
    if (e.code === '42501') return 'refused';
    if (e.code === 'PT409') return 'conflict';
    return `error ${e.code}: ${e.message}`;
  }
}

// PostgREST level ------------------------------------------------------------------------

/** Makes the attempt the way an app would with supabase-js, and classifies the answer. */
export async function observeRest(client: SupabaseClient, a: Attempt): Promise<Observed> {
  const match = (q: any) => Object.entries(a.match ?? {}).reduce((acc, [c, v]) => acc.eq(c, v), q);
  const from = client.from(a.table);
  const request =
    a.operation === 'select'
      ? match(from.select())
      : a.operation === 'insert'
        ? from.insert(a.values!)
        : a.operation === 'update'
          ? match(from.update(a.values!)).select()
          : match(from.delete()).select();
  const { data, error, status } = (await request) as { data: unknown[] | null; error: { code: string; message: string } | null; status: number };
  if (error) {
    if (error.code === '42501' && (status === 401 || status === 403)) return 'refused';
    if (error.code === 'PT409' && status === 409) return 'conflict';
    return `error ${status} ${error.code}: ${error.message}`;
  }
  if (a.operation === 'insert') return status === 201 ? 'allow' : `error ${status} (insert without error)`;
  return (data?.length ?? 0) > 0 ? 'allow' : 'hidden';
}
