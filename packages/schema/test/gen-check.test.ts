/**
 * `pnpm gen:check` fails when the database a migration produces no longer matches the
 * committed generated files. The generator's `--apply` runs extra SQL after the migrations,
 * standing in for a new migration whose author forgot `pnpm gen`. (Whether the committed
 * files match the real migrations is CI's `pnpm gen:check`.)
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, expect, test } from 'vitest';

const GENERATE = fileURLToPath(new URL('../scripts/generate.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'ppn-gen-check-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('gen:check exits 1 with a diff when a column changes without regenerating', async () => {
  const migration = join(dir, 'drift.sql');
  writeFileSync(
    migration,
    `alter table public.ref_medications add column dose_unit text not null default 'mg'
       check (dose_unit in ('mg', 'mcg'));
     comment on column public.ref_medications.dose_unit is 'Unit of the usual dose.';`,
  );
  const run = await promisify(execFile)(process.execPath, ['--import', 'tsx', GENERATE, '--check', '--apply', migration], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  );

  expect(run.code, run.stderr).toBe(1);
  expect(run.stderr).toContain('generated files are out of date');
  // A unified diff per file that changed: the types, the table's validators, the docs and
  // the constant for the new value list.
  for (const file of [
    'src/database.types.ts',
    'src/validators/ref_medications.generated.ts',
    'SCHEMA.md',
    'src/constants.generated.ts',
    'src/columns.generated.ts',
  ]) {
    expect(run.stdout).toMatch(new RegExp(`^\\+\\+\\+ .*${file.replaceAll('.', '\\.')}$`, 'm'));
  }
  expect(run.stdout).toMatch(/^\+\s+dose_unit: string$/m);
  expect(run.stdout).toMatch(/^\+\s+dose_unit: \/\* @__PURE__ \*\/ z\.optional\(doseUnitColumn\),$/m);
  expect(run.stdout).toContain("+export const REF_MEDICATIONS_DOSE_UNIT_VALUES = [");
}, 60_000);
