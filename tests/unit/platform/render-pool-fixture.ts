import { setTimeout as sleep } from 'node:timers/promises';

// Renderers for the render-pool tests, loaded by the pool's workers.

/** The input's text as bytes, after `ms` milliseconds; `fail` throws instead, `exit` ends the worker. */
export async function echo(input: { text: string; ms?: number; fail?: boolean; exit?: boolean }): Promise<Uint8Array> {
  if (input.ms) await sleep(input.ms);
  if (input.fail) throw new Error(`cannot render ${input.text}`);
  if (input.exit) process.exit(3);
  return new TextEncoder().encode(input.text);
}
