/**
 * `pnpm docs:check`: type-checks every ```ts (or ```typescript) block of the READMEs, so the
 * documented API cannot drift from the real one.
 *
 * Each block becomes its own module in `.tmp/docs-check/` (git-ignored) and one strict `tsc`
 * run checks them all, resolving `@ppn/migrations`, `@ppn/local-stack`, `@ppn/schema` and `@ppn/sdk` to the
 * workspace packages as an app would (through their exports). Errors are reported at the
 * README line. A block may use, without defining them, the names declared in PRELUDE below
 * (the usual "you already have these" of a snippet). A block whose info string says
 * `skip-check` (```ts skip-check) is left out; none does today.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(ROOT, '.tmp', 'docs-check');

/** Names a README snippet may use without defining them. */
const PRELUDE = `import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '@ppn/schema';
import type { PpnClient } from '@ppn/sdk';

declare global {
  /** The project URL (the local stack's \`url\`, or https://<ref>.supabase.co). */
  const url: string;
  /** The project's anon key. */
  const anonKey: string;
  /** The signed-in user's access token (a JWT). */
  const accessToken: string;
  /** A Postgres connection string (DATABASE_URL). */
  const databaseUrl: string;
  /** A supabase-js client typed with the PPN Database. */
  const supabase: SupabaseClient<Database>;
  /** \`createPpnClient(supabase)\`. */
  const ppn: PpnClient;
  /** A clinical record (protocol) id. */
  const protocolId: number;
}
export {};
`;

/** The READMEs whose code blocks are checked. */
function readmes(): string[] {
  const candidates = ['README.md', '.changeset/README.md', 'examples/README.md', 'bench/README.md'];
  for (const parent of ['packages', 'examples']) {
    const dir = join(ROOT, parent);
    if (!existsSync(dir)) continue;
    for (const entry of readdirSync(dir, { withFileTypes: true }))
      if (entry.isDirectory() && entry.name !== 'node_modules') candidates.push(`${parent}/${entry.name}/README.md`);
  }
  return candidates.filter((file) => existsSync(join(ROOT, file))).sort();
}

interface Block {
  readme: string;
  /** 1-based README line of the block's first code line. */
  line: number;
  code: string;
}

function blocks(readme: string): Block[] {
  const lines = readFileSync(join(ROOT, readme), 'utf8').split('\n');
  const found: Block[] = [];
  let open: { info: string; start: number; body: string[] } | null = null;
  lines.forEach((text, index) => {
    const fence = /^```(.*)$/.exec(text.trimEnd());
    if (!open && fence) open = { info: fence[1]!.trim(), start: index + 2, body: [] };
    else if (open && fence && fence[1] === '') {
      const [lang, ...flags] = open.info.split(/\s+/);
      if ((lang === 'ts' || lang === 'typescript') && !flags.includes('skip-check'))
        found.push({ readme, line: open.start, code: open.body.join('\n') });
      open = null;
    } else if (open) open.body.push(text);
  });
  return found;
}

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
writeFileSync(join(OUT, 'prelude.d.ts'), PRELUDE);

const files = new Map<string, Block>();
for (const readme of readmes()) {
  for (const block of blocks(readme)) {
    const name = `${readme.replace(/[/.]/g, '_')}_L${block.line}.ts`;
    // `export {}` makes every block a module of its own (own scope, top-level await allowed).
    writeFileSync(join(OUT, name), `${block.code}\nexport {};\n`);
    files.set(name, block);
  }
}

writeFileSync(
  join(OUT, 'tsconfig.json'),
  `${JSON.stringify(
    {
      compilerOptions: {
        strict: true,
        target: 'ES2022',
        lib: ['ES2023', 'DOM', 'DOM.Iterable'],
        module: 'ESNext',
        moduleResolution: 'bundler',
        types: ['node'],
        noEmit: true,
        skipLibCheck: true,
        allowUnusedLabels: false,
      },
      files: ['prelude.d.ts', ...files.keys()],
    },
    null,
    2,
  )}\n`,
);

const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
let output = '';
let failed = false;
try {
  execFileSync(process.execPath, [tsc, '-p', join(OUT, 'tsconfig.json'), '--pretty', 'false'], { cwd: OUT, encoding: 'utf8', stdio: 'pipe' });
} catch (error) {
  failed = true;
  output = `${(error as { stdout?: string }).stdout ?? ''}${(error as { stderr?: string }).stderr ?? ''}`;
}

const perReadme = new Map<string, number>();
for (const block of files.values()) perReadme.set(block.readme, (perReadme.get(block.readme) ?? 0) + 1);
for (const [readme, count] of perReadme) console.log(`  ${readme}: ${count} ts block(s)`);

if (failed) {
  // Map `file.ts(line,col): error TS...` back to the README line.
  const mapped = output.split('\n').filter(Boolean).map((line) => {
    const match = /^(.+?\.ts)\((\d+),(\d+)\): (.*)$/.exec(line);
    const block = match ? files.get(relative(OUT, join(OUT, match[1]!))) : undefined;
    return block && match ? `${block.readme}:${block.line + Number(match[2]) - 1}:${match[3]}: ${match[4]}` : line;
  });
  console.error(`\ndocs:check: the README code does not type-check:\n${mapped.join('\n')}`);
  process.exit(1);
}
console.log(`docs:check: ${files.size} TypeScript block(s) in ${perReadme.size} README(s) type-check`);
