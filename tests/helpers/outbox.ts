import type { AppContext } from '../../src/platform/context.js';
import { relayOutbox } from '../../src/platform/outbox.js';

/**
 * Delivers every due outbox row, batch after batch, as the worker would over a few ticks: one relay delivers at
 * most one batch, and a test's data may have queued more than that before the row it waits for.
 */
export async function drainOutbox(ctx: AppContext, maxBatches = 100): Promise<number> {
  let total = 0;
  for (let i = 0; i < maxBatches; i++) {
    const { delivered, failed } = await relayOutbox(ctx);
    total += delivered;
    if (delivered + failed === 0) return total;
  }
  throw new Error(`the outbox still had due rows after ${maxBatches} batches`);
}
