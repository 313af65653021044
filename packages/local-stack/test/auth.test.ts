import { createPpnClient } from '@ppn/sdk';
import { AuthApiError, createClient, type SupabaseClient } from '@supabase/supabase-js';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { AuthRequestEvent } from '../src/auth.js';
import { signToken } from '../src/keys.js';
import { startStack, type Stack } from '../src/start-stack.js';

// 95 s access tokens: auth-js refreshes once fewer than 90 s remain, so a call 6 s after
// sign-in must refresh first. Reuse interval 0: any replayed refresh token is refused.
const JWT_EXPIRY = 95;
let stack: Stack;
const events: AuthRequestEvent[] = [];
const refreshes = () => events.filter((e) => e.path === '/token' && e.grantType === 'refresh_token' && e.status === 200).length;

beforeAll(async () => {
  stack = await startStack({ auth: { jwtExpiry: JWT_EXPIRY, refreshTokenReuseInterval: 0, onRequest: (event) => events.push(event) } });
}, 120_000);
afterAll(async () => {
  await stack?.stop();
});

function client(): SupabaseClient {
  return createClient(stack.url, stack.anonKey, {
    auth: { persistSession: false, autoRefreshToken: false },
    realtime: globalThis.WebSocket ? {} : { transport: WebSocket as never },
  });
}

async function auth(path: string, init: { method?: string; body?: string; headers?: Record<string, string> } = {}) {
  const res = await fetch(`${stack.url}/auth/v1${path}`, {
    method: init.method ?? 'POST',
    body: init.body,
    headers: { apikey: stack.anonKey, 'content-type': 'application/json', ...init.headers },
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
}

const clinician = () => ({ email: stack.personas.clinicianA.email, password: stack.personas.clinicianA.password });

describe('supabase-js signs in as a persona and the SDK reads as that persona', () => {
  it('signs in, lists 24 medications and the clinician’s protocol timeline, refreshes, signs out, then is unauthenticated', async () => {
    const supabase = client();
    const { data, error } = await supabase.auth.signInWithPassword(clinician());
    expect(error).toBeNull();
    expect(data.user?.id).toBe(stack.personas.clinicianA.userId);
    const claims = decodeJwt(data.session!.access_token);
    expect(Object.keys(claims)).toEqual(
      expect.arrayContaining(['sub', 'role', 'aud', 'email', 'phone', 'exp', 'iat', 'session_id', 'aal', 'amr', 'is_anonymous']),
    );
    expect(claims).toMatchObject({ sub: stack.personas.clinicianA.userId, role: 'authenticated', aud: 'authenticated', aal: 'aal1', is_anonymous: false });
    expect(claims.exp! - claims.iat!).toBe(JWT_EXPIRY);

    const ppn = createPpnClient(supabase);
    const meds = await ppn.medications.list();
    expect(meds.error).toBeNull();
    expect(meds.data).toHaveLength(24);
    const timeline = await ppn.sessionEvents.timeline({ protocol_id: 1 });
    expect(timeline.error).toBeNull();
    expect(timeline.data!.rows.length).toBeGreaterThan(0);

    const before = data.session!.refresh_token;
    const refreshed = await supabase.auth.refreshSession();
    expect(refreshed.error).toBeNull();
    expect(refreshed.data.session!.refresh_token).not.toBe(before);
    expect((await supabase.auth.getUser()).data.user?.email).toBe(stack.personas.clinicianA.email);
    expect((await ppn.medications.list()).data).toHaveLength(24);

    expect((await supabase.auth.signOut()).error).toBeNull();
    // The signed-out refresh token is gone with its session.
    const replay = await auth('/token?grant_type=refresh_token', { body: JSON.stringify({ refresh_token: refreshed.data.session!.refresh_token }) });
    expect(replay.status).toBe(400);
    expect(replay.body!.error_code).toBe('refresh_token_not_found');
    const after = await ppn.medications.list();
    expect(after.data).toBeNull();
    expect(after.error?.code).toBe('unauthenticated');
  });

  it('an SDK call 6 s after sign-in (95 s tokens) refreshes first through a counted refresh_token request', async () => {
    const supabase = client();
    const { data } = await supabase.auth.signInWithPassword(clinician());
    const first = data.session!.access_token;
    const counted = refreshes();
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    const meds = await createPpnClient(supabase).medications.list();
    expect(meds.error).toBeNull();
    expect(meds.data).toHaveLength(24);
    expect(refreshes()).toBe(counted + 1);
    const { data: now } = await supabase.auth.getSession();
    expect(now.session!.access_token).not.toBe(first);
    await supabase.auth.signOut();
  }, 30_000);

  it('a token minted already expired gets 401 from PostgREST', async () => {
    // PostgREST allows 30 s of clock skew past `exp`: a minute ago is expired for it.
    const expired = await signToken(stack.jwtSecret, { role: 'authenticated', sub: stack.personas.clinicianA.userId, expiresIn: -60 });
    const res = await fetch(`${stack.url}/rest/v1/ref_medications?select=medication_id`, { headers: { apikey: stack.anonKey, Authorization: `Bearer ${expired}` } });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { message: string }).message).toMatch(/expired/i);
  });
});

describe("refusals in Supabase Auth's shapes", () => {
  it('a wrong password and an unknown email are 400 invalid_credentials (an AuthApiError in auth-js)', async () => {
    for (const attempt of [
      { email: stack.personas.clinicianA.email, password: 'not-the-password' },
      { email: 'nobody@ppn.local', password: stack.personas.clinicianA.password },
    ]) {
      const { data, error } = await client().auth.signInWithPassword(attempt);
      expect(data.session).toBeNull();
      expect(error).toBeInstanceOf(AuthApiError);
      expect(error).toMatchObject({ status: 400, code: 'invalid_credentials', message: 'Invalid login credentials' });
    }
    // Without auth-js's API version header: the older `{ code, error_code, msg }` body.
    const legacy = await auth('/token?grant_type=password', { body: JSON.stringify({ email: 'nobody@ppn.local', password: 'x' }) });
    expect(legacy).toMatchObject({ status: 400, body: { code: 400, error_code: 'invalid_credentials', msg: 'Invalid login credentials' } });
    const modern = await auth('/token?grant_type=password', {
      body: JSON.stringify({ email: 'nobody@ppn.local', password: 'x' }),
      headers: { 'x-supabase-api-version': '2024-01-01' },
    });
    expect(modern).toMatchObject({ status: 400, body: { code: 'invalid_credentials', msg: 'Invalid login credentials' } });
    expect(modern.headers.get('x-supabase-api-version')).toBe('2024-01-01');
  });

  it('a reused refresh token is 400 refresh_token_already_used and ends the session; an unknown one is refresh_token_not_found', async () => {
    const signIn = await auth('/token?grant_type=password', { body: JSON.stringify(clinician()) });
    expect(signIn.status).toBe(200);
    const first = signIn.body!.refresh_token as string;
    const rotated = await auth('/token?grant_type=refresh_token', { body: JSON.stringify({ refresh_token: first }) });
    expect(rotated.status).toBe(200);
    const second = rotated.body!.refresh_token as string;
    expect(second).not.toBe(first);

    const reused = await client().auth.refreshSession({ refresh_token: first });
    expect(reused.error).toBeInstanceOf(AuthApiError);
    expect(reused.error).toMatchObject({ status: 400, code: 'refresh_token_already_used' });
    // Reuse looks like theft: the session's current token is revoked too.
    const current = await auth('/token?grant_type=refresh_token', { body: JSON.stringify({ refresh_token: second }) });
    expect(current.body).toMatchObject({ error_code: 'refresh_token_not_found' });

    const unknown = await client().auth.refreshSession({ refresh_token: 'not-a-token' });
    expect(unknown.error).toMatchObject({ status: 400, code: 'refresh_token_not_found' });
  });

  it('malformed bodies are 400 with a message, never 500', async () => {
    const cases = [
      { path: '/token?grant_type=password', body: '{not json' },
      { path: '/token?grant_type=password', body: '[1,2]' },
      { path: '/token?grant_type=password', body: JSON.stringify({ email: 42, password: 'x' }) },
      { path: '/token?grant_type=password', body: JSON.stringify({ password: 'x' }) },
      { path: '/token?grant_type=refresh_token', body: JSON.stringify({}) },
      { path: '/token?grant_type=refresh_token', body: JSON.stringify({ refresh_token: ['x'] }) },
      { path: '/token?grant_type=magic', body: JSON.stringify({}) },
      { path: '/token', body: '' },
    ];
    for (const { path, body } of cases) {
      const res = await auth(path, { body });
      expect(res.status, `${path} ${body}`).toBe(400);
      expect(typeof res.body!.msg).toBe('string');
      expect(typeof res.body!.error_code).toBe('string');
    }
  });

  it('every other auth path answers 501 with a JSON message, signUp included', async () => {
    for (const [method, path] of [
      ['POST', '/signup'],
      ['POST', '/otp'],
      ['POST', '/recover'],
      ['GET', '/authorize?provider=github'],
      ['POST', '/factors'],
      ['PUT', '/user'],
    ] as const) {
      const res = await auth(path, { method, body: method === 'GET' ? undefined : '{}' });
      expect(res.status, path).toBe(501);
      expect(res.body).toMatchObject({ error_code: 'not_implemented' });
      expect(res.body!.msg).toMatch(/local stack does not provide/);
    }
    // auth-js files every 5xx under AuthRetryableFetchError, keeping status and message.
    const { error } = await client().auth.signUp({ email: 'new@ppn.local', password: 'long-enough-password' });
    expect(error).toMatchObject({ status: 501, message: expect.stringMatching(/local stack does not provide POST \/auth\/v1\/signup/) });
  });

  it('GET user needs a live session; GET settings says sign-up is off', async () => {
    expect((await auth('/user', { method: 'GET' })).status).toBe(401);
    expect((await auth('/user', { method: 'GET', headers: { authorization: `Bearer ${stack.personas.clinicianA.token}` } })).body).toMatchObject({
      error_code: 'session_not_found',
    });
    const settings = await auth('/settings', { method: 'GET' });
    expect(settings).toMatchObject({ status: 200, body: { disable_signup: true, external: { email: true } } });
  });

  it('answers a browser preflight with the headers auth-js sends', async () => {
    const res = await fetch(`${stack.url}/auth/v1/token?grant_type=password`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'POST', 'access-control-request-headers': 'apikey, authorization, content-type, x-client-info, x-supabase-api-version' },
    });
    expect(res.status).toBe(204);
    const allowed = res.headers.get('access-control-allow-headers')!.split(',').map((h) => h.trim());
    expect(allowed).toEqual(expect.arrayContaining(['apikey', 'authorization', 'content-type', 'x-client-info', 'x-supabase-api-version']));
  });
});

it("the stack's facts give each persona an email and a dev password", () => {
  for (const persona of Object.values(stack.personas)) {
    expect(persona.email).toMatch(/@ppn\.local$/);
    expect(persona.password.length).toBeGreaterThan(8);
  }
});

describe('the reuse interval (an auth server on its own, with the default 10 s)', () => {
  it("accepts the active token's parent again within the interval and answers with the active token", async () => {
    const [{ createAuthServer }, { startGateway }, { freePort }, { PERSONA_CREDENTIALS }] = await Promise.all([
      import('../src/auth.js'),
      import('../src/gateway.js'),
      import('../src/ports.js'),
      import('../src/persona-credentials.js'),
    ]);
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const users = [{ id: stack.personas.memberA.userId, email: stack.personas.memberA.email, passwordHash: PERSONA_CREDENTIALS.memberA.passwordHash }];
    const gateway = await startGateway({ port, restPort: () => 1, auth: createAuthServer({ jwtSecret: 'x'.repeat(40), url, users, jwtExpiry: 60, refreshTokenReuseInterval: 10 }) });
    try {
      const post = async (path: string, body: unknown) => {
        const res = await fetch(`${url}/auth/v1${path}`, { method: 'POST', body: JSON.stringify(body) });
        return { status: res.status, body: (await res.json()) as Record<string, unknown> };
      };
      const signIn = await post('/token?grant_type=password', { email: stack.personas.memberA.email, password: stack.personas.memberA.password });
      const first = signIn.body.refresh_token as string;
      const second = (await post('/token?grant_type=refresh_token', { refresh_token: first })).body.refresh_token as string;
      // The client lost the answer and sends `first` again: it gets `second`, not a new token.
      const again = await post('/token?grant_type=refresh_token', { refresh_token: first });
      expect(again).toMatchObject({ status: 200, body: { refresh_token: second } });
      // `second` rotates on; now `first` is no longer the active token's parent: refused.
      expect((await post('/token?grant_type=refresh_token', { refresh_token: second })).status).toBe(200);
      expect(await post('/token?grant_type=refresh_token', { refresh_token: first })).toMatchObject({ status: 400, body: { error_code: 'refresh_token_already_used' } });
    } finally {
      await gateway.stop();
    }
  });

  it('refuses a non-positive token lifetime or a negative reuse interval before anything starts', async () => {
    for (const auth of [{ jwtExpiry: 0 }, { jwtExpiry: Number.NaN }, { refreshTokenReuseInterval: -1 }]) {
      await expect(startStack({ auth })).rejects.toMatchObject({ code: 'invalid_option' });
    }
  });
});
