export { startStack, applyLocalShim, type Stack, type StackFacts, type StackOptions, type PersonaFacts, type AuthStackOptions } from './start-stack.js';
export { startPostgres, type PostgresOptions, type PostgresServer } from './postgres.js';
export { readRunningStack, defaultStateFile } from './state-file.js';
export { signToken, DEFAULT_JWT_SECRET, type TokenClaims } from './keys.js';
export { PERSONAS, PERSONA_NAMES, personaEmail, type PersonaName } from './personas.js';
export { postgresBinaries, postgrestBinary, type BinaryHost, type PostgresBinaries, type PostgrestBinary, type PostgrestSource } from './binaries.js';
export { StackError, type StackErrorCode } from './stack-error.js';
export { type AuthRequestEvent } from './auth.js';
export { PERSONA_CREDENTIALS } from './persona-credentials.js';
