import { composeApp } from '../composition.js';
import { loadConfigOrExit } from '../config.js';
import { AppError } from '../platform/errors.js';
import { noSearch } from '../platform/search-port.js';
import { seedDemoIfEmpty } from './demo.js';

// `npm run seed`: the demo data (README's demo accounts, listings, deals, invoices, content) into the configured
// database, as a fresh start does with SEED_DEMO on. Idempotent: a database seeded before is left as it is.
// It writes through the services and leaves search to the outbox: the running server's relay indexes the
// listings (or `npm run reindex`). Never in production unless SEED_DEMO=true says so: the demo password is public.
async function main(): Promise<number> {
  const config = loadConfigOrExit();
  if (config.NODE_ENV === 'production' && !config.seedDemo) {
    console.error(
      'npm run seed refuses NODE_ENV=production: the demo accounts share a public password. Set SEED_DEMO=true to seed anyway.',
    );
    return 1;
  }
  const { app, ctx } = await composeApp(config, { http: false, search: noSearch });
  try {
    await app.ready();
    if (await seedDemoIfEmpty(ctx)) {
      console.log(`demo data seeded into the ${ctx.database.kind} database`);
    } else {
      console.log(`the ${ctx.database.kind} database was seeded before: nothing to do`);
    }
    return 0;
  } catch (err) {
    // A database with data of its own may hold a demo organization's name or a demo email: say so, no stack.
    if (err instanceof AppError) {
      console.error(`cannot seed the demo data: ${err.message}`);
      return 1;
    }
    throw err;
  } finally {
    await app.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    console.error(err);
    process.exitCode = 1;
  },
);
