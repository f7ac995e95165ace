import { createServer } from 'node:http';
import closeWithGrace from 'close-with-grace';
import { ensureAdmin } from '../../../src/accounts/service.js';
import { composeApp } from '../../../src/composition.js';
import { loadConfig } from '../../../src/config.js';
import type { Clock } from '../../../src/platform/context.js';
import { startWorkers } from '../../../src/platform/workers.js';
import { ensureReportSchedule } from '../../../src/reports/schedule.js';

// The server of src/main.ts on a clock the browser story can move forward: the real time plus an offset, set
// through a control port on 127.0.0.1 (E2E_CLOCK_PORT). Every rule that reads the time — an offering's listing
// period, its bidding round, the timers the workers fire — reads this clock, so a story can pass ten days or
// the end of a round in a moment without sleeping and without a test-only branch in src/.

let offsetMs = 0;
const clock: Clock = { now: () => new Date(Date.now() + offsetMs) };

async function main() {
  const config = loadConfig();
  const { app, ctx } = await composeApp(config, { clock });
  await ensureReportSchedule(ctx);
  if (config.ADMIN_EMAIL && config.ADMIN_PASSWORD) await ensureAdmin(ctx, config.ADMIN_EMAIL, config.ADMIN_PASSWORD);
  const workers = startWorkers(ctx);

  // POST /advance?ms=N moves the clock N ms forward and wakes the workers, so that due timers fire at once.
  const control = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://control');
    const ms = Number(url.searchParams.get('ms'));
    if (req.method !== 'POST' || url.pathname !== '/advance' || !Number.isSafeInteger(ms) || ms < 0) {
      res.writeHead(400).end();
      return;
    }
    offsetMs += ms;
    workers.kick();
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ now: clock.now() }));
  });
  control.listen(Number(process.env.E2E_CLOCK_PORT), '127.0.0.1');

  closeWithGrace({ delay: 15_000 }, async () => {
    control.close();
    await workers.stop();
    await app.close();
  });
  await app.listen({ port: config.PORT, host: config.HOST });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
