import { readFileSync } from 'node:fs';
import { Agent, createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { startGateway, type Gateway } from '../src/gateway.js';
import { freePort } from '../src/ports.js';

const MEDICATIONS = '/rest/v1/ref_medications?select=medication_id&limit=3';

/** Decodes an HTTP/1.1 chunked body (sizes in hex, each chunk followed by CRLF, ended by a 0 chunk). */
function unchunk(raw: string): string {
  let body = '';
  for (let at = 0; ; ) {
    const lineEnd = raw.indexOf('\r\n', at);
    const size = parseInt(raw.slice(at, lineEnd), 16);
    if (!size) return body;
    body += raw.slice(lineEnd + 2, lineEnd + 2 + size);
    at = lineEnd + 2 + size + 2;
  }
}

/** One request on a raw socket, the way curl --http1.0 or urllib write it; resolves with the status line and body. */
function rawRequest(port: number, lines: string[]): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let data = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk) => (data += chunk));
    socket.on('error', reject);
    // Both modes close the connection after the response: the end of the socket is the end of the body.
    socket.on('end', () => {
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(data)?.[1] ?? 0);
      const head = data.slice(0, data.indexOf('\r\n\r\n'));
      let body = data.slice(head.length + 4);
      if (/^transfer-encoding:\s*chunked/im.test(head)) body = unchunk(body);
      resolve({ status, body });
    });
    socket.write(`${lines.join('\r\n')}\r\n\r\n`);
  });
}

describe('1,000 sequential requests per client kind: 0 errors', () => {
  const stack = inject('stack');
  const port = Number(new URL(stack.url).port);
  const auth = `Authorization: Bearer ${stack.personas.clinicianA.token}`;
  const N = 1000;

  const rowCount = (body: string) => {
    try {
      return (JSON.parse(body) as unknown[]).length;
    } catch {
      return -1;
    }
  };

  async function count(send: () => Promise<{ status: number; body: string }>): Promise<{ errors: number; statuses: Record<number, number> }> {
    const statuses: Record<number, number> = {};
    let errors = 0;
    for (let i = 0; i < N; i++) {
      const { status, body } = await send().catch(() => ({ status: 0, body: '' }));
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (status !== 200 || rowCount(body) !== 3) errors++;
    }
    return { errors, statuses };
  }

  it('Connection: close (urllib, health checks)', async () => {
    const result = await count(() => rawRequest(port, [`GET ${MEDICATIONS} HTTP/1.1`, `Host: 127.0.0.1:${port}`, auth, 'Connection: close']));
    console.log(`gateway, ${N} requests with Connection: close: ${result.errors} errors`, result.statuses);
    expect(result).toEqual({ errors: 0, statuses: { 200: N } });
  }, 300_000);

  it('HTTP/1.0 (curl --http1.0)', async () => {
    const result = await count(() => rawRequest(port, [`GET ${MEDICATIONS} HTTP/1.0`, `Host: 127.0.0.1:${port}`, auth]));
    console.log(`gateway, ${N} HTTP/1.0 requests: ${result.errors} errors`, result.statuses);
    expect(result).toEqual({ errors: 0, statuses: { 200: N } });
  }, 300_000);

  it('keep-alive (one pooled connection)', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const send = () =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port, path: MEDICATIONS, agent, headers: { authorization: auth.slice('Authorization: '.length) } }, (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (chunk) => (body += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        });
        req.on('error', reject);
        req.end();
      });
    const result = await count(send);
    agent.destroy();
    console.log(`gateway, ${N} keep-alive requests: ${result.errors} errors`, result.statuses);
    expect(result).toEqual({ errors: 0, statuses: { 200: N } });
  }, 300_000);
});

/** The listening TCP sockets of this machine, from /proc/net/tcp and tcp6: local address and port. */
function listeners(): Array<{ address: string; port: number }> {
  const found: Array<{ address: string; port: number }> = [];
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text = '';
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.trim().split('\n').slice(1)) {
      const [, local, , state] = line.trim().split(/\s+/);
      if (state !== '0A') continue; // LISTEN
      const [hex, portHex] = local!.split(':');
      const address =
        hex!.length === 8
          ? hex!.match(/../g)!.reverse().map((b) => parseInt(b, 16)).join('.')
          : hex === '00000000000000000000000000000000'
            ? '::'
            : hex === '00000000000000000000000001000000'
              ? '::1'
              : `v6:${hex}`;
      found.push({ address, port: parseInt(portHex!, 16) });
    }
  }
  return found;
}

it('every server of the stack listens on 127.0.0.1 only, never a wildcard address', () => {
  if (process.platform !== 'linux') return;
  const stack = inject('stack');
  const ports = { gateway: Number(new URL(stack.url).port), postgrest: Number(new URL(stack.restUrl).port), postgres: Number(new URL(stack.dbUrl).port) };
  const table = listeners();
  for (const [server, port] of Object.entries(ports)) {
    const bound = table.filter((l) => l.port === port).map((l) => l.address);
    expect(bound, `${server} on port ${port}`).toEqual(['127.0.0.1']);
  }
});

describe('the gateway against a stand-in upstream', () => {
  let upstream: Server;
  let seen: IncomingHttpHeaders = {};
  let gateway: Gateway;
  let release: () => void = () => undefined;

  afterAll(async () => {
    await gateway?.stop();
    upstream?.closeAllConnections();
    await new Promise((r) => upstream?.close(r));
  });

  it('binds 127.0.0.1 (the address the server reports)', async () => {
    upstream = createServer((req, res) => {
      seen = req.headers;
      if (req.url === '/stream') {
        // First chunk now, the rest once the test has seen the first: a buffering gateway would hang here.
        res.writeHead(200, { 'content-type': 'text/plain', connection: 'keep-alive', 'keep-alive': 'timeout=77', 'x-upstream': 'yes' });
        res.write('first;');
        release = () => res.end('last');
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('[]');
    });
    await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', r));
    const upstreamPort = (upstream.address() as AddressInfo).port;
    gateway = await startGateway({ port: await freePort(), restPort: () => upstreamPort });
    expect((gateway.server.address() as AddressInfo).address).toBe('127.0.0.1');
  });

  it('drops hop-by-hop request headers (RFC 9110 7.6.1) and keeps the end-to-end ones', async () => {
    const res = await rawRequest(gateway.port, [
      'GET /rest/v1/things HTTP/1.1',
      `Host: 127.0.0.1:${gateway.port}`,
      'Connection: close, X-Hop',
      'X-Hop: only for this connection',
      'Keep-Alive: timeout=5',
      'Proxy-Authorization: Basic Zm9vOmJhcg==',
      'Proxy-Connection: keep-alive',
      'TE: trailers',
      'Trailer: X-Checksum',
      'Upgrade: websocket',
      'apikey: the-anon-key',
      'Prefer: count=exact',
      'X-Client-Info: test',
    ]);
    expect(res.status).toBe(200);
    for (const hop of ['x-hop', 'keep-alive', 'proxy-authorization', 'proxy-connection', 'te', 'trailer', 'upgrade', 'transfer-encoding'])
      expect(seen, hop).not.toHaveProperty(hop);
    // Node's client sets its own Connection for its pool; the client's "close" must not be it.
    expect(seen.connection).not.toMatch(/x-hop/i);
    expect(seen).toMatchObject({ prefer: 'count=exact', 'x-client-info': 'test', apikey: 'the-anon-key', authorization: 'Bearer the-anon-key' });
  });

  it('streams the response and drops the upstream hop-by-hop response headers', async () => {
    const firstChunk = await new Promise<{ headers: IncomingHttpHeaders; first: string; rest: Promise<string> }>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: gateway.port, path: '/rest/v1/stream', agent: false }, (res) => {
        res.setEncoding('utf8');
        let body = '';
        let resolved = false;
        const rest = new Promise<string>((done) => res.on('end', () => done(body)));
        res.on('data', (chunk: string) => {
          body += chunk;
          if (!resolved) {
            resolved = true;
            resolve({ headers: res.headers, first: chunk, rest });
          }
        });
      });
      req.on('error', reject);
      req.end();
    });
    expect(firstChunk.first).toBe('first;');
    expect(firstChunk.headers['x-upstream']).toBe('yes');
    expect(firstChunk.headers['keep-alive']).not.toBe('timeout=77');
    release();
    expect(await firstChunk.rest).toBe('first;last');
  });

  it('an unreachable PostgREST is a JSON 503 at once, never a hang', async () => {
    const closedPort = await freePort();
    const lonely = await startGateway({ port: await freePort(), restPort: () => closedPort });
    try {
      const res = await fetch(`http://127.0.0.1:${lonely.port}/rest/v1/ref_medications`, { signal: AbortSignal.timeout(10_000) });
      expect(res.status).toBe(503);
      expect(res.headers.get('content-type')).toBe('application/json');
      expect(await res.json()).toMatchObject({ code: 'upstream_unavailable' });
      const post = await fetch(`http://127.0.0.1:${lonely.port}/rest/v1/session_events`, { method: 'POST', body: '{"a":1}', signal: AbortSignal.timeout(10_000) });
      expect(post.status).toBe(503);
    } finally {
      await lonely.stop();
    }
  });
});
