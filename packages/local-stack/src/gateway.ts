import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

export interface GatewayOptions {
  port: number;
  /** Port of PostgREST; read on every request so a restarted PostgREST is found again. */
  restPort: () => number;
}

export interface Gateway {
  readonly port: number;
  readonly server: Server;
  stop(): Promise<void>;
}

const CORS_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': 'authorization, apikey, content-type, prefer, range, accept-profile, content-profile, x-client-info',
  'access-control-allow-methods': 'GET, HEAD, POST, PATCH, PUT, DELETE, OPTIONS',
  'access-control-expose-headers': 'content-range, content-location, preference-applied',
} as const;

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', ...CORS_HEADERS });
  res.end(JSON.stringify(body));
}

function forward(req: IncomingMessage, res: ServerResponse, port: number, path: string): void {
  const headers = { ...req.headers };
  delete headers.host;
  // Supabase's gateway accepts the key in `apikey` alone; PostgREST only reads Authorization.
  if (!headers.authorization && typeof headers.apikey === 'string') headers.authorization = `Bearer ${headers.apikey}`;
  const upstream = request({ host: '127.0.0.1', port, method: req.method, path, headers }, (up) => {
    res.writeHead(up.statusCode ?? 502, up.headers);
    up.pipe(res);
  });
  upstream.on('error', () => {
    if (!res.headersSent) json(res, 502, { message: 'An invalid response was received from the upstream server' });
    else res.destroy();
  });
  req.pipe(upstream);
}

/**
 * A small stand-in for Supabase's API gateway: `/rest/v1/*` goes to PostgREST with the
 * prefix stripped, so `createClient(url, anonKey)` works unchanged.
 */
export function startGateway(options: GatewayOptions): Promise<Gateway> {
  const server = createServer((req, res) => {
    const url = req.url ?? '/';
    if (url === '/rest/v1' || url.startsWith('/rest/v1/') || url.startsWith('/rest/v1?')) {
      const rest = url.slice('/rest/v1'.length);
      forward(req, res, options.restPort(), rest.startsWith('/') ? rest : `/${rest}`);
      return;
    }
    if (req.method === 'OPTIONS') {
      res.writeHead(204, CORS_HEADERS);
      res.end();
      return;
    }
    if (url === '/' || url === '/health') return json(res, 200, { status: 'ok' });
    json(res, 404, { message: 'no Route matched with those values' });
  });
  server.keepAliveTimeout = 5000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      resolve({
        port: options.port,
        server,
        stop: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
