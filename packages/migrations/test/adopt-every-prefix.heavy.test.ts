import { expect, it } from 'vitest';
import { readMigrations } from '../src/index.js';
import { prefixSuite } from './helpers/adopt-prefix.js';

/**
 * Every prefix: for each k from 0 to the number of files, a database that ran the first k
 * files by hand, then `adopt` and `migrate`, ends equal to a fresh database. `adopt` never
 * stops: the list of stopping files in the README is empty, and this keeps it so.
 */
const files = readMigrations();
const suite = prefixSuite();

it(`adopt + migrate converges for every prefix k = 0..${files.length}`, async () => {
  const started = performance.now();
  for (let k = 0; k <= files.length; k++) {
    const result = await suite.run(k);
    expect(result.adopted, `k = ${k}`).toEqual(files.slice(0, result.adopted.length).map((f) => f.version));
    // A file whose every effect is already there may be adopted (the revoke sweep right after the hardening files).
    expect(result.adopted.length, `k = ${k}`).toBeGreaterThanOrEqual(k);
    expect([...result.adopted, ...result.applied], `k = ${k}`).toEqual(files.map((f) => f.version));
    expect(result.snapshot, `k = ${k}`).toEqual(suite.reference().snapshot);
    expect(result.history, `k = ${k}`).toEqual(suite.reference().history);
  }
  console.log(`adopt + migrate converged for ${files.length + 1} prefixes in ${((performance.now() - started) / 1000).toFixed(1)} s`);
});
