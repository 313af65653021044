import { describe, expect, inject, it } from 'vitest';
import { signToken } from '../../../test/stack.js';

const stack = () => inject('stack');

async function get(path: string, token?: string, apikey = stack().anonKey) {
  const headers: Record<string, string> = { apikey };
  if (token) headers.Authorization = `Bearer ${token}`;
  return fetch(`${stack().url}/rest/v1/${path}`, { headers });
}

describe('the Protocol Builder 404, fixed and guarded, through the real PostgREST', () => {
  it('GET /rest/v1/ref_medications as an authenticated user returns 200 with the 24 rows', async () => {
    const token = await signToken(stack().jwtSecret, { role: 'authenticated', sub: crypto.randomUUID() });
    const res = await get('ref_medications?select=medication_id,medication_name,drug_class,has_contraindication&order=medication_name', token);
    expect(res.status).toBe(200);
    const rows = (await res.json()) as Array<{ medication_name: string }>;
    expect(rows).toHaveLength(24);
    expect(rows[0]!.medication_name).toBe('Alprazolam (Xanax)');
  });

  it('as anon it returns no rows', async () => {
    const res = await get('ref_medications?select=medication_name');
    const body = (await res.json()) as unknown;
    // anon holds no privilege at all (access spec: anon gets nothing anywhere), so PostgREST refuses.
    expect(Array.isArray(body) ? body : []).toEqual([]);
    expect(res.status).toBe(401);
    expect(body).toMatchObject({ code: '42501' });
  });

  it('an expired token is refused with PGRST301, not served', async () => {
    const token = await signToken(stack().jwtSecret, { role: 'authenticated', sub: crypto.randomUUID(), expiresIn: -60 });
    const res = await get('ref_medications?select=medication_name', token);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ code: 'PGRST301' });
  });

  it('a token signed with another secret is refused', async () => {
    const token = await signToken('another-secret-that-is-at-least-32-characters', { role: 'authenticated', sub: crypto.randomUUID() });
    const res = await get('ref_medications?select=medication_name', token);
    expect(res.status).toBe(401);
  });
});
