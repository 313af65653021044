import { query } from './bare-postgres.js';

/**
 * A text snapshot of everything a migration can create in the schemas we own: columns,
 * constraints, indexes, policies, functions, triggers, grants, RLS flags and comments.
 * Two databases with equal snapshots have the same schema for every purpose we test.
 */
export async function catalogSnapshot(dbUrl: string, schemas = ['public', 'private']): Promise<string[]> {
  const lines: string[] = [];
  const add = async (label: string, sql: string) => {
    const rows = await query(dbUrl, sql, [schemas]);
    for (const row of rows) lines.push(`${label} ${Object.values(row).map((v) => JSON.stringify(v)).join(' ')}`);
  };
  await add(
    'column',
    `select c.table_schema, c.table_name, c.column_name, c.data_type, c.udt_name, c.is_nullable, c.column_default, c.is_identity, c.identity_generation,
            c.numeric_precision, c.numeric_scale, col_description((quote_ident(c.table_schema)||'.'||quote_ident(c.table_name))::regclass, c.ordinal_position) as comment
       from information_schema.columns c where c.table_schema = any($1) order by 1, 2, 3`,
  );
  await add(
    'relation',
    `select n.nspname, c.relname, c.relkind, c.relrowsecurity, c.relforcerowsecurity, obj_description(c.oid, 'pg_class'), c.relacl::text
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = any($1) and c.relkind in ('r', 'v', 'm', 'p') order by 1, 2`,
  );
  await add(
    'constraint',
    `select n.nspname, cl.relname, k.conname, k.contype, pg_get_constraintdef(k.oid), k.convalidated
       from pg_constraint k join pg_class cl on cl.oid = k.conrelid join pg_namespace n on n.oid = cl.relnamespace
      where n.nspname = any($1) order by 1, 2, 3`,
  );
  await add(
    'index',
    `select schemaname, tablename, indexname, indexdef from pg_indexes where schemaname = any($1) order by 1, 2, 3`,
  );
  await add(
    'policy',
    `select schemaname, tablename, policyname, permissive, roles::text, cmd, qual, with_check from pg_policies where schemaname = any($1) order by 1, 2, 3`,
  );
  await add(
    'function',
    `select n.nspname, p.proname, pg_get_function_identity_arguments(p.oid), pg_get_functiondef(p.oid), p.proacl::text
       from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname = any($1) order by 1, 2, 3`,
  );
  await add(
    'trigger',
    `select n.nspname, c.relname, t.tgname, pg_get_triggerdef(t.oid)
       from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = any($1) and not t.tgisinternal order by 1, 2, 3`,
  );
  await add(
    'schema',
    `select nspname, nspacl::text from pg_namespace where nspname = any($1) order by 1`,
  );
  return lines;
}
