import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SignJWT } from 'jose';
import { afterAll, expect, it } from 'vitest';
import { PERSONA_NAMES } from '../src/personas.js';
import { alive, descendants } from '../../../test/processes.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

// The state file's folder goes too: a test run leaves nothing in the system temp directory.
const stateDir = mkdtempSync(join(tmpdir(), 'ppn-state-'));
afterAll(() => rmSync(stateDir, { recursive: true, force: true }));

it('`pnpm stack --json` prints one JSON object once ready, serves the API, and leaves no process after SIGTERM', async () => {
  const stateFile = join(stateDir, 'stack.json');
  const child = spawn('npx', ['--yes', 'pnpm@12.4.2', 'stack', '--json'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PPN_STACK_STATE_FILE: stateFile },
  });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const line = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes('\n')) resolve(stdout.slice(0, stdout.indexOf('\n')));
    });
    child.on('exit', (code) => reject(new Error(`stack exited early (${code}): ${stderr}`)));
  });

  const facts = JSON.parse(line) as Record<string, unknown> & { url: string; jwtSecret: string; dbUrl: string; personas: Record<string, { userId: string; token: string; email: string; password: string }> };
  expect(Object.keys(facts)).toEqual(expect.arrayContaining(['url', 'anonKey', 'serviceRoleKey', 'jwtSecret', 'dbUrl', 'personas']));
  expect(Object.keys(facts.personas).sort()).toEqual([...PERSONA_NAMES].sort());
  // personas.<name>.email and .password sign in through the stack's /auth/v1.
  const { email, password } = facts.personas.clinicianA!;
  expect(email).toBe('clinicianA@ppn.local');
  const signIn = await fetch(`${facts.url}/auth/v1/token?grant_type=password`, { method: 'POST', body: JSON.stringify({ email, password }) });
  expect(signIn.status).toBe(200);
  console.log(`pnpm stack --json: ready in ${facts.readyMs} ms inside the stack process`);

  // Any authenticated JWT signed with jwtSecret reads the 24 medications: the 404 is gone.
  const token = await new SignJWT({ role: 'authenticated', sub: crypto.randomUUID(), aud: 'authenticated' })
    .setProtectedHeader({ alg: 'HS256' })
    .setExpirationTime('5m')
    .sign(new TextEncoder().encode(facts.jwtSecret));
  const res = await fetch(`${facts.url}/rest/v1/ref_medications?select=medication_name`, { headers: { Authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  expect(await res.json()).toHaveLength(24);

  expect(JSON.parse(readFileSync(stateFile, 'utf8')).url).toBe(facts.url);

  const tree = descendants(child.pid!);
  expect(tree.length).toBeGreaterThan(3);
  child.kill('SIGTERM');
  for (let i = 0; i < 100 && tree.some(alive); i++) await new Promise((r) => setTimeout(r, 100));
  expect(tree.filter(alive)).toEqual([]);
  expect(existsSync(stateFile)).toBe(false);
  // Nothing after the one JSON line.
  expect(stdout.trim().split('\n')).toHaveLength(1);
}, 60_000);
