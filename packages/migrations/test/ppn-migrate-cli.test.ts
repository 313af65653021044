import { execFile } from 'node:child_process';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, readMigrations } from '../src/index.js';
import { applyLocalShim } from '../../../test/stack.js';
import { bareCluster, query } from './helpers/bare-postgres.js';

const CLI = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
const files = readMigrations();

/** A port nothing listens on: bound by the OS, then released. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function ppnMigrate(args: string[], env: Record<string, string | undefined> = {}): Promise<Run> {
  return new Promise((resolve) => {
    const childEnv = { ...process.env, ...env };
    for (const [key, value] of Object.entries(env)) if (value === undefined) delete childEnv[key];
    execFile(process.execPath, ['--import', 'tsx', CLI, ...args], { env: childEnv, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

/** A TCP listener posing as a database: it counts the connections a run attempts. */
let trap: Server;
let trapConnections = 0;
let trapUrl: string;
let cluster: Awaited<ReturnType<typeof bareCluster>>;
let migrated: string;

beforeAll(async () => {
  const port = await freePort();
  trap = createServer((socket) => {
    trapConnections++;
    socket.destroy();
  });
  await new Promise<void>((resolve) => trap.listen(port, '127.0.0.1', resolve));
  trapUrl = `postgres://postgres:trap-password@127.0.0.1:${port}/trap`;
  cluster = await bareCluster();
  migrated = await cluster.createDatabase();
  await applyLocalShim(migrated);
  await migrate({ databaseUrl: migrated });
});
afterAll(async () => {
  await new Promise((resolve) => trap?.close(resolve));
  await cluster?.server.stop();
});

const target = (url: string) => url.replace(/^postgres:\/\/[^@]*@/, '').replace(/\?.*$/, '');

describe('ppn-migrate arguments', { timeout: 120_000 }, () => {
  it('reads --database-url=URL and --database-url URL, before or after the command, over DATABASE_URL', async () => {
    const before = trapConnections;
    const runs = await Promise.all([
      ppnMigrate([`--database-url=${migrated}`, 'status'], { DATABASE_URL: trapUrl }),
      ppnMigrate(['--database-url', migrated, 'status'], { DATABASE_URL: trapUrl }),
      ppnMigrate(['status', `--database-url=${migrated}`], { DATABASE_URL: trapUrl }),
      ppnMigrate(['status', '--database-url', migrated], { DATABASE_URL: trapUrl }),
    ]);
    for (const run of runs) {
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).toContain(`status on ${target(migrated)}`);
      expect(run.stdout.split('\n').filter((l) => l.startsWith('applied  '))).toHaveLength(files.length);
      expect(run.stdout).toContain('database is up to date');
    }
    expect(trapConnections).toBe(before);
  });

  it('runs migrate when no command is given, on the flag URL', async () => {
    const run = await ppnMigrate([`--database-url=${migrated}`], { DATABASE_URL: trapUrl });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(`migrate on ${target(migrated)}`);
    expect(run.stdout.trim()).toBe('database is up to date');
  });

  it('exits 2 with the usage and connects to nothing on an unknown flag, an unknown command, a stray argument or a missing value', async () => {
    const before = trapConnections;
    const invocations = [
      ['--databse-url', migrated, 'status'],
      ['statsu'],
      ['status', 'extra'],
      ['migrate', 'adopt'],
      ['status', '--database-url'],
      ['--dir'],
      ['-x'],
    ];
    const runs = await Promise.all(invocations.map((args) => ppnMigrate(args, { DATABASE_URL: trapUrl })));
    runs.forEach((run, i) => {
      expect(run.code, invocations[i]!.join(' ')).toBe(2);
      expect(run.stderr, invocations[i]!.join(' ')).toContain('Usage: ppn-migrate');
      expect(run.stdout).toBe('');
    });
    // Give a stray connection attempt time to land before counting.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(trapConnections).toBe(before);
  });

  it('exits 2 without a URL from the flag or the environment', async () => {
    const run = await ppnMigrate(['status'], { DATABASE_URL: undefined });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no database URL');
  });

  it('prints --help on stdout and exits 0', async () => {
    const run = await ppnMigrate(['--help'], { DATABASE_URL: trapUrl });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Usage: ppn-migrate');
  });

  it('names the target it could not reach, without the password, and suggests checking that the database runs', async () => {
    const port = await freePort();
    const run = await ppnMigrate(['status', '--database-url', `postgres://postgres:hunter2-secret@127.0.0.1:${port}/nowhere`]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`status on 127.0.0.1:${port}/nowhere`);
    expect(run.stderr).toContain(`connection_failed: could not connect to 127.0.0.1:${port}/nowhere`);
    expect(run.stderr).toMatch(/database is running/);
    expect(run.stderr + run.stdout).not.toContain('hunter2-secret');
  });
});

describe('ppn-migrate status runs the checks of migrate', { timeout: 120_000 }, () => {
  it('exits 1 naming the file when an applied file no longer matches its record, as migrate does', async () => {
    const db = await cluster.createDatabase();
    await applyLocalShim(db);
    await migrate({ databaseUrl: db });
    const file = files[3]!;
    await query(db, `update supabase_migrations.schema_migrations set statements = statements || '{select 1}'::text[] where version = $1`, [file.version]);
    const [status, migrateRun] = await Promise.all([ppnMigrate(['status', '--database-url', db]), ppnMigrate(['migrate', '--database-url', db])]);
    for (const run of [status, migrateRun]) {
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`changed: ${file.file} was changed after it was applied`);
    }
  });

  it('exits 1 naming the version when the database records a migration that has no file', async () => {
    const db = await cluster.createDatabase();
    await applyLocalShim(db);
    await migrate({ databaseUrl: db });
    await query(db, "insert into supabase_migrations.schema_migrations (version, name, statements) values ('20991231000000', 'from_elsewhere', '{}')");
    const run = await ppnMigrate(['status', '--database-url', db]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('missing_file: The database records migration 20991231000000_from_elsewhere');
  });

  it('only reads: on a database with no history it lists every file pending and creates nothing', async () => {
    const db = await cluster.createDatabase();
    const run = await ppnMigrate(['status', '--database-url', db]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.split('\n').filter((l) => l.startsWith('pending  '))).toHaveLength(files.length);
    expect(await query(db, "select to_regnamespace('supabase_migrations') as schema")).toEqual([{ schema: null }]);
  });
});
