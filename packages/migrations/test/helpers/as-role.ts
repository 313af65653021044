import pg from 'pg';

export type DbRole = 'anon' | 'authenticated' | 'service_role';

/**
 * Runs `fn` in a transaction as an API role with the given JWT subject, the way PostgREST
 * does (`set local role` + `request.jwt.claims`), then rolls everything back.
 */
export async function asRole<T>(dbUrl: string, role: DbRole, sub: string | null, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  try {
    await client.query('begin');
    const claims = JSON.stringify(sub ? { sub, role, aud: 'authenticated' } : { role });
    await client.query(`select set_config('request.jwt.claims', $1, true)`, [claims]);
    await client.query(`set local role ${role}`);
    return await fn(client);
  } finally {
    await client.query('rollback').catch(() => undefined);
    await client.end();
  }
}
