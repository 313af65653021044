import { describe, expect, it } from 'vitest';
import { splitStatements } from '../src/split-statements.js';

/**
 * The rules of the Supabase CLI's splitter, one example each. test/supabase-cli.test.ts checks
 * these and more (test/fixtures/cli-split/cases.json) against the real CLI.
 */
describe('splitStatements', () => {
  it('splits on top-level semicolons, trims, and reports start lines', () => {
    expect(splitStatements('create table a (id int);\n\n-- note\ninsert into a values (1);\n')).toEqual([
      { sql: 'create table a (id int)', line: 1 },
      { sql: '-- note\ninsert into a values (1)', line: 3 },
    ]);
  });

  it('keeps a comment-only fragment (the CLI records it and Postgres runs it as an empty query) and drops empty ones', () => {
    // The ";" inside the comment does not split, and only a trailing ";" of the raw fragment is trimmed.
    expect(splitStatements('select 1;\n-- To rollback: drop table x;\n').map((s) => s.sql)).toEqual(['select 1', '-- To rollback: drop table x;']);
    expect(splitStatements(' ;\n;;  \n')).toEqual([]);
    expect(splitStatements('/* only */').map((s) => s.sql)).toEqual(['/* only */']);
  });

  it('keeps semicolons inside strings, identifiers, comments, dollar quotes, parentheses and BEGIN ATOMIC bodies', () => {
    const sql = [
      "insert into t values ('a;b', 'it''s;')",
      'select 1 as "x;y"',
      '/* outer /* nested; */ still; */ select 2',
      'create function f() returns int language sql as $body$ select 1; select 2; $body$',
      'create rule r as on update to t do (notify t; select 1)',
      'create function g() returns int language sql begin atomic select 1; select 2; end',
    ].join(';\n');
    const out = splitStatements(`${sql};`);
    expect(out.map((s) => s.line)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('reproduces the CLI where it differs from Postgres', () => {
    // No backslash escapes in E'' strings: the CLI splits inside the string.
    expect(splitStatements("select E'it\\'s;x'").map((s) => s.sql)).toEqual(["select E'it\\'s", "x'"]);
    // A "$" inside an identifier opens a dollar quote.
    expect(splitStatements('select a$b$c; select 2; $b$ x').map((s) => s.sql)).toEqual(['select a$b$c; select 2; $b$ x']);
    // A BEGIN ATOMIC body ends at the first "end", even inside a word.
    expect(splitStatements('begin atomic select legend; select 2; end').map((s) => s.sql)).toEqual(['begin atomic select legend', 'select 2', 'end']);
    // A backslash outside quotes escapes the next character.
    expect(splitStatements('select 1 \\; select 2').map((s) => s.sql)).toEqual(['select 1 \\; select 2']);
    // JavaScript's trim: U+FEFF is trimmed, U+0085 is not.
    expect(splitStatements('\uFEFFselect 1;\u0085select 2').map((s) => s.sql)).toEqual(['select 1', '\u0085select 2']);
  });
});
