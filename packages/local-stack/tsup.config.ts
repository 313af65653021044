import { copyFileSync, rmSync } from 'node:fs';
import { defineConfig, type Options } from 'tsup';

// The configs below build in parallel, so dist/ is emptied once, here, not by `clean`.
rmSync('dist', { recursive: true, force: true });

const node: Options = { platform: 'node', target: 'node20', sourcemap: false };

// Every output file sits directly in dist/, so `new URL('./shim.sql', import.meta.url)` finds
// the shim from any chunk. @ppn/migrations, pg and jose stay imports (dependencies).
export default defineConfig([
  {
    ...node,
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    // `import.meta.url` in the CJS build.
    shims: true,
    onSuccess: async () => copyFileSync('src/shim.sql', 'dist/shim.sql'),
  },
  { ...node, entry: { cli: 'src/cli.ts' }, format: ['esm'] },
]);
