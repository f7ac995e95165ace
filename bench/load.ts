import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  buildServer,
  createDatabase,
  SHARED_PG_URL,
  startServer,
  stopAll,
  type Build,
  type Server,
} from '../tests/helpers/processes.js';
import { Api, manyClients } from '../tests/integration/ops/support/api.js';
import { memoryOf, peakMeter, processTree, summarizeHeapSnapshot, takeHeapSnapshot } from './load/memory.js';
import { seed } from './load/seed.js';
import { cpuMeter, cpuSecondsOf, postgresCpuSeconds } from './support/stats.js';
import { connectionsFor, KINDS, pace, runAlone, runMixed, type KindResult } from './load/workload.js';

// `npm run bench:load`: compiles the server (`npm run build:server`) and starts it as the production start does
// (`node dist/src/main.js`, NODE_ENV=production, a PostgreSQL database of its own on BENCH_DATABASE_URL's server,
// the embedded Meilisearch), seeds it through the API, warms up, then runs the mixed workload (search, listing
// pages, deal events, invoice PDFs) at several concurrencies and prints throughput, p50/p99, error rate and, per
// step, the peak RSS of the server process (main thread and render workers) and of its process tree (with the
// embedded Meilisearch). Requests go to 127.0.0.1 only.
//   BENCH_CONCURRENCY=8,32,64  BENCH_SECONDS=10  BENCH_LISTINGS=300
//   BENCH_BUILD=source: run src/main.ts through tsx instead (as `npm start`), to compare.
//   BENCH_PREBUILT=1: use the dist/ already built.  BENCH_NODE_ARGS='--max-semi-space-size=4': Node flags for the server.
//   BENCH_HEAP_SNAPSHOT=<dir>: after the last step, a V8 heap snapshot of the server's main thread is written
//   there (--heapsnapshot-signal=SIGWINCH: close-with-grace shuts down on SIGUSR2) and summarized (self size by node type and by constructor).
//   BENCH_CPU_PROF=<dir>: the server writes a V8 CPU profile (.cpuprofile) there when it stops; read it with
//   `npx tsx bench/load/profile.ts <file> [from-to seconds]`.
//   BENCH_COST=1: first, each kind alone (closed loop, 4 connections, 5 s): server and engine CPU per request.
/** The Node flags `npm run start:prod` passes (between `node` and the entry point), read from package.json. */
function productionNodeArgs(): string[] {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const words = pkg.scripts['start:prod'].split(/\s+/);
  return words.slice(words.indexOf('node') + 1).filter((w) => w.startsWith('--'));
}

const STEPS = (process.env.BENCH_CONCURRENCY ?? '8,32,64').split(',').map(Number);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const LISTINGS = Number(process.env.BENCH_LISTINGS ?? 300);
const WARM_UP_SECONDS = 5;
const CPU_PROF_DIR = process.env.BENCH_CPU_PROF;
const HEAP_DIR = process.env.BENCH_HEAP_SNAPSHOT;
const BUILD: Build = process.env.BENCH_BUILD === 'source' ? 'source' : 'compiled';
// The memory target: the server's peak RSS at concurrency 32, compiled (issue #13; 467–482 MB through tsx before).
const RSS_TARGET_MB = 250;
// The target: reads (search and listing pages) at concurrency 32 answer within 100 ms at p99, with no errors.
const READ_P99_TARGET_MS = 100;
const TARGET_CONCURRENCY = 32;
if (STEPS.some((c) => !Number.isInteger(c) || c < 8) || !(SECONDS > 0 && SECONDS <= 60) || !(LISTINGS >= 10)) {
  throw new Error('BENCH_CONCURRENCY needs integers ≥ 8, BENCH_SECONDS 1–60, BENCH_LISTINGS ≥ 10');
}

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN;
const ms = (v: number) => (Number.isFinite(v) ? `${v.toFixed(v < 10 ? 1 : 0)} ms` : '-');

interface Row {
  label: string;
  connections: number;
  requests: number;
  errors: number;
  latencies: number[];
}

function summarize(label: string, parts: KindResult[]): Row {
  return {
    label,
    connections: parts.reduce((s, p) => s + p.connections, 0),
    requests: parts.reduce((s, p) => s + p.requests, 0),
    errors: parts.reduce((s, p) => s + p.errors, 0),
    latencies: parts.flatMap((p) => p.latencies).sort((a, b) => a - b),
  };
}

function printStep(concurrency: number, results: KindResult[]): Row {
  const rows = [
    ...results.map((r) => summarize(r.kind, [r])),
    summarize(
      'reads (search+listing)',
      results.filter((r) => r.kind === 'search' || r.kind === 'listing'),
    ),
    summarize('all', results),
  ];
  const paced = results
    .filter((r) => pace(r.kind))
    .map((r) => `${r.kind} ${pace(r.kind)}/s per connection`)
    .join(', ');
  console.log(
    `\nconcurrency ${concurrency} (${SECONDS} s; reads closed-loop; paced: ${paced}; load average ${loadavg()[0].toFixed(1)})`,
  );
  console.log(
    `  ${'kind'.padEnd(24)}${'conns'.padStart(6)}${'req/s'.padStart(9)}${'p50'.padStart(10)}${'p99'.padStart(10)}${'max'.padStart(10)}${'errors'.padStart(14)}`,
  );
  for (const r of rows) {
    const rate = r.requests ? `${r.errors} (${((100 * r.errors) / r.requests).toFixed(2)}%)` : '-';
    console.log(
      `  ${r.label.padEnd(24)}${String(r.connections).padStart(6)}${(r.requests / SECONDS).toFixed(0).padStart(9)}${ms(percentile(r.latencies, 50)).padStart(10)}${ms(percentile(r.latencies, 99)).padStart(10)}${ms(r.latencies.at(-1) ?? NaN).padStart(10)}${rate.padStart(14)}`,
    );
  }
  const odd = results.flatMap((r) =>
    Object.entries(r.statuses)
      .filter(([code]) => !code.startsWith('2'))
      .map(([code, n]) => `${r.kind} ${code}×${n}`),
  );
  if (odd.length) console.log(`  non-2xx: ${odd.join(', ')}`);
  return rows.find((r) => r.label.startsWith('reads'))!;
}

async function main() {
  const started = Date.now();
  const db = await createDatabase(process.env.BENCH_DATABASE_URL ?? SHARED_PG_URL, 'tte_bench');
  const dataDir = mkdtempSync(join(tmpdir(), 'tte-bench-'));
  const admin = { email: 'bench@bureau.example', password: `Load-${randomBytes(9).toString('hex')}-1` };
  let server: Server | null = null;
  let exitCode = 0;
  try {
    if (BUILD === 'compiled' && process.env.BENCH_PREBUILT !== '1') {
      process.stdout.write('compiling the server (npm run build:server)… ');
      buildServer();
      console.log('done');
    }
    const nodeArgs = [
      // The compiled server runs with the Node flags of the production start (package.json `start:prod`).
      ...(BUILD === 'compiled' ? productionNodeArgs() : []),
      ...(CPU_PROF_DIR ? ['--cpu-prof', '--cpu-prof-dir', CPU_PROF_DIR] : []),
      ...(HEAP_DIR ? ['--heapsnapshot-signal=SIGWINCH', '--diagnostic-dir', HEAP_DIR] : []),
      ...(process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean),
    ];
    server = await startServer(
      'bench-server',
      {
        NODE_ENV: 'production',
        DATABASE_URL: db.url,
        DATA_DIR: dataDir,
        JWT_SECRET: randomBytes(48).toString('base64url'),
        ADMIN_EMAIL: admin.email,
        ADMIN_PASSWORD: admin.password,
        LISTING_REVIEW: 'off',
        LOG_LEVEL: 'warn',
      },
      { nodeArgs, build: BUILD },
    );
    console.log(
      `server: ${BUILD === 'compiled' ? 'compiled (node dist/src/main.js)' : 'source (node --import tsx src/main.ts)'}${nodeArgs.length ? ` with ${nodeArgs.join(' ')}` : ''}; RSS after start ${memoryOf(server.pid)?.rss.toFixed(0)} MB`,
    );
    const api = new Api(server.url, manyClients);
    console.log(
      `machine: ${cpus().length} CPUs, load average before start ${loadavg()[0].toFixed(1)} (other work on the machine skews every figure)`,
    );
    const maxEvents = Math.max(...STEPS.map((c) => connectionsFor(c).dealEvent));
    process.stdout.write(
      `seeding ${LISTINGS} listings, ${maxEvents} deals in negotiation and 8 signed deals through the API… `,
    );
    const data = await seed(api, admin, { listings: LISTINGS, negotiating: maxEvents, invoices: 8 });
    console.log(`done in ${((Date.now() - started) / 1000).toFixed(0)} s (${data.invoices.length} invoices)`);

    // Warm-up: opens the database pool's connections, compiles the hot paths, fills the engines' caches.
    await runMixed(server.url, data, Math.max(...STEPS), WARM_UP_SECONDS);
    const afterWarmUp = memoryOf(server.pid);
    console.log(`warmed up ${WARM_UP_SECONDS} s; server RSS ${afterWarmUp?.rss.toFixed(0)} MB`);

    const meiliPidFile = join(dataDir, 'meili', 'meilisearch.pid');
    const meiliPid = existsSync(meiliPidFile) ? Number(readFileSync(meiliPidFile, 'utf8')) : 0;
    if (process.env.BENCH_COST === '1') {
      console.log('\ncost per request, each kind alone (4 connections, closed loop, 5 s):');
      for (const kind of KINDS) {
        const cpu0 = [cpuSecondsOf(server.pid), cpuSecondsOf(meiliPid)];
        const r = await runAlone(server.url, data, kind, 4, 5);
        const perReq = (i: number, pid: number) =>
          ((1000 * (cpuSecondsOf(pid) - cpu0[i])) / Math.max(1, r.requests)).toFixed(2);
        const sorted = [...r.latencies].sort((a, b) => a - b);
        console.log(
          `  ${kind.padEnd(12)} ${(r.requests / 5).toFixed(0).padStart(6)} req/s  p50 ${ms(percentile(sorted, 50))}  server ${perReq(0, server.pid)} ms CPU/req  meilisearch ${perReq(1, meiliPid)} ms CPU/req  errors ${r.errors}`,
        );
      }
    }
    let targetRow: Row | null = null;
    const peaks: Array<{ c: number; server: number; tree: number }> = [];
    for (const c of STEPS) {
      // Let requests cut off at the end of the previous run finish before this one starts.
      await sleep(1_000);
      // Where the machine's cores went during the step: the server (with its render worker), the engine, the
      // database's backends, this process (autocannon), and whatever else ran meanwhile, which skews the step.
      const cpu = cpuMeter({
        server: () => cpuSecondsOf(server!.pid),
        meilisearch: () => cpuSecondsOf(meiliPid),
        postgres: () => postgresCpuSeconds(db.name),
        bench: () => cpuSecondsOf(process.pid),
      });
      const mem = peakMeter(server.pid);
      const reads = printStep(c, await runMixed(server.url, data, c, SECONDS));
      const peak = mem.stop();
      peaks.push({ c, ...peak });
      const { byProcess, other, stolen } = cpu();
      const pct = (seconds: number) => `${((100 * seconds) / SECONDS).toFixed(0)}%`;
      console.log(
        `  CPU (100% = one core): ${Object.entries(byProcess)
          .map(([k, v]) => `${k} ${pct(v)}`)
          .join(', ')}; other work ${pct(other)}, taken by the host ${pct(stolen)}`,
      );
      console.log(
        `  peak RSS: server ${peak.server.toFixed(0)} MB (main + render workers${peak.resetWorked ? '' : ', sampled every 100 ms'}), process tree ${peak.tree.toFixed(0)} MB (sampled, with the embedded Meilisearch)`,
      );
      if (c === TARGET_CONCURRENCY) targetRow = reads;
    }
    console.log(
      `\npeak RSS per step (${BUILD}): ${peaks.map((p) => `c${p.c} server ${p.server.toFixed(0)} MB / tree ${p.tree.toFixed(0)} MB`).join('; ')}`,
    );
    const at32 = peaks.find((p) => p.c === TARGET_CONCURRENCY);
    if (at32)
      console.log(
        `memory target (server peak RSS at concurrency ${TARGET_CONCURRENCY} ≤ ${RSS_TARGET_MB} MB): ${at32.server <= RSS_TARGET_MB ? 'met' : 'NOT met'} (${at32.server.toFixed(0)} MB)`,
      );
    if (HEAP_DIR) {
      const file = await takeHeapSnapshot(server.pid, HEAP_DIR);
      const heap = summarizeHeapSnapshot(file);
      console.log(
        `\nheap snapshot of the main thread: ${file}; ${heap.total.toFixed(1)} MB live (self sizes), server RSS now ${memoryOf(server.pid)?.rss.toFixed(0)} MB, process tree ${processTree(server.pid).length} processes`,
      );
      console.log(`  by type: ${heap.byType.map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ')}`);
      console.log(`  largest: ${heap.byName.map(([k, v]) => `${k.slice(0, 40)} ${v.toFixed(1)}`).join(', ')}`);
    }

    const mem = memoryOf(server.pid);
    const meili = meiliPid ? memoryOf(meiliPid) : null;
    console.log(`\nserver (pid ${server.pid}) RSS now ${mem?.rss.toFixed(0)} MB (its peaks per step are above)`);
    if (meili) console.log(`embedded Meilisearch peak RSS: ${meili.hwm.toFixed(0)} MB`);
    if (targetRow) {
      const p99 = percentile(targetRow.latencies, 99);
      const ok = targetRow.errors === 0 && p99 < READ_P99_TARGET_MS;
      console.log(
        `target (reads at concurrency ${TARGET_CONCURRENCY}: 0 errors, p99 < ${READ_P99_TARGET_MS} ms): ${ok ? 'met' : 'NOT met'} (p99 ${ms(p99)}, ${targetRow.errors} errors)`,
      );
      if (!ok) exitCode = 1;
    }
  } finally {
    await server?.stop(20_000);
    await stopAll();
    await db.drop();
    rmSync(dataDir, { recursive: true, force: true });
    console.log(`total ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
  process.exit(exitCode);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
