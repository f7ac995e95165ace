import { readdirSync, readFileSync } from 'node:fs';

/** Nearest-rank percentile of an ascending array. */
export const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] : NaN;

export const fmtMs = (v: number) => (Number.isFinite(v) ? `${v.toFixed(v < 10 ? 2 : 1)} ms` : '-');

export interface RunResult {
  ops: number;
  errors: number;
  seconds: number;
  latencies: number[];
}

/**
 * Closed loop: `concurrency` callers each run `op` back to back until `seconds` have passed. `op` returns its own
 * latency in ms, null when that caller has no more work (it stops), or throws (an error). Latencies come back sorted.
 */
export async function closedLoop(
  concurrency: number,
  seconds: number,
  op: (worker: number, i: number) => Promise<number | null>,
): Promise<RunResult & { stoppedEarly: number }> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: unknown = null;
  let stoppedEarly = 0;
  const started = performance.now();
  const end = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, w) => {
      for (let i = 0; performance.now() < end; i++) {
        try {
          const ms = await op(w, i);
          if (ms === null) {
            stoppedEarly++;
            break;
          }
          latencies.push(ms);
        } catch (err) {
          errors++;
          firstError ??= err;
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  if (firstError) console.log(`  first error: ${String((firstError as Error).message ?? firstError).slice(0, 300)}`);
  return { ops: latencies.length, errors, seconds: elapsed, latencies: latencies.sort((a, b) => a - b), stoppedEarly };
}

export function line(label: string, r: RunResult, unit = 'req') {
  return `  ${label.padEnd(26)}${`${(r.ops / r.seconds).toFixed(0)} ${unit}/s`.padStart(12)}  p50 ${fmtMs(percentile(r.latencies, 50)).padStart(9)}  p95 ${fmtMs(percentile(r.latencies, 95)).padStart(9)}  p99 ${fmtMs(percentile(r.latencies, 99)).padStart(9)}  errors ${r.errors}`;
}

export const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');

/** CPU seconds (user + system) a process has used so far, from /proc (clock ticks are 100 per second here); NaN once it is gone. */
export function cpuSecondsOf(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

/** CPU seconds of the PostgreSQL backends serving `database` (their titles name it), from /proc. */
export function postgresCpuSeconds(database: string): number {
  let sum = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(` ${database} `)) sum += cpuSecondsOf(Number(pid));
    } catch {
      // ended meanwhile
    }
  }
  return sum;
}

/** CPU seconds of the whole machine (all cores) spent busy, and taken by the hypervisor (steal), from /proc/stat. */
export function machineCpuSeconds(): { busy: number; steal: number } {
  const [, user, nice, system, , , irq, softirq, steal] = readFileSync('/proc/stat', 'utf8')
    .split('\n')[0]
    .trim()
    .split(/\s+/)
    .map(Number);
  return { busy: (user + nice + system + irq + softirq) / 100, steal: steal / 100 };
}

export interface CpuUse {
  byProcess: Record<string, number>;
  other: number;
  stolen: number;
}

/**
 * Starts measuring where the machine's cores go: CPU seconds of each named process (`meters`), of whatever else
 * ran meanwhile (which skews the figures), and taken by the hypervisor. The returned function reads the use so far.
 */
export function cpuMeter(meters: Record<string, () => number>): () => CpuUse {
  const read = () => Object.fromEntries(Object.entries(meters).map(([k, m]) => [k, m()]));
  const before = read();
  const machineBefore = machineCpuSeconds();
  return () => {
    const now = read();
    const machine = machineCpuSeconds();
    const byProcess = Object.fromEntries(Object.keys(meters).map((k) => [k, now[k] - before[k]]));
    const other = machine.busy - machineBefore.busy - Object.values(byProcess).reduce((a, b) => a + b, 0);
    return { byProcess, other: Math.max(0, other), stolen: machine.steal - machineBefore.steal };
  };
}
