import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const available = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && !['run.ts'].includes(f) && !f.endsWith('.d.ts'))
  .map((f) => f.replace(/\.ts$/, ''));
// Examples in a folder of their own (a workspace package) start from its serve.ts.
const folders = readdirSync(here).filter((f) => existsSync(`${here}${f}/serve.ts`));
available.push(...folders);
const name = process.argv[2];
if (!name || !available.includes(name)) {
  // Both are mistakes a script should notice: exit 1 either way, and say which one it was.
  if (name) console.error(`pnpm example: there is no example named "${name}".`);
  else console.error('pnpm example: which example? Name one.');
  console.error(`Usage: pnpm example <name>\nExamples: ${available.join(', ')}`);
  process.exit(1);
}
await import(folders.includes(name) ? `./${name}/serve.ts` : `./${name}.ts`);
