import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { adopt, migrate, readMigrations } from '../src/index.js';
import { applyLocalShim } from '../../../test/stack.js';
import { bareCluster, query } from './helpers/bare-postgres.js';
import { catalogSnapshot } from './helpers/catalog.js';

const WORK_ORDER_FILES = [
  '20260212000000_baseline.sql',
  '20260212141500_create_ref_medications.sql',
  '20260212142000_create_session_logger_tables.sql',
  '20260212142500_create_supervision_exchange_tables.sql',
  '20260212143000_create_integration_hub_tables.sql',
];

let fresh: Awaited<ReturnType<typeof bareCluster>>;
let handBuilt: Awaited<ReturnType<typeof bareCluster>>;

beforeAll(async () => {
  [fresh, handBuilt] = await Promise.all([bareCluster(), bareCluster()]);
});
afterAll(async () => {
  await Promise.all([fresh?.server.stop(), handBuilt?.server.stop()]);
});

it('a database that ran the baseline and the four work-order files by hand ends, after adopt and migrate, with the schema of a fresh one', async () => {
  const freshUrl = fresh.server.dbUrl;
  await applyLocalShim(freshUrl);
  await migrate({ databaseUrl: freshUrl });

  const handUrl = handBuilt.server.dbUrl;
  await applyLocalShim(handUrl);
  const files = readMigrations();
  for (const name of WORK_ORDER_FILES) {
    const file = files.find((f) => f.file === name);
    expect(file, name).toBeDefined();
    // As someone would in the SQL editor: the whole file at once, no history written.
    await query(handUrl, readFileSync(file!.path, 'utf8'));
  }

  const adopted = await adopt({ databaseUrl: handUrl });
  expect(adopted.adopted).toEqual(WORK_ORDER_FILES.map((f) => f.slice(0, 14)));
  expect(adopted.pendingFrom).toBe(files[WORK_ORDER_FILES.length]!.version);

  const { applied } = await migrate({ databaseUrl: handUrl });
  expect(applied).toEqual(files.slice(WORK_ORDER_FILES.length).map((f) => f.version));

  expect(await catalogSnapshot(handUrl)).toEqual(await catalogSnapshot(freshUrl));
  const history = 'select version, name, statements from supabase_migrations.schema_migrations order by version';
  expect(await query(handUrl, history)).toEqual(await query(freshUrl, history));
  // Reference seeds ran once, not twice.
  expect(await query(handUrl, 'select count(*)::int as n from ref_medications')).toEqual([{ n: 24 }]);
});
