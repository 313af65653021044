/**
 * `pnpm lint:packages` (after `pnpm build`): packs each published package as `pnpm publish`
 * would and checks the tarball, not the workspace folder:
 *
 * - publint --strict: every message (error, warning or suggestion) fails.
 * - @arethetypeswrong/cli (profile strict: node10, node16 from CJS and ESM, bundler): any problem fails.
 * - what ships: only dist/, the SQL, README/CHANGELOG; no `workspace:` ranges; `@ppn/sdk`
 *   depends on `^<the @ppn/schema version>`, `@ppn/local-stack` on `^<the @ppn/migrations version>`;
 *   `@ppn/migrations` depends on `pg` alone (no binaries); the `ppn-migrate` and `ppn-stack`
 *   bins are built JS with a shebang; nothing published depends on `@ppn/local-stack`;
 *   `@ppn/schema` and `@ppn/sdk` import no Node built-ins (they ship to browsers).
 * - tree-shaking survives the build: bundling one validator from the built `@ppn/schema` ESM
 *   leaves the other tables out.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { packAll, packedFiles, packedManifest, PUBLISHED, ROOT, type PublishedName } from './lib/packages.js';

const failures: string[] = [];
const fail = (name: string, message: string) => failures.push(`${name}: ${message}`);

/** What each tarball may contain besides package.json, README.md and CHANGELOG.md. */
const SHIPS: Record<PublishedName, RegExp> = {
  '@ppn/migrations': /^(dist\/[^/]+\.(js|cjs|d\.ts|d\.cts)|supabase\/migrations\/\d{14}_[a-z0-9_]+\.sql|supabase\/seed\.sql|releases\.json)$/,
  '@ppn/local-stack': /^dist\/[^/]+\.(js|cjs|d\.ts|d\.cts|sql)$/,
  '@ppn/schema': /^dist\/index\.(js|cjs|d\.ts|d\.cts)$/,
  '@ppn/sdk': /^dist\/index\.(js|cjs|d\.ts|d\.cts)$/,
};

async function lintPublint(name: PublishedName, tarball: string): Promise<void> {
  const data = readFileSync(tarball);
  const { messages, pkg } = await publint({
    pack: { tarball: data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer },
    strict: true,
    level: 'suggestion',
  });
  for (const message of messages) fail(name, `publint ${message.type}: ${formatMessage(message, pkg) ?? message.code}`);
  console.log(`  publint --strict: ${messages.length === 0 ? 'no messages' : `${messages.length} message(s)`}`);
}

function lintAttw(name: PublishedName, tarball: string): void {
  let output: string;
  try {
    output = execFileSync(join(ROOT, 'node_modules', '.bin', 'attw'), [tarball, '--format', 'json', '--profile', 'strict'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    output = (error as { stdout?: string }).stdout ?? '';
    if (!output) {
      fail(name, `attw did not run: ${(error as Error).message}`);
      return;
    }
  }
  const result = JSON.parse(output) as {
    analysis: { entrypoints: Record<string, unknown>; problems?: unknown[] };
    problems?: Record<string, unknown[]> | unknown[];
  };
  const problems = Object.values(result.problems ?? {}).flat();
  for (const problem of problems) fail(name, `attw: ${JSON.stringify(problem)}`);
  const entrypoints = Object.keys(result.analysis.entrypoints).join(', ');
  console.log(`  attw (node10, node16 CJS/ESM, bundler): ${problems.length === 0 ? 'no problems' : `${problems.length} problem(s)`} in ${entrypoints}`);
}

function lintContents(name: PublishedName, tarball: string, versions: Record<PublishedName, string>): void {
  const files = packedFiles(tarball);
  const manifest = packedManifest(tarball) as {
    version: string;
    sideEffects?: unknown;
    bin?: Record<string, string>;
    dependencies?: Record<string, string>;
    peerDependencies?: Record<string, string>;
    optionalDependencies?: Record<string, string>;
  };
  const extra = files.filter((f) => !['package.json', 'README.md', 'CHANGELOG.md'].includes(f) && !SHIPS[name].test(f));
  if (extra.length) fail(name, `ships files it should not: ${extra.join(', ')}`);
  for (const required of ['README.md', 'CHANGELOG.md', 'dist/index.js', 'dist/index.cjs', 'dist/index.d.ts', 'dist/index.d.cts'])
    if (!files.includes(required)) fail(name, `does not ship ${required}`);
  if (manifest.sideEffects !== false) fail(name, 'sideEffects is not false');
  for (const [dep, range] of Object.entries({ ...manifest.dependencies, ...manifest.peerDependencies }))
    if (range.startsWith('workspace:')) fail(name, `depends on ${dep}@${range}: the workspace protocol was not replaced`);

  if (name === '@ppn/sdk') {
    const range = manifest.dependencies?.['@ppn/schema'];
    if (range !== `^${versions['@ppn/schema']}`) fail(name, `depends on @ppn/schema@${range}, expected ^${versions['@ppn/schema']}`);
    else console.log(`  depends on @ppn/schema@${range}`);
  }
  const all = { ...manifest.dependencies, ...manifest.peerDependencies, ...manifest.optionalDependencies };
  if (name !== '@ppn/local-stack' && '@ppn/local-stack' in all) fail(name, 'depends on @ppn/local-stack: it is a dev tool, nothing published may depend on it');
  const checkBin = (command: string) => {
    const bin = manifest.bin?.[command];
    if (bin !== './dist/cli.js') fail(name, `bin ${command} is ${bin}, expected ./dist/cli.js`);
    else if (!execFileSync('tar', ['-xzOf', tarball, 'package/dist/cli.js'], { encoding: 'utf8' }).startsWith('#!/usr/bin/env node\n'))
      fail(name, 'dist/cli.js has no #!/usr/bin/env node line');
    return bin;
  };
  if (name === '@ppn/migrations') {
    const bin = checkBin('ppn-migrate');
    // SQL and a runner: an app that deploys with ppn-migrate installs no Postgres or PostgREST.
    const deps = Object.keys(all).sort().join(', ');
    if (deps !== 'pg') fail(name, `depends on ${deps || 'nothing'}; expected pg alone (no binaries, no local stack)`);
    const migrations = files.filter((f) => f.startsWith('supabase/migrations/'));
    console.log(`  ships ${migrations.length} migrations, seed.sql, releases.json, bin ppn-migrate -> ${bin}; depends on ${deps}`);
  } else if (name === '@ppn/local-stack') {
    const bin = checkBin('ppn-stack');
    if (!files.includes('dist/shim.sql')) fail(name, 'does not ship dist/shim.sql (the stack reads it)');
    const range = manifest.dependencies?.['@ppn/migrations'];
    if (range !== `^${versions['@ppn/migrations']}`) fail(name, `depends on @ppn/migrations@${range}, expected ^${versions['@ppn/migrations']}`);
    const optional = Object.keys(manifest.optionalDependencies ?? {}).sort();
    console.log(`  bin ppn-stack -> ${bin}; depends on @ppn/migrations@${range}; optional binaries: ${optional.join(', ')}`);
  } else {
    // Browser packages: no Node built-ins in the built code.
    for (const file of files.filter((f) => /^dist\/.*\.c?js$/.test(f))) {
      const code = execFileSync('tar', ['-xzOf', tarball, `package/${file}`], { encoding: 'utf8' });
      const nodeImport = /(?:from\s*|require\()\s*["'](node:[^"']+|fs|path|os|crypto|url|module|child_process)["']/.exec(code);
      if (nodeImport) fail(name, `${file} imports the Node built-in ${nodeImport[1]}`);
    }
  }
  console.log(`  ${files.length} files: ${files.filter((f) => !f.startsWith('supabase/migrations/')).join(' ')}`);
}

/** Bundles `contents` against the unpacked package as an app's bundler would (zod left out). */
async function bundled(dir: string, contents: string): Promise<string> {
  const result = await build({
    stdin: { contents, resolveDir: dir, sourcefile: 'app.js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    external: ['zod', 'zod/*'],
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

async function lintTreeShaking(tarball: string): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ppn-schema-shake-'));
  try {
    execFileSync('tar', ['-xzf', tarball, '-C', dir]);
    const entry = './package/dist/index.js';
    const one = await bundled(dir, `import { sessionEventsInsert } from '${entry}'; console.log(sessionEventsInsert.safeParse({}));`);
    const all = await bundled(dir, `import * as schema from '${entry}'; console.log(schema);`);
    const gz = (s: string) => `${(gzipSync(s).length / 1024).toFixed(1)} KB gzip`;
    console.log(`  tree-shaking (built ESM, zod excluded): sessionEventsInsert alone ${gz(one)}, everything ${gz(all)}`);
    // Table comments are strings only their own table's module holds.
    if (!one.includes('Events logged during a 6-8 hour dosing session')) fail('@ppn/schema', 'the one-validator bundle lost its own table');
    for (const other of ['ref_medications', 'practitioner_profiles', 'integration_homework', 'supervision_circles'])
      if (one.includes(other)) fail('@ppn/schema', `bundling sessionEventsInsert alone pulls in ${other}: tree-shaking did not survive the build`);
    if (one.length > all.length / 3) fail('@ppn/schema', `one validator bundles ${one.length} of ${all.length} bytes: tree-shaking did not survive the build`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const dest = mkdtempSync(join(tmpdir(), 'ppn-packs-'));
try {
  const tarballs = packAll(dest);
  const versions = Object.fromEntries(
    Object.entries(tarballs).map(([name, tarball]) => [name, packedManifest(tarball).version as string]),
  ) as Record<PublishedName, string>;
  for (const [name, tarball] of Object.entries(tarballs) as Array<[PublishedName, string]>) {
    console.log(`${name}@${versions[name]} (${(readFileSync(tarball).length / 1024).toFixed(1)} KB packed)`);
    await lintPublint(name, tarball);
    lintAttw(name, tarball);
    lintContents(name, tarball, versions);
    if (name === '@ppn/schema') await lintTreeShaking(tarball);
  }
} finally {
  rmSync(dest, { recursive: true, force: true });
}

if (failures.length) {
  console.error(`\nlint:packages: ${failures.length} problem(s):`);
  for (const failure of failures) console.error(`  ${failure}`);
  process.exit(1);
}
console.log(`\nlint:packages: publint and attw report nothing for ${PUBLISHED.map((p) => p.name).join(', ')}`);
