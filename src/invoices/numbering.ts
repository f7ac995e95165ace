import { nextInSequence } from '../platform/counters.js';
import type { DbOrTx } from '../platform/db.js';

// Invoices and vouchers are dated in China Standard Time (UTC+8, no daylight saving), as their PDFs print them:
// an invoice issued at 2026-12-31T17:00Z is dated 2027-01-01 and numbered in 2027's sequence.
const CST_OFFSET_MS = 8 * 60 * 60 * 1000;

export function chinaYear(at: Date): number {
  return new Date(at.getTime() + CST_OFFSET_MS).getUTCFullYear();
}

/** The instant a China calendar date begins (month is 1–12). */
export function chinaMidnight(year: number, month: number, day = 1): Date {
  return new Date(Date.UTC(year, month - 1, day) - CST_OFFSET_MS);
}

// The per-year counter row is locked from here to the end of the issuing transaction (platform/counters.ts):
// concurrent issuers queue, and a rolled-back issue gives its number back, so numbers are gapless and unique.
export async function nextInvoiceNumber(tx: DbOrTx, at: Date): Promise<string> {
  const year = chinaYear(at);
  const serial = await nextInSequence(tx, `invoice:${year}`);
  return `INV-${year}-${String(serial).padStart(6, '0')}`;
}

/** 创新券 codes, gapless per year like invoice numbers, so the bureau's register has no holes. */
export async function nextVoucherCode(tx: DbOrTx, at: Date): Promise<string> {
  const year = chinaYear(at);
  const serial = await nextInSequence(tx, `voucher:${year}`);
  return `CXQ-${year}-${String(serial).padStart(6, '0')}`;
}
