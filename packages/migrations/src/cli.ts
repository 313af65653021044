#!/usr/bin/env node
import { adopt, migrate, migrationStatus } from './migrate.js';
import { MigrationError } from './migration-error.js';

const USAGE = `Usage: ppn-migrate [migrate|adopt|status] [--database-url URL] [--dir PATH]

  migrate   apply every migration not yet recorded (default)
  adopt     record the migrations whose objects a hand-built database already has
  status    list migrations and whether each is applied

The database URL comes from --database-url or DATABASE_URL.`;

function option(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index === -1 ? undefined : process.argv[index + 1];
}

async function main(): Promise<number> {
  const args = process.argv.slice(2).filter((arg, i, all) => !arg.startsWith('--') && !all[i - 1]?.startsWith('--'));
  const command = args[0] ?? 'migrate';
  if (process.argv.includes('--help') || !['migrate', 'adopt', 'status'].includes(command)) {
    process.stderr.write(`${USAGE}\n`);
    return process.argv.includes('--help') ? 0 : 2;
  }
  const databaseUrl = option('--database-url') ?? process.env.DATABASE_URL;
  if (!databaseUrl) {
    process.stderr.write(`ppn-migrate: no database URL (pass --database-url or set DATABASE_URL)\n`);
    return 2;
  }
  const options = { databaseUrl, migrationsDir: option('--dir'), onLog: (m: string) => process.stdout.write(`${m}\n`) };
  if (command === 'migrate') {
    const { applied } = await migrate(options);
    process.stdout.write(applied.length ? `applied ${applied.length} migration(s)\n` : 'database is up to date\n');
  } else if (command === 'adopt') {
    const { adopted, pendingFrom } = await adopt(options);
    process.stdout.write(`adopted ${adopted.length} migration(s)${pendingFrom ? `; ${pendingFrom} onwards are pending: run ppn-migrate` : ''}\n`);
  } else {
    for (const m of await migrationStatus(options)) process.stdout.write(`${m.applied ? 'applied' : 'pending'}  ${m.version}_${m.name}\n`);
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message = error instanceof MigrationError ? `${error.code}: ${error.message}` : String((error as Error)?.message ?? error);
    process.stderr.write(`ppn-migrate: ${message}\n`);
    process.exit(1);
  },
);
