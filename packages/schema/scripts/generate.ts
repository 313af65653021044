/**
 * `pnpm gen`: migrates a fresh local database (no dev seed) and regenerates everything in
 * @ppn/schema that comes from it:
 *
 * - src/database.types.ts             `@supabase/postgrest-typegen`, as `supabase gen types typescript --schema public`
 * - src/validators/<table>.generated.ts  zod/mini Row/Insert/Update validators, from the catalog
 * - src/validators/index.generated.ts    their barrel
 * - src/aliases.generated.ts            SiteRow, MedicationInsert, ... type aliases
 * - src/constants.generated.ts          CHECK value lists and seeded reference names
 * - SCHEMA.md                           ER diagram, columns, checks, RLS policies, grants
 *
 * `pnpm gen:check` (`--check`) renders into a temporary directory instead, prints a diff
 * against the committed files and exits 1 when anything differs.
 *
 * `--apply <file.sql>` runs extra SQL after the migrations: how a test shows that a schema
 * change without a regeneration fails the check.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startStack } from '../../../test/stack.js';
import { generateTypescript, sortGeneratorMetadata } from '@supabase/postgrest-typegen/generation';
import { introspect } from '@supabase/postgrest-typegen/introspection';
import pg from 'pg';
import { readCatalog, readColumnValues } from './catalog.js';
import { renderSchemaMd } from './render-docs.js';
import {
  buildModel,
  renderAliases,
  renderBarrel,
  renderConstants,
  renderTableModule,
  SEEDED_LISTS,
  TS_HEADER,
} from './render-validators.js';

export const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));
/** Folders whose `*.generated.ts` files are all ours: stale ones are removed / reported. */
const GENERATED_DIRS = ['src/validators'];

/** Renders every generated file: relative path -> content. */
export async function render(dbUrl: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const pool = new pg.Pool({ connectionString: dbUrl, max: 4 });
  try {
    // The Supabase CLI runs postgres-meta with PG_META_GENERATE_TYPES_INCLUDED_SCHEMAS=public
    // and ..._DETECT_ONE_TO_ONE_RELATIONSHIPS=true (unless --postgrest-v9-compat); no
    // PostgREST version is set for --local / --db-url.
    const metadata = await introspect(pool, { includedSchemas: ['public'] });
    const types = await generateTypescript(sortGeneratorMetadata(metadata), { detectOneToOneRelationships: true });
    files.set('src/database.types.ts', `${TS_HEADER}\n${types.trimEnd()}\n`);

    const client = await pool.connect();
    try {
      const tables = await readCatalog(client);
      const seeded: Record<string, string[]> = {};
      for (const list of SEEDED_LISTS) {
        seeded[list.name] = await readColumnValues(client, list.table, list.column, list.orderBy);
      }
      const model = buildModel(tables, seeded);
      for (const table of tables) {
        files.set(`src/validators/${table.name}.generated.ts`, renderTableModule(table, model));
      }
      files.set('src/validators/index.generated.ts', renderBarrel(model));
      files.set('src/aliases.generated.ts', renderAliases(model));
      files.set('src/constants.generated.ts', renderConstants(model));
      files.set('SCHEMA.md', renderSchemaMd(model));
    } finally {
      client.release();
    }
  } finally {
    await pool.end();
  }
  return files;
}

function listGenerated(root: string): string[] {
  return GENERATED_DIRS.flatMap((dir) => {
    const abs = join(root, dir);
    if (!existsSync(abs)) return [];
    return readdirSync(abs)
      .filter((f) => f.endsWith('.generated.ts'))
      .map((f) => `${dir}/${f}`);
  });
}

function write(root: string, files: Map<string, string>): void {
  for (const stale of listGenerated(root)) if (!files.has(stale)) rmSync(join(root, stale));
  for (const [path, content] of files) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
}

/** Compares `files` with the committed ones; prints a unified diff; returns true when equal. */
function check(files: Map<string, string>): boolean {
  const temp = mkdtempSync(join(tmpdir(), 'ppn-schema-gen-'));
  try {
    write(temp, files);
    const paths = [...new Set([...files.keys(), ...listGenerated(PACKAGE_DIR)])].sort();
    let equal = true;
    for (const path of paths) {
      const committed = join(PACKAGE_DIR, path);
      const fresh = join(temp, path);
      const a = existsSync(committed) ? readFileSync(committed, 'utf8') : null;
      const b = files.get(path) ?? null;
      if (a === b) continue;
      equal = false;
      const diff = spawnSync(
        'git',
        [
          'diff',
          '--no-index',
          '--no-color',
          '--',
          a === null ? '/dev/null' : relative(process.cwd(), committed),
          b === null ? '/dev/null' : fresh,
        ],
        { encoding: 'utf8' },
      );
      process.stdout.write(diff.stdout || `${path} differs\n`);
    }
    return equal;
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { check: { type: 'boolean', default: false }, apply: { type: 'string', multiple: true } },
  });
  const stack = await startStack({ seed: false });
  let files: Map<string, string>;
  try {
    for (const file of values.apply ?? []) {
      const client = new pg.Client({ connectionString: stack.dbUrl });
      await client.connect();
      try {
        await client.query(readFileSync(file, 'utf8'));
      } finally {
        await client.end();
      }
    }
    files = await render(stack.dbUrl);
  } finally {
    await stack.stop();
  }

  if (values.check) {
    if (check(files)) {
      console.error(`gen:check: ${files.size} generated files are up to date.`);
      return 0;
    }
    console.error('gen:check: generated files are out of date. Run `pnpm gen` and commit the result.');
    return 1;
  }
  write(PACKAGE_DIR, files);
  console.error(`gen: wrote ${files.size} files under ${relative(process.cwd(), PACKAGE_DIR) || '.'}.`);
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(2);
    },
  );
}
