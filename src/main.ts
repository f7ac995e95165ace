import closeWithGrace from 'close-with-grace';
import { ensureAdmin } from './accounts/service.js';
import { composeApp } from './composition.js';
import { ConfigError, loadConfig } from './config.js';
import { ensureReportSchedule } from './reports/schedule.js';
import { startWorkers } from './platform/workers.js';
import { seedDemoIfEmpty } from './seed/demo.js';

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  const { app, ctx } = await composeApp(config);

  await ensureReportSchedule(ctx);
  // The configured admin first, then the demo data: the seed joins the bureau the admin's bootstrap created.
  if (config.ADMIN_EMAIL && config.ADMIN_PASSWORD) await ensureAdmin(ctx, config.ADMIN_EMAIL, config.ADMIN_PASSWORD);
  if (config.seedDemo) await seedDemoIfEmpty(ctx);
  const workers = config.runWorkers ? startWorkers(ctx) : null;

  // Ctrl-C / SIGTERM: stop the workers' rounds, then close the app: it stops accepting, finishes requests in
  // flight, and its plugins close the render pool, the search engine and the database.
  closeWithGrace({ delay: 15_000 }, async ({ signal, err }) => {
    if (err) app.log.error({ err }, 'fatal error, shutting down');
    else app.log.info({ signal }, 'shutting down');
    await workers?.stop();
    await app.close();
  });

  await app.listen({ port: config.PORT, host: config.HOST });
  app.log.info(
    `Tech Transfer Exchange on http://${config.HOST}:${config.PORT} (database: ${ctx.database.kind}, docs: /docs)`,
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
