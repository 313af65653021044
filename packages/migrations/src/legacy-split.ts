import { stripComments } from './split-statements.js';

/**
 * The statements `ppn-migrate` 0.1 recorded for a file: it split like the Supabase CLI but
 * dropped comment-only fragments and read `E'...'` escapes. Kept, unchanged, only to
 * recognise rows that 0.1 wrote, which `migrate` rewrites once to the CLI's form.
 */
export function legacySplit(source: string): string[] {
  const out: string[] = [];
  let start = 0;
  let i = 0;
  const n = source.length;

  const push = (end: number) => {
    const sql = source.slice(start, end).trim();
    if (sql && stripComments(sql).trim()) out.push(sql);
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
