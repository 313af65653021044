/**
 * The published packages and how CI packs them: exactly as `pnpm publish` would (pnpm applies
 * `publishConfig` and turns `workspace:^` into a version range while packing).
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Folder and name of each published package, in dependency order. */
export const PUBLISHED = [
  { dir: 'packages/migrations', name: '@ppn/migrations' },
  { dir: 'packages/local-stack', name: '@ppn/local-stack' },
  { dir: 'packages/schema', name: '@ppn/schema' },
  { dir: 'packages/sdk', name: '@ppn/sdk' },
] as const;

export type PublishedName = (typeof PUBLISHED)[number]['name'];

/** The pnpm that runs this script (`pnpm run` sets npm_execpath), else the pinned one through npx. */
export function pnpm(args: string[], cwd: string): string {
  const execPath = process.env.npm_execpath;
  // pnpm 12 is a native executable; older ones are a .cjs file that node runs.
  const [command, prefix] = !execPath || !/pnpm/.test(execPath)
    ? ['npx', ['--yes', pnpmSpec()]]
    : /\.[cm]?js$/.test(execPath) ? [process.execPath, [execPath]] : [execPath, []];
  return execFileSync(command, [...prefix, ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
}

function pnpmSpec(): string {
  return (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { packageManager: string }).packageManager;
}

/** Packs every published package (built beforehand) into `dest`; returns name -> tarball path. */
export function packAll(dest: string): Record<PublishedName, string> {
  const tarballs = {} as Record<PublishedName, string>;
  for (const { dir, name } of PUBLISHED) {
    const before = new Set(readdirSync(dest));
    pnpm(['pack', '--pack-destination', dest], join(ROOT, dir));
    const created = readdirSync(dest).filter((f) => f.endsWith('.tgz') && !before.has(f));
    if (created.length !== 1) throw new Error(`pnpm pack of ${name} produced ${created.length} tarballs`);
    tarballs[name] = join(dest, created[0]!);
  }
  return tarballs;
}

/** The package.json inside a tarball, as published. */
export function packedManifest(tarball: string): Record<string, unknown> {
  return JSON.parse(execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' })) as Record<string, unknown>;
}

/** The file list of a tarball, without the `package/` prefix. */
export function packedFiles(tarball: string): string[] {
  return execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' })
    .split('\n')
    .filter(Boolean)
    .map((f) => f.replace(/^package\//, ''))
    .sort();
}
