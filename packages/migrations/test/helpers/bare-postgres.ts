import pg from 'pg';
import { startPostgres, type PostgresServer } from '../../../../test/stack.js';

/** A bare Postgres cluster (no shim, no migrations) that hands out empty databases. */
export async function bareCluster(options: { binDir?: string } = {}): Promise<{
  server: PostgresServer;
  createDatabase(): Promise<string>;
}> {
  const server = await startPostgres({ binDir: options.binDir });
  let n = 0;
  return {
    server,
    async createDatabase() {
      const name = `t${++n}_${process.pid}`;
      await query(server.dbUrl, `create database ${name}`);
      return server.dbUrl.replace(/\/postgres$/, `/${name}`);
    },
  };
}

/** Runs one query on a fresh connection and returns its rows. */
export async function query<T extends pg.QueryResultRow = pg.QueryResultRow>(dbUrl: string, sql: string, params?: unknown[]): Promise<T[]> {
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}
