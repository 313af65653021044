import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { isPackageManager, wrapperAncestors, type ProcessInfo } from '../src/process.js';
import { alive, descendants } from '../../../test/processes.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const CLI = fileURLToPath(new URL('../src/cli.ts', import.meta.url));

async function until<T>(what: string, check: () => T | undefined | false, timeoutMs = 120_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/**
 * Starts `command` with `setsid ... &` from a `sh -c` that exits at once, as a script, an
 * IDE task or a CI step would; returns the background job's pid and the state file.
 */
async function startInBackground(command: string): Promise<{ jobPid: number; stateFile: string; folder: string; facts: { url: string; pid: number } }> {
  const folder = mkdtempSync(join(tmpdir(), 'ppn-background-'));
  folders.push(folder);
  const stateFile = join(folder, 'stack.json');
  const jobPid = Number(
    execFileSync('sh', ['-c', `setsid ${command} > ${folder}/out.log 2> ${folder}/err.log < /dev/null & echo $!`], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, PPN_STACK_STATE_FILE: stateFile },
    }).trim(),
  );
  // The shell that started it has exited by now (execFileSync returned).
  const facts = await until('the state file', () => {
    if (!existsSync(stateFile)) {
      if (!alive(jobPid)) throw new Error(`the stack exited: ${readFileSync(join(folder, 'err.log'), 'utf8')}`);
      return undefined;
    }
    return JSON.parse(readFileSync(stateFile, 'utf8')) as { url: string; pid: number };
  });
  return { jobPid, stateFile, folder, facts };
}

async function expectAnswering(url: string): Promise<void> {
  // A few seconds after the starting shell is gone: the stack must still be there.
  await new Promise((r) => setTimeout(r, 2000));
  const res = await fetch(`${url}/health`);
  expect(res.status).toBe(200);
}

describe.skipIf(process.platform !== 'linux')('started in the background (setsid ... &, the starting shell exits)', () => {
  it('keeps running; SIGINT to the stack pid (from the state file) stops it with nothing left', async () => {
    const { facts, stateFile, folder } = await startInBackground(`${process.execPath} --import tsx ${CLI}`);
    await expectAnswering(facts.url);
    const tree = [facts.pid, ...descendants(facts.pid)];
    expect(tree.length).toBeGreaterThan(2); // node, postgres (and its workers), postgrest
    expect(readFileSync(join(folder, 'out.log'), 'utf8')).toContain(`(pid ${facts.pid})`);
    process.kill(facts.pid, 'SIGINT');
    await until('every process to exit', () => !tree.some(alive));
    expect(existsSync(stateFile)).toBe(false);
  }, 180_000);

  it('through npx pnpm: keeps running; SIGTERM to the setsid wrapper pid stops it with nothing left', async () => {
    const { jobPid, facts, stateFile } = await startInBackground('npx --yes pnpm@12.4.2 stack --json');
    expect(facts.pid).not.toBe(jobPid); // the wrapper is npm, the stack is below it
    await expectAnswering(facts.url);
    const tree = [jobPid, ...descendants(jobPid)];
    expect(tree).toContain(facts.pid);
    process.kill(jobPid, 'SIGTERM');
    await until('every process to exit', () => !tree.some(alive), 60_000);
    expect(existsSync(stateFile)).toBe(false);
  }, 240_000);
});

describe.skipIf(process.platform !== 'linux')('--exit-with-parent', () => {
  it('stops the stack, with nothing left, once the process that started it exits', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'ppn-background-'));
    folders.push(folder);
    const stateFile = join(folder, 'stack.json');
    // The parent: a shell that starts the stack and then waits for it.
    const parent = spawn('sh', ['-c', `${process.execPath} --import tsx ${CLI} --exit-with-parent > ${folder}/out.log 2> ${folder}/err.log; echo done`], {
      cwd: ROOT,
      stdio: 'ignore',
      env: { ...process.env, PPN_STACK_STATE_FILE: stateFile },
    });
    const facts = await until('the state file', () => existsSync(stateFile) && (JSON.parse(readFileSync(stateFile, 'utf8')) as { url: string; pid: number }));
    const tree = [facts.pid, ...descendants(facts.pid)];
    expect((await fetch(`${facts.url}/health`)).status).toBe(200);
    parent.kill('SIGKILL');
    await until('every process to exit', () => !tree.some(alive), 60_000);
    expect(existsSync(stateFile)).toBe(false);
    expect(readFileSync(join(folder, 'err.log'), 'utf8')).toContain('parent process exited: stopping the local stack');
  }, 180_000);
});

describe('which ancestors are watched', () => {
  const table = (rows: Record<number, [number, string]>) => (pid: number): ProcessInfo | undefined =>
    rows[pid] ? { ppid: rows[pid]![0], argv: rows[pid]![1].split(' ') } : undefined;

  it('npx -> sh -c -> pnpm -> sh -c: all four, and not the shell that ran npx', () => {
    const lookup = table({
      50: [40, 'sh -c node --import tsx packages/local-stack/src/cli.ts'],
      40: [30, 'pnpm stack'],
      30: [20, 'sh -c pnpm stack'],
      20: [10, 'npm exec pnpm@12.4.2 stack'],
      10: [1, 'bash ./start-dev.sh'],
    });
    expect(wrapperAncestors(lookup, 50)).toEqual([50, 40, 30, 20]);
  });

  it('started by a shell, setsid, nohup or a CI runner directly: nothing is watched', () => {
    expect(wrapperAncestors(table({ 10: [1, '-bash'] }), 10)).toEqual([]);
    expect(wrapperAncestors(table({ 10: [5, 'sh -c ppn-stack &'], 5: [1, 'runner'] }), 10)).toEqual([]);
  });

  it('recognises package managers run as their own binaries or through node', () => {
    for (const argv of ['npm exec x', 'npx ppn-stack', '/usr/local/bin/pnpm stack', 'yarn ppn-stack', 'node /usr/lib/node_modules/npm/bin/npm-cli.js run stack'])
      expect(isPackageManager(argv.split(' ')), argv).toBe(true);
    for (const argv of ['bash', 'node server.js', 'setsid node cli.js', 'code --wait'])
      expect(isPackageManager(argv.split(' ')), argv).toBe(false);
  });
});
