import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrate } from '@ppn/migrations';
import pg from 'pg';
import { createAuthServer, type AuthRequestEvent } from './auth.js';
import { startGateway } from './gateway.js';
import { DEFAULT_JWT_SECRET, signToken } from './keys.js';
import { PERSONA_CREDENTIALS } from './persona-credentials.js';
import { PERSONAS, personaEmail, type PersonaName } from './personas.js';
import { freePort } from './ports.js';
import { startPostgres } from './postgres.js';
import { startPostgrest } from './postgrest.js';
import { StackError } from './stack-error.js';
import { applySeed } from './seed.js';
import { removeStateFile, writeStateFile } from './state-file.js';

export interface StackOptions {
  /** Gateway port (the `url`); free ports are chosen when omitted. */
  port?: number;
  dbPort?: number;
  restPort?: number;
  jwtSecret?: string;
  /** Load the dev personas from `supabase/seed.sql` (default true). */
  seed?: boolean;
  /** Write the facts to this state file while running; removed again by `stop()`. */
  stateFile?: string;
  /**
   * PostgREST's row cap: no response holds more rows (default 1000, hosted Supabase's
   * "Max rows"). Tests lower it to see paging at small sizes.
   */
  maxRows?: number;
  /**
   * Serve the migrations of this folder instead of `@ppn/migrations`' own: an app's folder
   * with migrations of its own, or a test's copy holding only the files before a change.
   */
  migrationsDir?: string;
  /** Directory of another Postgres build's binaries (e.g. 15) to run instead. */
  postgresBinDir?: string;
  /** The dev `/auth/v1` (password sign-in for the seeded personas). */
  auth?: AuthStackOptions;
  onLog?: (line: string) => void;
}

export interface AuthStackOptions {
  /** Access-token lifetime in seconds (default 3600, as hosted Supabase). Tests shorten it. */
  jwtExpiry?: number;
  /**
   * Seconds for which the parent of a session's current refresh token is still accepted
   * (default 10, as hosted Supabase); 0 refuses every reuse.
   */
  refreshTokenReuseInterval?: number;
  /** Called after every `/auth/v1` request with its path, grant type and status (tests count refreshes). */
  onRequest?: (event: AuthRequestEvent) => void;
}

export interface PersonaFacts {
  userId: string;
  /** Signs in with `supabase.auth.signInWithPassword({ email, password })`. */
  email: string;
  /** The persona's dev password (dev seed only; public knowledge like the stack's keys). */
  password: string;
  role: string | null;
  siteId: number | null;
  /** A signed `authenticated` JWT for this persona. */
  token: string;
}

/** What a running stack tells its users; `pnpm stack --json` prints exactly this. */
export interface StackFacts {
  /** Gateway base URL: pass it to `createClient`. */
  url: string;
  anonKey: string;
  serviceRoleKey: string;
  jwtSecret: string;
  /**
   * Superuser connection string, with `?sslmode=disable` (the local Postgres has no TLS):
   * psql, node-postgres and the Supabase CLI accept it as it is.
   */
  dbUrl: string;
  restUrl: string;
  personas: Record<PersonaName, PersonaFacts>;
  /** PostgREST's row cap. */
  maxRows: number;
  /** The process running the stack: SIGINT or SIGTERM to it stops the stack cleanly. */
  pid: number;
}

export interface Stack extends StackFacts {
  /** Stops and starts PostgREST (fault tests; role settings reach it only on start). */
  restartPostgrest(): Promise<void>;
  /** Asks PostgREST to reload its schema cache and configuration. */
  reloadPostgrest(): Promise<void>;
  stop(): Promise<void>;
}

// The shim sits beside this module: src/shim.sql in the workspace, dist/shim.sql in the
// published package (the build copies it next to the bundled code).
const SHIM_SQL = fileURLToPath(new URL('./shim.sql', import.meta.url));
// The dev seed ships with the migrations it belongs to: the @ppn/migrations installed beside us.
const SEED_SQL = join(dirname(createRequire(import.meta.url).resolve('@ppn/migrations/package.json')), 'supabase', 'seed.sql');

/**
 * Applies the local Supabase shim to a bare Postgres: the roles (`anon`, `authenticated`,
 * `service_role`, `authenticator`), the `auth` schema with `auth.users` and `auth.uid()`,
 * `auth.role()`, `auth.email()`, `auth.jwt()`, and Supabase's grants. The migrations need
 * them; hosted Supabase already has them, so the shim is never part of the migrations.
 *
 * @example
 * ```ts
 * import { applyLocalShim, startPostgres } from '@ppn/local-stack';
 * import { migrate } from '@ppn/migrations';
 *
 * const postgres = await startPostgres();
 * await applyLocalShim(postgres.dbUrl);
 * await migrate({ databaseUrl: postgres.dbUrl });
 * await postgres.stop();
 * ```
 */
export async function applyLocalShim(dbUrl: string): Promise<void> {
  await runSql(dbUrl, readFileSync(SHIM_SQL, 'utf8'));
}

async function runSql(dbUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Starts Postgres 17, the local Supabase shim, every migration, the dev seed, PostgREST 12
 * and the `/rest/v1` gateway: a Supabase-compatible stack without Docker.
 *
 * @example
 * ```ts
 * import { startStack } from '@ppn/local-stack';
 * const stack = await startStack();
 * const supabase = createClient(stack.url, stack.anonKey, {
 *   global: { headers: { Authorization: `Bearer ${stack.personas.clinicianA.token}` } },
 * });
 * await stack.stop();
 * ```
 */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const jwtSecret = options.jwtSecret ?? DEFAULT_JWT_SECRET;
  const maxRows = options.maxRows ?? 1000;
  const jwtExpiry = options.auth?.jwtExpiry ?? 3600;
  const reuseInterval = options.auth?.refreshTokenReuseInterval ?? 10;
  if (!Number.isFinite(jwtExpiry) || jwtExpiry <= 0)
    throw new StackError('invalid_option', `auth.jwtExpiry must be a positive number of seconds; got ${String(jwtExpiry)}`);
  if (!Number.isFinite(reuseInterval) || reuseInterval < 0)
    throw new StackError('invalid_option', `auth.refreshTokenReuseInterval must be zero or more seconds; got ${String(reuseInterval)}`);
  if (!Number.isSafeInteger(maxRows) || maxRows < 1)
    throw new StackError('invalid_option', `maxRows must be a whole number of rows, at least 1; got ${String(options.maxRows)}`);
  const [dbPort, restPort, port] = await Promise.all([
    options.dbPort ?? freePort(),
    options.restPort ?? freePort(),
    options.port ?? freePort(),
  ]);
  const cleanups: Array<() => Promise<void>> = [];
  const stopAll = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
  };

  try {
    const postgres = await startPostgres({ port: dbPort, binDir: options.postgresBinDir, onLog: options.onLog });
    cleanups.push(postgres.stop);

    const authenticatorPassword = randomBytes(18).toString('hex');
    await applyLocalShim(postgres.dbUrl);
    await runSql(postgres.dbUrl, `alter role authenticator with login password '${authenticatorPassword}'`);
    await migrate({ databaseUrl: postgres.dbUrl, ...(options.migrationsDir ? { migrationsDir: options.migrationsDir } : {}) });
    if (options.seed !== false) await applySeed(postgres.dbUrl, SEED_SQL);

    const dbUri = `postgres://authenticator:${authenticatorPassword}@127.0.0.1:${dbPort}/postgres`;
    const postgrest = await startPostgrest({ dbUri, jwtSecret, port: restPort, maxRows, onLog: options.onLog });
    cleanups.push(postgrest.stop);

    const url = `http://127.0.0.1:${port}`;
    // Without the seed there are no users to sign in.
    const users =
      options.seed === false
        ? []
        : (Object.entries(PERSONAS) as Array<[PersonaName, (typeof PERSONAS)[PersonaName]]>).map(([name, persona]) => ({
            id: persona.userId,
            email: personaEmail(name),
            passwordHash: PERSONA_CREDENTIALS[name].passwordHash,
          }));
    const auth = createAuthServer({ jwtSecret, url, users, jwtExpiry, refreshTokenReuseInterval: reuseInterval, onRequest: options.auth?.onRequest });
    const gateway = await startGateway({ port, restPort: () => postgrest.port, auth });
    cleanups.push(gateway.stop);

    const personas = {} as Record<PersonaName, PersonaFacts>;
    for (const [name, persona] of Object.entries(PERSONAS) as Array<[PersonaName, (typeof PERSONAS)[PersonaName]]>) {
      const email = personaEmail(name);
      personas[name] = {
        ...persona,
        email,
        password: PERSONA_CREDENTIALS[name].password,
        token: await signToken(jwtSecret, { role: 'authenticated', sub: persona.userId, email }),
      };
    }

    const facts: StackFacts = {
      url,
      anonKey: await signToken(jwtSecret, { role: 'anon' }),
      serviceRoleKey: await signToken(jwtSecret, { role: 'service_role' }),
      jwtSecret,
      dbUrl: `${postgres.dbUrl}?sslmode=disable`,
      restUrl: `http://127.0.0.1:${restPort}`,
      personas,
      maxRows,
      pid: process.pid,
    };
    if (options.stateFile) {
      const path = options.stateFile;
      writeStateFile(path, facts);
      cleanups.unshift(async () => removeStateFile(path, facts.url));
    }

    return {
      ...facts,
      restartPostgrest: () => postgrest.restart(),
      reloadPostgrest: () => runSql(postgres.dbUrl, "notify pgrst, 'reload schema'; notify pgrst, 'reload config'"),
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
