import { defineConfig } from 'tsup';

// Browsers, Deno, workers and Node alike: platform neutral, no Node built-ins.
// Dependencies and peers (@ppn/schema, supabase-js, zod) stay imports.
export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: ['esm', 'cjs'],
  platform: 'neutral',
  target: 'es2022',
  dts: true,
  sourcemap: false,
  clean: true,
});
