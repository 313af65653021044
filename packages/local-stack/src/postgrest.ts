import { spawn, type ChildProcess } from 'node:child_process';
import { postgrestBinary } from './binaries.js';
import { freePort } from './ports.js';
import { captureOutput, waitForExit } from './process.js';

export interface PostgrestOptions {
  /** Connection string for the `authenticator` role. */
  dbUri: string;
  jwtSecret: string;
  port: number;
  /** PostgREST's row cap (`db-max-rows`); hosted Supabase's default is 1000. */
  maxRows?: number;
  onLog?: (line: string) => void;
}

export interface PostgrestServer {
  readonly port: number;
  /** Stops and starts PostgREST on the same port (fault tests; picks up role settings). */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

async function waitUntilReady(adminPort: number, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`postgrest exited with ${child.exitCode}: ${log()}`);
    const ok = await fetch(`http://127.0.0.1:${adminPort}/ready`)
      .then((res) => res.status === 200)
      .catch(() => false);
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`postgrest was not ready within 20 s: ${log()}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Starts PostgREST 12 with hosted Supabase's settings where they matter. */
export async function startPostgrest(options: PostgrestOptions): Promise<PostgrestServer> {
  const binary = postgrestBinary().path;
  let child: ChildProcess | undefined;
  let output: () => string = () => '';

  const launch = async () => {
    const adminPort = await freePort();
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      PGRST_DB_URI: options.dbUri,
      PGRST_DB_SCHEMAS: 'public',
      PGRST_DB_ANON_ROLE: 'anon',
      PGRST_DB_EXTRA_SEARCH_PATH: 'public,extensions',
      PGRST_DB_MAX_ROWS: String(options.maxRows ?? 1000),
      PGRST_DB_POOL: '10',
      PGRST_DB_CHANNEL_ENABLED: 'true',
      PGRST_JWT_SECRET: options.jwtSecret,
      PGRST_SERVER_HOST: '127.0.0.1',
      PGRST_SERVER_PORT: String(options.port),
      PGRST_ADMIN_SERVER_PORT: String(adminPort),
      PGRST_LOG_LEVEL: 'error',
    };
    const proc = spawn(binary, [], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    output = captureOutput(proc, options.onLog);
    child = proc;
    try {
      await waitUntilReady(adminPort, proc, output);
    } catch (error) {
      await waitForExit(proc, 'SIGKILL', 1000);
      throw error;
    }
  };

  const stop = async () => {
    if (child) await waitForExit(child, 'SIGTERM', 5000);
  };

  await launch();
  return {
    port: options.port,
    async restart() {
      await stop();
      await launch();
    },
    stop,
  };
}
