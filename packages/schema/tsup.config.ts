import { defineConfig } from 'tsup';

// One ESM file keeps every `/* @__PURE__ */` and `@__NO_SIDE_EFFECTS__` annotation (esbuild
// carries them through), so an app's bundler still drops the validators it does not import:
// `pnpm lint:packages` bundles the built ESM to prove it.
export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: ['esm', 'cjs'],
  platform: 'neutral',
  target: 'es2022',
  dts: true,
  sourcemap: false,
  clean: true,
});
