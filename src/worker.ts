import closeWithGrace from 'close-with-grace';
import { composeApp } from './composition.js';
import { loadConfigOrExit } from './config.js';
import { ensureReportSchedule } from './reports/schedule.js';
import { startWorkers } from './platform/workers.js';

// `npm run worker`: the outbox relay and the timer runner without the HTTP API, for scaling them apart.
// Several workers are safe together: each claims work with SELECT … FOR UPDATE SKIP LOCKED.
async function main() {
  const config = loadConfigOrExit();
  if (!config.DATABASE_URL || !config.MEILI_URL) {
    console.error(
      'npm run worker shares a database and a search engine with the API processes: set DATABASE_URL and MEILI_URL (the embedded defaults belong to one npm start process).',
    );
    process.exit(1);
  }
  const { app, ctx } = await composeApp(config, { http: false });
  await app.ready();
  await ensureReportSchedule(ctx);
  const workers = startWorkers(ctx);
  ctx.log.info('workers started');
  closeWithGrace({ delay: 15_000 }, async ({ signal, err }) => {
    if (err) ctx.log.error({ err }, 'fatal error');
    ctx.log.info({ signal }, 'stopping workers');
    await workers.stop();
    await app.close();
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
