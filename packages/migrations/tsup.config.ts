import { rmSync } from 'node:fs';
import { defineConfig, type Options } from 'tsup';

// The configs below build in parallel, so dist/ is emptied once, here, not by `clean`.
rmSync('dist', { recursive: true, force: true });

const node: Options = { platform: 'node', target: 'node20', sourcemap: false };

// Every output file sits directly in dist/, so code that walks up to the package root
// (package-files.ts) works from any chunk.
export default defineConfig([
  { ...node, entry: { index: 'src/index.ts' }, format: ['esm', 'cjs'], dts: true, shims: true },
  { ...node, entry: { cli: 'src/cli.ts' }, format: ['esm'] },
]);
