import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

// Memory of the server under load: its process (main thread and render worker threads share one RSS) and the
// processes it started (the embedded Meilisearch), read from /proc; and a V8 heap snapshot of the main thread.

export interface Mem {
  hwm: number;
  rss: number;
}

/** VmHWM (peak RSS since start or the last reset) and VmRSS of `pid`, in MB; null once it has gone. */
export function memoryOf(pid: number): Mem | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { hwm: kb('VmHWM') / 1024, rss: kb('VmRSS') / 1024 };
  } catch {
    return null;
  }
}

/** Resets `pid`'s VmHWM to its current RSS (Linux: "5" to clear_refs); false when the kernel refuses. */
export function resetPeak(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

/** `pid` and every process below it (children, their children…). */
export function processTree(pid: number): number[] {
  const parentOf = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // The command name (2nd field) is in parentheses and may hold spaces: the parent pid follows its ')'.
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      parentOf.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // ended meanwhile
    }
  }
  const tree = [pid];
  for (let i = 0; i < tree.length; i++)
    for (const [child, parent] of parentOf) if (parent === tree[i]) tree.push(child);
  return tree;
}

export interface PeakMeter {
  stop(): { server: number; tree: number; resetWorked: boolean };
}

/**
 * Peak RSS of the server process (VmHWM, reset at the start, so it is this span's peak and misses nothing
 * between samples) and of its whole process tree (the sum sampled every `everyMs`: a sum has no kernel peak).
 */
export function peakMeter(pid: number, everyMs = 100): PeakMeter {
  const resetWorked = resetPeak(pid);
  let server = 0;
  let tree = 0;
  let pids = processTree(pid);
  let ticks = 0;
  const timer = setInterval(() => {
    if (++ticks % 20 === 0) pids = processTree(pid);
    const rss = pids.map((p) => memoryOf(p)?.rss ?? 0);
    server = Math.max(server, rss[0]);
    tree = Math.max(
      tree,
      rss.reduce((a, b) => a + b, 0),
    );
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      const m = memoryOf(pid);
      return { server: Math.max(server, resetWorked ? (m?.hwm ?? 0) : 0), tree, resetWorked };
    },
  };
}

/**
 * Asks the server (started with --heapsnapshot-signal=SIGWINCH --diagnostic-dir=`dir`) for a heap snapshot of its
 * main thread and waits until the file is complete. Returns its path.
 */
export async function takeHeapSnapshot(pid: number, dir: string, timeoutMs = 120_000): Promise<string> {
  const before = new Set(existsSync(dir) ? readdirSync(dir) : []);
  process.kill(pid, 'SIGWINCH');
  const deadline = Date.now() + timeoutMs;
  let last = -1;
  while (Date.now() < deadline) {
    await sleep(500);
    const file = readdirSync(dir).find((f) => f.endsWith('.heapsnapshot') && !before.has(f));
    if (!file) continue;
    const size = statSync(join(dir, file)).size;
    // Node writes the snapshot synchronously on the main thread: once its size holds still for a poll, it is done.
    if (size > 0 && size === last) return join(dir, file);
    last = size;
  }
  throw new Error(`no heap snapshot in ${dir} within ${timeoutMs} ms`);
}

/** Self sizes in a heap snapshot by node type and by the largest constructors, in MB. */
export function summarizeHeapSnapshot(
  file: string,
  top = 12,
): { total: number; byType: Array<[string, number]>; byName: Array<[string, number]> } {
  const snap = JSON.parse(readFileSync(file, 'utf8')) as {
    snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
    nodes: number[];
    strings: string[];
  };
  const fields = snap.snapshot.meta.node_fields;
  const types = snap.snapshot.meta.node_types[0];
  const [iType, iName, iSize] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f));
  const byType = new Map<string, number>();
  const byName = new Map<string, number>();
  let total = 0;
  for (let i = 0; i < snap.nodes.length; i += fields.length) {
    const size = snap.nodes[i + iSize];
    const type = types[snap.nodes[i + iType]];
    total += size;
    byType.set(type, (byType.get(type) ?? 0) + size);
    const name = type === 'object' || type === 'native' ? snap.strings[snap.nodes[i + iName]] : `(${type})`;
    byName.set(name, (byName.get(name) ?? 0) + size);
  }
  const mb = (m: Map<string, number>, n: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => [k, v / 2 ** 20] as [string, number]);
  return { total: total / 2 ** 20, byType: mb(byType, 20), byName: mb(byName, top) };
}
