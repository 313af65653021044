import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, migrationStatus, readMigrations, splitStatements } from '../src/index.js';
import { legacySplit } from '../src/legacy-split.js';
import { applyLocalShim } from '../../../test/stack.js';
import { bareCluster, query } from './helpers/bare-postgres.js';
import { cliUrl, projectFolder, supabase } from './helpers/supabase-cli.js';

/**
 * The real Supabase CLI (the pinned dev dependency supabase@2.117.0) and ppn-migrate on one
 * shared history, both ways. No Docker: `db push`, `migration list` and `migration repair`
 * only need a database URL.
 */
const files = readMigrations();
const versions = files.map((f) => f.version);
const HISTORY = 'select version, name, statements from supabase_migrations.schema_migrations order by version';
// Each CLI call takes about a second, several on a loaded machine.
const SLOW = { timeout: 180_000 };
const CASES: string[] = [...JSON.parse(readFileSync(new URL('./fixtures/cli-split/cases.json', import.meta.url), 'utf8')), ...generatedCases(150)];

/** Random mixes of the characters and words the splitter's states turn on (a fixed seed: the same cases every run). */
function generatedCases(count: number): string[] {
  const parts = ['select ', '1', ';', ' ', '\n', '--', '-', '/*', '*/', '/', '*', "'", '"', '$$', '$a$', '$', 'a', '\\', '(', ')', 'begin', ' atomic', 'end', 'E\'', 'é', '\u00a0', '\ufeff', '\r\n', 'legend', 'case'];
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  return Array.from({ length: count }, () => Array.from({ length: 5 + Math.floor(random() * 40) }, () => parts[Math.floor(random() * parts.length)]).join(''));
}

let cluster: Awaited<ReturnType<typeof bareCluster>>;
let project: string;
/** A database migrated by ppn-migrate: the reference history. */
let byRunner: string;

beforeAll(async () => {
  cluster = await bareCluster();
  project = projectFolder();
  byRunner = await cluster.createDatabase();
  await applyLocalShim(byRunner);
  await migrate({ databaseUrl: byRunner });
});
afterAll(async () => {
  await cluster?.server.stop();
});

describe('statement splitting', SLOW, () => {
  it('ppn-migrate records byte-identical statements to the CLI for every migration file and every edge case', async () => {
    const caseFiles = Object.fromEntries(CASES.map((sql, i) => [`${20000101000000 + i}_case_${i}.sql`, sql]));
    const folder = projectFolder(caseFiles);
    const db = await cluster.createDatabase();
    // repair records what the CLI splits without running it, so cases the CLI cannot push still show its split.
    const all = [...Object.keys(caseFiles).map((f) => f.slice(0, 14)), ...versions];
    await supabase(folder, ['migration', 'repair', '--status', 'applied', ...all, '--db-url', cliUrl(db)]);
    const recorded = new Map((await query<{ version: string; statements: string[] }>(db, HISTORY)).map((r) => [r.version, r.statements ?? []]));

    CASES.forEach((sql, i) => {
      expect(splitStatements(sql).map((s) => s.sql), `case ${i}: ${JSON.stringify(sql)}`).toEqual(recorded.get(String(20000101000000 + i)));
    });
    const counts: string[] = [];
    for (const file of files) {
      expect(file.statements.map((s) => s.sql), file.file).toEqual(recorded.get(file.version));
      counts.push(`${file.file}: CLI ${recorded.get(file.version)!.length}, ppn-migrate ${file.statements.length}`);
    }
    console.log(`statements per file\n  ${counts.join('\n  ')}`);
  });
});

describe('a database pushed by the CLI', SLOW, () => {
  let pushed: string;
  beforeAll(async () => {
    pushed = await cluster.createDatabase();
    await applyLocalShim(pushed);
    await supabase(project, ['db', 'push', '--db-url', cliUrl(pushed)]);
  }, SLOW.timeout);

  it('is up to date for ppn-migrate status and migrate, with the history rows ppn-migrate writes', async () => {
    const status = await migrationStatus({ databaseUrl: pushed });
    expect(status.filter((m) => !m.applied || m.legacyRecord)).toEqual([]);
    expect((await migrate({ databaseUrl: pushed })).applied).toEqual([]);
    expect(await query(pushed, HISTORY)).toEqual(await query(byRunner, HISTORY));
  });
});

describe('a database migrated by ppn-migrate', SLOW, () => {
  it('is listed by the CLI with every file applied', async () => {
    const { stdout } = await supabase(project, ['migration', 'list', '--db-url', cliUrl(byRunner)]);
    for (const version of versions) expect(stdout, version).toMatch(new RegExp(`\x60?${version}\x60?\\s*\\|\\s*\x60?${version}\x60?\\s*\\|`));
  });

  it('needs nothing from db push --dry-run', async () => {
    const { stdout, stderr } = await supabase(project, ['db', 'push', '--dry-run', '--db-url', cliUrl(byRunner)]);
    expect(`${stdout}${stderr}`).toMatch(/up to date/i);
    expect(`${stdout}${stderr}`).not.toMatch(/Would push/i);
  });
});

describe('migration repair --status applied, then ppn-migrate', SLOW, () => {
  it('a database built by running the files by hand and repaired by the CLI is up to date for ppn-migrate', async () => {
    const db = await cluster.createDatabase();
    await applyLocalShim(db);
    for (const file of files) await query(db, readFileSync(file.path, 'utf8'));
    await supabase(project, ['migration', 'repair', '--status', 'applied', ...versions, '--db-url', cliUrl(db)]);
    expect((await migrationStatus({ databaseUrl: db })).every((m) => m.applied && !m.legacyRecord)).toBe(true);
    expect((await migrate({ databaseUrl: db })).applied).toEqual([]);
    expect(await query(db, HISTORY)).toEqual(await query(byRunner, HISTORY));
  });
});

describe('a database recorded by ppn-migrate 0.1', SLOW, () => {
  it('keeps migrating: migrate rewrites its records once to the CLI form, saying so, and the CLI agrees afterwards', async () => {
    const db = await cluster.createDatabase();
    await applyLocalShim(db);
    await migrate({ databaseUrl: db });
    // What 0.1 wrote: comment-only fragments dropped (20260212141500 has one at its end).
    const changed = files.filter((f) => legacySplit(readFileSync(f.path, 'utf8')).join('\u0000') !== f.statements.map((s) => s.sql).join('\u0000'));
    expect(changed.map((f) => f.file)).toEqual(['20260212141500_create_ref_medications.sql']);
    for (const file of files) {
      await query(db, 'update supabase_migrations.schema_migrations set statements = $2 where version = $1', [file.version, legacySplit(readFileSync(file.path, 'utf8'))]);
    }

    const before = await migrationStatus({ databaseUrl: db });
    expect(before.filter((m) => m.legacyRecord).map((m) => m.version)).toEqual(changed.map((f) => f.version));
    const log: string[] = [];
    expect((await migrate({ databaseUrl: db, onLog: (line) => log.push(line) })).applied).toEqual([]);
    expect(log).toEqual([expect.stringMatching(/^rewrote the recorded statements of 20260212141500_create_ref_medications\.sql/)]);
    expect(await query(db, HISTORY)).toEqual(await query(byRunner, HISTORY));

    const again: string[] = [];
    await migrate({ databaseUrl: db, onLog: (line) => again.push(line) });
    expect(again).toEqual([]);
    const { stdout } = await supabase(project, ['db', 'push', '--dry-run', '--db-url', cliUrl(db)]);
    expect(stdout).toMatch(/up to date/i);
  });
});
