import type pg from 'pg';
import { findMissingObjects } from './adopt-objects.js';
import { catalogSnapshot } from './catalog-snapshot.js';
import type { MigrationFile } from './migration-files.js';

/** What a database shows of one migration file. */
export type Probe =
  /** Everything the file does is there: running it again would change nothing, or it fails only because its objects exist. */
  | { state: 'present' }
  /** Running it would change the database (or fails and none of its objects exist). */
  | { state: 'absent'; why: string }
  /** It fails, and only some of the objects it creates exist. */
  | { state: 'partial'; missing: string[] };

const TABLE = String.raw`((?:"[^"]+"|[A-Za-z_][\w$]*)(?:\s*\.\s*(?:"[^"]+"|[A-Za-z_][\w$]*))?)`;

/** Tables whose rows the file writes: their rows are part of what it does (seeded reference data). */
function writtenTables(file: MigrationFile): string[] {
  const tables = new Set<string>();
  const pattern = new RegExp(String.raw`\b(?:insert\s+into|update(?:\s+only)?|delete\s+from)\s+${TABLE}`, 'gi');
  for (const { sql } of file.statements) for (const m of sql.matchAll(pattern)) tables.add(m[1]!.replace(/\s+/g, ''));
  return [...tables];
}

/**
 * Runs the file inside a transaction that is always rolled back, and compares the catalog
 * (with privileges, default privileges, comments, role settings and the rows the file
 * writes) before and after. A file whose effects are all present changes nothing; one that
 * fails because its objects already exist is judged by those objects.
 */
export async function probeFile(client: pg.Client, file: MigrationFile): Promise<Probe> {
  const effects = { tables: writtenTables(file) };
  await client.query('begin');
  try {
    const before = await catalogSnapshot(client, { effects });
    await client.query('savepoint probe');
    let failure: Error | null = null;
    try {
      for (const statement of file.statements) await client.query(statement.sql);
    } catch (error) {
      failure = error as Error;
      await client.query('rollback to savepoint probe');
    }
    if (!failure) {
      const after = await catalogSnapshot(client, { effects });
      const removed = before.filter((line) => !after.includes(line));
      const added = after.filter((line) => !before.includes(line));
      if (removed.length === 0 && added.length === 0) return { state: 'present' };
      return { state: 'absent', why: `running it would change ${describeChange(added[0] ?? removed[0]!)}` };
    }
    const { total, missing } = await findMissingObjects(client, file.statements.map((s) => s.sql));
    if (total > 0 && missing.length === 0) return { state: 'present' };
    if (total > 0 && missing.length < total) return { state: 'partial', missing };
    return { state: 'absent', why: `running it fails here (${failure.message})` };
  } finally {
    await client.query('rollback');
  }
}

function describeChange(line: string): string {
  return line.length > 160 ? `${line.slice(0, 160)}...` : line;
}
