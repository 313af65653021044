import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readMigrations } from '../src/migration-files.js';
import { stripComments } from '../src/split-statements.js';
import { cliSplitProblems } from '../src/cli-split-lint.js';

const README = readFileSync(fileURLToPath(new URL('../README.md', import.meta.url)), 'utf8');
const BASELINE = '20260212000000';
/** The work order's files: its SQL as written, so its own style findings are waived. */
const VERBATIM = ['20260212141500', '20260212142000', '20260212142500', '20260212143000'];
const migrations = readMigrations();
const later = migrations.filter((m) => m.version > BASELINE);

interface Violation {
  file: string;
  line: number;
  rule: string;
  statement: string;
}

/**
 * Additive-only after the baseline: no DROP, RENAME or ALTER TYPE. The one exception is
 * dropping a policy or constraint and creating it again, under the same name, in the same
 * file; each such use must be listed in the package README.
 */
function additiveViolations(): { violations: Violation[]; recreated: string[] } {
  const violations: Violation[] = [];
  const recreated: string[] = [];
  for (const file of later) {
    const texts = file.statements.map((s) => ({ ...s, text: stripComments(s.sql).replace(/\s+/g, ' ').trim().toLowerCase() }));
    const whole = texts.map((t) => t.text).join(';\n');
    for (const s of texts) {
      const flag = (rule: string) => violations.push({ file: file.file, line: s.line, rule, statement: s.text.slice(0, 120) });
      if (/\brename\b/.test(s.text)) flag('rename');
      if (/\balter\s+(column\s+)?\S+\s+(set\s+data\s+)?type\b/.test(s.text) || /^alter\s+type\b/.test(s.text)) flag('alter type');
      for (const m of s.text.matchAll(/\bdrop\s+(policy|constraint)\s+(?:if\s+exists\s+)?("[^"]+"|[\w$]+)/g)) {
        const [, kind, name] = m;
        const again = kind === 'policy' ? new RegExp(`create\\s+policy\\s+${escape(name!)}\\s`) : new RegExp(`add\\s+constraint\\s+${escape(name!)}\\s`);
        if (again.test(whole)) recreated.push(`${file.file}: ${kind} ${name}`);
        else flag(`drop ${kind} without re-creating it in the same file`);
      }
      const other = s.text.replace(/\bdrop\s+(policy|constraint)\s+(?:if\s+exists\s+)?("[^"]+"|[\w$]+)/g, '');
      if (/\bdrop\s+(table|column|index|view|materialized|function|schema|type|trigger|sequence|extension|role|owned|database)\b/.test(other)) flag('drop');
      if (/^truncate\b/.test(s.text)) flag('truncate');
    }
  }
  return { violations, recreated };
}

function escape(name: string): string {
  return name.replace(/[.*+?^${}()|[\]\\"]/g, '\\$&');
}

describe('additive-only migrations', () => {
  it('has no DROP, RENAME or ALTER TYPE after the baseline, except re-creating a policy or constraint in one file', () => {
    expect(additiveViolations().violations).toEqual([]);
  });

  it('lists every re-created policy or constraint in the package README', () => {
    const { recreated } = additiveViolations();
    const unlisted = recreated.filter((entry) => {
      const name = entry.split(' ').pop()!.replace(/"/g, '');
      return !README.includes(name);
    });
    expect(unlisted).toEqual([]);
  });

  it('validates a NOT VALID constraint in a later file, never the same one', () => {
    const problems: string[] = [];
    for (const file of migrations) {
      const text = stripComments(file.statements.map((s) => s.sql).join(';\n')).toLowerCase();
      for (const m of text.matchAll(/add\s+constraint\s+([\w$]+)[^;]*?\bnot\s+valid\b/g)) {
        const name = m[1]!;
        if (new RegExp(`validate\\s+constraint\\s+${name}\\b`).test(text)) problems.push(`${file.file}: ${name} validated in the same file`);
        const validatedLater = migrations.some(
          (f) => f.version > file.version && new RegExp(`validate\\s+constraint\\s+${name}\\b`).test(f.statements.map((s) => s.sql.toLowerCase()).join(';')),
        );
        if (!validatedLater) problems.push(`${file.file}: ${name} is never validated`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('the rule can fail: a DROP COLUMN, a RENAME and an ALTER TYPE are caught', () => {
    const text = 'alter table x drop column y; alter table x rename to z; alter table x alter column y type bigint'.split(';');
    const caught = text.filter((t) => /\bdrop\s+column\b|\brename\b|\balter\s+column\s+\S+\s+type\b/.test(t.toLowerCase()));
    expect(caught).toHaveLength(3);
  });
});

const require = createRequire(import.meta.url);
const SQUAWK = join(dirname(require.resolve('squawk-cli/package.json')), 'js', 'bin', 'squawk');

function squawk(files: string[], exclude: string[]): string {
  try {
    return execFileSync(process.execPath, [SQUAWK, '--reporter', 'gcc', '--assume-in-transaction', '--pg-version=17.0', `--exclude=${exclude.join(',')}`, ...files], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
  } catch (error) {
    return String((error as { stdout?: string }).stdout ?? error);
  }
}

describe('squawk', () => {
  // Exclusions and their reasons are listed in packages/migrations/README.md ("squawk").
  it('finds nothing in the work order files beyond the waived style rules', () => {
    const files = migrations.filter((m) => VERBATIM.includes(m.version) || m.version === BASELINE).map((m) => m.path);
    expect(squawk(files, ['prefer-bigint-over-int', 'require-lock-timeout', 'require-statement-timeout']).trim()).toBe('');
  });

  it('finds nothing in our own migrations beyond the documented exclusions', () => {
    const files = later.filter((m) => !VERBATIM.includes(m.version)).map((m) => m.path);
    const exclusions = [
      'require-concurrent-index-creation',
      'adding-foreign-key-constraint',
      'constraint-missing-not-valid',
      'disallowed-unique-constraint',
      'adding-field-with-default',
    ];
    expect(squawk(files, exclusions).trim()).toBe('');
  });
});

describe('SQL the Supabase CLI splits as Postgres does', () => {
  it('no migration file (nor the seed) holds SQL the CLI would split differently from Postgres', () => {
    const found = [...migrations.map((m) => m.path), fileURLToPath(new URL('../supabase/seed.sql', import.meta.url))].flatMap((path) =>
      cliSplitProblems(readFileSync(path, 'utf8')).map((p) => `${path}:${p.line}: ${p.message}`),
    );
    expect(found).toEqual([]);
  });

  it('the rule can fail: each known mis-split is refused, with its line', () => {
    const refused = {
      "select 1;\nselect E'it\\'s; here';": [2],
      'select a$b$c; select 2; $b$;': [1],
      'create function f() returns int language sql\nbegin atomic\n  select legend from t;\n  select 1;\nend;': [3],
      'create function f() returns int language sql begin atomic select case when true then 1 end; end;': [1],
      'select 1 \\; select 2;': [1],
      'select 1 /*/ ; */;': [1],
      '-- pg-delta: transaction=false\nselect 1;': [1],
    };
    for (const [sql, lines] of Object.entries(refused)) expect([...new Set(cliSplitProblems(sql).map((p) => p.line))], sql).toEqual(lines);
    const accepted = [
      "select 'it''s; fine'; -- trailing comment\n",
      'do $$ begin perform 1; end $$;',
      'create function f() returns int language sql begin atomic select 1; select 2; end;',
      'create rule r as on update to t do (notify t; select 1);',
      'select "a;b" from t /* ; */;',
    ];
    for (const sql of accepted) expect(cliSplitProblems(sql), sql).toEqual([]);
  });
});
