export { migrate, adopt, migrationStatus, type MigrateOptions, type MigrateResult, type AdoptResult, type MigrationStatus } from './migrate.js';
export { MigrationError, type MigrationErrorCode } from './migration-error.js';
export { readMigrations, MIGRATIONS_DIR, type MigrationFile } from './migration-files.js';
export { splitStatements, type Statement } from './split-statements.js';
export { cliSplitProblems, type SplitProblem } from './cli-split-lint.js';
export { describeTarget } from './target.js';
