#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { adopt, migrate, migrationStatus } from './migrate.js';
import { MigrationError } from './migration-error.js';
import { describeTarget } from './target.js';

const USAGE = `Usage: ppn-migrate [migrate|adopt|status] [--database-url URL] [--dir PATH]

  migrate   apply every migration not yet recorded (default)
  adopt     record the migrations whose objects a hand-built database already has
  status    list migrations and whether each is applied; exits 1 where migrate would refuse

  --database-url URL   the database (also --database-url=URL); else DATABASE_URL
  --dir PATH           the migrations folder; else the one shipped in @ppn/migrations
  --help               this text`;

const COMMANDS = ['migrate', 'adopt', 'status'] as const;
type Command = (typeof COMMANDS)[number];

type Parsed = { help: true } | { help: false; command: Command; databaseUrl?: string; dir?: string };

/** Strict: an unknown flag, an unknown command or a second word is a usage error. */
function parse(argv: string[]): Parsed | string {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: true,
      options: {
        'database-url': { type: 'string' },
        dir: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    return (error as Error).message;
  }
  const { values, positionals } = parsed;
  if (values.help) return { help: true };
  if (positionals.length > 1) return `unexpected argument '${positionals[1]}'`;
  const command = positionals[0] ?? 'migrate';
  if (!(COMMANDS as readonly string[]).includes(command)) return `unknown command '${command}'`;
  return { help: false, command: command as Command, databaseUrl: values['database-url'], dir: values.dir };
}

async function main(argv: string[]): Promise<number> {
  const parsed = parse(argv);
  if (typeof parsed === 'string') {
    process.stderr.write(`ppn-migrate: ${parsed}\n\n${USAGE}\n`);
    return 2;
  }
  if (parsed.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const databaseUrl = parsed.databaseUrl ?? process.env.DATABASE_URL;
  if (!databaseUrl) {
    process.stderr.write(`ppn-migrate: no database URL (pass --database-url or set DATABASE_URL)\n\n${USAGE}\n`);
    return 2;
  }
  process.stderr.write(`ppn-migrate: ${parsed.command} on ${describeTarget(databaseUrl)}\n`);
  const options = { databaseUrl, migrationsDir: parsed.dir, onLog: (m: string) => process.stdout.write(`${m}\n`) };
  if (parsed.command === 'migrate') {
    const { applied } = await migrate(options);
    process.stdout.write(applied.length ? `applied ${applied.length} migration(s)\n` : 'database is up to date\n');
  } else if (parsed.command === 'adopt') {
    const { adopted, pendingFrom } = await adopt(options);
    process.stdout.write(`adopted ${adopted.length} migration(s)${pendingFrom ? `; ${pendingFrom} onwards are pending: run ppn-migrate` : ''}\n`);
  } else {
    const statuses = await migrationStatus(options);
    for (const m of statuses) {
      const note = m.legacyRecord ? '  (recorded by ppn-migrate 0.1; the next migrate rewrites the record to the Supabase CLI form)' : '';
      process.stdout.write(`${m.applied ? 'applied' : 'pending'}  ${m.version}_${m.name}${note}\n`);
    }
    const pending = statuses.filter((m) => !m.applied).length;
    process.stdout.write(pending ? `${pending} pending: run ppn-migrate migrate\n` : 'database is up to date\n');
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message = error instanceof MigrationError ? `${error.code}: ${error.message}` : String((error as Error)?.message ?? error);
    process.stderr.write(`ppn-migrate: ${message}\n`);
    process.exit(1);
  },
);
