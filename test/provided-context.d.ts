import type { StackFacts } from '@ppn/local-stack';

// What test/global-setup.ts provides to every suite through `inject('stack')`.
declare module 'vitest' {
  export interface ProvidedContext {
    stack: StackFacts;
  }
}
