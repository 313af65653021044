/**
 * The web example's Vite configuration, shared by `vite.config.ts` (the Vite CLI), `serve.ts`
 * (`pnpm example web`) and the end-to-end test. Two plugins matter:
 *
 * - `ppn:stack-facts` serves `/ppn-stack.json` from the dev and preview servers: the gateway
 *   URL, the anon key and the dev personas' emails and dev passwords (the page signs in with
 *   them through the stack's `/auth/v1`). Nothing else of the stack (no service-role
 *   key, no JWT secret, no database URL) ever reaches the page.
 * - `ppn:no-node-builtins` fails the build (and the dev server's import) when any module on
 *   the page's import graph, `@ppn/sdk` and supabase-js included, imports a Node built-in.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { builtinModules } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { InlineConfig, Plugin } from 'vite';

export const WEB_ROOT = dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = resolve(WEB_ROOT, '..', '..');

/** What the page may know about the stack: enough to sign in as a dev persona, no tokens. */
export interface PageFacts {
  url: string;
  anonKey: string;
  personas: Record<string, { userId: string; email: string; password: string; role: string | null; siteId: number | null }>;
}

/** Picks the page's facts out of the stack's (never the service-role key, JWT secret or database URL). */
export function pageFacts(facts: PageFacts): PageFacts {
  const personas: PageFacts['personas'] = {};
  for (const [name, p] of Object.entries(facts.personas)) {
    personas[name] = { userId: p.userId, email: p.email, password: p.password, role: p.role, siteId: p.siteId };
  }
  return { url: facts.url, anonKey: facts.anonKey, personas };
}

/** Serves `/ppn-stack.json` (the page's facts) from both the dev server and `vite preview`. */
export function stackFacts(load: () => Promise<PageFacts | null>): Plugin {
  const handler = (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    if ((req.url ?? '').split('?')[0] !== '/ppn-stack.json') return next();
    load().then(
      (facts) => {
        res.setHeader('content-type', 'application/json');
        res.setHeader('cache-control', 'no-store');
        if (!facts) {
          res.statusCode = 503;
          res.end(JSON.stringify({ error: 'No local stack is running: start one with `pnpm stack`, or use `pnpm example web`.' }));
          return;
        }
        res.end(JSON.stringify(pageFacts(facts)));
      },
      (error: unknown) => {
        res.statusCode = 500;
        res.end(JSON.stringify({ error: String(error) }));
      },
    );
  };
  return {
    name: 'ppn:stack-facts',
    configureServer: (server) => void server.middlewares.use(handler),
    configurePreviewServer: (server) => void server.middlewares.use(handler),
  };
}

const BUILTINS = new Set(builtinModules);

/** True for `node:fs`, `fs`, `fs/promises` and the like. */
export function isNodeBuiltin(source: string): boolean {
  if (source.startsWith('node:')) return true;
  return BUILTINS.has(source) || BUILTINS.has(source.split('/')[0]!);
}

/**
 * Rejects any import of a Node built-in on the page's graph. Runs before Vite's own
 * resolution, which would otherwise quietly swap in an empty `__vite-browser-external`.
 */
export function noNodeBuiltins(): Plugin {
  return {
    name: 'ppn:no-node-builtins',
    enforce: 'pre',
    resolveId(source, importer) {
      if (isNodeBuiltin(source)) {
        this.error(`Node-only import "${source}" reached the browser bundle (imported by ${importer ?? 'the entry'})`);
      }
      return null;
    },
  };
}

/**
 * The file a workspace package's published `exports["."]` points at (its `publishConfig`),
 * when that file has been built; null otherwise. In the repository `exports` points at
 * `src/*.ts`; the packed package points at `dist`.
 */
export function builtEntry(packageDir: string): string | null {
  const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as {
    publishConfig?: { exports?: unknown; module?: string; main?: string };
  };
  const pick = (target: unknown): string | undefined => {
    if (typeof target === 'string') return target;
    if (target && typeof target === 'object') {
      const t = target as Record<string, unknown>;
      for (const key of ['browser', 'import', 'module', 'default']) {
        const found = pick(t[key]);
        if (found) return found;
      }
    }
    return undefined;
  };
  const exportsField = manifest.publishConfig?.exports;
  const dot = exportsField && typeof exportsField === 'object' && '.' in exportsField ? (exportsField as Record<string, unknown>)['.'] : exportsField;
  const relative = pick(dot) ?? manifest.publishConfig?.module ?? manifest.publishConfig?.main;
  if (!relative) return null;
  const file = resolve(packageDir, relative);
  return existsSync(file) ? file : null;
}

export type SdkSource = 'src' | 'dist';

/** Where `@ppn/sdk` and `@ppn/schema` come from for the page: their built `dist`, or the repository's `src`. */
export function sdkAliases(source: SdkSource): Array<{ find: RegExp; replacement: string }> {
  if (source === 'src') return [];
  const aliases = [];
  for (const name of ['sdk', 'schema']) {
    const entry = builtEntry(join(REPO_ROOT, 'packages', name));
    if (!entry) {
      throw new Error(`@ppn/${name} has no build: run \`npx pnpm@12.4.2 build\` first (or use the repository's src).`);
    }
    aliases.push({ find: new RegExp(`^@ppn/${name}$`), replacement: entry });
  }
  return aliases;
}

/** 'dist' when both packages are built, else 'src'. */
export function defaultSdkSource(): SdkSource {
  try {
    sdkAliases('dist');
    return 'dist';
  } catch {
    return 'src';
  }
}

export interface WebConfigOptions {
  /** The facts `/ppn-stack.json` serves; null answers 503 with a hint. */
  facts: () => Promise<PageFacts | null>;
  /** Where `@ppn/sdk` comes from (default: the repository's src). */
  sdk?: SdkSource;
  /** Build output (default `examples/web/dist`). */
  outDir?: string;
}

export function webConfig(options: WebConfigOptions): InlineConfig {
  return {
    root: WEB_ROOT,
    configFile: false,
    clearScreen: false,
    plugins: [noNodeBuiltins(), stackFacts(options.facts)],
    resolve: { alias: sdkAliases(options.sdk ?? 'src') },
    build: {
      outDir: options.outDir ?? join(WEB_ROOT, 'dist'),
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: true,
    },
  };
}
