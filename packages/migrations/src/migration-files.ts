import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageFile } from './package-files.js';
import { splitStatements, type Statement } from './split-statements.js';

/** A migration file in the Supabase CLI layout: `<14-digit version>_<name>.sql`. */
export interface MigrationFile {
  version: string;
  name: string;
  file: string;
  path: string;
  statements: Statement[];
}

const FILE_PATTERN = /^(\d{14})_(.+)\.sql$/;

/** The migrations shipped in this package (`supabase/migrations`). */
export const MIGRATIONS_DIR = packageFile('supabase', 'migrations');

/** Reads a migrations folder in version order. */
export function readMigrations(dir: string = MIGRATIONS_DIR): MigrationFile[] {
  return readdirSync(dir)
    .filter((file) => FILE_PATTERN.test(file))
    .sort()
    .map((file) => {
      const [, version, name] = FILE_PATTERN.exec(file)!;
      const path = join(dir, file);
      return { version: version!, name: name!, file, path, statements: splitStatements(readFileSync(path, 'utf8')) };
    });
}
