import pg from 'pg';
import { inject } from 'vitest';
import type { StackFacts } from '../../../../test/stack.js';

declare module 'vitest' {
  export interface ProvidedContext {
    stack: StackFacts;
  }
}

/** The superuser connection string of the run's shared stack (see test/global-setup.ts). */
export function dbUrl(): string {
  return inject('stack').dbUrl;
}

/** Runs `fn` in a transaction that is always rolled back. */
export async function inRolledBackTransaction<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: dbUrl() });
  await client.connect();
  try {
    await client.query('begin');
    return await fn(client);
  } finally {
    await client.query('rollback').catch(() => undefined);
    await client.end();
  }
}

export async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: dbUrl() });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}
