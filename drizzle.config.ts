import { defineConfig } from 'drizzle-kit';

// One migrations folder serves both drivers (PostgreSQL via postgres.js and embedded PGlite).
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema/index.ts',
  out: './src/db/migrations',
  strict: true,
});
