/**
 * The migrations manifest (`packages/migrations/releases.json`): for every released version of
 * `@ppn/migrations`, the migration files it shipped and the sha256 of each file's content.
 *
 *   tsx packages/migrations/scripts/release-manifest.ts check    (pnpm release:check, in CI)
 *   tsx packages/migrations/scripts/release-manifest.ts update   (after `changeset version`)
 *
 * `check` fails when the migrations differ from the latest release in the manifest and no
 * pending changeset releases `@ppn/migrations` (directly or through its `fixed` group), so a
 * schema change cannot ship unversioned. It also fails, changeset or not, when a migration
 * that a release shipped was edited or removed: databases that ran it will never run it
 * again, so a correction is always a new migration. `update` records the current migrations
 * under the package's (new) version; `pnpm version-packages` runs it right after
 * `changeset version`.
 *
 * Dev tooling only: not part of the published code.
 *
 * @module
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PACKAGE_NAME = '@ppn/migrations';

export interface ManifestMigration {
  file: string;
  sha256: string;
}

export interface ManifestRelease {
  version: string;
  migrations: ManifestMigration[];
}

export interface Manifest {
  description?: string;
  releases: ManifestRelease[];
}

export interface Layout {
  /** Repository root: `.changeset/` lives here. */
  repoRoot: string;
  /** The `@ppn/migrations` package folder: `package.json`, `releases.json`, `supabase/migrations`. */
  packageDir: string;
}

export interface CheckResult {
  ok: boolean;
  /** One line per problem, each saying what to do. */
  problems: string[];
  /** Files added, changed or removed since the latest release (empty when in step). */
  changes: string[];
  /** The pending changesets that release `@ppn/migrations`. */
  pendingChangesets: string[];
  latestVersion: string | null;
}

const MIGRATION_FILE = /^\d{14}_.+\.sql$/;

const DESCRIPTION =
  'The migrations each released version of @ppn/migrations shipped, with the sha256 of each file. ' +
  'Written by `pnpm version-packages`; checked by `pnpm release:check`. Do not edit by hand.';

function manifestPath(layout: Layout): string {
  return join(layout.packageDir, 'releases.json');
}

/** The migration files of the package folder now, in version order, with their content hashes. */
export function currentMigrations(layout: Layout): ManifestMigration[] {
  const dir = join(layout.packageDir, 'supabase', 'migrations');
  return readdirSync(dir)
    .filter((file) => MIGRATION_FILE.test(file))
    .sort()
    .map((file) => ({ file, sha256: createHash('sha256').update(readFileSync(join(dir, file))).digest('hex') }));
}

export function readManifest(layout: Layout): Manifest {
  const path = manifestPath(layout);
  if (!existsSync(path)) return { releases: [] };
  return JSON.parse(readFileSync(path, 'utf8')) as Manifest;
}

function packageVersion(layout: Layout): string {
  return (JSON.parse(readFileSync(join(layout.packageDir, 'package.json'), 'utf8')) as { version: string }).version;
}

/**
 * The names of the packages a changeset file releases (bump other than `none`), read from its
 * front matter (`"@ppn/migrations": minor`).
 */
export function changesetReleases(markdown: string): string[] {
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(markdown.trimStart());
  if (!match) return [];
  const names: string[] = [];
  for (const line of match[1]!.split(/\r?\n/)) {
    const entry = /^\s*(["']?)(.+?)\1\s*:\s*(major|minor|patch|none)\s*$/.exec(line);
    if (entry && entry[3] !== 'none') names.push(entry[2]!);
  }
  return names;
}

/** The packages released together with `name`: itself and its `fixed` group in `.changeset/config.json`. */
function releasedWith(layout: Layout, name: string): Set<string> {
  const group = new Set([name]);
  const configPath = join(layout.repoRoot, '.changeset', 'config.json');
  if (!existsSync(configPath)) return group;
  const config = JSON.parse(readFileSync(configPath, 'utf8')) as { fixed?: string[][] };
  for (const fixed of config.fixed ?? []) if (fixed.includes(name)) for (const member of fixed) group.add(member);
  return group;
}

/** Pending changesets (`.changeset/*.md` but README.md) that release `@ppn/migrations`. */
export function pendingMigrationChangesets(layout: Layout): string[] {
  const dir = join(layout.repoRoot, '.changeset');
  if (!existsSync(dir)) return [];
  const group = releasedWith(layout, PACKAGE_NAME);
  return readdirSync(dir)
    .filter((file) => file.endsWith('.md') && file.toLowerCase() !== 'readme.md')
    .sort()
    .filter((file) => changesetReleases(readFileSync(join(dir, file), 'utf8')).some((name) => group.has(name)));
}

function diff(released: ManifestMigration[], now: ManifestMigration[]): { added: string[]; changed: string[]; removed: string[] } {
  const before = new Map(released.map((m) => [m.file, m.sha256]));
  const after = new Map(now.map((m) => [m.file, m.sha256]));
  return {
    added: now.filter((m) => !before.has(m.file)).map((m) => m.file),
    changed: now.filter((m) => before.has(m.file) && before.get(m.file) !== m.sha256).map((m) => m.file),
    removed: released.filter((m) => !after.has(m.file)).map((m) => m.file),
  };
}

/** Compares the migrations with the manifest and the pending changesets. Reads only. */
export function checkRelease(layout: Layout): CheckResult {
  const manifest = readManifest(layout);
  const latest = manifest.releases.at(-1) ?? null;
  const now = currentMigrations(layout);
  const pendingChangesets = pendingMigrationChangesets(layout);
  const problems: string[] = [];

  // Every release's files, as shipped: edited or removed ones break the databases that ran them.
  const shipped = new Map<string, { sha256: string; version: string }>();
  for (const release of manifest.releases)
    for (const m of release.migrations) if (!shipped.has(m.file)) shipped.set(m.file, { sha256: m.sha256, version: release.version });
  const nowByFile = new Map(now.map((m) => [m.file, m.sha256]));
  for (const [file, { sha256, version }] of shipped) {
    const current = nowByFile.get(file);
    if (current === undefined) problems.push(`${file} shipped in ${version} and was removed: restore it; migrations are never removed once released.`);
    else if (current !== sha256)
      problems.push(`${file} shipped in ${version} and was edited: restore it and put the change in a new migration (databases that ran it will not run it again).`);
  }

  const { added, changed, removed } = diff(latest?.migrations ?? [], now);
  const changes = [...added.map((f) => `added ${f}`), ...changed.map((f) => `changed ${f}`), ...removed.map((f) => `removed ${f}`)];
  if (changes.length > 0 && pendingChangesets.length === 0) {
    problems.push(
      `The migrations differ from ${latest ? `release ${latest.version}` : 'the manifest (no release recorded yet)'} ` +
        `(${changes.join(', ')}) and no pending changeset releases ${PACKAGE_NAME}: ` +
        'run `pnpm changeset`, select @ppn/migrations (or @ppn/schema: they are released together) and describe the schema change.',
    );
  }
  return { ok: problems.length === 0, problems, changes, pendingChangesets, latestVersion: latest?.version ?? null };
}

/**
 * Records the current migrations under the package's version (the version step, after
 * `changeset version`). A no-op when that version is already recorded with the same files;
 * refuses to rewrite a recorded version with different files.
 */
export function updateManifest(layout: Layout): { recorded: ManifestRelease | null; manifest: Manifest } {
  const manifest = readManifest(layout);
  const version = packageVersion(layout);
  const migrations = currentMigrations(layout);
  const existing = manifest.releases.find((r) => r.version === version);
  if (existing) {
    if (JSON.stringify(existing.migrations) !== JSON.stringify(migrations)) {
      throw new Error(
        `${PACKAGE_NAME}@${version} is already in releases.json with other migrations. ` +
          'Add a changeset for @ppn/migrations and run `pnpm version-packages` so the change gets a new version.',
      );
    }
    return { recorded: null, manifest };
  }
  const release = { version, migrations };
  const next: Manifest = { description: DESCRIPTION, releases: [...manifest.releases, release] };
  writeFileSync(manifestPath(layout), `${JSON.stringify(next, null, 2)}\n`);
  return { recorded: release, manifest: next };
}

/** The repository's own layout. */
export function repoLayout(): Layout {
  const packageDir = fileURLToPath(new URL('..', import.meta.url));
  return { packageDir, repoRoot: resolve(packageDir, '..', '..') };
}

function main(argv: string[]): number {
  const [command] = argv;
  const option = (name: string) => {
    const i = argv.indexOf(name);
    return i === -1 ? undefined : argv[i + 1];
  };
  const repo = repoLayout();
  const layout: Layout = {
    repoRoot: resolve(option('--repo-root') ?? repo.repoRoot),
    packageDir: resolve(option('--package-dir') ?? repo.packageDir),
  };
  if (command === 'check') {
    const result = checkRelease(layout);
    if (!result.ok) {
      for (const problem of result.problems) process.stderr.write(`release:check: ${problem}\n`);
      return 1;
    }
    const state = result.changes.length
      ? `${result.changes.length} migration change(s) since ${result.latestVersion ? `release ${result.latestVersion}` : 'the start (nothing released yet)'}, to be released by the pending changeset(s) ${result.pendingChangesets.join(', ')}`
      : `the migrations match release ${result.latestVersion}`;
    process.stdout.write(`release:check: ok: ${state}\n`);
    return 0;
  }
  if (command === 'update') {
    const { recorded } = updateManifest(layout);
    process.stdout.write(
      recorded
        ? `releases.json: recorded ${PACKAGE_NAME}@${recorded.version} with ${recorded.migrations.length} migrations\n`
        : `releases.json: ${PACKAGE_NAME}@${packageVersion(layout)} is already recorded\n`,
    );
    return 0;
  }
  process.stderr.write('Usage: release-manifest.ts check|update [--repo-root DIR] [--package-dir DIR]\n');
  return 2;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`release-manifest: ${(error as Error).message}\n`);
    process.exitCode = 1;
  }
}
