/**
 * The database a connection string points at, as `host:port/database`, without the user or
 * password: safe to print before connecting and in errors.
 *
 * @example
 * ```ts
 * import { describeTarget } from '@ppn/migrations';
 * describeTarget('postgres://postgres:secret@127.0.0.1:54322/postgres?sslmode=disable'); // '127.0.0.1:54322/postgres'
 * ```
 */
export function describeTarget(databaseUrl: string): string {
  let url: URL;
  try {
    url = new URL(databaseUrl);
  } catch {
    return '(a database URL that does not parse)';
  }
  const params = url.searchParams;
  // libpq lets host/port/dbname come as parameters (e.g. a socket directory in ?host=).
  const host = params.get('host') ?? (url.hostname || 'localhost');
  const port = params.get('port') ?? (url.port || '5432');
  const user = decodeURIComponent(url.username);
  const database = params.get('dbname') ?? (decodeURIComponent(url.pathname.replace(/^\//u, '')) || user || 'postgres');
  return `${host}:${port}/${database}`;
}
