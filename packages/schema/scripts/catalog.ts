/**
 * Reads what the generators need from a migrated database's catalog (pg_class,
 * pg_attribute, pg_constraint, pg_policies, information_schema grants), sorted so the
 * output never depends on heap order.
 */
import type pg from 'pg';

export interface Column {
  name: string;
  position: number;
  /** `format_type()`: `numeric(5,2)`, `text[]`, `timestamp with time zone`. */
  sqlType: string;
  /** Base type name (`int4`, `numeric`, `text`; the element type for arrays). */
  udt: string;
  isArray: boolean;
  /** numeric precision/scale, or varchar/char length, from the type modifier. */
  precision: number | null;
  scale: number | null;
  length: number | null;
  /** Labels when the (element) type is a Postgres enum. */
  enumLabels: string[] | null;
  notNull: boolean;
  defaultExpr: string | null;
  identity: 'ALWAYS' | 'BY DEFAULT' | null;
  generated: boolean;
  comment: string | null;
}

export interface Constraint {
  name: string;
  type: 'p' | 'u' | 'f' | 'c' | 'x';
  columns: string[];
  definition: string;
  validated: boolean;
  /** Foreign keys only. */
  references: { schema: string; table: string; columns: string[] } | null;
  comment: string | null;
}

export interface Policy {
  name: string;
  command: string;
  permissive: boolean;
  roles: string[];
  using: string | null;
  withCheck: string | null;
}

export interface Table {
  name: string;
  comment: string | null;
  rls: boolean;
  forceRls: boolean;
  columns: Column[];
  constraints: Constraint[];
  policies: Policy[];
  /** role -> privileges (SELECT, INSERT, ...), for the API roles. */
  grants: Record<string, string[]>;
}

export const API_ROLES = ['anon', 'authenticated', 'service_role'] as const;

const byName = <T extends { name: string }>(a: T, b: T) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

export async function readCatalog(client: pg.ClientBase, schema = 'public'): Promise<Table[]> {
  const tables = await client.query<{ name: string; comment: string | null; rls: boolean; force_rls: boolean }>(
    `select c.relname as name, obj_description(c.oid, 'pg_class') as comment,
            c.relrowsecurity as rls, c.relforcerowsecurity as force_rls
       from pg_class c
       join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = $1 and c.relkind in ('r', 'p') and not c.relispartition
      order by c.relname collate "C"`,
    [schema],
  );

  const columns = await client.query<{
    table: string;
    name: string;
    position: number;
    sql_type: string;
    udt: string;
    is_array: boolean;
    typmod: number;
    enum_labels: string[] | null;
    not_null: boolean;
    default_expr: string | null;
    identity: string;
    generated: string;
    comment: string | null;
  }>(
    `select c.relname as table, a.attname as name, a.attnum as position,
            format_type(a.atttypid, a.atttypmod) as sql_type,
            coalesce(bt.typname, et.typname, t.typname) as udt,
            t.typcategory = 'A' as is_array,
            a.atttypmod as typmod,
            (select array_agg(e.enumlabel::text order by e.enumsortorder)
               from pg_enum e where e.enumtypid = coalesce(nullif(t.typelem, 0), t.oid)
                 and t.typcategory in ('A', 'E')) as enum_labels,
            a.attnotnull as not_null,
            pg_get_expr(d.adbin, d.adrelid) as default_expr,
            a.attidentity as identity,
            a.attgenerated as generated,
            col_description(c.oid, a.attnum) as comment
       from pg_attribute a
       join pg_class c on c.oid = a.attrelid
       join pg_namespace n on n.oid = c.relnamespace
       join pg_type t on t.oid = a.atttypid
       left join pg_type et on et.oid = t.typelem and t.typcategory = 'A'
       left join pg_type bt on bt.oid = coalesce(et.typbasetype, t.typbasetype) and coalesce(et.typtype, t.typtype) = 'd'
       left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum and a.attgenerated = ''
      where n.nspname = $1 and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped
      order by c.relname collate "C", a.attnum`,
    [schema],
  );

  const constraints = await client.query<{
    table: string;
    name: string;
    type: Constraint['type'];
    columns: string[] | null;
    definition: string;
    validated: boolean;
    ref_schema: string | null;
    ref_table: string | null;
    ref_columns: string[] | null;
    comment: string | null;
  }>(
    `select c.relname as table, k.conname as name, k.contype as type,
            (select array_agg(a.attname::text order by u.ord)
               from unnest(k.conkey) with ordinality u(attnum, ord)
               join pg_attribute a on a.attrelid = k.conrelid and a.attnum = u.attnum) as columns,
            pg_get_constraintdef(k.oid) as definition,
            k.convalidated as validated,
            rn.nspname as ref_schema, rc.relname as ref_table,
            (select array_agg(a.attname::text order by u.ord)
               from unnest(k.confkey) with ordinality u(attnum, ord)
               join pg_attribute a on a.attrelid = k.confrelid and a.attnum = u.attnum) as ref_columns,
            obj_description(k.oid, 'pg_constraint') as comment
       from pg_constraint k
       join pg_class c on c.oid = k.conrelid
       join pg_namespace n on n.oid = c.relnamespace
       left join pg_class rc on rc.oid = k.confrelid
       left join pg_namespace rn on rn.oid = rc.relnamespace
      where n.nspname = $1 and k.contype in ('p', 'u', 'f', 'c', 'x')
      order by c.relname collate "C", k.conname collate "C"`,
    [schema],
  );

  const policies = await client.query<{
    table: string;
    name: string;
    command: string;
    permissive: string;
    roles: string[];
    using: string | null;
    with_check: string | null;
  }>(
    `select tablename as table, policyname as name, cmd as command, permissive,
            roles::text[] as roles, qual as using, with_check
       from pg_policies where schemaname = $1
      order by tablename collate "C", policyname collate "C"`,
    [schema],
  );

  const grants = await client.query<{ table: string; role: string; privileges: string[] }>(
    `select table_name as table, grantee as role,
            array_agg(privilege_type::text order by privilege_type::text) as privileges
       from information_schema.role_table_grants
      where table_schema = $1 and grantee = any($2)
      group by table_name, grantee`,
    [schema, [...API_ROLES]],
  );

  return tables.rows.map((t) => {
    const tableGrants: Record<string, string[]> = {};
    for (const role of API_ROLES) {
      tableGrants[role] = grants.rows.find((g) => g.table === t.name && g.role === role)?.privileges ?? [];
    }
    return {
      name: t.name,
      comment: t.comment,
      rls: t.rls,
      forceRls: t.force_rls,
      columns: columns.rows
        .filter((c) => c.table === t.name)
        .map((c): Column => {
          const modifier = c.typmod >= 4 ? c.typmod - 4 : null;
          const isNumeric = c.udt === 'numeric' && modifier !== null;
          const isChar = (c.udt === 'varchar' || c.udt === 'bpchar') && modifier !== null;
          return {
            name: c.name,
            position: c.position,
            sqlType: c.sql_type,
            udt: c.udt,
            isArray: c.is_array,
            precision: isNumeric ? (modifier >> 16) & 0xffff : null,
            scale: isNumeric ? modifier & 0xffff : null,
            length: isChar ? modifier : null,
            enumLabels: c.enum_labels,
            notNull: c.not_null,
            defaultExpr: c.default_expr,
            identity: c.identity === 'a' ? 'ALWAYS' : c.identity === 'd' ? 'BY DEFAULT' : null,
            generated: c.generated !== '',
            comment: c.comment,
          };
        }),
      constraints: constraints.rows
        .filter((k) => k.table === t.name)
        .map(
          (k): Constraint => ({
            name: k.name,
            type: k.type,
            columns: k.columns ?? [],
            definition: k.definition,
            validated: k.validated,
            references:
              k.type === 'f' ? { schema: k.ref_schema!, table: k.ref_table!, columns: k.ref_columns ?? [] } : null,
            comment: k.comment,
          }),
        )
        .sort(byName),
      policies: policies.rows
        .filter((p) => p.table === t.name)
        .map((p) => ({
          name: p.name,
          command: p.command,
          permissive: p.permissive === 'PERMISSIVE',
          roles: [...p.roles].sort(),
          using: p.using,
          withCheck: p.with_check,
        }))
        .sort(byName),
      grants: tableGrants,
    };
  });
}

/** Values of a reference table's column, in id order: the rows its migrations seed. */
export async function readColumnValues(client: pg.ClientBase, table: string, column: string, orderBy: string) {
  const { rows } = await client.query<{ value: string }>(
    `select ${quoteIdent(column)}::text as value from public.${quoteIdent(table)} order by ${quoteIdent(orderBy)}`,
  );
  return rows.map((r) => r.value);
}

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
