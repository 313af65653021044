// Runs a command with NO_COLOR=1 when our output is not a terminal (a log file, a CI pipe),
// so logs hold no ANSI colour codes: vitest colours whenever TERM is set, TTY or not.
// FORCE_COLOR or an explicit NO_COLOR from the caller wins.
//   node scripts/plain-unless-tty.mjs vitest run
import { spawn } from 'node:child_process';

const [command, ...args] = process.argv.slice(2);
const env = { ...process.env };
if (!process.stdout.isTTY && !('FORCE_COLOR' in env)) env.NO_COLOR ??= '1';
const child = spawn(command, args, { stdio: 'inherit', env, shell: process.platform === 'win32' });
// Ctrl-C reaches the whole foreground group already; a signal sent to us alone is passed on.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
