import { randomBytes } from 'node:crypto';

// Opaque, URL-safe ids that sort by creation time (a base36 millisecond prefix), so a list ordered by id is
// ordered by age and the last id of a page is a stable cursor.
const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

export function newId(prefix: string, now = Date.now()): string {
  const time = now.toString(36).padStart(9, '0');
  const bytes = randomBytes(12);
  let rand = '';
  for (const b of bytes) rand += ALPHABET[b % 36];
  return `${prefix}_${time}${rand}`;
}

export const ID_PATTERN = '^[a-z]{2,5}_[0-9a-z]{21}$';
