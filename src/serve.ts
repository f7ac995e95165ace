import closeWithGrace from 'close-with-grace';
import { ensureAdmin } from './accounts/service.js';
import { composeApp, type Overrides } from './composition.js';
import { loadConfigOrExit } from './config.js';
import { ensureReportSchedule } from './reports/schedule.js';
import { startWorkers } from './platform/workers.js';
import { warmUp } from './platform/warm-up.js';
import { seedDemoIfEmpty } from './seed/demo.js';

/**
 * The platform in one process, as `npm start` runs it: the app, the admin's bootstrap, the demo data, the
 * workers, listening on the configured port and warmed up. `overrides` go to composeApp (a controlled clock for
 * the browser tests' server); `onClose` runs first when the process is asked to stop.
 */
export async function serve(overrides: Overrides = {}, onClose?: () => unknown) {
  const config = loadConfigOrExit();
  const { app, ctx } = await composeApp(config, overrides);

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
    await onClose?.();
    await workers?.stop();
    await app.close();
  });

  await app.listen({ port: config.PORT, host: config.HOST });
  app.log.info(
    `Tech Transfer Exchange on http://${config.HOST}:${config.PORT} (database: ${ctx.database.kind}, docs: /docs)`,
  );
  // The landing pages' shell and the search page's first answer (web/src/landing.ts).
  await warmUp(app, ['/', '/search', '/api/search/listings?limit=20&offset=0']);
  return { app, ctx, workers };
}
