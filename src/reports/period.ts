import { halfYearBounds, halfYearOf } from '../shared/china-time.js';
import type { Period } from './types.js';

// Half years run January–June and July–December on the China calendar (shared/china-time.ts): the bureau's
// reporting rhythm (the plan's 半年报), the same half years as the voucher settlements.

/** The half year an instant falls in. */
export const periodOf = (at: Date): Period => halfYearOf(at);

/** The first half-year boundary strictly after `at`, and the period that ends there. */
export function nextBoundary(at: Date): { dueAt: string; period: Period } {
  const period = periodOf(at);
  return { dueAt: halfYearBounds(period).periodEnd, period };
}

export const periodCode = ({ year, half }: Period) => `${year}H${half}`;
export const periodLabel = ({ year, half }: Period) => `${year}年${half === 1 ? '上' : '下'}半年`;

/** The China calendar months of a period, 'YYYY-MM'. */
export function periodMonths({ year, half }: Period): string[] {
  const first = half === 1 ? 1 : 7;
  return Array.from({ length: 6 }, (_, i) => `${year}-${String(first + i).padStart(2, '0')}`);
}
