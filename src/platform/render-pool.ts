import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { AppError } from './errors.js';
import { COMPILED } from './paths.js';

// CPU-heavy rendering (pdfkit: tens of milliseconds per invoice) off the server's one JavaScript thread. While a
// document renders on that thread, every other request waits, so a PDF download used to add its whole render
// time to the latency of the searches and page loads that arrived meanwhile. A worker renders instead; the main
// thread only sends the input and receives the bytes.
//
// A pool runs one exported function of one module, `(input) => Promise<Uint8Array>`. Compiled (dist/, the
// production start) a worker imports that module's JavaScript directly, with no transpiler. From source, the
// module is TypeScript: each worker loads it with tsx's own `tsImport`, which works the same under `npm start`,
// a bare `node --import tsx` and the test runner, whose module loader a worker thread does not inherit.
//
// A worker holds its own V8 heap, pdfkit and parsed fonts: one idle for `idleMs` is stopped, and the next render
// starts one again (its start-up is paid once per busy spell, its memory not held for the life of the process).

export interface RenderPoolOptions {
  /** Workers to run: one per spare core, at most two; each holds its own copy of the fonts (~60 MB). */
  size?: number;
  /** Renders waiting for a worker beyond this are refused (503): a backlog only makes every download late. */
  maxQueued?: number;
  /** A render that has not finished by then fails and its worker is replaced. */
  timeoutMs?: number;
  /** A worker with nothing to render for this long is stopped, giving its memory back. */
  idleMs?: number;
}

interface Task {
  input: unknown;
  resolve(bytes: Buffer): void;
  reject(err: Error): void;
  timer?: NodeJS.Timeout;
}
interface Slot {
  worker: Worker;
  task: Task | null;
  idle?: NodeJS.Timeout;
}

// From source only: the ESM entry of tsx's API (`require.resolve` would name its CommonJS build, which cannot
// register the loader). Compiled, tsx is neither resolved nor loaded.
const TSX_API = COMPILED ? null : import.meta.resolve('tsx/esm/api');

// The worker's whole program: load the renderer (directly, or through tsx from source), then answer one message
// per render. Errors go back as messages, so a failed render does not cost the worker.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const ready = workerData.tsxApi
  ? import(workerData.tsxApi).then(({ tsImport }) => tsImport(workerData.module, workerData.module))
  : import(workerData.module);
parentPort.on('message', async (input) => {
  try {
    const out = await (await ready)[workerData.exportName](input);
    const bytes = out.byteOffset === 0 && out.byteLength === out.buffer.byteLength ? out : new Uint8Array(out);
    parentPort.postMessage({ ok: true, bytes }, [bytes.buffer]);
  } catch (err) {
    parentPort.postMessage({ ok: false, message: String(err && err.stack || err) });
  }
});
`;

export class RenderPool {
  private readonly size: number;
  private readonly maxQueued: number;
  private readonly timeoutMs: number;
  private readonly idleMs: number;
  private slots: Slot[] = [];
  private queue: Task[] = [];

  constructor(
    private readonly moduleUrl: string,
    private readonly exportName: string,
    opts: RenderPoolOptions = {},
  ) {
    this.size = opts.size ?? Math.max(1, Math.min(2, availableParallelism() - 1));
    this.maxQueued = opts.maxQueued ?? 64;
    this.timeoutMs = opts.timeoutMs ?? 30_000;
    this.idleMs = opts.idleMs ?? 60_000;
  }

  /** Workers running now (started on demand, stopped when idle). */
  get workers(): number {
    return this.slots.length;
  }

  /** Renders `input` on a worker (started on first use). Refuses with 503 when the backlog is full. */
  render(input: unknown): Promise<Buffer> {
    if (this.queue.length >= this.maxQueued) {
      return Promise.reject(
        new AppError('UNAVAILABLE', 'Too many documents are being rendered; try again shortly', {
          headers: { 'retry-after': '2' },
        }),
      );
    }
    return new Promise<Buffer>((resolve, reject) => {
      this.queue.push({ input, resolve, reject });
      this.dispatch();
    });
  }

  /** Stops the workers; renders in flight or queued fail. A later render starts new workers. */
  async close(): Promise<void> {
    const slots = this.slots;
    this.slots = [];
    const pending = [...this.queue, ...slots.flatMap((s) => (s.task ? [s.task] : []))];
    this.queue = [];
    for (const t of pending) this.settle(t, new Error('render pool closed'));
    for (const s of slots) clearTimeout(s.idle);
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  private dispatch(): void {
    while (this.slots.length < this.size) this.slots.push(this.spawn());
    for (const slot of this.slots) {
      if (slot.task || this.queue.length === 0) continue;
      const task = this.queue.shift()!;
      clearTimeout(slot.idle);
      slot.idle = undefined;
      slot.task = task;
      task.timer = setTimeout(
        () => this.replace(slot, new Error(`render timed out after ${this.timeoutMs} ms`)),
        this.timeoutMs,
      );
      slot.worker.postMessage(task.input);
    }
    for (const slot of this.slots) if (!slot.task && !slot.idle) this.armIdle(slot);
  }

  private armIdle(slot: Slot): void {
    slot.idle = setTimeout(() => this.retire(slot), this.idleMs);
    slot.idle.unref();
  }

  private spawn(): Slot {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      // The parent's flags (tsx's loader, --cpu-prof) are not needed: from source the worker loads tsx itself.
      execArgv: [],
      workerData: { tsxApi: TSX_API, module: this.moduleUrl, exportName: this.exportName },
    });
    // An idle worker must not keep the process alive once everything else has closed.
    worker.unref();
    const slot: Slot = { worker, task: null };
    worker.on('message', (msg: { ok: true; bytes: Uint8Array } | { ok: false; message: string }) => {
      const task = slot.task;
      slot.task = null;
      if (task)
        this.settle(
          task,
          msg.ok ? Buffer.from(msg.bytes.buffer, msg.bytes.byteOffset, msg.bytes.byteLength) : new Error(msg.message),
        );
      this.dispatch();
    });
    worker.on('error', (err) => this.replace(slot, err));
    worker.on('exit', (code) => this.replace(slot, new Error(`render worker exited with code ${code}`)));
    return slot;
  }

  /** An idle worker goes; the next render starts a new one. */
  private retire(slot: Slot): void {
    const i = this.slots.indexOf(slot);
    if (i === -1 || slot.task) return;
    this.slots.splice(i, 1);
    void slot.worker.terminate();
  }

  /** A worker that failed, timed out or exited: its task fails, the worker goes, a new one takes the queue. */
  private replace(slot: Slot, err: Error): void {
    const i = this.slots.indexOf(slot);
    if (i === -1) return;
    this.slots.splice(i, 1);
    clearTimeout(slot.idle);
    if (slot.task) this.settle(slot.task, err);
    slot.task = null;
    void slot.worker.terminate();
    if (this.queue.length) this.dispatch();
  }

  private settle(task: Task, result: Buffer | Error): void {
    clearTimeout(task.timer);
    if (result instanceof Error) task.reject(result);
    else task.resolve(result);
  }
}
