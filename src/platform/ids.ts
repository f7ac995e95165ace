import { randomFillSync } from 'node:crypto';

// Opaque, URL-safe ids that sort by creation time (a base36 millisecond prefix), so a list ordered by id is
// ordered by age and the last id of a page is a stable cursor.
const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

// Random bytes are drawn from the OS 4 KiB at a time: one call per 341 ids instead of one per id.
const pool = Buffer.alloc(4096);
let used = pool.length;

export function newId(prefix: string, now = Date.now()): string {
  const time = now.toString(36).padStart(9, '0');
  if (used + 12 > pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  let rand = '';
  for (let i = used; i < used + 12; i++) rand += ALPHABET[pool[i] % 36];
  used += 12;
  return `${prefix}_${time}${rand}`;
}

export { ID_PATTERN } from '../shared/ids.js';
