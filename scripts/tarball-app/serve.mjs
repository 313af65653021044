// Starts a service from the INSTALLED @ppn/migrations/stack, prints its facts as one JSON
// line, and stays up until SIGTERM/SIGINT (or until its parent goes away).
//   node serve.mjs stack      the whole local stack (Postgres, migrations, seed, PostgREST, gateway)
//   node serve.mjs postgres   a bare Postgres with only the local Supabase shim: for `ppn-migrate`
import { applyLocalShim, startPostgres, startStack } from '@ppn/local-stack';

const kind = process.argv[2];
let stop;
if (kind === 'stack') {
  const stack = await startStack({ seed: true });
  const { restartPostgrest, reloadPostgrest, stop: stopStack, ...facts } = stack;
  stop = stopStack;
  process.stdout.write(`${JSON.stringify(facts)}\n`);
} else if (kind === 'postgres') {
  const postgres = await startPostgres();
  stop = postgres.stop;
  await applyLocalShim(postgres.dbUrl);
  process.stdout.write(`${JSON.stringify({ dbUrl: postgres.dbUrl })}\n`);
} else {
  process.stderr.write('usage: node serve.mjs stack|postgres\n');
  process.exit(2);
}

let stopping = false;
const shutdown = async () => {
  if (stopping) return;
  stopping = true;
  await stop();
  process.exit(0);
};
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) void shutdown();
}, 500);
