import { startStack } from './start-stack.js';
import { watchAncestors } from './process.js';
import { defaultStateFile, readRunningStack } from './state-file.js';

const json = process.argv.includes('--json');
const say = (text: string) => process.stderr.write(`${text}\n`);
const print = (text: string) => process.stdout.write(`${text}\n`);

// PPN_STACK_STATE_FILE lets tests run a CLI stack beside a developer's own `pnpm stack`.
const stateFile = process.env.PPN_STACK_STATE_FILE || defaultStateFile();
const running = await readRunningStack(stateFile);
if (running) {
  say(`A stack is already running (pid ${running.pid}) at ${running.url}; stop it first or use it.`);
  process.exit(1);
}

const started = performance.now();
const stack = await startStack({ stateFile });
const readyMs = Math.round(performance.now() - started);

let stopping = false;
const shutdown = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  say(`${signal}: stopping the local stack`);
  await stack.stop();
  process.exit(0);
};
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGHUP', () => void shutdown('SIGHUP'));
watchAncestors(() => void shutdown('parent process exited'));

const { restartPostgrest, reloadPostgrest, stop, ...facts } = stack;
if (json) {
  process.stdout.write(`${JSON.stringify({ ...facts, readyMs })}\n`);
} else {
  print(`PPN local stack ready in ${readyMs} ms`);
  print(`  API URL        ${facts.url}    (REST at ${facts.url}/rest/v1)`);
  print(`  DB URL         ${facts.dbUrl}`);
  print(`  anon key       ${facts.anonKey}`);
  print(`  service key    ${facts.serviceRoleKey}`);
  print(`  JWT secret     ${facts.jwtSecret}`);
  print('  personas (user id, token):');
  for (const [name, persona] of Object.entries(facts.personas)) print(`    ${name.padEnd(13)} ${persona.userId}  ${persona.token}`);
  print('Press Ctrl+C to stop.');
}
// The HTTP server and child processes keep the event loop alive until a signal arrives.
