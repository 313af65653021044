import { describe, expect, it } from 'vitest';
import { splitStatements } from '../src/split-statements.js';

describe('splitStatements', () => {
  it('splits on top-level semicolons and reports start lines', () => {
    const out = splitStatements('create table a (id int);\n\n-- note\ninsert into a values (1);\n');
    expect(out).toEqual([
      { sql: 'create table a (id int)', line: 1 },
      { sql: '-- note\ninsert into a values (1)', line: 3 },
    ]);
  });

  it('keeps semicolons inside strings, identifiers, comments and dollar quotes', () => {
    const sql = [
      "insert into t values ('a;b', E'c\\';d')",
      'select 1 as "x;y"',
      '/* outer /* nested; */ still; */ select 2',
      'create function f() returns int language sql as $body$ select 1; select 2; $body$',
      'do $$ begin perform 1; end $$',
    ].join(';\n');
    const out = splitStatements(`${sql};`);
    expect(out.map((s) => s.line)).toEqual([1, 2, 3, 4, 5]);
    expect(out[3]!.sql).toContain('select 1; select 2;');
    expect(out[0]!.sql).toBe("insert into t values ('a;b', E'c\\';d')");
  });

  it('drops fragments that are only comments', () => {
    expect(splitStatements('-- only a comment\n/* and this */\n')).toEqual([]);
  });
});
