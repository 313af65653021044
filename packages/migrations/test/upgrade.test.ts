/**
 * Upgrading converges: a database that ran the previous release's migrations and then
 * migrates to this checkout has the same schema (catalog snapshot) as one migrated from
 * empty; on Postgres 15 and 17. (From ANY earlier point, every prefix of the migrations
 * then the rest: upgrade-every-step.heavy.test.ts, in `pnpm test:heavy`.)
 *
 * "The previous release" is, in order of preference:
 * 1. `releases.json` (written when @ppn/migrations is versioned): the newest release whose
 *    migrations differ from this checkout's;
 * 2. git history: the migrations folder as it was before it last changed (the committed
 *    folder when the working tree adds files; otherwise the parent of the last commit that
 *    touched it), with the files' content AT THAT COMMIT, so an applied file edited since
 *    is caught by the runner (`changed`) instead of being silently re-read;
 * 3. without either (a tarball, a shallow clone): all migrations but the newest.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, MIGRATIONS_DIR, readMigrations } from '../src/index.js';
import { bareCluster, query } from './helpers/bare-postgres.js';
import { catalogSnapshot } from './helpers/catalog.js';
import { postgres15BinDir, shimAndMigrate } from './helpers/postgres-15.js';

const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));
const MANIFEST = join(PACKAGE_DIR, 'releases.json');
const tmpDirs: string[] = [];

interface PreviousRelease {
  source: string;
  /** A migrations folder holding exactly the previous release's files. */
  dir: string;
  versions: string[];
}

const current = readMigrations();
const currentFiles = current.map((m) => m.file);

function folderWith(files: Array<{ file: string; content: string }>): string {
  const dir = mkdtempSync(join(tmpdir(), 'ppn-previous-release-'));
  tmpDirs.push(dir);
  for (const { file, content } of files) writeFileSync(join(dir, file), content);
  return dir;
}

const versionOf = (file: string) => file.slice(0, 14);
const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((f) => b.includes(f));

function fromManifest(): PreviousRelease | undefined {
  if (!existsSync(MANIFEST)) return undefined;
  const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as { releases?: Array<{ version: string; migrations: Array<{ file: string } | string> }> };
  for (const release of [...(manifest.releases ?? [])].reverse()) {
    const files = release.migrations.map((m) => (typeof m === 'string' ? m : m.file));
    if (sameSet(files, currentFiles)) continue;
    return {
      source: `releases.json, release ${release.version}`,
      dir: folderWith(files.map((file) => ({ file, content: readFileSync(join(MIGRATIONS_DIR, file), 'utf8') }))),
      versions: files.map(versionOf).sort(),
    };
  }
  return undefined;
}

function git(args: string[], cwd = PACKAGE_DIR): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 * 1024 * 1024 });
}

function fromGit(): PreviousRelease | undefined {
  try {
    const root = git(['rev-parse', '--show-toplevel']).trim();
    const folder = relative(root, MIGRATIONS_DIR).split('\\').join('/');
    const filesAt = (rev: string) =>
      git(['ls-tree', '--name-only', `${rev}:${folder}`], root)
        .split('\n')
        .filter((f) => /^\d{14}_.+\.sql$/.test(f));
    let rev: string | undefined;
    if (!sameSet(filesAt('HEAD'), currentFiles)) rev = 'HEAD';
    else {
      for (const commit of git(['log', '--format=%H', '--', folder], root).split('\n').filter(Boolean)) {
        const parent = `${commit}^`;
        let files: string[];
        try {
          files = filesAt(parent);
        } catch {
          break; // shallow history, or the commit that created the folder
        }
        if (!sameSet(files, currentFiles)) {
          rev = parent;
          break;
        }
      }
    }
    if (!rev) return undefined;
    const files = filesAt(rev);
    const label = git(['rev-parse', '--short', rev], root).trim();
    return {
      source: `git ${rev === 'HEAD' ? 'HEAD' : label} (the migrations folder before it last changed)`,
      dir: folderWith(files.map((file) => ({ file, content: git(['show', `${rev}:${folder}/${file}`], root) }))),
      versions: files.map(versionOf).sort(),
    };
  } catch {
    return undefined;
  }
}

function previousRelease(): PreviousRelease {
  const found = fromManifest() ?? fromGit();
  if (found) return found;
  const files = current.slice(0, -1);
  return {
    source: 'all migrations but the newest (no release manifest entry, no git history)',
    dir: folderWith(files.map((m) => ({ file: m.file, content: readFileSync(m.path, 'utf8') }))),
    versions: files.map((m) => m.version),
  };
}

type Cluster = Awaited<ReturnType<typeof bareCluster>>;
const clusters: Partial<Record<'15' | '17', Cluster>> = {};
const fresh: Partial<Record<'15' | '17', string[]>> = {};
const previous = previousRelease();

beforeAll(async () => {
  [clusters['15'], clusters['17']] = await Promise.all([bareCluster({ binDir: postgres15BinDir() }), bareCluster()]);
  for (const v of ['15', '17'] as const) {
    const db = await clusters[v]!.createDatabase();
    await shimAndMigrate(db);
    fresh[v] = await catalogSnapshot(db);
  }
}, 120_000);
afterAll(async () => {
  await Promise.all([clusters['15']?.server.stop(), clusters['17']?.server.stop()]);
  for (const dir of tmpDirs) rmSync(dir, { recursive: true, force: true });
});

/** A few rows in tables the first migrations create, so an upgrade must carry data across. */
async function someData(db: string): Promise<void> {
  await query(
    db,
    `insert into auth.users (id, email) values ('00000000-0000-4000-8000-00000000f001', 'upgrade@ppn.local');
     insert into public.sites (site_name) values ('Upgrade site');
     insert into public.user_sites (user_id, site_id, role) select '00000000-0000-4000-8000-00000000f001', site_id, 'clinician' from public.sites;
     insert into public.log_clinical_records (site_id) select site_id from public.sites;
     insert into public.session_events (protocol_id, event_type_id, event_timestamp)
       select record_id, 1, now() from public.log_clinical_records;`,
  );
}

const counts = (db: string) =>
  query(
    db,
    `select (select count(*)::int from public.sites) as sites, (select count(*)::int from public.log_clinical_records) as records,
            (select count(*)::int from public.session_events) as events, (select count(*)::int from public.user_sites) as members`,
  );

describe.each(['15', '17'] as const)('upgrade on Postgres %s', (v) => {
  it(`previous release, then this checkout = a fresh apply (${previous.source})`, async () => {
    console.log(`previous release: ${previous.source}: ${previous.versions.length} migrations; this checkout: ${current.length}`);
    expect(previous.versions.every((version) => current.some((m) => m.version === version))).toBe(true);

    const db = await clusters[v]!.createDatabase();
    expect(await shimAndMigrate(db, previous.dir)).toEqual(previous.versions);
    await someData(db);
    const before = await counts(db);

    // As on a deployed database: the migrations only (the shim is the platform's, applied once).
    const { applied } = await migrate({ databaseUrl: db });
    expect(applied).toEqual(current.map((m) => m.version).filter((version) => !previous.versions.includes(version)));
    expect(await catalogSnapshot(db)).toEqual(fresh[v]);
    expect(await counts(db)).toEqual(before);
  }, 60_000);
});
