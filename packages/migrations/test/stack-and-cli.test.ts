import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { cliUrl, projectFolder, supabase } from './helpers/supabase-cli.js';
import { bareCluster, query } from './helpers/bare-postgres.js';
import { applyLocalShim } from '../../../test/stack.js';

/**
 * The local stack as the Supabase CLI sees it: its `dbUrl` works as printed (psql,
 * node-postgres, the CLI), and it records the dev seed in `supabase_migrations.seed_files`
 * exactly as `supabase db push --include-seed` does, so neither seeds twice.
 */
const stack = () => inject('stack');
const SEED = fileURLToPath(new URL('../supabase/seed.sql', import.meta.url));
const SEEDS = 'select path, hash from supabase_migrations.seed_files order by path';

function psql(url: string, sql: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('psql', [url, '-XAtc', sql], { timeout: 30_000 }, (error, stdout, stderr) => (error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stdout.trim())));
  });
}

describe('the stack and the Supabase CLI', { timeout: 180_000 }, () => {
  it('dbUrl is accepted as printed by psql, node-postgres and the CLI', async () => {
    const url = stack().dbUrl;
    expect(await psql(url, 'select current_database()')).toBe('postgres');
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      expect((await client.query('select 1 as one')).rows).toEqual([{ one: 1 }]);
    } finally {
      await client.end();
    }
    const { stdout } = await supabase(projectFolder(), ['migration', 'list', '--db-url', url]);
    expect(stdout).toContain('20260212000000');
  });

  it('records the dev seed as the CLI does: the row db push --include-seed writes, so the CLI would not seed again', async () => {
    const cluster = await bareCluster();
    try {
      const db = await cluster.createDatabase();
      await applyLocalShim(db);
      await supabase(projectFolder(), ['db', 'push', '--include-seed', '--db-url', cliUrl(db)]);
      const byCli = await query(db, SEEDS);
      expect(byCli).toEqual([{ path: 'supabase/seed.sql', hash: createHash('sha256').update(readFileSync(SEED)).digest('hex') }]);
      expect(await query(stack().dbUrl, SEEDS)).toEqual(byCli);
    } finally {
      await cluster.server.stop();
    }
    const { stdout, stderr } = await supabase(projectFolder(), ['db', 'push', '--include-seed', '--dry-run', '--db-url', stack().dbUrl]);
    expect(`${stdout}${stderr}`).toMatch(/up to date/i);
    expect(`${stdout}${stderr}`).not.toMatch(/seed/i);
  });
});
