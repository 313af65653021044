import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** The browser proof: `pnpm test:e2e` at the root. Not part of `pnpm test` (it needs Chromium). */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 240_000,
    fileParallelism: false,
  },
});
