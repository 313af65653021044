import { defineConfig } from 'vitest/config';

/**
 * `pnpm test:heavy`: the safety suites too slow for `pnpm test`, run by CI as a step of its
 * own. The `*.heavy.test.ts` files (fault injection: 20 loggers x 500 events under injected
 * faults; every upgrade step on Postgres 15 and 17) and the property suites again, with more
 * runs (`PPN_FC_RUNS` 5,000 and `PPN_FC_DB_RUNS` 200 here; `pnpm test` runs 1,000 and 40).
 * Every suite here starts its own stack or cluster: no global setup.
 */
export default defineConfig({
  test: {
    include: ['packages/*/test/**/*.heavy.test.ts', 'packages/sdk/test/properties/*.property.test.ts'],
    testTimeout: 600_000,
    hookTimeout: 120_000,
    maxWorkers: 2,
    env: {
      PPN_FC_RUNS: process.env.PPN_FC_RUNS ?? '5000',
      PPN_FC_DB_RUNS: process.env.PPN_FC_DB_RUNS ?? '200',
    },
  },
});
