import { startStack, type StackFacts } from '@ppn/local-stack';

/** One local stack for the whole run; suites that write persona or reference data start their own. */
export default async function setup(project: { provide(key: 'stack', value: StackFacts): void }) {
  const { restartPostgrest, reloadPostgrest, stop, ...facts } = await startStack();
  project.provide('stack', facts);
  return stop;
}
