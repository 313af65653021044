// Starts a bare Postgres with only the local Supabase shim from the INSTALLED
// @ppn/local-stack, prints its dbUrl as one JSON line, and stays up until SIGTERM/SIGINT
// (or until its parent goes away): the database `npx ppn-migrate` is tested against.
//   node serve.mjs postgres
import { applyLocalShim, startPostgres } from '@ppn/local-stack';

const kind = process.argv[2];
let stop;
if (kind === 'postgres') {
  const postgres = await startPostgres();
  stop = postgres.stop;
  await applyLocalShim(postgres.dbUrl);
  process.stdout.write(`${JSON.stringify({ dbUrl: postgres.dbUrl })}\n`);
} else {
  process.stderr.write('usage: node serve.mjs postgres\n');
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
