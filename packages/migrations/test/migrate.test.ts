import { cpSync, mkdtempSync, rmSync, unlinkSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adopt, migrate, MigrationError } from '../src/index.js';
import { bareCluster, query } from './helpers/bare-postgres.js';

const FIXTURES = fileURLToPath(new URL('./fixtures/runner', import.meta.url));
let cluster: Awaited<ReturnType<typeof bareCluster>>;
const dirs: string[] = [];

function fixtureCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ppn-migrations-'));
  cpSync(FIXTURES, dir, { recursive: true });
  dirs.push(dir);
  return dir;
}

async function history(dbUrl: string) {
  return query<{ version: string; name: string; statements: string[] }>(
    dbUrl,
    'select version, name, statements from supabase_migrations.schema_migrations order by version',
  );
}

async function rejection(promise: Promise<unknown>): Promise<MigrationError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(MigrationError);
  return error as MigrationError;
}

beforeAll(async () => {
  cluster = await bareCluster();
});
afterAll(async () => {
  await cluster?.server.stop();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('migrate', () => {
  it('applies files in order, records them as the Supabase CLI does, and applies nothing on a second run', async () => {
    const dbUrl = await cluster.createDatabase();
    const first = await migrate({ databaseUrl: dbUrl, migrationsDir: FIXTURES });
    expect(first.applied).toEqual(['20240101000000', '20240102000000']);

    const rows = await history(dbUrl);
    expect(rows.map((r) => [r.version, r.name])).toEqual([
      ['20240101000000', 'create_widgets'],
      ['20240102000000', 'add_gadgets'],
    ]);
    expect(rows[0]!.statements).toHaveLength(3);
    expect(rows[0]!.statements[1]).toContain('select count(*) from widgets;');

    const second = await migrate({ databaseUrl: dbUrl, migrationsDir: FIXTURES });
    expect(second.applied).toEqual([]);
    expect(await query(dbUrl, 'select name from widgets')).toEqual([{ name: 'a;b' }]);
  });

  it('refuses, naming the file, when an applied file was changed, and changes nothing', async () => {
    const dbUrl = await cluster.createDatabase();
    const dir = fixtureCopy();
    await migrate({ databaseUrl: dbUrl, migrationsDir: dir });
    appendFileSync(join(dir, '20240101000000_create_widgets.sql'), '\ninsert into widgets values (2, \'sneaky\');\n');
    writeFileSync(join(dir, '20240103000000_more.sql'), 'create table more_things (id int);\n');

    const error = await rejection(migrate({ databaseUrl: dbUrl, migrationsDir: dir }));
    expect(error.code).toBe('changed');
    expect(error.file).toBe('20240101000000_create_widgets.sql');
    expect(error.message).toContain('20240101000000_create_widgets.sql');
    expect(await query(dbUrl, "select to_regclass('more_things') as t")).toEqual([{ t: null }]);
    expect(await query(dbUrl, 'select count(*)::int as n from widgets')).toEqual([{ n: 1 }]);
  });

  it('reports file and line of a failing statement and leaves the database as before that file', async () => {
    const dbUrl = await cluster.createDatabase();
    const dir = fixtureCopy();
    writeFileSync(
      join(dir, '20240103000000_broken.sql'),
      'create table sprockets (id bigint primary key);\n\ninsert into sprockets values (1);\nselect * from\n  no_such_table;\n',
    );

    const error = await rejection(migrate({ databaseUrl: dbUrl, migrationsDir: dir }));
    expect(error.code).toBe('failed');
    expect(error.file).toBe('20240103000000_broken.sql');
    expect(error.line).toBe(5);
    expect(error.message).toMatch(/^20240103000000_broken\.sql:5: relation "no_such_table" does not exist/);

    expect(await query(dbUrl, "select to_regclass('sprockets') as t")).toEqual([{ t: null }]);
    expect((await history(dbUrl)).map((r) => r.version)).toEqual(['20240101000000', '20240102000000']);
  });

  it('refuses when the database records a version that has no file', async () => {
    const dbUrl = await cluster.createDatabase();
    const dir = fixtureCopy();
    await migrate({ databaseUrl: dbUrl, migrationsDir: dir });
    unlinkSync(join(dir, '20240102000000_add_gadgets.sql'));
    const error = await rejection(migrate({ databaseUrl: dbUrl, migrationsDir: dir }));
    expect(error.code).toBe('missing_file');
    expect(error.message).toContain('20240102000000');
  });
});

describe('adopt', () => {
  it('records the files whose objects exist, then migrate applies the rest', async () => {
    const dbUrl = await cluster.createDatabase();
    // Built by hand: the first file's SQL ran, nothing was recorded.
    await query(dbUrl, 'create table widgets (id bigint primary key, name text not null)');
    await query(dbUrl, 'create function widget_count() returns bigint language sql as $$ select count(*) from widgets $$');

    const result = await adopt({ databaseUrl: dbUrl, migrationsDir: FIXTURES });
    expect(result).toEqual({ adopted: ['20240101000000'], pendingFrom: '20240102000000' });

    const { applied } = await migrate({ databaseUrl: dbUrl, migrationsDir: FIXTURES });
    expect(applied).toEqual(['20240102000000']);
    expect(await query(dbUrl, "select to_regclass('gadgets')::text as t")).toEqual([{ t: 'gadgets' }]);
  });

  it('refuses to guess when only some of a file\'s objects exist', async () => {
    const dbUrl = await cluster.createDatabase();
    await query(dbUrl, 'create table widgets (id bigint primary key, name text not null)');
    const error = await rejection(adopt({ databaseUrl: dbUrl, migrationsDir: FIXTURES }));
    expect(error.code).toBe('adopt_partial');
    expect(error.message).toContain('function public.widget_count');
    expect(await history(dbUrl)).toEqual([]);
  });
});
