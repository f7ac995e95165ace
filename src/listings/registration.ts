import { nextInSequence } from '../platform/counters.js';
import type { DbOrTx } from '../platform/db.js';
import { chinaYear } from '../shared/china-time.js';
import type { Category } from '../shared/listing.js';

// MOST-style registration number: <region code><year><category letter><serial>, gapless per year. The year is
// the China calendar year of publication (a listing published at 01:00 on 1 January Beijing time is next year's),
// as invoice numbers are.
// Region code 660000 is the Corps' administrative division code (新疆生产建设兵团).
export const REGION_CODE = '660000';
const CATEGORY_LETTER: Record<Category, string> = { applied_technology: 'A', basic_theory: 'B', soft_science: 'C' };

export async function nextRegistrationNo(tx: DbOrTx, category: Category, at: Date): Promise<string> {
  const year = chinaYear(at);
  const serial = await nextInSequence(tx, `listing-registration:${year}`);
  return `${REGION_CODE}${year}${CATEGORY_LETTER[category]}${String(serial).padStart(5, '0')}`;
}
