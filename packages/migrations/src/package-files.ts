import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The root of the installed `@ppn/migrations` package: the nearest folder above this module
 * with a package.json. Found by walking up rather than by a fixed `../` so the same code
 * works from `src/` (the workspace runs TypeScript source) and from the bundled `dist/`
 * (where modules are flattened into entries and shared chunks).
 */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('@ppn/migrations: cannot find the package root (package.json) above its code');
    dir = parent;
  }
  return dir;
}

/** A file the package ships, by its path from the package root (e.g. `supabase/seed.sql`). */
export function packageFile(...segments: string[]): string {
  return join(packageRoot(), ...segments);
}
