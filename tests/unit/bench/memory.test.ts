import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { memoryOf, processTree, summarizeHeapSnapshot } from '../../../bench/load/memory.js';

const dir = mkdtempSync(join(tmpdir(), 'tte-heap-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('bench:load memory readings', () => {
  it('sums a heap snapshot by node type and by constructor', () => {
    const MB = 2 ** 20;
    // V8's format: flat node rows of `node_fields`; type indexes node_types[0]; name indexes strings.
    const snapshot = {
      snapshot: {
        meta: {
          node_fields: ['type', 'name', 'id', 'self_size', 'edge_count'],
          node_types: [['hidden', 'object', 'string', 'code']],
        },
      },
      nodes: [1, 0, 1, 2 * MB, 0, 1, 0, 3, 1 * MB, 0, 1, 1, 5, 4 * MB, 0, 2, 2, 7, 3 * MB, 0, 3, 2, 9, 0.5 * MB, 0],
      strings: ['Deal', 'Buffer', 'hello'],
    };
    const file = join(dir, 'x.heapsnapshot');
    writeFileSync(file, JSON.stringify(snapshot));
    const s = summarizeHeapSnapshot(file);
    expect(s.total).toBe(10.5);
    expect(s.byType).toEqual([
      ['object', 7],
      ['string', 3],
      ['code', 0.5],
    ]);
    expect(s.byName).toEqual([
      ['Buffer', 4],
      ['Deal', 3],
      ['(string)', 3],
      ['(code)', 0.5],
    ]);
  });

  it('reads this process and finds itself at the root of its tree', () => {
    const m = memoryOf(process.pid);
    expect(m!.rss).toBeGreaterThan(10);
    expect(m!.hwm).toBeGreaterThanOrEqual(m!.rss - 1);
    expect(processTree(process.pid)[0]).toBe(process.pid);
    expect(memoryOf(2 ** 22 + 12345)).toBeNull();
  });
});
