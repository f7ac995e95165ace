import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// Where a server's CPU went during a window of its V8 CPU profile (--cpu-prof): self time by package or file,
// the buckets bench/load/profile.ts prints in full. Samples are wall-clock; idle samples are left out.

export interface Frame {
  functionName: string;
  url: string;
  lineNumber: number;
}
export interface Profile {
  nodes: Array<{ id: number; callFrame: Frame }>;
  samples: number[];
  timeDeltas: number[];
}

/** A frame's file, relative to node_modules or the repository. */
export const short = (url: string) =>
  url.replace(/.*node_modules\//, '').replace(/^file:\/\/.*?\/(src|search|bench)\//, '$1/');
/** A frame's package (node_modules) or file: where its self time is counted. */
export const bucketOf = (f: Frame) =>
  f.url.includes('node_modules/')
    ? f.url.replace(/.*node_modules\/((@[^/]+\/)?[^/]+).*/, '$1')
    : short(f.url) || f.functionName;

/** The one profile a server wrote into `dir`. */
export function profileIn(dir: string): string | null {
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  return file ? join(dir, file) : null;
}

/** Busy self time (ms) by bucket within [from, to) seconds of the profile's start, largest first. */
export function selfTimeBuckets(
  file: string,
  [from, to]: [number, number],
): { busyMs: number; buckets: [string, number][] } {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const frames = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const byBucket = new Map<string, number>();
  let clock = 0;
  let busy = 0;
  profile.samples.forEach((id, i) => {
    clock += profile.timeDeltas[i] ?? 0;
    const f = frames.get(id)!;
    if (clock / 1e6 < from || clock / 1e6 >= to || f.functionName === '(idle)') return;
    const dt = profile.timeDeltas[i] ?? 0;
    busy += dt;
    const bucket = bucketOf(f);
    byBucket.set(bucket, (byBucket.get(bucket) ?? 0) + dt);
  });
  return {
    busyMs: busy / 1000,
    buckets: [...byBucket].map(([k, v]) => [k, v / 1000] as [string, number]).sort((a, b) => b[1] - a[1]),
  };
}
