/**
 * `pnpm example web`: serves the designer's page over the local stack. Reuses the stack
 * `pnpm stack` left running, or starts one (and stops it again on Ctrl+C).
 *
 *   pnpm example web                 Vite dev server, @ppn/sdk from the repository's src (hot reload)
 *   pnpm example web --preview       build, then `vite preview`, @ppn/sdk from its build when built
 *   pnpm example web --sdk=dist      either, against the built @ppn/sdk (run `pnpm build` first)
 *   PORT=5180 pnpm example web       another port (default 5173, or the next free one)
 */
import { readRunningStack, startStack, type Stack, type StackFacts } from '@ppn/local-stack';
import { build, createServer, preview } from 'vite';
import { defaultSdkSource, pageFacts, webConfig, type SdkSource } from './config.js';

const args = process.argv.slice(2).filter((a) => a !== 'web');
const previewMode = args.includes('--preview');
const sdkArg = args.find((a) => a.startsWith('--sdk='))?.slice('--sdk='.length) as SdkSource | undefined;
const sdk: SdkSource = sdkArg ?? (previewMode ? defaultSdkSource() : 'src');
const port = Number(process.env.PORT ?? 5173);

const running = await readRunningStack();
let started: Stack | undefined;
if (!running) {
  console.log('No local stack is running: starting one (Postgres, PostgREST, gateway)...');
  // No state file: it belongs to `pnpm stack`. Run that in another terminal to share one stack.
  started = await startStack();
}
const facts: StackFacts = running ?? started!;
const config = webConfig({ facts: async () => pageFacts(facts), sdk });

let close: () => Promise<void>;
let url: string | undefined;
if (previewMode) {
  await build({ ...config, logLevel: 'warn' });
  const server = await preview({ ...config, preview: { host: '127.0.0.1', port } });
  url = server.resolvedUrls?.local[0];
  close = () => server.close();
} else {
  const server = await createServer({ ...config, server: { host: '127.0.0.1', port } });
  await server.listen();
  url = server.resolvedUrls?.local[0];
  close = () => server.close();
}

console.log(`
  PPN web example   ${url}
  @ppn/sdk from     ${sdk === 'dist' ? 'its build (packages/sdk/dist)' : 'the repository (packages/sdk/src)'}${previewMode ? ', vite preview' : ', vite dev'}
  stack             ${facts.url} (${started ? 'started by this command; Ctrl+C stops it' : 'already running; left running'})

  Ctrl+C to stop.
`);

let stopping = false;
async function shutdown(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await close().catch(() => undefined);
  if (started) {
    console.log('Stopping the stack this command started...');
    await started.stop();
  }
  process.exit(0);
}
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
