import {
  Agent,
  createServer,
  request,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type Server,
  type ServerResponse,
} from 'node:http';

export interface GatewayOptions {
  port: number;
  /** Port of PostgREST; read on every request so a restarted PostgREST is found again. */
  restPort: () => number;
  /** Serves `/auth/v1/*` (called with the path below it); without it those paths are 404. */
  auth?: (req: IncomingMessage, res: ServerResponse, path: string) => void;
}

export interface Gateway {
  readonly port: number;
  readonly server: Server;
  stop(): Promise<void>;
}

const CORS_HEADERS = {
  'access-control-allow-origin': '*',
  // What supabase-js sends from a browser, auth-js's API version header included.
  'access-control-allow-headers': 'authorization, apikey, content-type, prefer, range, accept-profile, content-profile, x-client-info, x-supabase-api-version',
  'access-control-allow-methods': 'GET, HEAD, POST, PATCH, PUT, DELETE, OPTIONS',
  // auth-js reads the API version of an error response to pick its error code.
  'access-control-expose-headers': 'content-range, content-location, preference-applied, x-supabase-api-version',
} as const;

/** RFC 9110 section 7.6.1: these describe one connection and are never forwarded. */
const HOP_BY_HOP = ['connection', 'keep-alive', 'proxy-connection', 'proxy-authenticate', 'proxy-authorization', 'te', 'trailer', 'transfer-encoding', 'upgrade'];

/** How long PostgREST may keep a request waiting without a byte (a hung upstream becomes a 504, never a hang). */
const UPSTREAM_IDLE_MS = 60_000;

/**
 * The headers of one hop without the hop-by-hop ones: the fixed list, every header the
 * `Connection` header names, and any `Proxy-*`.
 */
export function endToEndHeaders(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  const named = String(headers.connection ?? '')
    .split(',')
    .map((token) => token.trim().toLowerCase())
    .filter(Boolean);
  const drop = new Set([...HOP_BY_HOP, ...named]);
  const kept: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || drop.has(name) || name.startsWith('proxy-')) continue;
    kept[name] = value;
  }
  return kept;
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', ...CORS_HEADERS });
  res.end(JSON.stringify(body));
}

/** The gateway's own error bodies look like Supabase's (Kong's) so clients treat them alike. */
function upstreamFailed(res: ServerResponse, error: NodeJS.ErrnoException | undefined): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const unreachable = error && ['ECONNREFUSED', 'ECONNRESET', 'EHOSTUNREACH', 'ENOTFOUND'].includes(error.code ?? '');
  if (error?.code === 'ETIMEDOUT') json(res, 504, { message: 'The upstream server is timing out', code: 'upstream_timeout' });
  else if (unreachable) json(res, 503, { message: 'PostgREST is not reachable (is it restarting?)', code: 'upstream_unavailable' });
  else json(res, 502, { message: 'An invalid response was received from the upstream server', code: 'bad_gateway' });
}

function forward(req: IncomingMessage, res: ServerResponse, agent: Agent, port: number, path: string, attempt = 1): void {
  const headers = endToEndHeaders(req.headers);
  delete headers.host;
  // Supabase's gateway accepts the key in `apikey` alone; PostgREST only reads Authorization.
  if (!headers.authorization && typeof headers.apikey === 'string') headers.authorization = `Bearer ${headers.apikey}`;
  const bodiless = req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS';
  const upstream = request({ host: '127.0.0.1', port, method: req.method, path, headers, agent }, (up) => {
    res.writeHead(up.statusCode ?? 502, endToEndHeaders(up.headers));
    // Streams both ways: nothing is buffered, so large exports and slow clients cost no memory.
    up.pipe(res);
    up.on('error', () => res.destroy());
  });
  upstream.setTimeout(UPSTREAM_IDLE_MS, () => upstream.destroy(Object.assign(new Error('upstream idle'), { code: 'ETIMEDOUT' })));
  upstream.on('error', (error: NodeJS.ErrnoException) => {
    // A pooled connection PostgREST closed just as we reused it: a request without a body is
    // safe to send once more on a fresh connection.
    if (upstream.reusedSocket && error.code === 'ECONNRESET' && bodiless && attempt === 1 && !res.headersSent) {
      forward(req, res, agent, port, path, attempt + 1);
      return;
    }
    upstreamFailed(res, error);
  });
  res.on('close', () => {
    if (!res.writableFinished) upstream.destroy();
  });
  if (bodiless) upstream.end();
  else req.pipe(upstream);
}

/**
 * A small stand-in for Supabase's API gateway: `/rest/v1/*` goes to PostgREST with the
 * prefix stripped, `/auth/v1/*` to the stack's dev auth server, so `createClient(url, anonKey)` works unchanged. It listens on
 * 127.0.0.1 only: the stack's keys are public knowledge.
 *
 * Written here rather than taken from a proxy library: it needs one route, a header
 * rewrite and hop-by-hop handling, and the well-known Node proxy (http-proxy) has had no
 * release since 2020.
 */
export function startGateway(options: GatewayOptions): Promise<Gateway> {
  // Our own pool to PostgREST: its connections live independently of the clients' (a client
  // closing its connection says nothing about ours).
  const agent = new Agent({ keepAlive: true, maxSockets: 64, keepAliveMsecs: 1000 });
  const server = createServer((req, res) => {
    const url = req.url ?? '/';
    if (url === '/rest/v1' || url.startsWith('/rest/v1/') || url.startsWith('/rest/v1?')) {
      const rest = url.slice('/rest/v1'.length);
      forward(req, res, agent, options.restPort(), rest.startsWith('/') ? rest : `/${rest}`);
      return;
    }
    if (options.auth && (url === '/auth/v1' || url.startsWith('/auth/v1/') || url.startsWith('/auth/v1?')) && req.method !== 'OPTIONS') {
      for (const [name, value] of Object.entries(CORS_HEADERS)) res.setHeader(name, value);
      options.auth(req, res, url.slice('/auth/v1'.length) || '/');
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
            agent.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}
