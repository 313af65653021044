import { readFileSync } from 'node:fs';
import pg from 'pg';
import { legacySplit } from './legacy-split.js';
import { MigrationError } from './migration-error.js';
import { describeTarget } from './target.js';
import { MIGRATIONS_DIR, readMigrations, type MigrationFile } from './migration-files.js';
import { lineAt } from './split-statements.js';
import { findMissingObjects } from './adopt-objects.js';
import { probeFile } from './adopt-probe.js';

export interface MigrateOptions {
  /** Superuser (or owner) connection string, e.g. `postgres://postgres:...@host:5432/postgres`. */
  databaseUrl: string;
  /** Defaults to the migrations shipped in this package. */
  migrationsDir?: string;
  onLog?: (message: string) => void;
}

export interface MigrateResult {
  /** Versions applied by this run, in order. */
  applied: string[];
  /** Versions that were already recorded. */
  alreadyApplied: string[];
}

export interface AdoptResult {
  /** Versions recorded by this run because the database shows their effects. */
  adopted: string[];
  /** The first version the database does not show: `migrate` applies it and the rest. */
  pendingFrom: string | null;
}

// Any constant works; it keeps two runners from applying the same file at once.
const LOCK_KEY = 727_211_001;

const HISTORY_DDL = [
  'create schema if not exists supabase_migrations',
  'create table if not exists supabase_migrations.schema_migrations (version text not null primary key)',
  'alter table supabase_migrations.schema_migrations add column if not exists statements text[]',
  'alter table supabase_migrations.schema_migrations add column if not exists name text',
];

interface Recorded {
  version: string;
  name: string | null;
  statements: string[] | null;
}

async function connect(databaseUrl: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: databaseUrl });
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    throw new MigrationError(
      'connection_failed',
      `could not connect to ${describeTarget(databaseUrl)}: ${(error as Error).message}. Check that the database is running and that the URL (host, port, database, password) is right.`,
      undefined,
      undefined,
      { cause: error },
    );
  }
  return client;
}

/** Runs `fn` holding the runner's advisory lock, with the history table in place. */
async function withLock<T>(databaseUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = await connect(databaseUrl);
  try {
    await client.query('set statement_timeout = 0');
    await client.query('select pg_advisory_lock($1)', [LOCK_KEY]);
    for (const ddl of HISTORY_DDL) await client.query(ddl);
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function readHistory(client: pg.Client): Promise<Map<string, Recorded>> {
  const { rows } = await client.query<Recorded>(
    'select version, name, statements from supabase_migrations.schema_migrations order by version',
  );
  return new Map(rows.map((row) => [row.version, row]));
}

/** A recorded file whose statements are in `ppn-migrate` 0.1's form, not the CLI's. */
interface LegacyRecord {
  file: MigrationFile;
}

/**
 * What `migrate` refuses: a recorded version with no file, or an applied file whose
 * statements differ from those recorded. Rows written by `ppn-migrate` 0.1 (which dropped
 * comment-only fragments) are not refused: they are returned, for `migrate` to rewrite.
 */
function checkRecorded(files: MigrationFile[], history: Map<string, Recorded>): LegacyRecord[] {
  const byVersion = new Map(files.map((f) => [f.version, f]));
  const legacy: LegacyRecord[] = [];
  for (const recorded of history.values()) {
    const file = byVersion.get(recorded.version);
    if (!file) {
      throw new MigrationError(
        'missing_file',
        `The database records migration ${recorded.version}${recorded.name ? `_${recorded.name}` : ''}, which has no file in the migrations folder.`,
      );
    }
    const actual = recorded.statements ?? [];
    if (sameStatements(file.statements.map((s) => s.sql), actual)) continue;
    if (sameStatements(legacySplit(readFileSync(file.path, 'utf8')), actual)) {
      legacy.push({ file });
      continue;
    }
    throw new MigrationError(
      'changed',
      `${file.file} was changed after it was applied: its statements differ from those recorded in supabase_migrations.schema_migrations. Add a new migration instead of editing an applied one.`,
      file.file,
    );
  }
  return legacy;
}

function sameStatements(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((sql, i) => sql === b[i]);
}

/** Rewrites 0.1-recorded rows to the CLI's statements, in one transaction, saying so. */
async function rewriteLegacy(client: pg.Client, legacy: LegacyRecord[], onLog?: (message: string) => void): Promise<void> {
  if (legacy.length === 0) return;
  await client.query('begin');
  try {
    for (const { file } of legacy) {
      await client.query('update supabase_migrations.schema_migrations set statements = $2 where version = $1', [
        file.version,
        file.statements.map((s) => s.sql),
      ]);
      onLog?.(`rewrote the recorded statements of ${file.file} to the Supabase CLI's form (recorded by ppn-migrate 0.1; nothing was run)`);
    }
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  }
}

async function record(client: pg.Client, file: MigrationFile): Promise<void> {
  await client.query('insert into supabase_migrations.schema_migrations (version, name, statements) values ($1, $2, $3)', [
    file.version,
    file.name,
    file.statements.map((s) => s.sql),
  ]);
}

async function applyFile(client: pg.Client, file: MigrationFile): Promise<void> {
  await client.query('begin');
  try {
    for (const statement of file.statements) {
      try {
        await client.query(statement.sql);
      } catch (error) {
        const err = error as pg.DatabaseError;
        const position = Number(err.position);
        const line = statement.line + (position > 0 ? lineAt(statement.sql, position - 1) - 1 : 0);
        throw new MigrationError('failed', `${file.file}:${line}: ${err.message}`, file.file, line, { cause: error });
      }
    }
    await record(client, file);
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  }
}

/**
 * Applies every migration not yet recorded in `supabase_migrations.schema_migrations`,
 * each file in one transaction, and records it as the Supabase CLI does.
 *
 * @example
 * ```ts
 * import { migrate } from '@ppn/migrations';
 * const { applied } = await migrate({ databaseUrl: process.env.DATABASE_URL! });
 * console.log(`applied ${applied.length} migrations`);
 * ```
 * @throws {MigrationError} `changed` when an applied file was edited, `missing_file` when the
 * database records a version with no file, `failed` (with file and line) when a statement fails;
 * the failing file leaves no trace.
 */
export async function migrate(options: MigrateOptions): Promise<MigrateResult> {
  const files = readMigrations(options.migrationsDir ?? MIGRATIONS_DIR);
  return withLock(options.databaseUrl, async (client) => {
    const history = await readHistory(client);
    await rewriteLegacy(client, checkRecorded(files, history), options.onLog);
    const applied: string[] = [];
    for (const file of files) {
      if (history.has(file.version)) continue;
      options.onLog?.(`applying ${file.file}`);
      await applyFile(client, file);
      applied.push(file.version);
    }
    return { applied, alreadyApplied: [...history.keys()] };
  });
}

/**
 * Joins a database built by hand (its objects present, no history) to the migration history,
 * like `supabase migration repair --status applied`, but only for what the database shows.
 * Each file is judged by its effects: it runs inside a transaction that is rolled back, and
 * the file is applied if that changes nothing in the catalog (privileges, default
 * privileges, comments, role settings, function bodies, validated constraints, the rows it
 * seeds) or fails only because the objects it creates exist. The last such file, k, marks
 * how far the database got: files 1..k are recorded (each checked for the objects it
 * creates) and `migrate` applies the rest. Judging from the end matters: a file whose work a
 * later file replaced (a function body, say) would look unapplied on its own.
 *
 * @example
 * ```ts
 * const { adopted, pendingFrom } = await adopt({ databaseUrl });
 * await migrate({ databaseUrl }); // applies pendingFrom and after
 * ```
 * @throws {MigrationError} `adopt_partial` naming the file, what is missing, and how to go
 * on, when only some of a file's objects exist: that database needs a person, not a guess.
 */
export async function adopt(options: MigrateOptions): Promise<AdoptResult> {
  const files = readMigrations(options.migrationsDir ?? MIGRATIONS_DIR);
  return withLock(options.databaseUrl, async (client) => {
    const history = await readHistory(client);
    await rewriteLegacy(client, checkRecorded(files, history), options.onLog);
    const unrecorded = files.filter((f) => !history.has(f.version));
    let reached = -1;
    let pending: { file: MigrationFile; why: string } | null = null;
    for (let i = unrecorded.length - 1; i >= 0 && reached < 0; i--) {
      const file = unrecorded[i]!;
      const probe = await probeFile(client, file);
      if (probe.state === 'partial') throw partial(file, probe.missing);
      if (probe.state === 'present') {
        // A file can also change nothing because what it does is moot here (a revoke of
        // privileges nobody has yet): it marks the reach only if every earlier file's objects exist.
        const gap = await firstGap(client, unrecorded.slice(0, i));
        if (!gap) {
          reached = i;
          break;
        }
        if (gap.missing.length < gap.total) throw partial(gap.file, gap.missing);
        pending = { file, why: `${gap.file.file} before it has not run` };
        continue;
      }
      pending = { file, why: probe.why };
    }
    const adopted: string[] = [];
    for (const file of unrecorded.slice(0, reached + 1)) {
      await record(client, file);
      options.onLog?.(`adopted ${file.file}`);
      adopted.push(file.version);
    }
    if (pending) options.onLog?.(`pending from ${pending.file.file}: ${pending.why}; ppn-migrate migrate applies it and the rest`);
    return { adopted, pendingFrom: pending?.file.version ?? null };
  });
}

/** The first file some of whose objects are absent, with how many it creates. */
async function firstGap(client: pg.Client, files: MigrationFile[]): Promise<{ file: MigrationFile; total: number; missing: string[] } | null> {
  for (const file of files) {
    const { total, missing } = await findMissingObjects(client, file.statements.map((s) => s.sql));
    if (missing.length > 0) return { file, total, missing };
  }
  return null;
}

function partial(file: MigrationFile, missing: string[]): MigrationError {
  return new MigrationError(
    'adopt_partial',
    `${file.file}: the database has some of what it creates but not all (missing: ${missing.join(', ')}), so adopt cannot tell whether it ran. ` +
      `Finish or undo it by hand and run adopt again; or, if you know it ran, record it with \`supabase migration repair --status applied ${file.version}\` and run migrate.`,
    file.file,
  );
}

export interface MigrationStatus {
  version: string;
  name: string;
  applied: boolean;
  /** Recorded by `ppn-migrate` 0.1 in its own statement form; the next `migrate` rewrites the row. */
  legacyRecord: boolean;
}

/**
 * Lists the folder's migrations and whether each is recorded as applied, after the same
 * checks as `migrate`: it throws where `migrate` would refuse. It only reads: no lock, and
 * no history table is created.
 *
 * @example
 * ```ts
 * import { migrationStatus } from '@ppn/migrations';
 * for (const m of await migrationStatus({ databaseUrl })) console.log(m.applied ? 'applied' : 'pending', m.version, m.name);
 * ```
 * @throws {MigrationError} `changed` or `missing_file`, naming the file, as `migrate` would.
 */
export async function migrationStatus(options: MigrateOptions): Promise<MigrationStatus[]> {
  const files = readMigrations(options.migrationsDir ?? MIGRATIONS_DIR);
  const client = await connect(options.databaseUrl);
  try {
    const { rows } = await client.query<{ exists: boolean }>(
      "select to_regclass('supabase_migrations.schema_migrations') is not null as exists",
    );
    const history = rows[0]!.exists ? await readHistory(client) : new Map<string, Recorded>();
    const legacy = new Set(checkRecorded(files, history).map((l) => l.file.version));
    return files.map((f) => ({ version: f.version, name: f.name, applied: history.has(f.version), legacyRecord: legacy.has(f.version) }));
  } finally {
    await client.end();
  }
}
