import { randomBytes, randomUUID, scrypt, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { jwtVerify } from 'jose';
import { signToken } from './keys.js';

/** One user the dev auth server can sign in: a seeded persona. */
export interface AuthUser {
  id: string;
  email: string;
  /** `scrypt$N$r$p$salt$hash` (base64url), computed ahead of time. */
  passwordHash: string;
}

/** What the stack reports about each `/auth/v1` request it answered (tests count refreshes with it). */
export interface AuthRequestEvent {
  method: string;
  /** The path under `/auth/v1`, e.g. `/token`. */
  path: string;
  /** `password` or `refresh_token` for `/token`. */
  grantType?: string;
  status: number;
}

export interface AuthOptions {
  jwtSecret: string;
  /** The stack's gateway URL: tokens name `${url}/auth/v1` as their issuer, as hosted Supabase does. */
  url: string;
  users: AuthUser[];
  /** Access-token lifetime in seconds (GoTrue's `JWT_EXP`). */
  jwtExpiry: number;
  /** Seconds a rotated refresh token is still accepted (GoTrue's `SECURITY_REFRESH_TOKEN_REUSE_INTERVAL`). */
  refreshTokenReuseInterval: number;
  onRequest?: (event: AuthRequestEvent) => void;
}

interface Session {
  id: string;
  user: AuthUser;
  createdAt: Date;
  /** The refresh token currently handed out; its parent may be replayed within the reuse interval. */
  active: RefreshToken;
}

interface RefreshToken {
  token: string;
  sessionId: string;
  parent: string | null;
  /** When it was rotated (revoked); null while it is the session's active token. */
  revokedAt: number | null;
}

/** Supabase Auth's error: an HTTP status, a stable `error_code`, a message. */
class AuthError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The API version auth-js sends and Supabase Auth answers with: it selects the error body's shape. */
const API_VERSION = '2024-01-01';
const API_VERSION_HEADER = 'x-supabase-api-version';
const MAX_BODY = 64 * 1024;

function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return Promise.resolve(false);
  const expected = Buffer.from(hash, 'base64url');
  return new Promise((resolve) => {
    scrypt(password, Buffer.from(salt, 'base64url'), expected.length, { N: Number(n), r: Number(r), p: Number(p) }, (error, key) =>
      resolve(!error && timingSafeEqual(key, expected)),
    );
  });
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new AuthError(413, 'request_too_large', 'Request body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const text = await readBody(req);
  let parsed: unknown;
  try {
    parsed = text.trim() === '' ? {} : JSON.parse(text);
  } catch (error) {
    throw new AuthError(400, 'bad_json', `Could not parse request body as JSON: ${(error as Error).message}`);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new AuthError(400, 'bad_json', 'Request body must be a JSON object');
  return parsed as Record<string, unknown>;
}

function stringField(body: Record<string, unknown>, name: string): string | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new AuthError(400, 'validation_failed', `${name} must be a string`);
  return value;
}

/**
 * The part of Supabase Auth (GoTrue) that password sessions use, for the dev personas:
 * `POST /token?grant_type=password|refresh_token`, `GET /user`, `POST /logout`,
 * `GET /settings`. Sessions and refresh tokens live in this process's memory: a restarted
 * stack forgets them, as it forgets everything else (the database is fresh too).
 *
 * Returns the request handler the gateway calls with the path below `/auth/v1`.
 */
export function createAuthServer(options: AuthOptions): (req: IncomingMessage, res: ServerResponse, path: string) => void {
  const byEmail = new Map(options.users.map((user) => [user.email.toLowerCase(), user]));
  const byId = new Map(options.users.map((user) => [user.id, user]));
  const sessions = new Map<string, Session>();
  const refreshTokens = new Map<string, RefreshToken>();
  const issuer = `${options.url}/auth/v1`;

  const endSession = (session: Session) => {
    sessions.delete(session.id);
    for (const [token, entry] of refreshTokens) if (entry.sessionId === session.id) refreshTokens.delete(token);
  };

  const newRefreshToken = (sessionId: string, parent: string | null): RefreshToken => {
    const entry: RefreshToken = { token: randomBytes(16).toString('base64url'), sessionId, parent, revokedAt: null };
    refreshTokens.set(entry.token, entry);
    return entry;
  };

  const userJson = (user: AuthUser, session?: Session) => {
    const created = '2026-01-01T00:00:00Z';
    return {
      id: user.id,
      aud: 'authenticated',
      role: 'authenticated',
      email: user.email,
      email_confirmed_at: created,
      phone: '',
      confirmed_at: created,
      last_sign_in_at: (session?.createdAt ?? new Date()).toISOString(),
      app_metadata: { provider: 'email', providers: ['email'] },
      user_metadata: {},
      identities: [],
      created_at: created,
      updated_at: created,
      is_anonymous: false,
    };
  };

  const tokenResponse = async (session: Session) => {
    const now = Math.floor(Date.now() / 1000);
    const accessToken = await signToken(options.jwtSecret, {
      iss: issuer,
      role: 'authenticated',
      sub: session.user.id,
      email: session.user.email,
      phone: '',
      app_metadata: { provider: 'email', providers: ['email'] },
      user_metadata: {},
      aal: 'aal1',
      amr: [{ method: 'password', timestamp: Math.floor(session.createdAt.getTime() / 1000) }],
      session_id: session.id,
      is_anonymous: false,
      expiresIn: options.jwtExpiry,
    });
    return {
      access_token: accessToken,
      token_type: 'bearer',
      expires_in: options.jwtExpiry,
      expires_at: now + options.jwtExpiry,
      refresh_token: session.active.token,
      user: userJson(session.user, session),
    };
  };

  const passwordGrant = async (body: Record<string, unknown>) => {
    const email = stringField(body, 'email');
    const phone = stringField(body, 'phone');
    const password = stringField(body, 'password') ?? '';
    if (!email && !phone) throw new AuthError(400, 'validation_failed', 'missing email or phone');
    // The same answer for an unknown email and a wrong password: which emails exist stays unknown.
    const user = email ? byEmail.get(email.trim().toLowerCase()) : undefined;
    const ok = user ? await verifyPassword(password, user.passwordHash) : false;
    if (!user || !ok) throw new AuthError(400, 'invalid_credentials', 'Invalid login credentials');
    const id = randomUUID();
    const session: Session = { id, user, createdAt: new Date(), active: newRefreshToken(id, null) };
    sessions.set(id, session);
    return tokenResponse(session);
  };

  const refreshGrant = async (body: Record<string, unknown>) => {
    const token = stringField(body, 'refresh_token');
    if (!token) throw new AuthError(400, 'validation_failed', 'refresh_token required');
    const entry = refreshTokens.get(token);
    const session = entry && sessions.get(entry.sessionId);
    if (!entry || !session) throw new AuthError(400, 'refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found');
    if (entry.revokedAt !== null) {
      // A client that lost the response to its last refresh may send the parent of the active
      // token again for a short while, and gets the active token back. Any other reuse looks
      // like a stolen token: as Supabase Auth does, the whole session ends.
      const withinInterval = Date.now() - entry.revokedAt < options.refreshTokenReuseInterval * 1000;
      if (withinInterval && session.active.parent === entry.token) return tokenResponse(session);
      endSession(session);
      throw new AuthError(400, 'refresh_token_already_used', 'Invalid Refresh Token: Already Used');
    }
    entry.revokedAt = Date.now();
    session.active = newRefreshToken(session.id, entry.token);
    return tokenResponse(session);
  };

  /** The session of a valid bearer token, as GoTrue checks it for /user and /logout. */
  const authenticate = async (req: IncomingMessage): Promise<Session> => {
    const header = req.headers.authorization ?? '';
    const match = /^bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new AuthError(401, 'no_authorization', 'This endpoint requires a Bearer token');
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(match[1]!, new TextEncoder().encode(options.jwtSecret), { algorithms: ['HS256'] }));
    } catch (error) {
      throw new AuthError(403, 'bad_jwt', `invalid JWT: unable to parse or verify signature, ${(error as Error).message}`);
    }
    const sessionId = payload.session_id;
    const session = typeof sessionId === 'string' ? sessions.get(sessionId) : undefined;
    if (!session || !byId.has(String(payload.sub))) throw new AuthError(403, 'session_not_found', 'Session from session_id claim in JWT does not exist');
    return session;
  };

  const SETTINGS = {
    external: { email: true, phone: false, anonymous_users: false },
    disable_signup: true,
    mailer_autoconfirm: false,
    phone_autoconfirm: false,
    sms_provider: '',
    saml_enabled: false,
  };

  const route = async (req: IncomingMessage, path: string, query: URLSearchParams): Promise<{ status: number; body?: unknown }> => {
    const method = req.method ?? 'GET';
    const only = (allowed: string) => {
      if (method !== allowed) throw new AuthError(405, 'method_not_allowed', `${method} ${path} is not allowed; use ${allowed}`);
    };
    switch (path) {
      case '/token': {
        only('POST');
        const grant = query.get('grant_type');
        const body = await readJson(req);
        if (grant === 'password') return { status: 200, body: await passwordGrant(body) };
        if (grant === 'refresh_token') return { status: 200, body: await refreshGrant(body) };
        throw new AuthError(400, 'validation_failed', `unsupported_grant_type: the local stack serves grant_type=password and grant_type=refresh_token, not ${grant ?? '(none)'}`);
      }
      case '/user': {
        // PUT /user (update the user) is sign-up-like account management: not served.
        if (method === 'PUT') break;
        only('GET');
        const session = await authenticate(req);
        return { status: 200, body: userJson(session.user, session) };
      }
      case '/logout': {
        only('POST');
        const scope = query.get('scope') ?? 'global';
        if (!['global', 'local', 'others'].includes(scope)) throw new AuthError(400, 'validation_failed', 'scope must be global, local or others');
        const session = await authenticate(req);
        for (const other of [...sessions.values()]) {
          if (other.user.id !== session.user.id) continue;
          const mine = other.id === session.id;
          if (scope === 'global' || (scope === 'local' && mine) || (scope === 'others' && !mine)) endSession(other);
        }
        return { status: 204 };
      }
      case '/settings':
        only('GET');
        return { status: 200, body: SETTINGS };
      case '/health':
        only('GET');
        return { status: 200, body: { name: 'ppn-local-auth', description: 'The local stack’s dev auth for the seeded personas' } };
    }
    throw new AuthError(
      501,
      'not_implemented',
      `The local stack does not provide ${method} /auth/v1${path}: it serves password sign-in for the dev personas only (token, user, logout, settings); no sign-up, email, OAuth or MFA.`,
    );
  };

  return (req, res, pathAndQuery) => {
    const url = new URL(pathAndQuery, 'http://local');
    const path = url.pathname.replace(/\/+$/, '') || '/';
    const modern = String(req.headers[API_VERSION_HEADER] ?? '') >= API_VERSION;
    const send = (status: number, body?: unknown) => {
      if (!res.headersSent) {
        res.writeHead(status, { ...(body === undefined ? {} : { 'content-type': 'application/json' }), [API_VERSION_HEADER]: API_VERSION });
        res.end(body === undefined ? undefined : JSON.stringify(body));
      }
      options.onRequest?.({ method: req.method ?? 'GET', path, grantType: url.searchParams.get('grant_type') ?? undefined, status });
    };
    route(req, path, url.searchParams).then(
      ({ status, body }) => send(status, body),
      (error: unknown) => {
        const failure = error instanceof AuthError ? error : new AuthError(500, 'unexpected_failure', String(error));
        // Supabase Auth's two error bodies: the 2024-01-01 API answers `{ code, msg }`
        // with a string code; older clients get `{ code: <status>, error_code, msg }`.
        send(
          failure.status,
          modern ? { code: failure.code, msg: failure.message } : { code: failure.status, error_code: failure.code, msg: failure.message },
        );
      },
    );
  };
}
