import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RunningServer {
  url: string;
  /** Moves the server's clock forward (a server started on support/clocked-main.ts only). */
  advanceClock(ms: number): Promise<void>;
  admin: { email: string; password: string };
  /** What the server printed, for a failing test's message. */
  output(): string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });

/**
 * The real server (`npx tsx src/main.ts`) on a fresh data directory and a free port: embedded PGlite, its own
 * Meilisearch child, workers on, no demo data; `env` adds to that (a test's SMTP server). Resolves once /ready
 * answers 200. `clocked` runs support/clocked-main.ts instead: the same server on a clock the test moves forward.
 */
export async function startServer(
  root: string,
  env: Record<string, string> = {},
  opts: { clocked?: boolean } = {},
): Promise<RunningServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tte-e2e-data-'));
  const port = await freePort();
  const clockPort = opts.clocked ? await freePort() : 0;
  const admin = { email: 'bureau.e2e@example.cn', password: 'Kejiju2026review' };
  // A process group of its own, so that stopping it reaches npx, tsx, the server and its Meilisearch alike.
  const child = spawn('npx', ['tsx', opts.clocked ? 'tests/e2e/support/clocked-main.ts' : 'src/main.ts'], {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      NODE_ENV: 'development',
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      SEED_DEMO: 'false',
      ADMIN_EMAIL: admin.email,
      ADMIN_PASSWORD: admin.password,
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
      MEILI_URL: '',
      E2E_CLOCK_PORT: String(clockPort),
      ...env,
    },
  });
  let log = '';
  child.stdout!.on('data', (d: Buffer) => {
    log += d.toString();
  });
  child.stderr!.on('data', (d: Buffer) => {
    log += d.toString();
  });
  const url = `http://127.0.0.1:${port}`;
  const advanceClock = async (ms: number) => {
    if (!opts.clocked) throw new Error('advanceClock needs a server started with { clocked: true }');
    const res = await fetch(`http://127.0.0.1:${clockPort}/advance?ms=${ms}`, { method: 'POST' });
    if (!res.ok) throw new Error(`advancing the clock failed: ${res.status}`);
  };

  /** Whether any process of the server's group (npx, tsx, the server, its search engine) is still alive. */
  const groupAlive = () => {
    try {
      process.kill(-child.pid!, 0);
      return true;
    } catch {
      return false;
    }
  };
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      /* already gone */
    }
  };

  const stop = async () => {
    // npx exits at once on SIGTERM while the server and its search engine are still closing their files: the
    // data folder is removed only once the whole group is gone (SIGKILL after 20 s).
    signalGroup('SIGTERM');
    const deadline = Date.now() + 20_000;
    while (groupAlive() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    if (groupAlive()) signalGroup('SIGKILL');
    await exited(child);
    while (groupAlive()) await new Promise((r) => setTimeout(r, 50));
    rmSync(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  };

  const deadline = Date.now() + 150_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`The server exited with code ${child.exitCode} before it was ready:\n${log}`);
    const ready = await fetch(`${url}/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) return { url, admin, advanceClock, output: () => log, stop };
    await new Promise((r) => setTimeout(r, 500));
  }
  await stop();
  throw new Error(`The server was not ready within 150 s:\n${log}`);
}
