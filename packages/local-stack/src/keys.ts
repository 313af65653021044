import { SignJWT } from 'jose';

/** The Supabase CLI's well-known local secret: dev tokens stay stable across restarts. */
export const DEFAULT_JWT_SECRET = 'super-secret-jwt-token-with-at-least-32-characters-long';

const TEN_YEARS = 10 * 365 * 24 * 3600;

export interface TokenClaims {
  role: 'anon' | 'authenticated' | 'service_role';
  sub?: string;
  email?: string;
  /** Seconds from now until expiry; negative for an already expired token. */
  expiresIn?: number;
  [claim: string]: unknown;
}

/** Signs an HS256 JWT the way Supabase's auth server does, with the stack's secret. */
export async function signToken(secret: string, claims: TokenClaims): Promise<string> {
  const { expiresIn = TEN_YEARS, ...payload } = claims;
  const now = Math.floor(Date.now() / 1000);
  const body = payload.role === 'authenticated' ? { aud: 'authenticated', ...payload } : payload;
  return new SignJWT({ iss: 'supabase-demo', ...body })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuedAt(now)
    .setExpirationTime(now + expiresIn)
    .sign(new TextEncoder().encode(secret));
}
