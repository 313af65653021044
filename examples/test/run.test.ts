import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const RUN = fileURLToPath(new URL('../run.ts', import.meta.url));
// `pnpm example <name>` runs this file; without a stack-needing name it never starts one.
const example = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', RUN, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

it('an unknown example name says so, lists the examples and exits 1', () => {
  const { status, stderr } = example('nonexistent');
  expect(status).toBe(1);
  expect(stderr).toContain('there is no example named "nonexistent"');
  expect(stderr).toMatch(/Examples: .*protocol-builder/);
});

it('no name lists the examples and exits 1', () => {
  const { status, stderr } = example();
  expect(status).toBe(1);
  expect(stderr).toContain('which example?');
  expect(stderr).toMatch(/Examples: .*protocol-builder/);
});
