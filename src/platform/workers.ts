import type { AppContext } from './context.js';
import { relayOutbox } from './outbox.js';
import { fireDueTimers } from './timers.js';

export interface Workers {
  stop(): Promise<void>;
  kick(): void;
}

/**
 * The background loops: the outbox relay and the timer runner. Safe to run in several processes at once
 * (each claims its work with SKIP LOCKED). Stopping waits for the round in progress.
 */
export function startWorkers(ctx: AppContext, opts: { intervalMs?: number } = {}): Workers {
  const interval = opts.intervalMs ?? 500;
  let stopped = false;
  let wake: (() => void) | null = null;
  const sleep = () =>
    new Promise<void>((resolve) => {
      const t = setTimeout(resolve, interval);
      wake = () => {
        clearTimeout(t);
        resolve();
      };
    });

  const loop = (async () => {
    while (!stopped) {
      try {
        const timers = await fireDueTimers(ctx);
        const outbox = await relayOutbox(ctx);
        if (timers.fired + outbox.delivered > 0) ctx.log.debug({ timers, outbox }, 'worker round');
      } catch (err) {
        // The database may be restarting: keep looping, the next round retries.
        ctx.log.warn({ err }, 'worker round failed');
      }
      if (!stopped) await sleep();
    }
  })();

  return {
    kick: () => wake?.(),
    stop: async () => {
      stopped = true;
      (wake as (() => void) | null)?.();
      await loop;
    },
  };
}
