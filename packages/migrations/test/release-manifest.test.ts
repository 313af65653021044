/**
 * The release check: a migration change cannot ship without a version. Each test builds a
 * throwaway repository (a `.changeset/` folder and an `@ppn/migrations` package with a few
 * migrations) in a temporary directory; the real repository is never touched.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { changesetReleases, checkRelease, readManifest, updateManifest, type Layout } from '../scripts/release-manifest.js';

const SCRIPT = fileURLToPath(new URL('../scripts/release-manifest.ts', import.meta.url));
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A repository whose @ppn/migrations 0.1.0 is released and recorded in its manifest. */
function releasedRepo(): Layout {
  const repoRoot = mkdtempSync(join(tmpdir(), 'ppn-release-check-'));
  dirs.push(repoRoot);
  const packageDir = join(repoRoot, 'packages', 'migrations');
  mkdirSync(join(packageDir, 'supabase', 'migrations'), { recursive: true });
  mkdirSync(join(repoRoot, '.changeset'));
  writeFileSync(
    join(repoRoot, '.changeset', 'config.json'),
    JSON.stringify({ fixed: [['@ppn/migrations', '@ppn/schema']], ignore: [] }),
  );
  writeFileSync(join(repoRoot, '.changeset', 'README.md'), '# Changesets\n');
  writeFileSync(join(packageDir, 'package.json'), JSON.stringify({ name: '@ppn/migrations', version: '0.1.0' }));
  migration({ repoRoot, packageDir }, '20260101000000_baseline.sql', 'create table t (id bigint primary key);\n');
  migration({ repoRoot, packageDir }, '20260102000000_more.sql', 'alter table t add column note text;\n');
  updateManifest({ repoRoot, packageDir });
  return { repoRoot, packageDir };
}

function migration(layout: Layout, file: string, sql: string): void {
  writeFileSync(join(layout.packageDir, 'supabase', 'migrations', file), sql);
}

function changeset(layout: Layout, name: string, releases: Record<string, string>, summary = 'A change.'): void {
  const front = Object.entries(releases).map(([pkg, bump]) => `"${pkg}": ${bump}`);
  writeFileSync(join(layout.repoRoot, '.changeset', `${name}.md`), `---\n${front.join('\n')}\n---\n\n${summary}\n`);
}

function setVersion(layout: Layout, version: string): void {
  writeFileSync(join(layout.packageDir, 'package.json'), JSON.stringify({ name: '@ppn/migrations', version }));
}

/** The CLI as CI runs it (`pnpm release:check`), pointed at the throwaway repository. */
function cli(layout: Layout): { status: number; output: string } {
  try {
    const output = execFileSync(
      process.execPath,
      ['--import', 'tsx', SCRIPT, 'check', '--repo-root', layout.repoRoot, '--package-dir', layout.packageDir],
      { encoding: 'utf8', stdio: 'pipe' },
    );
    return { status: 0, output };
  } catch (error) {
    const e = error as { status: number; stdout: string; stderr: string };
    return { status: e.status, output: `${e.stdout}${e.stderr}` };
  }
}

describe('release:check', () => {
  it('passes when the migrations are the latest release', () => {
    const repo = releasedRepo();
    expect(readManifest(repo).releases.map((r) => r.version)).toEqual(['0.1.0']);
    expect(checkRelease(repo)).toMatchObject({ ok: true, changes: [], latestVersion: '0.1.0' });
    expect(cli(repo)).toMatchObject({ status: 0 });
  });

  it('fails on a new migration without a pending changeset, and passes once one releases @ppn/migrations', () => {
    const repo = releasedRepo();
    migration(repo, '20260103000000_add_index.sql', 'create index t_note on t (note);\n');

    const refused = checkRelease(repo);
    expect(refused.ok).toBe(false);
    expect(refused.changes).toEqual(['added 20260103000000_add_index.sql']);
    expect(refused.problems.join('\n')).toMatch(/no pending changeset releases @ppn\/migrations/);
    const run = cli(repo);
    expect(run.status).toBe(1);
    expect(run.output).toMatch(/release:check: The migrations differ from release 0\.1\.0/);

    changeset(repo, 'brave-tables-sing', { '@ppn/migrations': 'minor' }, 'Index notes.');
    expect(checkRelease(repo)).toMatchObject({ ok: true, pendingChangesets: ['brave-tables-sing.md'] });
    expect(cli(repo).status).toBe(0);
  });

  it('counts a changeset for @ppn/schema (same fixed group), not one for @ppn/sdk alone', () => {
    const repo = releasedRepo();
    migration(repo, '20260103000000_add_index.sql', 'create index t_note on t (note);\n');
    changeset(repo, 'sdk-only', { '@ppn/sdk': 'patch' });
    changeset(repo, 'schema-none', { '@ppn/schema': 'none' });
    expect(checkRelease(repo).ok).toBe(false);

    changeset(repo, 'schema-types', { '@ppn/schema': 'patch', '@ppn/sdk': 'patch' });
    expect(checkRelease(repo)).toMatchObject({ ok: true, pendingChangesets: ['schema-types.md'] });
  });

  it('refuses an edited or removed released migration even with a changeset', () => {
    const edited = releasedRepo();
    appendFileSync(join(edited.packageDir, 'supabase', 'migrations', '20260102000000_more.sql'), 'alter table t add column x int;\n');
    changeset(edited, 'fix', { '@ppn/migrations': 'patch' });
    const result = checkRelease(edited);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([expect.stringMatching(/20260102000000_more\.sql shipped in 0\.1\.0 and was edited/)]);

    const removed = releasedRepo();
    rmSync(join(removed.packageDir, 'supabase', 'migrations', '20260102000000_more.sql'));
    changeset(removed, 'fix', { '@ppn/migrations': 'patch' });
    expect(checkRelease(removed).problems).toEqual([expect.stringMatching(/20260102000000_more\.sql shipped in 0\.1\.0 and was removed/)]);
  });

  it('the version step records the new release, after which no changeset is needed', () => {
    const repo = releasedRepo();
    migration(repo, '20260103000000_add_index.sql', 'create index t_note on t (note);\n');
    changeset(repo, 'index-notes', { '@ppn/migrations': 'minor' });

    // What `pnpm version-packages` does: `changeset version` consumes the changeset and bumps...
    rmSync(join(repo.repoRoot, '.changeset', 'index-notes.md'));
    setVersion(repo, '0.2.0');
    expect(checkRelease(repo).ok).toBe(false); // (the moment in between: not yet recorded)
    // ...then the manifest update records 0.2.0.
    const { recorded } = updateManifest(repo);
    expect(recorded?.version).toBe('0.2.0');
    expect(recorded?.migrations.map((m) => m.file)).toEqual([
      '20260101000000_baseline.sql',
      '20260102000000_more.sql',
      '20260103000000_add_index.sql',
    ]);
    expect(recorded?.migrations[2]?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(checkRelease(repo)).toMatchObject({ ok: true, latestVersion: '0.2.0' });

    // Running it again changes nothing; a recorded version is never rewritten with other files.
    const before = readFileSync(join(repo.packageDir, 'releases.json'), 'utf8');
    expect(updateManifest(repo).recorded).toBeNull();
    expect(readFileSync(join(repo.packageDir, 'releases.json'), 'utf8')).toBe(before);
    migration(repo, '20260104000000_late.sql', 'select 1;\n');
    expect(() => updateManifest(repo)).toThrow(/already in releases\.json with other migrations/);
  });
});

describe('changesetReleases', () => {
  it('reads the packages a changeset releases from its front matter', () => {
    expect(changesetReleases('---\n"@ppn/migrations": minor\n\'@ppn/sdk\': patch\n@ppn/schema: none\n---\n\nText.\n')).toEqual([
      '@ppn/migrations',
      '@ppn/sdk',
    ]);
    expect(changesetReleases('---\n---\n\nAn empty changeset.\n')).toEqual([]);
    expect(changesetReleases('No front matter.')).toEqual([]);
  });
});
