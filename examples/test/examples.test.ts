/**
 * The examples run, not only type-check: each script runs as `pnpm example <name>` would,
 * against a stack of its own (no `pnpm stack` is running in CI), and prints what its README
 * section says it shows.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const HERE = fileURLToPath(new URL('..', import.meta.url));

async function example(name: string): Promise<string> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', 'run.ts', name], {
    cwd: HERE,
    // A stack of its own: never one another test or a developer left running.
    env: { ...process.env, PPN_STACK_STATE_FILE: '/nonexistent/ppn-stack.json' },
    timeout: 150_000,
  });
  return stdout;
}

describe('examples', () => {
  it('protocol-builder: 24 medications in 9 classes, and the two warnings', async () => {
    const out = await example('protocol-builder');
    expect(out).toContain('Concomitant medications (24 active), grouped by class');
    expect(out.match(/^ {2}WARNING /gm)).toHaveLength(2);
  }, 180_000);

  it('session-logger: ten events on the timeline, the retried one stored once; none visible at the other site', async () => {
    const out = await example('session-logger');
    expect(out).toMatch(/\n10 events on the timeline \(the retried one was stored once\)\./);
    expect(out).toContain('A clinician at the other site sees 0 of them.');
  }, 180_000);

  it('supervision: a search with a total, a request, and an acceptance', async () => {
    const out = await example('supervision');
    expect(out).toMatch(/Supervisors for PTSD with psilocybin experience: \d+; the first \d+:/);
    expect(out).toMatch(/accepted: active since /);
  }, 180_000);

  it('integration-hub: four homework items, one overdue, and both score trends', async () => {
    const out = await example('integration-hub');
    expect(out.match(/^ {2}\S.* due \d{4}-\d{2}-\d{2} {2}/gm)).toHaveLength(4);
    expect(out).toContain('OVERDUE');
    expect(out).toContain('IES trend (lower is better):');
    expect(out).toContain('EIS trend (higher is better):');
  }, 180_000);
});
