/**
 * The local stack as the repository's own tests and dev scripts reach it: the workspace's
 * `@ppn/local-stack`, a dev dependency of the (private) root package only. Package tests
 * import it from here rather than declaring it, so no published package depends on
 * `@ppn/local-stack` and `@ppn/migrations` (which `@ppn/local-stack` depends on) has no cycle.
 */
export * from '@ppn/local-stack';
