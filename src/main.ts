import closeWithGrace from 'close-with-grace';
import { buildApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { FEATURES } from './features.js';
import { ensureReportSchedule } from './reports/schedule.js';
import { ensureAdmin } from './accounts/service.js';
import { openDatabase } from './platform/db.js';
import { startSearch } from './platform/search.js';
import { startWorkers } from './platform/workers.js';
import { seedDemoIfEmpty } from './seed/demo.js';

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) { console.error(err.message); process.exit(1); }
    throw err;
  }
  const database = await openDatabase(config);
  const { app, ctx } = await buildApp({ config, database, search: { client: null, healthy: async () => false } });
  const search = await startSearch(config, app.log);
  ctx.search = search.port;

  for (const f of FEATURES) f.handlers?.();
  await ensureReportSchedule(ctx);
  if (config.ADMIN_EMAIL && config.ADMIN_PASSWORD) await ensureAdmin(ctx, config.ADMIN_EMAIL, config.ADMIN_PASSWORD);
  if (config.seedDemo) await seedDemoIfEmpty(ctx);
  const workers = config.runWorkers ? startWorkers(ctx) : null;

  // Ctrl-C / SIGTERM: stop accepting, finish requests in flight, then stop workers, search and the database.
  closeWithGrace({ delay: 15_000 }, async ({ signal, err }) => {
    if (err) app.log.error({ err }, 'fatal error, shutting down');
    else app.log.info({ signal }, 'shutting down');
    await app.close();
    await workers?.stop();
    await search.stop();
    await database.close();
  });

  await app.listen({ port: config.PORT, host: config.HOST });
  app.log.info(`Tech Transfer Exchange on http://${config.HOST}:${config.PORT} (database: ${database.kind}, docs: /docs)`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
