/** One SQL statement of a migration file, with the line it starts on (1-based). */
export interface Statement {
  sql: string;
  line: number;
}

/**
 * Splits a SQL file into statements on top-level semicolons, the way the Supabase CLI
 * records them: quotes, quoted identifiers, dollar-quoted bodies and comments are kept
 * whole. Comment-only fragments are dropped.
 */
export function splitStatements(source: string): Statement[] {
  const out: Statement[] = [];
  let start = 0;
  let i = 0;
  const n = source.length;

  const push = (end: number) => {
    const raw = source.slice(start, end);
    const offset = raw.length - raw.trimStart().length;
    const sql = raw.trim();
    if (sql && stripComments(sql).trim()) {
      out.push({ sql, line: lineAt(source, start + offset) });
    }
  };

  while (i < n) {
    const ch = source[i]!;
    const next = source[i + 1];
    if (ch === '-' && next === '-') {
      const nl = source.indexOf('\n', i);
      i = nl === -1 ? n : nl + 1;
    } else if (ch === '/' && next === '*') {
      i = skipBlockComment(source, i);
    } else if (ch === "'") {
      const escapes = i > 0 && /[eE]/.test(source[i - 1]!) && !/[\w$]/.test(source[i - 2] ?? ' ');
      i = skipQuoted(source, i, "'", escapes);
    } else if (ch === '"') {
      i = skipQuoted(source, i, '"', false);
    } else if (ch === '$') {
      const tag = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(source.slice(i));
      if (tag && !/[\w]/.test(source[i - 1] ?? ' ')) {
        const close = source.indexOf(tag[0], i + tag[0].length);
        i = close === -1 ? n : close + tag[0].length;
      } else {
        i++;
      }
    } else if (ch === ';') {
      push(i);
      start = i + 1;
      i++;
    } else {
      i++;
    }
  }
  push(n);
  return out;
}

function skipBlockComment(source: string, from: number): number {
  let depth = 0;
  let i = from;
  while (i < source.length) {
    if (source[i] === '/' && source[i + 1] === '*') {
      depth++;
      i += 2;
    } else if (source[i] === '*' && source[i + 1] === '/') {
      depth--;
      i += 2;
      if (depth === 0) return i;
    } else {
      i++;
    }
  }
  return i;
}

function skipQuoted(source: string, from: number, quote: string, backslashEscapes: boolean): number {
  let i = from + 1;
  while (i < source.length) {
    const ch = source[i];
    if (backslashEscapes && ch === '\\') {
      i += 2;
    } else if (ch === quote) {
      if (source[i + 1] === quote) i += 2;
      else return i + 1;
    } else {
      i++;
    }
  }
  return i;
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
