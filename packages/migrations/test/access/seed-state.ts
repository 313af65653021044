import type { Db } from './fixtures.js';
import { TABLES } from './matrix.js';

/**
 * Keeps a writing suite's own stack at its seed: after each cell, rows the fixture or the
 * attempt added are deleted; after a bulk test, a table is put back exactly as it was.
 */

/** Children before parents, so that RESTRICT foreign keys never get in the way. */
const DELETE_ORDER = [
  'public.circle_members',
  'public.supervision_relationships',
  'public.integration_scores',
  'public.integration_homework',
  'public.session_events',
  'public.log_clinical_records',
  'public.user_sites',
  'public.supervision_circles',
  'public.practitioner_profiles',
  'public.ref_interaction_evidence_history',
  'public.ref_interaction_evidence',
  'public.ref_modalities',
  'public.ref_medications',
  'public.ref_event_types',
  'public.ref_homework_types',
  'public.sites',
  'auth.users',
];

async function primaryKeys(db: Db): Promise<Map<string, string[]>> {
  const { rows } = await db.query<{ name: string; cols: string[] }>(
    `select n.nspname || '.' || c.relname as name, array_agg(a.attname::text order by k.ord) as cols
       from pg_index i
       join pg_class c on c.oid = i.indrelid
       join pg_namespace n on n.oid = c.relnamespace
       cross join lateral unnest(i.indkey::int2[]) with ordinality as k(attnum, ord)
       join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum
      where i.indisprimary and n.nspname in ('public', 'auth')
      group by 1`,
  );
  return new Map(rows.map((r) => [r.name, r.cols]));
}

/** SQL that deletes every row whose primary key was not there when it was built. */
export async function buildReset(db: Db & { escapeLiteral(s: string): string }): Promise<string> {
  const keys = await primaryKeys(db);
  const statements: string[] = [];
  for (const table of DELETE_ORDER) {
    const cols = keys.get(table);
    if (!cols) throw new Error(`no primary key found for ${table}`);
    const { rows } = await db.query(`select ${cols.join(', ')} from ${table}`);
    const tuple = (r: Record<string, unknown>) => cols.map((c) => db.escapeLiteral(String(r[c]))).join(', ');
    if (rows.length === 0) statements.push(`delete from ${table};`);
    else if (cols.length === 1) statements.push(`delete from ${table} where ${cols[0]} not in (${rows.map(tuple).join(', ')});`);
    else statements.push(`delete from ${table} where (${cols.join(', ')}) not in (${rows.map((r) => `(${tuple(r)})`).join(', ')});`);
  }
  return statements.join('\n');
}

/** Every row of a public table as JSON text, keyed by primary key. */
export async function tableRows(db: Db, table: string): Promise<Map<string, string>> {
  const cols = (await primaryKeys(db)).get(`public.${table}`)!;
  const { rows } = await db.query<{ key: string; row: string }>(
    `select concat_ws('/', ${cols.join(', ')}) as key, to_jsonb(t)::text as row from public.${table} t`,
  );
  return new Map(rows.map((r) => [r.key, r.row]));
}

/** The whole content of every public table, to prove the suite left its seed as it found it. */
export async function snapshotAll(db: Db): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const table of TABLES) out[table] = [...(await tableRows(db, table)).values()].sort();
  return out;
}

/** Primary keys whose row differs between two `tableRows` results (changed, added or removed). */
export function changedKeys(before: Map<string, string>, after: Map<string, string>): string[] {
  const keys = new Set([...before.keys(), ...after.keys()]);
  return [...keys].filter((k) => before.get(k) !== after.get(k)).sort();
}

/**
 * Puts a table back to a `tableRows` result, byte for byte: in replica mode no trigger
 * (updated_at, created_by) or foreign-key action fires, so the rows come back unchanged
 * and nothing cascades.
 */
export async function restoreTable(db: Db, table: string, rows: Map<string, string>): Promise<void> {
  await db.query('begin');
  try {
    await db.query('set local session_replication_role = replica');
    await db.query(`delete from public.${table}`);
    await db.query(
      `insert into public.${table} overriding system value
       select * from jsonb_populate_recordset(null::public.${table}, $1::jsonb)`,
      [`[${[...rows.values()].join(',')}]`],
    );
    await db.query('commit');
  } catch (error) {
    await db.query('rollback');
    throw error;
  }
}
