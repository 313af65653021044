import { readFileSync } from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import { adopt, migrate, readMigrations } from '../../src/index.js';
import { applyLocalShim } from '../../../../test/stack.js';
import { bareCluster, query } from './bare-postgres.js';
import { catalogSnapshot } from './catalog.js';

const HISTORY = 'select version, name, statements from supabase_migrations.schema_migrations order by version';
/** The reference rows the migrations seed: converging means they ran exactly once. */
const SEEDED = ['public.ref_medications', 'public.ref_event_types', 'public.ref_homework_types'];

export interface PrefixResult {
  k: number;
  adopted: string[];
  pendingFrom: string | null;
  applied: string[];
  /** Catalog (with privileges, default privileges, role settings, seeded rows) and history equal a fresh database's. */
  snapshot: string[];
  history: unknown[];
}

/** What a freshly migrated database looks like, to compare every prefix against. */
export async function freshReference(dbUrl: string): Promise<{ snapshot: string[]; history: unknown[] }> {
  await applyLocalShim(dbUrl);
  await migrate({ databaseUrl: dbUrl });
  return { snapshot: await catalogSnapshot(dbUrl, ['public', 'private'], { tables: SEEDED }), history: await query(dbUrl, HISTORY) };
}

/**
 * A database that ran the first k files by hand (each whole, as in the SQL editor; no
 * history), then `adopt` and `migrate`.
 */
export async function adoptAfterPrefix(dbUrl: string, k: number): Promise<PrefixResult> {
  const files = readMigrations();
  await applyLocalShim(dbUrl);
  for (const file of files.slice(0, k)) await query(dbUrl, readFileSync(file.path, 'utf8'));
  const { adopted, pendingFrom } = await adopt({ databaseUrl: dbUrl });
  const { applied } = await migrate({ databaseUrl: dbUrl });
  return {
    k,
    adopted,
    pendingFrom,
    applied,
    snapshot: await catalogSnapshot(dbUrl, ['public', 'private'], { tables: SEEDED }),
    history: await query(dbUrl, HISTORY),
  };
}

/** Registers a cluster and a freshly migrated reference database for the suite; `run(k)` adopts after prefix k. */
export function prefixSuite(): { reference(): { snapshot: string[]; history: unknown[] }; run(k: number): Promise<PrefixResult>; newDatabase(): Promise<string> } {
  let cluster: Awaited<ReturnType<typeof bareCluster>> | undefined;
  let reference: { snapshot: string[]; history: unknown[] } | undefined;
  beforeAll(async () => {
    cluster = await bareCluster();
    reference = await freshReference(await cluster.createDatabase());
  });
  afterAll(async () => {
    await cluster?.server.stop();
  });
  return {
    reference: () => reference!,
    run: async (k) => adoptAfterPrefix(await cluster!.createDatabase(), k),
    newDatabase: () => cluster!.createDatabase(),
  };
}
