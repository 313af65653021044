/** Renders SCHEMA.md: ER diagram, then per table its columns, checks, RLS and grants. */
import { API_ROLES, type Column, type Constraint, type Table } from './catalog.js';
import type { CheckInfo, Model } from './render-validators.js';
import { validatorNames } from './render-validators.js';

const cell = (text: string | null | undefined) =>
  text ? text.replaceAll('|', '\\|').replaceAll('\n', ' ') : '';
const code = (text: string) => `\`${text.replaceAll('`', "'")}\``;

function mermaidType(column: Column): string {
  const base = column.sqlType
    .replace(/\(.*\)/, '')
    .replace('timestamp with time zone', 'timestamptz')
    .replace('timestamp without time zone', 'timestamp')
    .replace('character varying', 'varchar')
    .replace('double precision', 'float8')
    .replace(/\s+/g, '_');
  return base;
}

function entityName(schema: string, table: string): string {
  return schema === 'public' ? table : `${schema}_${table}`;
}

function covers(constraint: Constraint, columns: string[]): boolean {
  return constraint.columns.length === columns.length && constraint.columns.every((c) => columns.includes(c));
}

function renderDiagram(tables: Table[]): string {
  const lines = ['```mermaid', 'erDiagram'];
  const external = new Map<string, Set<string>>();
  const relations: string[] = [];
  for (const table of tables) {
    for (const fk of table.constraints.filter((c) => c.type === 'f')) {
      const ref = fk.references!;
      if (ref.schema !== 'public') {
        const key = `${ref.schema}.${ref.table}`;
        const cols = external.get(key) ?? new Set<string>();
        ref.columns.forEach((c) => cols.add(c));
        external.set(key, cols);
      }
      const fkColumns = table.columns.filter((c) => fk.columns.includes(c.name));
      const required = fkColumns.every((c) => c.notNull);
      const unique = table.constraints.some((k) => (k.type === 'u' || k.type === 'p') && covers(k, fk.columns));
      const parent = required ? '||' : '|o';
      const child = unique ? 'o|' : 'o{';
      relations.push(
        `  ${entityName(ref.schema, ref.table)} ${parent}--${child} ${table.name} : "${fk.columns.join(', ')}"`,
      );
    }
  }
  for (const [name, cols] of [...external].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const [schema, table] = name.split('.') as [string, string];
    lines.push(`  ${entityName(schema, table)} {`);
    for (const col of [...cols].sort()) lines.push(`    uuid ${col} PK "external: ${name}"`);
    lines.push('  }');
  }
  for (const table of tables) {
    lines.push(`  ${table.name} {`);
    for (const column of table.columns) {
      const keys: string[] = [];
      const has = (type: Constraint['type']) =>
        table.constraints.some((k) => k.type === type && k.columns.includes(column.name));
      if (has('p')) keys.push('PK');
      if (has('f')) keys.push('FK');
      if (table.constraints.some((k) => k.type === 'u' && k.columns.length === 1 && k.columns[0] === column.name)) {
        keys.push('UK');
      }
      const type = mermaidType(column) + (column.isArray && !mermaidType(column).endsWith('[]') ? '[]' : '');
      lines.push(`    ${type} ${column.name}${keys.length ? ` ${keys.join(', ')}` : ''}`);
    }
    lines.push('  }');
  }
  lines.push(...relations.sort(), '```');
  return lines.join('\n');
}

function columnConstraints(table: Table, column: Column): string[] {
  const out: string[] = [];
  for (const k of table.constraints) {
    if (!k.columns.includes(column.name)) continue;
    const shared = k.columns.length > 1 ? ` (${k.columns.join(', ')})` : '';
    if (k.type === 'p') out.push(`PK${shared}`);
    if (k.type === 'u') out.push(`UNIQUE${shared}`);
    if (k.type === 'f') {
      const ref = k.references!;
      const onDelete = /ON DELETE (SET NULL|SET DEFAULT|CASCADE|RESTRICT)/.exec(k.definition)?.[1];
      out.push(
        `FK → ${ref.schema === 'public' ? '' : `${ref.schema}.`}${ref.table}.${ref.columns.join(', ')}${onDelete ? ` on delete ${onDelete.toLowerCase()}` : ''}`,
      );
    }
    if (k.type === 'c' && k.columns.length === 1) out.push(code(k.definition));
  }
  return out;
}

function defaultText(column: Column): string {
  if (column.identity) return `identity (${column.identity.toLowerCase()})`;
  if (column.generated) return 'generated';
  return column.defaultExpr ? code(column.defaultExpr) : '';
}

function checkHandling(check: CheckInfo): string {
  const t = check.translation;
  if (!t.expressed) return `Left to the database (the generator cannot read it: ${t.reason})`;
  const parts: string[] = [];
  for (const rule of t.columnRules) {
    if (rule.kind === 'values') {
      const constant = check.valueLists.find((v) => v.column === rule.column)?.constant;
      parts.push(`\`${rule.column}\` is one of ${constant ? `\`${constant}\`` : 'a value list'}`);
    } else if (rule.kind === 'range') {
      parts.push(`\`${rule.column}\` ${rule.op} ${rule.value}`);
    } else {
      parts.push(`\`${rule.column}\` has ${rule.op} ${rule.value} characters (code points)`);
    }
  }
  for (const rule of t.rowRules) {
    parts.push(
      `\`${rule.left}\` ${rule.op} \`${rule.right}\` as a row refinement (judged when both are present and not null)`,
    );
  }
  return `Validators: ${parts.join('; ')}`;
}

const COMMAND_WORDS: Record<string, string> = {
  SELECT: 'read',
  INSERT: 'insert',
  UPDATE: 'update',
  DELETE: 'delete',
  ALL: 'read, insert, update and delete',
};

function renderPolicy(policy: Table['policies'][number]): string {
  const roles = policy.roles.map((r) => (r === 'public' ? 'every role' : code(r))).join(', ');
  const rows = (expr: string) => (expr === 'true' ? 'every row' : `the rows where ${code(expr)}`);
  const verb = COMMAND_WORDS[policy.command] ?? policy.command.toLowerCase();
  let sentence: string;
  if (policy.command === 'INSERT') {
    sentence = `lets ${roles} insert ${policy.withCheck === null ? 'any row' : rows(policy.withCheck)}`;
  } else {
    sentence = `lets ${roles} ${verb} ${policy.using === null ? 'no row' : rows(policy.using)}`;
    if (policy.withCheck !== null) sentence += `, provided the written row satisfies ${code(policy.withCheck)}`;
  }
  const kind = policy.permissive ? 'permissive' : 'restrictive';
  return `- **${code(policy.name)}** (${policy.command}, ${kind}): ${sentence}.`;
}

function renderTable(table: Table, model: Model): string {
  const checks = model.checks.filter((c) => c.table === table.name);
  const names = validatorNames(table.name);
  const out = [`## ${table.name}`, '', table.comment ?? '_No comment._', ''];
  out.push(`Validators: ${code(names.Row)}, ${code(names.Insert)}, ${code(names.Update)}.`, '');
  out.push('| column | type | nullable | default | constraints | comment |', '|---|---|---|---|---|---|');
  for (const column of table.columns) {
    out.push(
      `| ${code(column.name)} | ${code(column.sqlType)} | ${column.notNull ? 'no' : 'yes'} | ${cell(defaultText(column))} | ${cell(columnConstraints(table, column).join('; '))} | ${cell(column.comment)} |`,
    );
  }
  const multi = table.constraints.filter((k) => (k.type === 'u' || k.type === 'x') && k.columns.length > 1);
  if (checks.length || multi.length) {
    out.push('', '### Constraints', '');
    for (const k of multi) out.push(`- ${code(k.name)}: ${code(k.definition)}`);
    for (const check of checks) {
      out.push(`- ${code(check.name)}: ${code(check.definition)}. ${checkHandling(check)}.`);
    }
  }
  out.push('', '### Row-level security', '');
  out.push(
    table.rls
      ? `RLS is enabled${table.forceRls ? ' and forced' : ''}: a role without a policy for a command sees or changes no rows. \`service_role\` bypasses RLS.`
      : '**RLS is disabled**: privileges alone decide access.',
  );
  if (table.policies.length) {
    out.push('');
    for (const policy of table.policies) out.push(renderPolicy(policy));
  } else if (table.rls) {
    out.push('', 'No policies: only roles that bypass RLS reach its rows.');
  }
  out.push('', '### Privileges', '', '| role | privileges |', '|---|---|');
  for (const role of API_ROLES) {
    const privileges = table.grants[role] ?? [];
    out.push(`| ${code(role)} | ${privileges.length ? privileges.join(', ') : 'none'} |`);
  }
  return out.join('\n');
}

export function renderSchemaMd(model: Model): string {
  const out = [
    '<!-- This file is generated by `pnpm gen` (packages/schema/scripts/generate.ts) from a database migrated from scratch. Do not edit it by hand: change the migrations, then run `pnpm gen`. -->',
    '',
    '# PPN database schema (`public`)',
    '',
    '> Generated by `pnpm gen` from a database migrated from scratch; do not edit by hand. CI runs',
    '> `pnpm gen:check` and fails when this file, `src/database.types.ts` or the validators differ',
    '> from what the migrations produce.',
    '',
    `Tables: ${model.tables.map((t) => `[${code(t.name)}](#${t.name})`).join(', ')}.`,
    '',
    'Relationships (`auth_users` is Supabase Auth\'s `auth.users`, outside this schema):',
    '',
    renderDiagram(model.tables),
    '',
    '## CHECK constraints and the validators',
    '',
    'Every CHECK constraint in `public`, and how the generated zod validators carry it. A constraint',
    'the generator cannot read is left to the database: the validators accept what it refuses, and',
    'the API answers 400 (23514) instead.',
    '',
    '| table | constraint | definition | validators |',
    '|---|---|---|---|',
    ...model.checks.map(
      (c) => `| ${code(c.table)} | ${code(c.name)} | ${cell(code(c.definition))} | ${cell(checkHandling(c))} |`,
    ),
    '',
  ];
  for (const table of model.tables) out.push(renderTable(table, model), '');
  return `${out.join('\n').trimEnd()}\n`;
}
