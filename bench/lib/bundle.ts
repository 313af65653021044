/** The app bundle figure: esbuild (browser, ESM, minified) of bench/bundle/app.ts, gzipped. */
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/** The app: createPpnClient, medications.list, sessionEvents.log. */
export const APP_ENTRY = fileURLToPath(new URL('../bundle/app.ts', import.meta.url));
/** The same calls through the SDK's plain, tree-shakable functions (reference figure). */
export const APP_FUNCTIONS_ENTRY = fileURLToPath(new URL('../bundle/app-functions.ts', import.meta.url));

export interface BundleFigures {
  minifiedBytes: number;
  gzipBytes: number;
  /** Largest inputs by bytes in the minified output. */
  top: Array<{ input: string; bytes: number }>;
}

export async function measureBundle(entry: string = APP_ENTRY): Promise<BundleFigures> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    external: ['@supabase/supabase-js'],
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.contents;
  const output = Object.values(result.metafile.outputs)[0]!;
  const byPackage = new Map<string, number>();
  for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
    const key = input.includes('node_modules/')
      ? input.replace(/^.*node_modules\/((?:@[^/]+\/)?[^/]+).*$/, '$1')
      : input.replace(/^.*packages\/([^/]+)\/.*$/, '@ppn/$1');
    byPackage.set(key, (byPackage.get(key) ?? 0) + bytesInOutput);
  }
  return {
    minifiedBytes: code.byteLength,
    gzipBytes: gzipSync(code, { level: 9 }).byteLength,
    top: [...byPackage].map(([input, bytes]) => ({ input, bytes })).sort((a, b) => b.bytes - a.bytes).slice(0, 6),
  };
}
