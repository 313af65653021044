/**
 * The CHECK translator on the forms `pg_get_constraintdef()` prints, including ones the
 * current migrations do not use yet (varchar lists, negative bounds, length()).
 */
import { describe, expect, test } from 'vitest';
import type { Column } from '../scripts/catalog.js';
import { translateCheck } from '../scripts/check-expressions.js';

const column = (name: string, udt: string, extra: Partial<Column> = {}): Column => ({
  name,
  position: 1,
  sqlType: udt,
  udt,
  isArray: false,
  precision: null,
  scale: null,
  length: null,
  enumLabels: null,
  notNull: false,
  defaultExpr: null,
  identity: null,
  generated: false,
  comment: null,
  ...extra,
});

const columns = [
  column('n', 'int4'),
  column('m', 'numeric'),
  column('t', 'text'),
  column('v', 'varchar'),
  column('d1', 'date'),
  column('d2', 'date'),
  column('ts', 'timestamptz'),
  column('tags', 'text', { isArray: true }),
];

describe('translateCheck', () => {
  test('ranges, including BETWEEN (deparsed to AND) and negative bounds', () => {
    expect(translateCheck('CHECK (((n >= 1) AND (n <= 10)))', columns)).toEqual({
      expressed: true,
      columnRules: [
        { column: 'n', kind: 'range', op: '>=', value: 1 },
        { column: 'n', kind: 'range', op: '<=', value: 10 },
      ],
      rowRules: [],
    });
    expect(translateCheck("CHECK ((n > '-5'::integer))", columns)).toMatchObject({
      columnRules: [{ column: 'n', kind: 'range', op: '>', value: -5 }],
    });
    expect(translateCheck('CHECK (((0)::numeric < m))', columns)).toMatchObject({
      columnRules: [{ column: 'm', kind: 'range', op: '>', value: 0 }],
    });
  });

  test('value lists on text and varchar', () => {
    expect(translateCheck("CHECK ((t = ANY (ARRAY['a'::text, 'it''s'::text])))", columns)).toMatchObject({
      columnRules: [{ column: 't', kind: 'values', values: ['a', "it's"] }],
    });
    expect(
      translateCheck(
        "CHECK (((v)::text = ANY ((ARRAY['x'::character varying, 'y'::character varying])::text[])))",
        columns,
      ),
    ).toMatchObject({ columnRules: [{ column: 'v', kind: 'values', values: ['x', 'y'] }] });
    expect(translateCheck("CHECK ((t = 'only'::text))", columns)).toMatchObject({
      columnRules: [{ column: 't', kind: 'values', values: ['only'] }],
    });
  });

  test('character lengths', () => {
    expect(translateCheck('CHECK ((char_length(t) <= 500))', columns)).toMatchObject({
      columnRules: [{ column: 't', kind: 'chars', op: '<=', value: 500 }],
    });
    expect(translateCheck('CHECK (((length(t) > 0) AND (length(t) < 10)))', columns)).toMatchObject({
      columnRules: [
        { column: 't', kind: 'chars', op: '>', value: 0 },
        { column: 't', kind: 'chars', op: '<', value: 10 },
      ],
    });
  });

  test('comparisons between two columns', () => {
    expect(translateCheck('CHECK ((d2 >= d1))', columns)).toMatchObject({
      rowRules: [{ left: 'd2', op: '>=', right: 'd1', kind: 'date' }],
    });
    expect(translateCheck('CHECK ((n <> m))', columns)).toMatchObject({
      rowRules: [{ left: 'n', op: '<>', right: 'm', kind: 'number' }],
    });
    expect(translateCheck('CHECK ((d1 < ts))', columns)).toMatchObject({ expressed: false });
  });

  test('what it cannot read is left to the database, whole', () => {
    for (const definition of [
      'CHECK (((n IS NULL) OR (n > 0)))',
      'CHECK ((t IS NOT NULL))',
      "CHECK ((t ~ '^[a-z]+$'::text))",
      'CHECK ((octet_length(t) <= 10))',
      "CHECK (((n > 0) AND (t ~~ 'a%'::text)))",
      'CHECK ((cardinality(tags) <= 20))',
      'CHECK ((n <> 3))',
      'CHECK ((t < v))',
    ]) {
      expect(translateCheck(definition, columns), definition).toMatchObject({ expressed: false });
    }
  });

  test('a function call says which function stops it, schema-qualified or not', () => {
    expect(translateCheck('CHECK (((cardinality(tags) <= 20) AND private.tags_within(tags, 60)))', columns)).toEqual({
      expressed: false,
      reason: 'function cardinality()',
    });
    expect(translateCheck('CHECK (private.tags_within(tags, 60))', columns)).toEqual({
      expressed: false,
      reason: 'function private.tags_within()',
    });
    expect(translateCheck("CHECK ((t ~ '[^ ]'::text))", columns)).toEqual({ expressed: false, reason: 'operator ~' });
  });

  test('NOT VALID constraints are read like the others', () => {
    expect(translateCheck('CHECK ((char_length(t) <= 5)) NOT VALID', columns)).toMatchObject({ expressed: true });
  });
});
