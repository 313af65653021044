import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { adopt, MigrationError, readMigrations } from '../src/index.js';
import { applyLocalShim } from '../../../test/stack.js';
import { query } from './helpers/bare-postgres.js';
import { prefixSuite } from './helpers/adopt-prefix.js';

/**
 * `adopt` then `migrate` on a database that ran the first k files by hand converges to a
 * fresh database: catalog, privileges, default privileges, role settings, seeded rows and
 * history. Here a sample of k around the files that create no objects;
 * adopt-every-prefix.heavy.test.ts runs every k.
 */
const files = readMigrations();
const at = (version: string) => files.findIndex((f) => f.version === version);
const SAMPLE = [
  at('20260213000400') + 1, // after the revoke sweep (grants and default privileges only)
  at('20260213000600') + 1, // after the comments (comments only)
  at('20260215000000'), // before the PL/pgSQL helpers: the functions exist, with the old bodies
];

const suite = prefixSuite();

describe('adopt after the first k files ran by hand', { timeout: 120_000 }, () => {
  it.each(SAMPLE)('k = %i: adopts exactly those files, and migrate converges to a fresh database', async (k) => {
    const result = await suite.run(k);
    expect(result.adopted).toEqual(files.slice(0, k).map((f) => f.version));
    expect(result.pendingFrom).toBe(files[k]?.version ?? null);
    expect(result.applied).toEqual(files.slice(k).map((f) => f.version));
    expect(result.snapshot).toEqual(suite.reference().snapshot);
    expect(result.history).toEqual(suite.reference().history);
  });

  it('stops where only part of a file ran, naming the file, what is missing and how to go on; it records nothing', async () => {
    const db = await suite.newDatabase();
    await applyLocalShim(db);
    await query(db, readFileSync(files[0]!.path, 'utf8'));
    // Half of the next file: its table, not its indexes and policies.
    await query(db, 'create table ref_medications (medication_id serial primary key, medication_name varchar(100) not null unique)');
    const error = await adopt({ databaseUrl: db }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationError);
    expect(error).toMatchObject({ code: 'adopt_partial', file: files[1]!.file });
    expect((error as Error).message).toContain('missing: index public.idx_medications_name');
    expect((error as Error).message).toContain(`supabase migration repair --status applied ${files[1]!.version}`);
    expect(await query(db, 'select count(*)::int as n from supabase_migrations.schema_migrations')).toEqual([{ n: 0 }]);
  });
});
