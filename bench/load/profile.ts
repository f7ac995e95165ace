import { readFileSync } from 'node:fs';
import { bucketOf, short, type Profile } from '../support/cpu-profile.js';

// Where a server's time went, from the V8 CPU profile that `BENCH_CPU_PROF=<dir> npm run bench:load` makes:
//   npx tsx bench/load/profile.ts <file.cpuprofile> [from-to seconds] [rows]
// prints the busy share of each second (to find the steps: seeding, warm-up, each concurrency), then the
// functions and the packages with the most self time in the window. Samples are wall-clock: time a thread
// spent descheduled inside a system call (a socket write on a saturated machine) counts as that call's.

const [file, window = '0-1e9', rows = '40'] = process.argv.slice(2);
if (!file) throw new Error('usage: tsx bench/load/profile.ts <file.cpuprofile> [from-to seconds] [rows]');
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const [from, to] = window.split('-').map(Number);
const frames = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));

const perSecond = new Map<number, { busy: number; all: number }>();
const byFunction = new Map<string, number>();
const byPackage = new Map<string, number>();
let clock = 0;
let total = 0;
profile.samples.forEach((id, i) => {
  const dt = profile.timeDeltas[i] ?? 0;
  clock += dt;
  const f = frames.get(id)!;
  const second = Math.floor(clock / 1e6);
  const s = perSecond.get(second) ?? { busy: 0, all: 0 };
  s.all += dt;
  if (f.functionName !== '(idle)') s.busy += dt;
  perSecond.set(second, s);
  if (clock / 1e6 < from || clock / 1e6 >= to) return;
  total += dt;
  const fn = `${f.functionName || '(anonymous)'} ${short(f.url)}:${f.lineNumber + 1}`;
  byFunction.set(fn, (byFunction.get(fn) ?? 0) + dt);
  byPackage.set(bucketOf(f), (byPackage.get(bucketOf(f)) ?? 0) + dt);
});

console.log(
  `busy % per second: ${[...perSecond].map(([s, v]) => `${s}:${Math.round((100 * v.busy) / v.all)}`).join(' ')}`,
);
console.log(`window ${from}–${Math.min(to, clock / 1e6).toFixed(0)} s: ${(total / 1e6).toFixed(1)} s sampled`);
const print = (title: string, m: Map<string, number>) => {
  console.log(`\n${title}`);
  for (const [k, v] of [...m].sort((a, b) => b[1] - a[1]).slice(0, Number(rows))) {
    console.log(`${(v / 1000).toFixed(0).padStart(8)} ms ${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}`);
  }
};
print('self time by function', byFunction);
print('self time by package or file', byPackage);
