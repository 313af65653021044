import type pg from 'pg';

export interface SnapshotOptions {
  /** Schemas to describe; default `public` and `private`. */
  schemas?: string[];
  /**
   * Also what files that create no objects change: default privileges, role settings, and
   * the rows of `tables` (`schema.name`; those that do not exist are skipped).
   */
  effects?: { tables: string[] };
}

const SECTIONS: Array<[label: string, sql: string]> = [
  [
    'column',
    `select c.table_schema, c.table_name, c.column_name, c.data_type, c.udt_name, c.is_nullable, c.column_default, c.is_identity, c.identity_generation,
            c.numeric_precision, c.numeric_scale, col_description((quote_ident(c.table_schema)||'.'||quote_ident(c.table_name))::regclass, c.ordinal_position) as comment
       from information_schema.columns c where c.table_schema = any($1) order by 1, 2, 3`,
  ],
  [
    'relation',
    `select n.nspname, c.relname, c.relkind, c.relrowsecurity, c.relforcerowsecurity, obj_description(c.oid, 'pg_class'), c.relacl::text
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = any($1) and c.relkind in ('r', 'v', 'm', 'p') order by 1, 2`,
  ],
  [
    'constraint',
    `select n.nspname, cl.relname, k.conname, k.contype, pg_get_constraintdef(k.oid), k.convalidated
       from pg_constraint k join pg_class cl on cl.oid = k.conrelid join pg_namespace n on n.oid = cl.relnamespace
      where n.nspname = any($1) order by 1, 2, 3`,
  ],
  ['index', `select schemaname, tablename, indexname, indexdef from pg_indexes where schemaname = any($1) order by 1, 2, 3`],
  [
    'policy',
    `select schemaname, tablename, policyname, permissive, roles::text, cmd, qual, with_check from pg_policies where schemaname = any($1) order by 1, 2, 3`,
  ],
  [
    'function',
    `select n.nspname, p.proname, pg_get_function_identity_arguments(p.oid), pg_get_functiondef(p.oid), p.proacl::text
       from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname = any($1) order by 1, 2, 3`,
  ],
  [
    'trigger',
    `select n.nspname, c.relname, t.tgname, pg_get_triggerdef(t.oid)
       from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = any($1) and not t.tgisinternal order by 1, 2, 3`,
  ],
  ['schema', `select nspname, nspacl::text from pg_namespace where nspname = any($1) order by 1`],
];

const EFFECT_SECTIONS: Array<[label: string, sql: string]> = [
  [
    'sequence',
    `select n.nspname, c.relname, c.relacl::text from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = any($1) and c.relkind = 'S' order by 1, 2`,
  ],
  [
    'function-comment',
    `select n.nspname, p.proname, pg_get_function_identity_arguments(p.oid), obj_description(p.oid, 'pg_proc')
       from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname = any($1) order by 1, 2, 3`,
  ],
  [
    'default-acl',
    `select pg_get_userbyid(d.defaclrole), n.nspname, d.defaclobjtype, d.defaclacl::text
       from pg_default_acl d left join pg_namespace n on n.oid = d.defaclnamespace
      where n.nspname is null or n.nspname = any($1) order by 1, 2, 3`,
  ],
  [
    'role-setting',
    `select r.rolname, s.setdatabase = 0 as every_database, s.setconfig::text
       from pg_db_role_setting s join pg_roles r on r.oid = s.setrole
      where s.setdatabase in (0, (select oid from pg_database where datname = current_database())) and $1::text[] is not null order by 1, 2`,
  ],
];

/**
 * A text snapshot of everything a migration can create or change in the given schemas:
 * columns, constraints (and whether validated), indexes, policies, functions, triggers,
 * grants, RLS flags and comments; with `effects`, also default privileges, role settings and
 * the rows of some tables. Two equal snapshots mean the same schema for every purpose here.
 */
export async function catalogSnapshot(client: pg.Client, options: SnapshotOptions = {}): Promise<string[]> {
  const schemas = options.schemas ?? ['public', 'private'];
  const lines: string[] = [];
  const sections = options.effects ? [...SECTIONS, ...EFFECT_SECTIONS] : SECTIONS;
  for (const [label, sql] of sections) {
    const { rows } = await client.query(sql, [schemas]);
    for (const row of rows) lines.push(`${label} ${Object.values(row).map((v) => JSON.stringify(v)).join(' ')}`);
  }
  for (const table of options.effects?.tables ?? []) {
    const { rows } = await client.query<{ name: string | null }>(
      `select quote_ident(n.nspname) || '.' || quote_ident(c.relname) as name
         from pg_class c join pg_namespace n on n.oid = c.relnamespace where c.oid = to_regclass($1)`,
      [table],
    );
    const name = rows[0]?.name;
    if (!name) continue;
    // Without time columns: seeded rows carry the time they were inserted (created_at default now()).
    const { rows: times } = await client.query<{ names: string[] }>(
      `select coalesce(array_agg(attname::text), '{}') as names from pg_attribute
        where attrelid = to_regclass($1) and attnum > 0 and not attisdropped and atttypid in ('timestamptz'::regtype, 'timestamp'::regtype, 'date'::regtype)`,
      [name],
    );
    const data = await client.query(
      `select count(*)::int as n, md5(coalesce(string_agg((to_jsonb(t) - $1::text[])::text, E'\\n' order by (to_jsonb(t) - $1::text[])::text), '')) as rows from ${name} t`,
      [times[0]!.names],
    );
    lines.push(`rows ${table} ${JSON.stringify(data.rows[0])}`);
  }
  return lines;
}
