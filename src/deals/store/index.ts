// The deal store: every statement about deals and their parties, built from the drizzle tables and composed
// through platform/statements.ts. Services read through it; the engine plans writes that it builds.
export * from './read.js';
export * from './write.js';
export * from './notice-board.js';
