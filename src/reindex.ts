import { composeApp } from './composition.js';
import { loadConfigOrExit } from './config.js';

// `npm run reindex`: rebuilds every search index from PostgreSQL (or the embedded database), one after the other.
// The indexes and how each is rebuilt are the features' declarations (Feature.reindex in src/features.ts).
async function main() {
  const { app, ctx } = await composeApp(loadConfigOrExit(), { http: false });
  try {
    await app.ready();
    for (const [name, reindex] of ctx.registry.reindexers) {
      const t0 = Date.now();
      const result = await reindex(ctx);
      console.log(`${name}: ${JSON.stringify(result)} in ${Date.now() - t0} ms`);
    }
  } finally {
    await app.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
