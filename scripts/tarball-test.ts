/**
 * `pnpm test:tarballs` (after `pnpm build`): installs the packed packages the way an app
 * would, outside the workspace, and uses them there.
 *
 * 1. `pnpm pack` @ppn/migrations, @ppn/schema and @ppn/sdk (publishConfig applied,
 *    `workspace:^` turned into a range).
 * 2. A temporary app in the system temp directory: `npm install` of the three tarballs plus
 *    @supabase/supabase-js, zod, ws and typescript from the registry.
 * 3. The local stack from the INSTALLED `@ppn/migrations/stack` (dist code finding its SQL).
 * 4. The SDK acceptance steps as a clinician, once as ESM (acceptance.mjs) and once as CJS
 *    (acceptance.cjs).
 * 5. `tsc --noEmit` of a TypeScript file using the packages: strict, with moduleResolution
 *    bundler, and node16 (as CJS and as ESM).
 * 6. `npx ppn-migrate` against a fresh Postgres that has only the local Supabase shim.
 *
 * The app lives in scripts/tarball-app/; set PPN_KEEP_TARBALL_APP=1 to keep the temp folder.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packAll, packedManifest, ROOT, type PublishedName } from './lib/packages.js';

const APP_FILES = join(ROOT, 'scripts', 'tarball-app');
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

/** Starts `node serve.mjs <kind>` in the app and resolves with the JSON line it prints once ready. */
function serve<T>(app: string, kind: 'stack' | 'postgres'): Promise<{ facts: T; child: ChildProcess }> {
  const child = spawn(process.execPath, ['serve.mjs', kind], { cwd: app, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`serve.mjs ${kind} was not ready within 120 s: ${err}`)), 120_000);
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
      reject(new Error(`serve.mjs ${kind} exited with ${code} before it was ready: ${err}`));
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

  step('start the local stack from the installed @ppn/migrations/stack');
  const { facts, child: stack } = await serve<{ url: string }>(app, 'stack');
  console.log(`  stack up at ${facts.url}`);

  step('ESM: node acceptance.mjs');
  process.stdout.write(run(process.execPath, ['acceptance.mjs'], app, { PPN_STACK: JSON.stringify(facts) }));
  step('CJS: node acceptance.cjs');
  process.stdout.write(run(process.execPath, ['acceptance.cjs'], app, { PPN_STACK: JSON.stringify(facts) }));
  await stop(stack);

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
console.log(`\ntest:tarballs: ESM, CJS, TypeScript (bundler, node16) and ppn-migrate passed from the packed tarballs in ${seconds} s`);
