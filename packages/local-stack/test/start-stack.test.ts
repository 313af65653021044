import { afterAll, beforeAll, expect, it } from 'vitest';
import { startStack, type Stack } from '../src/start-stack.js';
import { StackError } from '../src/stack-error.js';

let stack: Stack | undefined;
beforeAll(async () => {
  stack = await startStack({ maxRows: 5, seed: true });
});
afterAll(async () => {
  await stack?.stop();
});

it('maxRows caps every PostgREST response (24 medications, 5 per response)', async () => {
  expect(stack!.maxRows).toBe(5);
  const res = await fetch(`${stack!.url}/rest/v1/ref_medications?select=medication_id`, {
    headers: { Authorization: `Bearer ${stack!.personas.clinicianA.token}`, Prefer: 'count=exact' },
  });
  expect(res.status).toBe(206);
  expect(await res.json()).toHaveLength(5);
  expect(res.headers.get('content-range')).toBe('0-4/24');
});

it('a maxRows that is not a whole number of at least 1 is refused before anything starts', async () => {
  for (const maxRows of [0, -1, 2.5, Number.NaN]) {
    const error = await startStack({ maxRows }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StackError);
    expect((error as StackError).code).toBe('invalid_option');
  }
});
