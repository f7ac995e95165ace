import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { freeLoopbackPort, resolveMeilisearchBinary } from '../../search/meili-process.js';

// Real processes for the fault, scale-out and load tests: the API (`src/main.ts`, or compiled `dist/src/main.js`),
// the workers (`src/worker.ts`) and Meilisearch. Every process started here is registered and ended by `stopAll()`
// (call it in afterAll) or, at the latest, when this process exits. The PostgreSQL helpers (a fresh database, a
// throwaway cluster) live in databases.ts and are re-exported here, so a test imports one module.

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
export { freeLoopbackPort as freePort };
export * from './databases.js';

/** The last lines a child wrote, to explain a failure. */
class Tail {
  private lines: string[] = [];
  push(chunk: Buffer) {
    for (const line of chunk.toString().split('\n')) if (line.trim()) this.lines.push(line);
    if (this.lines.length > 200) this.lines.splice(0, this.lines.length - 200);
  }
  text(last = 40) {
    return this.lines.slice(-last).join('\n');
  }
}

export interface Child {
  readonly name: string;
  readonly proc: ChildProcess;
  readonly pid: number;
  readonly output: Tail;
  alive(): boolean;
  /** SIGKILL: the process gets no chance to clean up (a crash, an OOM kill). */
  kill(): Promise<void>;
  /** SIGTERM, then SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

const running = new Set<Child>();

// A test runner that dies must not leave servers behind: kill our children synchronously on the way out.
process.once('exit', () => {
  for (const c of running) if (c.alive()) c.proc.kill('SIGKILL');
});

async function ended(proc: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (proc.exitCode !== null || proc.signalCode !== null) return true;
  const timer = sleep(timeoutMs).then(() => false);
  return Promise.race([once(proc, 'exit').then(() => true), timer]);
}

function track(name: string, proc: ChildProcess): Child {
  const output = new Tail();
  proc.stdout?.on('data', (c: Buffer) => output.push(c));
  proc.stderr?.on('data', (c: Buffer) => output.push(c));
  if (!proc.pid) throw new Error(`${name} did not start`);
  const child: Child = {
    name,
    proc,
    pid: proc.pid,
    output,
    alive: () => proc.exitCode === null && proc.signalCode === null,
    kill: async () => {
      if (child.alive()) proc.kill('SIGKILL');
      await ended(proc, 10_000);
      running.delete(child);
    },
    stop: async (graceMs = 10_000) => {
      if (child.alive()) {
        proc.kill('SIGTERM');
        if (!(await ended(proc, graceMs))) proc.kill('SIGKILL');
        await ended(proc, 10_000);
      }
      running.delete(child);
    },
  };
  running.add(child);
  return child;
}

/** Ends every process this helper started and that is still running. */
export async function stopAll(): Promise<void> {
  await Promise.all([...running].map((c) => c.stop(5_000)));
}

// A child's environment is built from scratch: the runner's own variables (TEST_DB, a DATABASE_URL of the
// developer's shell) must not leak into a server under test.
function baseEnv(): NodeJS.ProcessEnv {
  const keep = ['PATH', 'HOME', 'LANG', 'TMPDIR', 'TZ'];
  return Object.fromEntries(keep.filter((k) => process.env[k] !== undefined).map((k) => [k, process.env[k]]));
}

/**
 * Which program a process runs: the TypeScript source through tsx (`src/*.ts`, as `npm start` does) or the
 * compiled JavaScript of `npm run build` (`dist/src/*.js`, as `npm run start:prod` does, no transpiler).
 */
export type Build = 'source' | 'compiled';

/** Runs an entry point in one Node process (no tsx wrapper process: its pid is the program's). */
function spawnEntry(
  name: string,
  entry: 'main' | 'worker',
  env: Record<string, string>,
  nodeArgs: string[] = [],
  build: Build = 'source',
): Child {
  const program =
    build === 'compiled'
      ? [join(ROOT, 'dist/src', `${entry}.js`)]
      : ['--import', 'tsx', join(ROOT, 'src', `${entry}.ts`)];
  const proc = spawn(process.execPath, [...nodeArgs, ...program], {
    cwd: ROOT,
    env: { ...baseEnv(), LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return track(name, proc);
}

/** `npm run build:server`: compiles the server to dist/ (about 10 s); throws with the compiler's output. */
export function buildServer(): void {
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts/build-server.mjs')], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 180_000,
  });
  if (r.status !== 0) throw new Error(`npm run build:server failed (${r.status ?? r.signal}):\n${r.stdout}${r.stderr}`);
}

export interface Server extends Child {
  url: string;
  port: number;
}

/** Waits until `GET <url>/ready` answers 200 (or `/health` with `path`), failing early if the child dies. */
export async function waitReady(
  child: Child,
  url: string,
  { timeoutMs = 60_000, path = '/ready' } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!child.alive())
      throw new Error(
        `${child.name} exited during start (${child.proc.exitCode ?? child.proc.signalCode}):\n${child.output.text()}`,
      );
    try {
      const res = await fetch(url + path, { signal: AbortSignal.timeout(2_000) });
      await res.arrayBuffer();
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(`${child.name} was not ready at ${url}${path} within ${timeoutMs} ms:\n${child.output.text()}`);
}

/**
 * Starts the API (`src/main.ts`, or `dist/src/main.js` with `build: 'compiled'`) on a free loopback port with
 * `env`; resolves once /ready answers 200. `nodeArgs` go to Node itself (e.g. `--cpu-prof`, which NODE_OPTIONS
 * does not accept).
 */
export async function startServer(
  name: string,
  env: Record<string, string>,
  opts: { waitFor?: '/ready' | '/health'; nodeArgs?: string[]; build?: Build } = {},
): Promise<Server> {
  const port = await freeLoopbackPort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawnEntry(
    name,
    'main',
    { HOST: '127.0.0.1', PORT: String(port), SERVE_WEB: 'false', SEED_DEMO: 'false', ...env },
    opts.nodeArgs,
    opts.build,
  );
  try {
    await waitReady(child, url, { path: opts.waitFor ?? '/ready' });
  } catch (err) {
    await child.kill();
    throw err;
  }
  return Object.assign(child, { url, port });
}

/** Starts `src/worker.ts`; resolves once it has logged that its loops run. */
export async function startWorker(name: string, env: Record<string, string>, timeoutMs = 60_000): Promise<Child> {
  const child = spawnEntry(name, 'worker', { LOG_LEVEL: 'info', ...env });
  const deadline = Date.now() + timeoutMs;
  while (!child.output.text(200).includes('workers started')) {
    if (!child.alive() || Date.now() > deadline) {
      await child.kill();
      throw new Error(`${name} did not start:\n${child.output.text()}`);
    }
    await sleep(100);
  }
  return child;
}

export interface Meili {
  url: string;
  port: number;
  masterKey: string;
  dir: string;
  child: Child | null;
  start(): Promise<void>;
  kill(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A Meilisearch process of our own on a fixed loopback port and data directory, so that it can be killed and
 * started again where the API processes expect it (the embedded launcher would pick a new port).
 */
export async function startMeilisearch(masterKey = 'ops-test-master-key-0123456789'): Promise<Meili> {
  const dir = mkdtempSync(join(tmpdir(), 'tte-ops-meili-'));
  const port = await freeLoopbackPort();
  const binary = resolveMeilisearchBinary(dir);
  const url = `http://127.0.0.1:${port}`;
  const meili: Meili = {
    url,
    port,
    masterKey,
    dir,
    child: null,
    async start() {
      const proc = spawn(
        binary,
        [
          '--db-path',
          join(dir, 'data.ms'),
          '--dump-dir',
          join(dir, 'dumps'),
          '--http-addr',
          `127.0.0.1:${port}`,
          '--env',
          'production',
          '--no-analytics',
          '--max-indexing-memory',
          '256MiB',
          '--max-indexing-threads',
          '1',
          '--log-level',
          'WARN',
        ],
        { cwd: dir, env: { ...baseEnv(), MEILI_MASTER_KEY: masterKey }, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      meili.child = track('meilisearch', proc);
      await waitReady(meili.child, url, { path: '/health', timeoutMs: 30_000 });
    },
    async kill() {
      await meili.child?.kill();
      meili.child = null;
    },
    async stop() {
      await meili.child?.stop();
      meili.child = null;
      rmSync(dir, { recursive: true, force: true });
    },
  };
  await meili.start();
  return meili;
}

/** Polls `check` until it returns a truthy value; throws with `what` after `timeoutMs`. */
export async function until<T>(
  what: string,
  check: () => Promise<T> | T,
  timeoutMs: number,
  everyMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}
