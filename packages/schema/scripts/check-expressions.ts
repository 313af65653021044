/**
 * Translates CHECK constraints, as `pg_get_constraintdef()` deparses them, into rules the
 * validators can carry: value lists, numeric ranges, character-length bounds and
 * comparisons between two columns. A constraint is translated whole or not at all; one we
 * cannot read is reported (and documented in SCHEMA.md) as left to the database.
 */
import type { Column } from './catalog.js';

export type Op = '<' | '<=' | '>' | '>=' | '=' | '<>';

export type ColumnRule =
  | { column: string; kind: 'values'; values: Array<string | number> }
  | { column: string; kind: 'range'; op: Exclude<Op, '<>' | '='>; value: number }
  | { column: string; kind: 'chars'; op: '<=' | '>=' | '<' | '>' | '='; value: number };

export interface RowRule {
  left: string;
  op: Op;
  right: string;
  kind: 'number' | 'date' | 'timestamp';
}

export type Translation =
  | { expressed: true; columnRules: ColumnRule[]; rowRules: RowRule[] }
  | { expressed: false; reason: string };

// Tokens ------------------------------------------------------------------------------

type Token =
  | { t: 'punct'; v: '(' | ')' | '[' | ']' | ',' | '::' }
  | { t: 'op'; v: string }
  | { t: 'string'; v: string }
  | { t: 'number'; v: number }
  | { t: 'word'; v: string; quoted: boolean };

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i]!;
    if (/\s/.test(ch)) {
      i++;
    } else if (source.startsWith('::', i)) {
      tokens.push({ t: 'punct', v: '::' });
      i += 2;
    } else if ('()[],'.includes(ch)) {
      tokens.push({ t: 'punct', v: ch as '(' });
      i++;
    } else if (ch === "'") {
      let value = '';
      i++;
      for (;;) {
        if (i >= source.length) throw new Error(`unterminated string in ${source}`);
        if (source[i] === "'" && source[i + 1] === "'") {
          value += "'";
          i += 2;
        } else if (source[i] === "'") {
          i++;
          break;
        } else {
          value += source[i++];
        }
      }
      tokens.push({ t: 'string', v: value });
    } else if (ch === '"') {
      const end = source.indexOf('"', i + 1);
      tokens.push({ t: 'word', v: source.slice(i + 1, end), quoted: true });
      i = end + 1;
    } else if (/[0-9]/.test(ch)) {
      const match = /^[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(source.slice(i))!;
      tokens.push({ t: 'number', v: Number(match[0]) });
      i += match[0].length;
    } else if (/[A-Za-z_]/.test(ch)) {
      // A schema-qualified name (`private.tags_within`) is one word: pg_get_constraintdef()
      // qualifies functions outside the search path, never columns.
      const match = /^[A-Za-z_][A-Za-z0-9_$]*(?:\.[A-Za-z_][A-Za-z0-9_$]*)*/.exec(source.slice(i))!;
      tokens.push({ t: 'word', v: match[0], quoted: false });
      i += match[0].length;
    } else {
      const match = /^[<>=!~*+\-/%^|&@#?]+/.exec(source.slice(i));
      if (!match) throw new Error(`unexpected ${ch} in ${source}`);
      tokens.push({ t: 'op', v: match[0] });
      i += match[0].length;
    }
  }
  return tokens;
}

// AST ---------------------------------------------------------------------------------

type Operand =
  | { k: 'column'; name: string }
  | { k: 'literal'; value: string | number; type: string | null }
  | { k: 'call'; fn: string; args: Operand[] }
  | { k: 'other'; text: string };

type Expr =
  | { k: 'and'; items: Expr[] }
  | { k: 'or'; items: Expr[] }
  | { k: 'not'; item: Expr }
  | { k: 'cmp'; op: string; left: Operand; right: Operand }
  | { k: 'any'; op: string; left: Operand; values: Operand[] }
  | { k: 'null-test'; operand: Operand; negated: boolean }
  | { k: 'operand'; operand: Operand };

const KEYWORDS = new Set(['AND', 'OR', 'NOT', 'IS', 'NULL', 'ANY', 'ALL', 'ARRAY', 'TRUE', 'FALSE']);

class Parser {
  private pos = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): Expr {
    const expr = this.or();
    if (this.pos !== this.tokens.length) throw new Error('trailing tokens');
    return expr;
  }

  private peek(offset = 0): Token | undefined {
    return this.tokens[this.pos + offset];
  }
  private isWord(word: string, offset = 0): boolean {
    const tok = this.peek(offset);
    return tok?.t === 'word' && !tok.quoted && tok.v.toUpperCase() === word;
  }
  private isPunct(v: string): boolean {
    const tok = this.peek();
    return tok?.t === 'punct' && tok.v === v;
  }
  private expect(v: string): void {
    const tok = this.tokens[this.pos++];
    const ok = tok && ((tok.t === 'punct' && tok.v === v) || (tok.t === 'word' && tok.v.toUpperCase() === v));
    if (!ok) throw new Error(`expected ${v}`);
  }

  private or(): Expr {
    const items = [this.and()];
    while (this.isWord('OR')) {
      this.pos++;
      items.push(this.and());
    }
    return items.length === 1 ? items[0]! : { k: 'or', items };
  }

  private and(): Expr {
    const items = [this.not()];
    while (this.isWord('AND')) {
      this.pos++;
      items.push(this.not());
    }
    return items.length === 1 ? items[0]! : { k: 'and', items };
  }

  private not(): Expr {
    if (this.isWord('NOT')) {
      this.pos++;
      return { k: 'not', item: this.not() };
    }
    return this.predicate();
  }

  private predicate(): Expr {
    // A parenthesised boolean expression, or an operand that starts with "(".
    if (this.isPunct('(')) {
      const save = this.pos;
      try {
        this.pos++;
        const inner = this.or();
        if (this.isPunct(')')) {
          this.pos++;
          if (!this.startsOperatorOrCast()) return inner;
        }
      } catch {
        // Not a boolean expression: read it as an operand below.
      }
      this.pos = save;
    }
    const left = this.operand();
    if (this.isWord('IS')) {
      this.pos++;
      const negated = this.isWord('NOT');
      if (negated) this.pos++;
      this.expect('NULL');
      return { k: 'null-test', operand: left, negated };
    }
    const tok = this.peek();
    if (tok?.t === 'op') {
      this.pos++;
      if (this.isWord('ANY') || this.isWord('ALL')) {
        const quantifier = (this.tokens[this.pos++] as { v: string }).v.toUpperCase();
        if (quantifier !== 'ANY') throw new Error('ALL is not supported');
        this.expect('(');
        const values = this.arrayLiteral();
        this.expect(')');
        return { k: 'any', op: tok.v, left, values };
      }
      const right = this.operand();
      return { k: 'cmp', op: tok.v, left, right };
    }
    return { k: 'operand', operand: left };
  }

  private startsOperatorOrCast(): boolean {
    const tok = this.peek();
    return tok?.t === 'op' || (tok?.t === 'punct' && tok.v === '::') || this.isWord('IS');
  }

  /** `ARRAY[...]`, possibly parenthesised and cast: `(ARRAY['a'::varchar])::text[]`. */
  private arrayLiteral(): Operand[] {
    if (this.isPunct('(')) {
      this.pos++;
      const values = this.arrayLiteral();
      this.expect(')');
      this.castType();
      return values;
    }
    this.expect('ARRAY');
    this.expect('[');
    const values: Operand[] = [];
    while (!this.isPunct(']')) {
      values.push(this.operand());
      if (this.isPunct(',')) this.pos++;
    }
    this.expect(']');
    this.castType();
    return values;
  }

  /** Consumes `::type` if present and returns the type name. */
  private castType(): string | null {
    let type: string | null = null;
    while (this.isPunct('::')) {
      this.pos++;
      const words: string[] = [];
      for (;;) {
        const tok = this.peek();
        if (tok?.t === 'word' && !(KEYWORDS.has(tok.v.toUpperCase()) && !tok.quoted)) {
          words.push(tok.v);
          this.pos++;
        } else if (tok?.t === 'punct' && tok.v === '[' && this.peek(1)?.t === 'punct') {
          this.pos += 2;
          words.push('[]');
        } else {
          break;
        }
      }
      type = words.join(' ');
    }
    return type;
  }

  private operand(): Operand {
    const tok = this.peek();
    if (!tok) throw new Error('unexpected end');
    let operand: Operand;
    if (tok.t === 'punct' && tok.v === '(') {
      this.pos++;
      operand = this.operand();
      this.expect(')');
    } else if (tok.t === 'op' && tok.v === '-') {
      this.pos++;
      const inner = this.operand();
      if (inner.k !== 'literal' || typeof inner.value !== 'number') throw new Error('unsupported unary minus');
      operand = { k: 'literal', value: -inner.value, type: inner.type };
    } else if (tok.t === 'string' || tok.t === 'number') {
      this.pos++;
      operand = { k: 'literal', value: tok.v, type: null };
    } else if (tok.t === 'word') {
      this.pos++;
      if (!tok.quoted && (tok.v.toUpperCase() === 'TRUE' || tok.v.toUpperCase() === 'FALSE')) {
        operand = { k: 'other', text: tok.v };
      } else if (this.isPunct('(')) {
        this.pos++;
        const args: Operand[] = [];
        while (!this.isPunct(')')) {
          args.push(this.operand());
          if (this.isPunct(',')) this.pos++;
        }
        this.pos++;
        operand = { k: 'call', fn: tok.v.toLowerCase(), args };
      } else {
        operand = { k: 'column', name: tok.v };
      }
    } else {
      throw new Error(`unexpected token ${JSON.stringify(tok)}`);
    }
    const type = this.castType();
    if (type !== null && operand.k === 'literal') {
      const numeric = /^(integer|bigint|smallint|numeric|real|double precision)$/.test(type);
      const value = numeric && typeof operand.value === 'string' ? Number(operand.value) : operand.value;
      return { k: 'literal', value, type };
    }
    return operand;
  }
}

/** Parses the body of `CHECK (...)` as `pg_get_constraintdef()` prints it. */
function parseCheck(definition: string): Expr {
  const match = /^CHECK \((.*)\)( NOT VALID)?$/s.exec(definition);
  if (!match) throw new Error(`not a CHECK constraint: ${definition}`);
  return new Parser(tokenize(match[1]!)).parse();
}

// Translation -------------------------------------------------------------------------

const NUMERIC = new Set(['int2', 'int4', 'int8', 'numeric', 'float4', 'float8']);
const TEXT = new Set(['text', 'varchar', 'bpchar', 'citext']);
const LENGTH_FUNCTIONS = new Set(['char_length', 'character_length', 'length']);
const FLIP: Record<string, Op> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=', '=': '=', '<>': '<>' };

class Unsupported extends Error {}

function normalizeOp(op: string): Op {
  if (op === '!=') return '<>';
  if (['<', '<=', '>', '>=', '=', '<>'].includes(op)) return op as Op;
  throw new Unsupported(`operator ${op}`);
}

function comparisonKind(column: Column): RowRule['kind'] | null {
  if (column.isArray) return null;
  if (NUMERIC.has(column.udt)) return 'number';
  if (column.udt === 'date') return 'date';
  if (column.udt === 'timestamptz') return 'timestamp';
  return null;
}

export function translateCheck(definition: string, columns: Column[]): Translation {
  const byName = new Map(columns.map((c) => [c.name, c]));
  const column = (operand: Operand): Column | null =>
    operand.k === 'column' ? (byName.get(operand.name) ?? null) : null;

  const columnRules: ColumnRule[] = [];
  const rowRules: RowRule[] = [];

  const atom = (expr: Expr): void => {
    if (expr.k === 'and') {
      expr.items.forEach(atom);
      return;
    }
    if (expr.k === 'any') {
      const col = column(expr.left);
      if (!col || col.isArray || normalizeOp(expr.op) !== '=') throw new Unsupported('= ANY on a non-column');
      const values = expr.values.map((v) => {
        if (v.k !== 'literal') throw new Unsupported('non-literal in value list');
        return v.value;
      });
      const textual = TEXT.has(col.udt) && values.every((v) => typeof v === 'string');
      const numeric = NUMERIC.has(col.udt) && values.every((v) => typeof v === 'number');
      if (!textual && !numeric) throw new Unsupported(`value list on ${col.sqlType}`);
      columnRules.push({ column: col.name, kind: 'values', values });
      return;
    }
    if (expr.k === 'cmp') {
      let { left, right } = expr;
      let op = normalizeOp(expr.op);
      if (left.k === 'literal') {
        [left, right] = [right, left];
        op = FLIP[op]!;
      }
      const leftCol = column(left);
      const rightCol = column(right);
      if (leftCol && rightCol) {
        const kind = comparisonKind(leftCol);
        if (!kind || comparisonKind(rightCol) !== kind) {
          throw new Unsupported(`comparison of ${leftCol.sqlType} with ${rightCol.sqlType}`);
        }
        rowRules.push({ left: leftCol.name, op, right: rightCol.name, kind });
        return;
      }
      if (right.k !== 'literal') throw new Unsupported('comparison with an expression');
      if (leftCol && !leftCol.isArray) {
        if (NUMERIC.has(leftCol.udt) && typeof right.value === 'number') {
          if (op === '=') columnRules.push({ column: leftCol.name, kind: 'values', values: [right.value] });
          else if (op === '<>') throw new Unsupported('<> a constant');
          else columnRules.push({ column: leftCol.name, kind: 'range', op, value: right.value });
          return;
        }
        if (TEXT.has(leftCol.udt) && typeof right.value === 'string' && op === '=') {
          columnRules.push({ column: leftCol.name, kind: 'values', values: [right.value] });
          return;
        }
        throw new Unsupported(`${op} on ${leftCol.sqlType}`);
      }
      if (
        left.k === 'call' &&
        LENGTH_FUNCTIONS.has(left.fn) &&
        left.args.length === 1 &&
        typeof right.value === 'number' &&
        op !== '<>'
      ) {
        const col = column(left.args[0]!);
        if (col && !col.isArray && TEXT.has(col.udt)) {
          columnRules.push({ column: col.name, kind: 'chars', op, value: right.value });
          return;
        }
      }
      throw new Unsupported(left.k === 'call' ? `function ${left.fn}()` : 'comparison of an expression');
    }
    if (expr.k === 'operand' && expr.operand.k === 'call') throw new Unsupported(`function ${expr.operand.fn}()`);
    throw new Unsupported(expr.k === 'or' ? 'OR' : expr.k);
  };

  try {
    atom(parseCheck(definition));
    return { expressed: true, columnRules, rowRules };
  } catch (error) {
    return { expressed: false, reason: error instanceof Error ? error.message : String(error) };
  }
}
