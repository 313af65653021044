import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MIGRATIONS_DIR } from '../../src/index.js';

const PACKAGE_DIR = fileURLToPath(new URL('../..', import.meta.url));
/** The pinned dev dependency `supabase@2.117.0` (its binary: the per-platform `@supabase/cli-*` package). */
export const SUPABASE_BIN = join(PACKAGE_DIR, 'node_modules', '.bin', 'supabase');

/** A Supabase project folder in a temp directory: this package's migrations, seed and config.toml, plus `extra` migration files. */
export function projectFolder(extra: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'ppn-cli-project-'));
  const supabase = join(dir, 'supabase');
  mkdirSync(join(supabase, 'migrations'), { recursive: true });
  for (const file of ['config.toml', 'seed.sql']) cpSync(join(PACKAGE_DIR, 'supabase', file), join(supabase, file));
  cpSync(MIGRATIONS_DIR, join(supabase, 'migrations'), { recursive: true });
  for (const [name, sql] of Object.entries(extra)) writeFileSync(join(supabase, 'migrations', name), sql);
  return dir;
}

/** The CLI wants no TLS on the local Postgres, which has none. */
export const cliUrl = (dbUrl: string) => (dbUrl.includes('?') ? dbUrl : `${dbUrl}?sslmode=disable`);

/** Runs the real Supabase CLI in `cwd`; resolves with its output, rejects with it on a non-zero exit. */
export function supabase(cwd: string, args: string[]): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(
      SUPABASE_BIN,
      [...args, '--yes', '--agent', 'no'],
      { cwd, timeout: 120_000, env: { ...process.env, SUPABASE_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1', NO_COLOR: '1' } },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`supabase ${args.join(' ')} failed: ${error.message}\n${stdout}\n${stderr}`));
        else resolve({ stdout, stderr });
      },
    );
  });
}
