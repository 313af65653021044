/**
 * Upgrading converges from ANY earlier point: for every k, a database that ran the first k
 * migrations and then migrates to this checkout has the same catalog as one migrated from
 * empty, on Postgres 15 and 17. (upgrade.test.ts checks the previous release in the default
 * run; this walks every step and runs in `pnpm test:heavy`.)
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, readMigrations } from '../src/index.js';
import { bareCluster } from './helpers/bare-postgres.js';
import { catalogSnapshot } from './helpers/catalog.js';
import { postgres15BinDir, shimAndMigrate } from './helpers/postgres-15.js';

const current = readMigrations();
const dirs: string[] = [];
type Cluster = Awaited<ReturnType<typeof bareCluster>>;
const clusters: Partial<Record<'15' | '17', Cluster>> = {};

beforeAll(async () => {
  [clusters['15'], clusters['17']] = await Promise.all([bareCluster({ binDir: postgres15BinDir() }), bareCluster()]);
}, 120_000);
afterAll(async () => {
  await Promise.all([clusters['15']?.server.stop(), clusters['17']?.server.stop()]);
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe.each(['15', '17'] as const)('Postgres %s', (v) => {
  it(`the first k of ${current.length} migrations, then the rest = a fresh apply, for every k`, async () => {
    const cluster = clusters[v]!;
    const freshDb = await cluster.createDatabase();
    await shimAndMigrate(freshDb);
    const fresh = await catalogSnapshot(freshDb);

    const dir = mkdtempSync(join(tmpdir(), 'ppn-prefix-'));
    dirs.push(dir);
    for (let k = 1; k < current.length; k++) {
      writeFileSync(join(dir, current[k - 1]!.file), readFileSync(current[k - 1]!.path, 'utf8'));
      const db = await cluster.createDatabase();
      expect(await shimAndMigrate(db, dir)).toHaveLength(k);
      expect((await migrate({ databaseUrl: db })).applied).toHaveLength(current.length - k);
      expect(await catalogSnapshot(db), `upgraded after ${current[k - 1]!.file}`).toEqual(fresh);
    }
  }, 300_000);
});
