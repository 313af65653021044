import pg from 'pg';
import { catalogSnapshot as snapshot } from '../../src/catalog-snapshot.js';

/**
 * A text snapshot of everything a migration can create in the schemas we own: columns,
 * constraints, indexes, policies, functions, triggers, grants, RLS flags and comments.
 * Two databases with equal snapshots have the same schema for every purpose we test.
 */
export async function catalogSnapshot(dbUrl: string, schemas = ['public', 'private'], effects?: { tables: string[] }): Promise<string[]> {
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  try {
    return await snapshot(client, { schemas, effects });
  } finally {
    await client.end();
  }
}
