import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabase, SHARED_PG_URL, startServer, stopAll } from '../tests/helpers/processes.js';
import { apiRun, CONCURRENCY, SECONDS, type ApiRun } from './support/deal-api.js';
import { rawOwnStatementsRun, rawRun } from './support/deal-raw.js';
import { profileIn, selfTimeBuckets } from './support/cpu-profile.js';
import { line, percentile, verdict, type CpuUse, type RunResult } from './support/stats.js';

// `npm run bench:deals`: BENCH_RUNS (default 5) measured comparisons, each on a database and a server process
// of its own (NODE_ENV=production, PostgreSQL, a pool of 16 connections, no workers):
// - the API: licence deals driven through POST /api/deals/:id/events at concurrency 16 (support/deal-api.ts);
// - the raw SQL of the API's own statements, built by the engine's and the store's own builders before the clock
//   starts and sent from this process at the same concurrency (support/deal-raw.ts). The difference to the API
//   is the API's own work: HTTP, the token, validation, the machine, building the SQL and the deal view.
// The reference is the MEDIAN over the runs of API events/s against that raw SQL: ≥ 50%. The minimal
// transaction (begin, locked select, versioned update, history, audit, commit on scratch tables) is measured
// once, in the first run, and printed only. The first run's server writes a V8 CPU profile (BENCH_CPU_PROF=<dir>
// keeps it) and the bench prints where its CPU went during the timed run, by package or file.
// Everything runs on 127.0.0.1 and shares the machine's cores; the CPU lines say where they went.
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 5));
// BENCH_NODE_ARGS="<flags>": extra Node flags for the server (e.g. to try GC settings).
const NODE_ARGS = process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
const TOP_BUCKETS = 12;

/** The CPU of each process (and of the rest of the machine) per operation of `r`, in ms. */
function cpuLine(label: string, use: CpuUse, r: RunResult) {
  const per = (seconds: number) => `${((1000 * seconds) / Math.max(1, r.ops)).toFixed(2)} ms`;
  return `  ${label.padEnd(28)} CPU per op: ${Object.entries(use.byProcess)
    .map(([k, v]) => `${k} ${per(v)}`)
    .join(', ')}, other ${per(use.other)}, host ${per(use.stolen)}`;
}

const rate = (r: RunResult) => r.ops / r.seconds;
const median = (xs: number[]) =>
  percentile(
    [...xs].sort((a, b) => a - b),
    50,
  );

interface Measured {
  api: ApiRun;
  own: { run: RunResult; cpu: CpuUse };
  minimal: { run: RunResult; cpu: CpuUse } | null;
  profile: string | null;
}

/** One measured comparison on a fresh database and server. */
async function measure(n: number, profileDir: string | null): Promise<Measured> {
  const db = await createDatabase(process.env.BENCH_DATABASE_URL ?? SHARED_PG_URL, 'tte_bdeals');
  const dataDir = mkdtempSync(join(tmpdir(), 'tte-bdeals-'));
  try {
    const serverEnv = {
      NODE_ENV: 'production',
      DATABASE_URL: db.url,
      DB_POOL_MAX: String(CONCURRENCY),
      DATA_DIR: dataDir,
      RUN_WORKERS: 'false',
      LISTING_REVIEW: 'off',
      LOG_LEVEL: 'warn',
      JWT_SECRET: randomBytes(48).toString('base64url'),
      ADMIN_EMAIL: 'bench-admin@bureau.example',
      ADMIN_PASSWORD: `Bench-${randomBytes(9).toString('hex')}-1`,
    };
    const since = performance.now();
    const server = await startServer(`bench-deals-api-${n}`, serverEnv, {
      nodeArgs: [...NODE_ARGS, ...(profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : [])],
    });
    const api = await apiRun(server, db.url, db.name, since);
    await server.stop(); // the profile is written as the server exits; the raw loops then have the cores
    const own = await rawOwnStatementsRun(serverEnv, db.name, api.sourceDealIds, api.sellerUserId, rate(api.run));
    const minimal = n === 1 ? await rawRun(db.url, db.name, api.snapshotChars) : null;
    console.log(
      `run ${n}: API ${rate(api.run).toFixed(0)} ev/s, raw (API's statements) ${rate(own.run).toFixed(0)} ev/s: ${((100 * rate(api.run)) / rate(own.run)).toFixed(0)}%`,
    );
    return { api, own, minimal, profile: profileDir ? profileIn(profileDir) : null };
  } finally {
    await stopAll();
    await db.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function printProfile(file: string, m: Measured) {
  const { busyMs, buckets } = selfTimeBuckets(file, m.api.window);
  const perEvent = (ms: number) => `${(ms / Math.max(1, m.api.run.ops)).toFixed(3)} ms/ev`;
  console.log(
    `\nserver CPU during run 1's timed run (V8 profile ${file}): ${perEvent(busyMs)} busy, top self time by package or file:`,
  );
  for (const [bucket, ms] of buckets.slice(0, TOP_BUCKETS)) {
    console.log(`  ${((100 * ms) / busyMs).toFixed(1).padStart(5)}%  ${perEvent(ms).padStart(12)}  ${bucket}`);
  }
}

async function main() {
  const deadline = setTimeout(
    () => {
      console.error(`bench:deals exceeded ${2 * RUNS + 1} minutes`);
      process.exit(2);
    },
    (2 * RUNS + 1) * 60_000,
  );
  deadline.unref();
  const keepProfile = process.env.BENCH_CPU_PROF;
  const profileDir = keepProfile ?? mkdtempSync(join(tmpdir(), 'tte-bdeals-prof-'));
  const runs: Measured[] = [];
  try {
    for (let n = 1; n <= RUNS; n++) runs.push(await measure(n, n === 1 ? profileDir : null));
    const [first] = runs;
    const apiRates = runs.map((m) => rate(m.api.run));
    const ownRates = runs.map((m) => rate(m.own.run));
    const ratios = runs.map((m) => rate(m.api.run) / rate(m.own.run));
    console.log(
      `\ndeal events: ${RUNS} runs, concurrency ${CONCURRENCY}, ${SECONDS} s each (client, server process and PostgreSQL on one host; snapshot ≈ ${first.api.snapshotChars} chars)`,
    );
    console.log(
      `  runs: ${runs.map((m, i) => `API ${apiRates[i].toFixed(0)} / raw ${ownRates[i].toFixed(0)} = ${(100 * ratios[i]).toFixed(0)}%`).join('; ')}`,
    );
    console.log(line('run 1: API  POST /deals/:id/events', first.api.run, 'ev'));
    console.log(line("run 1: raw SQL, the API's statements", first.own.run, 'ev'));
    if (first.minimal) console.log(line('run 1: raw SQL, minimal tx shape', first.minimal.run, 'tx'));
    console.log(cpuLine('run 1: API', first.api.cpu, first.api.run));
    console.log(cpuLine("run 1: raw, the API's statements", first.own.cpu, first.own.run));
    if (first.minimal) {
      console.log(cpuLine('run 1: raw, minimal tx shape', first.minimal.cpu, first.minimal.run));
      console.log(
        `  minimal tx (a printed figure only): ${rate(first.minimal.run).toFixed(0)} tx/s; run 1's API at ${((100 * apiRates[0]) / rate(first.minimal.run)).toFixed(0)}% of it`,
      );
    }
    const medianRatio = median(ratios);
    console.log(
      `  MEDIAN of ${RUNS}: API ${median(apiRates).toFixed(0)} events/s, raw SQL of the API's own statements ${median(ownRates).toFixed(0)} events/s; median ratio ${(100 * medianRatio).toFixed(0)}%`,
    );
    if (first.profile) printProfile(first.profile, first);
    const errors = runs.reduce((sum, m) => sum + m.api.run.errors + m.own.run.errors + (m.minimal?.run.errors ?? 0), 0);
    const checks = [
      [
        `median API events/s ≥ 50% of the raw SQL of its own statements (${(100 * medianRatio).toFixed(0)}%)`,
        medianRatio >= 0.5,
      ],
      [`no errors (${errors})`, errors === 0],
    ] as const;
    console.log('');
    for (const [label, ok] of checks) console.log(`  ${verdict(ok)}  ${label}`);
    process.exitCode = checks.some(([, ok]) => !ok) ? 1 : 0;
  } finally {
    if (!keepProfile) rmSync(profileDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
