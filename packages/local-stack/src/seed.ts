import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';

/**
 * The path the Supabase CLI records for the dev seed: relative to the project folder, as
 * `[db.seed] sql_paths = ["./seed.sql"]` in `supabase/config.toml` resolves.
 */
export const SEED_RECORD_PATH = 'supabase/seed.sql';

/**
 * Runs the dev seed and records it in `supabase_migrations.seed_files` as
 * `supabase db push --include-seed` does: the path above and the sha256 (hex) of the file's
 * bytes, in the same transaction as the seed. The CLI then sees the seed as applied and
 * does not run it again; an edited seed has another hash, which it would run again.
 *
 * @example
 * ```ts
 * import { applySeed, startPostgres } from '@ppn/local-stack';
 * const postgres = await startPostgres();
 * // ... shim and migrations ...
 * await applySeed(postgres.dbUrl, 'node_modules/@ppn/migrations/supabase/seed.sql');
 * ```
 */
export async function applySeed(dbUrl: string, seedFile: string): Promise<void> {
  const bytes = readFileSync(seedFile);
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  try {
    await client.query('begin');
    await client.query(bytes.toString('utf8'));
    // The CLI's own DDL for the table, so either tool may create it first.
    await client.query('create schema if not exists supabase_migrations');
    await client.query('create table if not exists supabase_migrations.seed_files (path text not null primary key, hash text not null)');
    await client.query(
      'insert into supabase_migrations.seed_files (path, hash) values ($1, $2) on conflict (path) do update set hash = excluded.hash',
      [SEED_RECORD_PATH, createHash('sha256').update(bytes).digest('hex')],
    );
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
