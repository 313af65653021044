import { copyFileSync, rmSync } from 'node:fs';
import { defineConfig, type Options } from 'tsup';

// The configs below build in parallel, so dist/ is emptied once, here, not by `clean`.
rmSync('dist', { recursive: true, force: true });

const node: Options = { platform: 'node', target: 'node20', sourcemap: false };

// Every output file sits directly in dist/ (entries and shared chunks alike), so code that
// finds files next to itself (`./shim.sql`) or walks up to the package root works from any chunk.
export default defineConfig([
  {
    ...node,
    entry: { index: 'src/index.ts', stack: 'src/stack/index.ts' },
    format: ['esm', 'cjs'],
    // One copy of each module per format: `instanceof MigrationError` holds across entries.
    splitting: true,
    // `import.meta.url` in the CJS build.
    shims: true,
    onSuccess: async () => copyFileSync('src/stack/shim.sql', 'dist/shim.sql'),
  },
  // Declarations per entry: tsup 8's dts step fails to parse the second of two entries that
  // do not import each other, so each gets its own (.d.ts for import, .d.cts for require).
  { ...node, entry: { index: 'src/index.ts' }, format: ['esm', 'cjs'], dts: { only: true } },
  { ...node, entry: { stack: 'src/stack/index.ts' }, format: ['esm', 'cjs'], dts: { only: true } },
  { ...node, entry: { cli: 'src/cli.ts' }, format: ['esm'] },
]);
