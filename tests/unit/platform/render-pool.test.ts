import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../src/platform/errors.js';
import { RenderPool } from '../../../src/platform/render-pool.js';

const FIXTURE = new URL('./render-pool-fixture.js', import.meta.url).href;
const text = (b: Buffer) => b.toString('utf8');

// Workers load the fixture through tsx on first use: ~1 s cold on this machine kind.
describe('RenderPool', { timeout: 30_000 }, () => {
  let pool: RenderPool;
  afterEach(async () => {
    await pool?.close();
  });

  it('renders on a worker and hands back the bytes, in order of the callers', async () => {
    pool = new RenderPool(FIXTURE, 'echo', { size: 2 });
    const out = await Promise.all(['甲', 'b', 'c', 'd', 'e'].map((t, i) => pool.render({ text: t, ms: 5 * (5 - i) })));
    expect(out.map(text)).toEqual(['甲', 'b', 'c', 'd', 'e']);
  });

  it('fails one render that throws, and keeps rendering', async () => {
    pool = new RenderPool(FIXTURE, 'echo', { size: 1 });
    await expect(pool.render({ text: 'x', fail: true })).rejects.toThrow('cannot render x');
    expect(text(await pool.render({ text: 'after' }))).toBe('after');
  });

  it('replaces a worker that dies, failing only the render it was doing', async () => {
    pool = new RenderPool(FIXTURE, 'echo', { size: 1 });
    const [dead, next] = await Promise.allSettled([
      pool.render({ text: 'x', exit: true }),
      pool.render({ text: 'queued' }),
    ]);
    expect(dead.status).toBe('rejected');
    expect(next).toEqual({ status: 'fulfilled', value: Buffer.from('queued') });
  });

  it('fails a render that takes too long and goes on with a new worker', async () => {
    pool = new RenderPool(FIXTURE, 'echo', { size: 1, timeoutMs: 3_000 });
    await pool.render({ text: 'warm' });
    await expect(pool.render({ text: 'slow', ms: 10_000 })).rejects.toThrow(/timed out/);
    expect(text(await pool.render({ text: 'fast' }))).toBe('fast');
  });

  it('refuses with 503 UNAVAILABLE once the backlog is full', async () => {
    pool = new RenderPool(FIXTURE, 'echo', { size: 1, maxQueued: 2 });
    const accepted = [pool.render({ text: '1', ms: 300 }), pool.render({ text: '2' }), pool.render({ text: '3' })];
    const refused = await pool.render({ text: '4' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).status).toBe(503);
    expect((await Promise.all(accepted)).map(text)).toEqual(['1', '2', '3']);
  });

  it('fails what is pending on close, and starts again on the next render', async () => {
    pool = new RenderPool(FIXTURE, 'echo', { size: 1 });
    const pending = pool.render({ text: 'x', ms: 2_000 }).catch((e: Error) => e);
    await pool.close();
    expect(await pending).toMatchObject({ message: 'render pool closed' });
    expect(text(await pool.render({ text: 'again' }))).toBe('again');
  });

  it('stops a worker left idle, and starts one again for the next render', async () => {
    pool = new RenderPool(FIXTURE, 'echo', { size: 1, idleMs: 200 });
    expect(text(await pool.render({ text: 'first' }))).toBe('first');
    expect(pool.workers).toBe(1);
    await new Promise((r) => setTimeout(r, 600));
    expect(pool.workers).toBe(0);
    expect(text(await pool.render({ text: 'second' }))).toBe('second');
    expect(pool.workers).toBe(1);
  });

  it('keeps a worker that gets work again before it has been idle for long', async () => {
    pool = new RenderPool(FIXTURE, 'echo', { size: 1, idleMs: 400 });
    await pool.render({ text: 'a' });
    for (let i = 0; i < 4; i++) {
      await new Promise((r) => setTimeout(r, 200));
      await pool.render({ text: String(i) });
    }
    expect(pool.workers).toBe(1);
  });
});
