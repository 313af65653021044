import type pg from 'pg';
import { stripComments } from './split-statements.js';

/** An object a migration creates, and the catalog query that proves it exists. */
interface CatalogObject {
  /** The object's own name, unqualified, to match against names the file drops. */
  name: string;
  label: string;
  sql: string;
  params: string[];
}

const IDENT = String.raw`(?:"[^"]+"|[A-Za-z_][\w$]*)`;
const QUALIFIED = String.raw`(${IDENT}(?:\s*\.\s*${IDENT})?)`;

function unquote(name: string): string {
  return name.startsWith('"') ? name.slice(1, -1) : name.toLowerCase();
}

/** `schema.name` or `name` -> [schema, name], defaulting to public. */
function qualified(raw: string): [string, string] {
  const parts = raw.split(/\s*\.\s*/).map(unquote);
  return parts.length === 2 ? [parts[0]!, parts[1]!] : ['public', parts[0]!];
}

const relationExists = (kind: string, raw: string): CatalogObject => {
  const [schema, name] = qualified(raw);
  return {
    name,
    label: `${kind} ${schema}.${name}`,
    sql: 'select 1 from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = $1 and c.relname = $2',
    params: [schema, name],
  };
};

const RULES: Array<{ pattern: RegExp; objects: (m: RegExpExecArray, statement: string) => CatalogObject[] }> = [
  {
    pattern: new RegExp(String.raw`^create\s+(?:unlogged\s+)?table\s+(?:if\s+not\s+exists\s+)?${QUALIFIED}`, 'i'),
    objects: (m) => [relationExists('table', m[1]!)],
  },
  {
    pattern: new RegExp(String.raw`^create\s+(?:or\s+replace\s+)?(?:materialized\s+)?view\s+(?:if\s+not\s+exists\s+)?${QUALIFIED}`, 'i'),
    objects: (m) => [relationExists('view', m[1]!)],
  },
  {
    pattern: new RegExp(String.raw`^create\s+(?:unique\s+)?index\s+(?:concurrently\s+)?(?:if\s+not\s+exists\s+)?(${IDENT})\s+on\s+(?:only\s+)?${QUALIFIED}`, 'i'),
    objects: (m) => [relationExists('index', `${qualified(m[2]!)[0]}.${m[1]!}`)],
  },
  {
    pattern: new RegExp(String.raw`^create\s+policy\s+(${IDENT})\s+on\s+${QUALIFIED}`, 'i'),
    objects: (m) => {
      const [schema, table] = qualified(m[2]!);
      const name = m[1]!.startsWith('"') ? m[1]!.slice(1, -1) : m[1]!.toLowerCase();
      return [{
        name,
        label: `policy ${name} on ${schema}.${table}`,
        sql: 'select 1 from pg_policies where schemaname = $1 and tablename = $2 and policyname = $3',
        params: [schema, table, name],
      }];
    },
  },
  {
    pattern: new RegExp(String.raw`^create\s+(?:or\s+replace\s+)?function\s+${QUALIFIED}\s*\(`, 'i'),
    objects: (m) => {
      const [schema, name] = qualified(m[1]!);
      return [{
        name,
        label: `function ${schema}.${name}`,
        sql: 'select 1 from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname = $1 and p.proname = $2',
        params: [schema, name],
      }];
    },
  },
  {
    pattern: new RegExp(String.raw`^create\s+(?:or\s+replace\s+)?(?:constraint\s+)?trigger\s+(${IDENT})\s[\s\S]*?\son\s+${QUALIFIED}`, 'i'),
    objects: (m) => {
      const [schema, table] = qualified(m[2]!);
      return [{
        name: unquote(m[1]!),
        label: `trigger ${unquote(m[1]!)} on ${schema}.${table}`,
        sql: 'select 1 from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace where n.nspname = $1 and c.relname = $2 and t.tgname = $3',
        params: [schema, table, unquote(m[1]!)],
      }];
    },
  },
  {
    pattern: new RegExp(String.raw`^create\s+schema\s+(?:if\s+not\s+exists\s+)?(${IDENT})`, 'i'),
    objects: (m) => [{ name: unquote(m[1]!), label: `schema ${unquote(m[1]!)}`, sql: 'select 1 from pg_namespace where nspname = $1', params: [unquote(m[1]!)] }],
  },
  {
    pattern: new RegExp(String.raw`^alter\s+table\s+(?:if\s+exists\s+)?(?:only\s+)?${QUALIFIED}`, 'i'),
    objects: (m, statement) => {
      const [schema, table] = qualified(m[1]!);
      const found: CatalogObject[] = [];
      for (const col of statement.matchAll(new RegExp(String.raw`\badd\s+column\s+(?:if\s+not\s+exists\s+)?(${IDENT})`, 'gi'))) {
        found.push({
          name: unquote(col[1]!),
          label: `column ${schema}.${table}.${unquote(col[1]!)}`,
          sql: 'select 1 from information_schema.columns where table_schema = $1 and table_name = $2 and column_name = $3',
          params: [schema, table, unquote(col[1]!)],
        });
      }
      for (const con of statement.matchAll(new RegExp(String.raw`\badd\s+constraint\s+(${IDENT})`, 'gi'))) {
        found.push({
          name: unquote(con[1]!),
          label: `constraint ${unquote(con[1]!)} on ${schema}.${table}`,
          sql: 'select 1 from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace where n.nspname = $1 and c.relname = $2 and k.conname = $3',
          params: [schema, table, unquote(con[1]!)],
        });
      }
      return found;
    },
  },
];

/**
 * Names a file drops before re-creating them (the one allowed exception to additive-only):
 * such an object exists both before and after the file, so it proves nothing either way.
 */
function droppedNames(texts: string[]): Set<string> {
  const names = new Set<string>();
  const pattern = new RegExp(String.raw`\bdrop\s+(?:policy|constraint|trigger)\s+(?:if\s+exists\s+)?(${IDENT})`, 'gi');
  for (const text of texts) for (const m of text.matchAll(pattern)) names.add(unquote(m[1]!));
  return names;
}

/** The objects the statements create, as far as the catalog can confirm them. */
export function objectsCreatedBy(statements: string[]): CatalogObject[] {
  const texts = statements.map((s) => stripComments(s).trim());
  const dropped = droppedNames(texts);
  const objects: CatalogObject[] = [];
  for (const text of texts) {
    for (const rule of RULES) {
      const match = rule.pattern.exec(text);
      if (match) {
        objects.push(...rule.objects(match, text).filter((o) => !dropped.has(o.name)));
        break;
      }
    }
  }
  return objects;
}

/** Counts a file's catalog-checkable objects and names those that are absent. */
export async function findMissingObjects(client: pg.Client, statements: string[]): Promise<{ total: number; missing: string[] }> {
  const objects = objectsCreatedBy(statements);
  const missing: string[] = [];
  for (const object of objects) {
    const { rowCount } = await client.query(object.sql, object.params);
    if (!rowCount) missing.push(object.label);
  }
  return { total: objects.length, missing };
}
