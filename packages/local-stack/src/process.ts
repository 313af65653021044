import { execFileSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

/** Signals a child and resolves once it has exited, escalating to SIGKILL after `graceMs`. */
export function waitForExit(child: ChildProcess, signal: NodeJS.Signals, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill(signal);
  });
}

export interface ProcessInfo {
  ppid: number;
  /** argv as the process shows it (npm rewrites its own to `npm exec ...`). */
  argv: string[];
}

/** The parent and command line of `pid`, or undefined when it is gone or cannot be read. */
export function processInfo(pid: number): ProcessInfo | undefined {
  try {
    if (process.platform === 'linux') {
      // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may hold spaces, so split after ')'.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
      // A process that rewrote its title (npm) shows one NUL-less string.
      return { ppid, argv: argv.length === 1 ? argv[0]!.split(' ') : argv };
    }
    if (process.platform === 'win32') return undefined;
    const [ppid, ...argv] = execFileSync('ps', ['-o', 'ppid=,args=', '-p', String(pid)], { encoding: 'utf8' }).trim().split(/\s+/);
    return ppid ? { ppid: Number(ppid), argv } : undefined;
  } catch {
    return undefined;
  }
}

const PACKAGE_MANAGERS = /^(npm|npx|pnpm|pnpx|yarn|yarnpkg|bun|bunx|corepack)(-cli)?(\.c?js|\.exe)?$/;

/** npm, npx, pnpm, yarn... whether run as their own executable or as `node .../npm-cli.js`. */
export function isPackageManager(argv: string[]): boolean {
  const [first, second] = argv.map((arg) => basename(arg));
  if (first && PACKAGE_MANAGERS.test(first)) return true;
  return Boolean(first && /^node(\.exe)?$/.test(first) && second && PACKAGE_MANAGERS.test(second));
}

const isCommandShell = (argv: string[]) => /^(sh|dash|bash|zsh)$/.test(basename(argv[0] ?? '')) && argv[1] === '-c';

/**
 * The package-manager wrappers between this process and whoever ran the command: `npx`,
 * `pnpm`, and the `sh -c` each of them starts a script with. When one of them exits (a
 * SIGTERM to `npx` ends npx and its shell, but not the pnpm below it), the stack must stop
 * too. The walk ends at the first other process: the user's shell, `setsid`/`nohup`, an
 * IDE or a CI runner, whose exit must not stop a stack started in the background.
 */
export function wrapperAncestors(lookup: (pid: number) => ProcessInfo | undefined = processInfo, from = process.ppid): number[] {
  const wrappers: number[] = [];
  for (let pid = from; pid > 1 && wrappers.length < 32; ) {
    const info = lookup(pid);
    if (!info) break;
    const parent = lookup(info.ppid);
    const wrapper = isPackageManager(info.argv) || (isCommandShell(info.argv) && parent !== undefined && isPackageManager(parent.argv));
    if (!wrapper) break;
    wrappers.push(pid);
    pid = info.ppid;
  }
  return wrappers;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Calls `onGone` once one of `pids` exits (or, with `parent`, once this process is
 * reparented: its direct parent exited).
 */
export function watchProcesses(pids: number[], onGone: () => void, options: { parent?: boolean; intervalMs?: number } = {}): () => void {
  const initialParent = process.ppid;
  if (pids.length === 0 && !options.parent) return () => undefined;
  const timer = setInterval(() => {
    if ((options.parent && process.ppid !== initialParent) || pids.some((pid) => !isAlive(pid))) {
      clearInterval(timer);
      onGone();
    }
  }, options.intervalMs ?? 250);
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * Forwards a child's output to `onLog` and keeps its last few kilobytes, so a start-up
 * failure can say what the child printed.
 */
export function captureOutput(child: ChildProcess, onLog?: (text: string) => void): () => string {
  let tail = '';
  const onData = (chunk: Buffer) => {
    const text = chunk.toString();
    tail = (tail + text).slice(-4000);
    onLog?.(text);
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  return () => tail;
}
