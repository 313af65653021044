import { splitStatements } from './split-statements.js';

/** A place in a migration file where the Supabase CLI and Postgres read the SQL differently. */
export interface SplitProblem {
  line: number;
  message: string;
}

/** The CLI runs such a file outside a transaction; `ppn-migrate` never does. */
const NO_TRANSACTION_MARKER = '-- pg-delta: transaction=false';

/**
 * Finds SQL that the Supabase CLI splits differently from Postgres: each statement the CLI
 * would record and send (one per request, in the extended protocol) must be exactly one
 * complete statement as Postgres's own lexer reads it: no string, quoted identifier, dollar
 * quote, comment, parenthesis or `BEGIN ATOMIC` body left open, and no `;` that ends a
 * statement inside it. `E'it\'s;'` (the CLI does not know backslash escapes), `a$b$` (it
 * opens a dollar quote inside an identifier) and a word such as `legend` in a
 * `BEGIN ATOMIC` body (it ends the body at "end") are the usual culprits. Also refused: the
 * CLI's marker for running a file outside a transaction, and text that is not UTF-8.
 *
 * @example
 * ```ts
 * import { cliSplitProblems } from '@ppn/migrations';
 * cliSplitProblems("select E'it\\'s; here';"); // [{ line: 1, message: 'the Supabase CLI ends a statement inside a string ...' }]
 * ```
 */
export function cliSplitProblems(source: string): SplitProblem[] {
  const problems: SplitProblem[] = [];
  if (source.includes('\uFFFD')) problems.push({ line: lineOf(source, source.indexOf('\uFFFD')), message: 'not valid UTF-8 (or contains U+FFFD)' });
  const firstLine = source.replace(/^\uFEFF/u, '').split('\n', 1)[0]!.replace(/\r$/u, '');
  if (firstLine === NO_TRANSACTION_MARKER) {
    problems.push({ line: 1, message: `"${NO_TRANSACTION_MARKER}" makes the Supabase CLI run the file outside a transaction; ppn-migrate runs every file in one` });
  }
  for (const statement of splitStatements(source)) {
    const problem = postgresReading(statement.sql);
    if (problem) problems.push({ line: statement.line + problem.lineOffset, message: problem.message });
  }
  return problems;
}

function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

const IDENT_START = /[A-Za-z_\u0080-\uffff]/u;
const IDENT_CHAR = /[A-Za-z0-9_$\u0080-\uffff]/u;

/**
 * Reads one statement as Postgres's lexer (with psql's statement-boundary rules) would and
 * says what is wrong with it as a single statement, or null.
 */
function postgresReading(sql: string): { lineOffset: number; message: string } | null {
  let parens = 0;
  let beginDepth = 0;
  const words: string[] = [];
  const fail = (at: number, message: string) => ({ lineOffset: lineOf(sql, at) - 1, message });
  let i = 0;
  while (i < sql.length) {
    const ch = sql[i]!;
    const rest = sql.slice(i);
    if (rest.startsWith('--')) {
      const nl = sql.indexOf('\n', i);
      i = nl === -1 ? sql.length : nl + 1;
    } else if (rest.startsWith('/*')) {
      let depth = 0;
      let j = i;
      for (; j < sql.length; ) {
        if (sql.startsWith('/*', j)) (depth++, (j += 2));
        else if (sql.startsWith('*/', j)) {
          depth--;
          j += 2;
          if (depth === 0) break;
        } else j++;
      }
      if (depth !== 0) return fail(i, 'the Supabase CLI ends a statement inside a block comment');
      i = j;
    } else if (ch === "'") {
      const escapes = i > 0 && /[eE]/u.test(sql[i - 1]!) && !IDENT_CHAR.test(sql[i - 2] ?? ' ');
      const end = closeQuote(sql, i, "'", escapes);
      if (end < 0) return fail(i, 'the Supabase CLI ends a statement inside a string (backslash escapes in E\'...\' strings are not known to it)');
      i = end;
    } else if (ch === '"') {
      const end = closeQuote(sql, i, '"', false);
      if (end < 0) return fail(i, 'the Supabase CLI ends a statement inside a quoted identifier');
      i = end;
    } else if (ch === '$' && !IDENT_CHAR.test(sql[i - 1] ?? ' ') && /^\$(?:[A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/u.test(rest)) {
      const tag = /^\$(?:[A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/u.exec(rest)![0];
      const close = sql.indexOf(tag, i + tag.length);
      if (close < 0) return fail(i, `the Supabase CLI ends a statement inside a ${tag} quote`);
      i = close + tag.length;
    } else if (IDENT_START.test(ch)) {
      let j = i + 1;
      while (j < sql.length && IDENT_CHAR.test(sql[j]!)) j++;
      const word = sql.slice(i, j).toLowerCase();
      // psql's heuristic: inside CREATE [OR REPLACE] FUNCTION|PROCEDURE, BEGIN/CASE ... END nest.
      words.push(word);
      const [a, b, c, d] = words;
      const routine = a === 'create' && (b === 'function' || b === 'procedure' || (b === 'or' && c === 'replace' && (d === 'function' || d === 'procedure')));
      if (routine && parens === 0) {
        if (word === 'begin') beginDepth++;
        else if (word === 'case' && beginDepth > 0) beginDepth++;
        else if (word === 'end' && beginDepth > 0) beginDepth--;
      }
      i = j;
    } else if (/[0-9]/u.test(ch)) {
      let j = i + 1;
      while (j < sql.length && /[0-9A-Za-z_.]/u.test(sql[j]!)) j++;
      i = j;
    } else {
      if (ch === '(') parens++;
      else if (ch === ')') parens = Math.max(0, parens - 1);
      else if (ch === ';' && parens === 0 && beginDepth === 0) {
        return fail(i, 'the Supabase CLI sends two statements as one here (its splitter missed this ";")');
      } else if (ch === '\\') {
        return fail(i, 'a backslash outside a string: the Supabase CLI takes the next character as escaped');
      }
      i++;
    }
  }
  if (parens > 0) return fail(sql.length, 'the Supabase CLI ends a statement inside parentheses');
  if (beginDepth > 0) return fail(sql.length, 'the Supabase CLI ends a statement inside a BEGIN ATOMIC body (a word ending in "end" closes it for the CLI)');
  return null;
}

/** The offset after the closing quote, or -1 when the text ends first. */
function closeQuote(sql: string, from: number, quote: string, backslashEscapes: boolean): number {
  for (let i = from + 1; i < sql.length; i++) {
    if (backslashEscapes && sql[i] === '\\') i++;
    else if (sql[i] === quote) {
      if (sql[i + 1] === quote) i++;
      else return i + 1;
    }
  }
  return -1;
}
