import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isAlive } from './process.js';
import type { StackFacts } from './start-stack.js';

/**
 * Where a running `pnpm stack` leaves its facts: `.ppn/stack.json` at the repository root
 * (git-ignored), so examples and tools reuse it instead of starting a second stack.
 */
export function defaultStateFile(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return join(dir, '.ppn', 'stack.json');
    const parent = dirname(dir);
    if (parent === dir) return resolve('.ppn', 'stack.json');
    dir = parent;
  }
}

export function writeStateFile(path: string, facts: StackFacts): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(facts, null, 2)}\n`, { mode: 0o600 });
}

/** Removes the state file, but only when it still describes the stack at `url`: another stack may have replaced it. */
export function removeStateFile(path: string, url?: string): void {
  if (url !== undefined) {
    try {
      if ((JSON.parse(readFileSync(path, 'utf8')) as StackFacts).url !== url) return;
    } catch {
      return;
    }
  }
  rmSync(path, { force: true });
}

/**
 * The facts of a stack that is running now, or null. A state file left behind by a stack
 * that died is removed.
 */
export async function readRunningStack(path: string = defaultStateFile()): Promise<StackFacts | null> {
  if (!existsSync(path)) return null;
  let facts: StackFacts;
  try {
    facts = JSON.parse(readFileSync(path, 'utf8')) as StackFacts;
  } catch {
    return null;
  }
  const healthy =
    isAlive(facts.pid) &&
    (await fetch(`${facts.url}/health`, { signal: AbortSignal.timeout(2000) })
      .then((res) => res.ok)
      .catch(() => false));
  if (!healthy) {
    removeStateFile(path);
    return null;
  }
  return facts;
}
