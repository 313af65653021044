/**
 * Prints what the validators cost an app: each entry is bundled with esbuild
 * (`--bundle --minify --format=esm`, zod included) and gzipped. A figure, not a test:
 * run `pnpm --filter @ppn/schema size`.
 */
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));

const entries: Record<string, string> = {
  'zod/mini alone (one strict object)': `import * as z from 'zod/mini'; console.log(z.strictObject({ a: z.string() }).safeParse({}));`,
  'one generated validator (sessionEventsInsert)': `import { sessionEventsInsert } from './src/index.js'; console.log(sessionEventsInsert.safeParse({}));`,
  'one refined validator (practitionerProfileInsert)': `import { practitionerProfileInsert } from './src/index.js'; console.log(practitionerProfileInsert.safeParse({}));`,
  'one table, Row + Insert + Update': `import { sessionEventsRow, sessionEventsInsert, sessionEventsUpdate } from './src/index.js'; console.log(sessionEventsRow, sessionEventsInsert, sessionEventsUpdate);`,
  'medications Row + session event insert': `import { refMedicationsRow, sessionEventInsert } from './src/index.js'; console.log(refMedicationsRow, sessionEventInsert);`,
  'reference constants only': `import { EVENT_TYPE_NAMES, SCALE_TYPES } from './src/index.js'; console.log(EVENT_TYPE_NAMES, SCALE_TYPES);`,
  'everything (all 39 validators + refinements)': `import * as schema from './src/index.js'; console.log(schema);`,
};

/** Bundles `contents` (an entry module in this package) as an app would. */
export async function bundle(contents: string): Promise<string> {
  const result = await build({
    stdin: { contents, resolveDir: root, loader: 'ts', sourcefile: 'entry.ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

export async function measure(contents: string): Promise<{ min: number; gzip: number }> {
  const code = Buffer.from(await bundle(contents));
  return { min: code.length, gzip: gzipSync(code, { level: 9 }).length };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  for (const [name, contents] of Object.entries(entries)) {
    const { min, gzip } = await measure(contents);
    console.log(`${name.padEnd(48)} ${kb(min).padStart(9)} min  ${kb(gzip).padStart(8)} gzip`);
  }
}
