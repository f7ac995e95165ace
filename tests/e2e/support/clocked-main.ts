import { createServer } from 'node:http';
import type { Clock } from '../../../src/platform/context.js';
import { serve } from '../../../src/serve.js';

// The server of src/main.ts on a clock the browser story can move forward: the real time plus an offset, set
// through a control port on 127.0.0.1 (E2E_CLOCK_PORT). Every rule that reads the time — an offering's listing
// period, its bidding round, the timers the workers fire — reads this clock, so a story can pass ten days or
// the end of a round in a moment without sleeping and without a test-only branch in src/.

let offsetMs = 0;
const clock: Clock = { now: () => new Date(Date.now() + offsetMs) };

async function main() {
  // POST /advance?ms=N moves the clock N ms forward and wakes the workers, so that due timers fire at once.
  const control = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://control');
    const ms = Number(url.searchParams.get('ms'));
    if (req.method !== 'POST' || url.pathname !== '/advance' || !Number.isSafeInteger(ms) || ms < 0 || !workers) {
      res.writeHead(400).end();
      return;
    }
    offsetMs += ms;
    workers.kick();
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ now: clock.now() }));
  });
  const { workers } = await serve({ clock }, () => control.close());
  control.listen(Number(process.env.E2E_CLOCK_PORT), '127.0.0.1');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
