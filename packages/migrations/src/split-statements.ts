/** One SQL statement of a migration file, with the line it starts on (1-based). */
export interface Statement {
  sql: string;
  line: number;
}

/**
 * The lexer states of the Supabase CLI's statement splitter (`pkg/parser` in supabase/cli;
 * the CLI 2.117.0 that this package pins carries the same state machine in TypeScript). The
 * CLI records what this splits, so `ppn-migrate` must split the same way, quirks included,
 * or the two tools disagree about which files changed. `test/supabase-cli-split.test.ts`
 * pins each rule against the real CLI.
 */
type State =
  | { kind: 'ready' }
  /** A `-`: a line comment if the next character is `-` too. */
  | { kind: 'dash' }
  /** A `/`: a block comment if the next character is `*`; `depth` counts nested openings. */
  | { kind: 'block'; depth: number }
  /** Inside `'...'` or `"..."`; `closing` after a quote that may end it or be doubled. */
  | { kind: 'quote'; quote: string; closing: boolean }
  /** Until the token ends with `until`: a dollar-quoted body (`$tag$`) or a line comment (`\n`). */
  | { kind: 'until'; until: string }
  /** A `$` that may open a `$tag$`; `start` is its offset in the token. */
  | { kind: 'tag'; start: number }
  /** A backslash outside quotes: the next character is taken as it is. */
  | { kind: 'escape' }
  /** Inside `(...)` or a `BEGIN ATOMIC ... END` body: `;` does not end the statement. */
  | { kind: 'nested'; inner: State; closer: string };

const READY: State = { kind: 'ready' };

const TAG_CHAR = /^[\p{L}\p{Nd}_]$/u;
const WORD_CHAR = /^[\p{L}\p{Nd}_$]$/u;

/** The statement read so far: `source` from `start` up to and including the current character. */
interface Token {
  source: string;
  start: number;
  end: number;
}

const endsWith = (t: Token, text: string) => t.end - text.length >= t.start && t.source.startsWith(text, t.end - text.length);
const endsWithWord = (t: Token, word: string) =>
  t.end - word.length >= t.start && t.source.slice(t.end - word.length, t.end).toUpperCase() === word;

/** What the CLI's tokenizer does with the character `ch`, which ends `token`. `null` ends the statement. */
function next(state: State, ch: string, token: Token): State | null {
  switch (state.kind) {
    case 'ready':
      return fromReady(ch, token);
    case 'dash':
      return ch === '-' ? { kind: 'until', until: '\n' } : fromReady(ch, token);
    case 'block':
      if (endsWith(token, '/*')) {
        state.depth += 1;
        return state;
      }
      if (state.depth === 0) return fromReady(ch, token);
      if (endsWith(token, '*/')) {
        state.depth -= 1;
        if (state.depth === 0) return READY;
      }
      return state;
    case 'quote':
      if (state.closing) {
        if (ch === state.quote) {
          state.closing = false;
          return state;
        }
        return fromReady(ch, token);
      }
      if (ch === state.quote) state.closing = true;
      return state;
    case 'until':
      return endsWith(token, state.until) ? READY : state;
    case 'tag':
      if (ch === '$') return { kind: 'until', until: token.source.slice(state.start, token.end) };
      return TAG_CHAR.test(ch) ? state : fromReady(ch, token);
    case 'escape':
      return READY;
    case 'nested': {
      const inner = next(state.inner, ch, token);
      if (inner) state.inner = inner;
      if (state.inner.kind === 'ready' && endsWithWord(token, state.closer)) return READY;
      return state;
    }
  }
}

function fromReady(ch: string, token: Token): State | null {
  switch (ch) {
    case '$':
      return { kind: 'tag', start: token.end - 1 };
    case "'":
    case '"':
      return { kind: 'quote', quote: ch, closing: false };
    case '-':
      return { kind: 'dash' };
    case '/':
      return { kind: 'block', depth: 0 };
    case '\\':
      return { kind: 'escape' };
    case ';':
      return null;
    case '(':
      return { kind: 'nested', inner: READY, closer: ')' };
    case 'c':
    case 'C':
      if (beginAtomic(token.source.slice(token.start, token.end))) {
        return { kind: 'nested', inner: READY, closer: 'END' };
      }
      return READY;
    default:
      return READY;
  }
}

/**
 * True when `token` ends with the words BEGIN ATOMIC: whitespace between them, neither
 * glued to a letter, digit, `_` or `$`. The body that follows ends at the first END (any
 * case, even inside a word such as "legend") outside quotes and comments.
 */
function beginAtomic(token: string): boolean {
  const atomic = token.length - 6;
  if (atomic < 0 || token.slice(atomic).toUpperCase() !== 'ATOMIC') return false;
  if (atomic > 0 && WORD_CHAR.test(token[atomic - 1]!)) return false;
  const before = token.slice(0, atomic).replace(/\s+$/u, '');
  const begin = before.length - 5;
  if (begin < 0 || before.slice(begin).toUpperCase() !== 'BEGIN') return false;
  return begin === 0 || !WORD_CHAR.test(before[begin - 1]!);
}

/**
 * Splits a SQL file into the statements the Supabase CLI records for it in
 * `supabase_migrations.schema_migrations.statements` (and executes), byte for byte:
 * a statement ends at a `;` outside quotes, comments, dollar quotes, parentheses and
 * `BEGIN ATOMIC ... END` bodies; trailing `;`s and surrounding whitespace (JavaScript's
 * `trim()`, which includes U+FEFF and not U+0085) are trimmed; a
 * fragment that is only a comment is kept (Postgres runs it as an empty query), an empty
 * one is dropped.
 *
 * @example
 * ```ts
 * import { splitStatements } from '@ppn/migrations';
 * splitStatements('create table a (id int);\n-- the end\n');
 * // [{ sql: 'create table a (id int)', line: 1 }, { sql: '-- the end', line: 2 }]
 * ```
 */
export function splitStatements(source: string): Statement[] {
  const out: Statement[] = [];
  let state: State = READY;
  let start = 0;
  const emit = (end: number) => {
    const sql = source.slice(start, end).replace(/;+$/u, '').trim();
    if (sql) out.push({ sql, line: lineAt(source, source.indexOf(sql, start)) });
  };
  for (let i = 0; i < source.length; ) {
    const ch = String.fromCodePoint(source.codePointAt(i)!);
    i += ch.length;
    const after = next(state, ch, { source, start, end: i });
    if (after) {
      state = after;
    } else {
      emit(i);
      start = i;
      state = READY;
    }
  }
  if (start < source.length) emit(source.length);
  return out;
}

/** The text with `--` and block comments removed (quotes respected only loosely; used to spot empty fragments). */
export function stripComments(sql: string): string {
  return sql.replace(/--[^\n]*/g, '').replace(/\/\*[\s\S]*?\*\//g, '');
}

export function lineAt(source: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < source.length; i++) if (source[i] === '\n') line++;
  return line;
}
