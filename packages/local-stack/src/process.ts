import { readFileSync } from 'node:fs';
import type { ChildProcess } from 'node:child_process';

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

function parentOf(pid: number): number | undefined {
  try {
    // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may hold spaces, so split after ')'.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
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
 * Calls `onOrphaned` once any ancestor of this process exits. `npx pnpm stack` runs us
 * behind npm, a shell and pnpm, and a SIGTERM sent to the outermost of them is not passed
 * down; without this watch the stack would outlive the command that started it.
 */
export function watchAncestors(onOrphaned: () => void, intervalMs = 250): () => void {
  const ancestors: number[] = [];
  for (let pid = process.ppid; pid > 1 && ancestors.length < 32; ) {
    ancestors.push(pid);
    const parent = parentOf(pid);
    if (parent === undefined) break;
    pid = parent;
  }
  const initialParent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid !== initialParent || ancestors.some((pid) => !isAlive(pid))) {
      clearInterval(timer);
      onOrphaned();
    }
  }, intervalMs);
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
