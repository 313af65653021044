/**
 * No Node-only API reaches the browser bundle of @ppn/sdk. Two independent checks:
 * esbuild bundles the SDK (with supabase-js, as the page imports them) for
 * `--platform=browser`, where any Node built-in is an unresolvable import; and the page's
 * Vite build carries a plugin that fails on one (proved here to bite).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { build } from 'vite';
import { describe, expect, it } from 'vitest';
import { defaultSdkSource, noNodeBuiltins, sdkAliases, WEB_ROOT, type SdkSource } from '../config.js';

const sources: SdkSource[] = defaultSdkSource() === 'dist' ? ['dist', 'src'] : ['src'];

/** Resolves @ppn/sdk and @ppn/schema like the page does for this source. */
function ppnPackages(source: SdkSource): esbuild.Plugin {
  const aliases = sdkAliases(source);
  return {
    name: 'ppn-packages',
    setup(b) {
      b.onResolve({ filter: /^@ppn\/(sdk|schema)$/ }, (args) => {
        const alias = aliases.find((a) => a.find.test(args.path));
        return alias ? { path: alias.replacement } : undefined;
      });
    },
  };
}

async function browserBundle(contents: string, plugins: esbuild.Plugin[] = []) {
  return esbuild.build({
    stdin: { contents, resolveDir: WEB_ROOT, sourcefile: 'entry.ts', loader: 'ts' },
    bundle: true,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    write: false,
    metafile: true,
    logLevel: 'silent',
    plugins,
  });
}

describe('the browser bundle of @ppn/sdk', () => {
  for (const source of sources) {
    it(`bundles for the browser with no Node built-in (@ppn/sdk from ${source})`, async () => {
      const result = await browserBundle(
        "export * from '@ppn/sdk';\nexport { createClient } from '@supabase/supabase-js';\n",
        [ppnPackages(source)],
      );
      expect(result.errors).toEqual([]);
      const inputs = Object.keys(result.metafile.inputs);
      expect(inputs.some((p) => p.includes(source === 'dist' ? 'packages/sdk/dist/' : 'packages/sdk/src/'))).toBe(true);
      expect(inputs.filter((p) => p.startsWith('node:'))).toEqual([]);
      const imports = Object.values(result.metafile.inputs).flatMap((i) => i.imports);
      expect(imports.filter((i) => i.external || i.path.startsWith('node:'))).toEqual([]);
    });
  }

  it('fails an esbuild browser bundle that imports a Node built-in (the check bites)', async () => {
    await expect(browserBundle("import { readFileSync } from 'node:fs';\nconsole.log(readFileSync);\n")).rejects.toThrow(/node:fs/);
  });

  it("fails the page's Vite build on a Node built-in (the plugin bites)", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ppn-web-guard-'));
    try {
      writeFileSync(join(dir, 'entry.js'), "import { join } from 'node:path';\nconsole.log(join('a', 'b'));\n");
      await expect(
        build({
          configFile: false,
          root: dir,
          logLevel: 'silent',
          plugins: [noNodeBuiltins()],
          build: { write: false, rollupOptions: { input: join(dir, 'entry.js') } },
        }),
      ).rejects.toThrow(/Node-only import "node:path" reached the browser bundle/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
