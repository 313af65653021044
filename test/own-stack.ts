import { startStack, type Stack, type StackOptions } from '@ppn/local-stack';
import { afterAll, beforeAll } from 'vitest';

/**
 * A local stack of this suite's own, started before its tests and stopped after them. For
 * suites that write: the shared stack's seed and reference data must stay as they are.
 * Returns a getter, since the stack exists only once `beforeAll` has run.
 */
export function useOwnStack(options?: StackOptions): () => Stack {
  let stack: Stack | undefined;
  beforeAll(async () => {
    stack = await startStack(options);
  });
  afterAll(async () => {
    await stack?.stop();
  });
  return () => {
    if (!stack) throw new Error('useOwnStack: the stack is started in beforeAll; use it inside hooks and tests');
    return stack;
  };
}
