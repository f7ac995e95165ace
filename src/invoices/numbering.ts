import { sql } from 'drizzle-orm';
import { nextInSequence } from '../platform/counters.js';
import { queryRows, type DbOrTx } from '../platform/db.js';

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

/**
 * Invoice numbers (INV-YYYY-NNNNNN, gapless per China-time year) are assigned by the database when the issuing
 * transaction commits (migration 0007), so concurrent issuers hold the year's counter row only for a commit.
 * A transaction that must answer with the number before it commits takes it now; the commit then leaves it.
 */
export async function assignInvoiceNumberNow(tx: DbOrTx, invoiceId: string): Promise<string> {
  const [row] = await queryRows<{ number: string }>(tx, sql`select assign_invoice_number(${invoiceId}) as number`);
  return row.number;
}

/** 创新券 codes, gapless per year like invoice numbers, so the bureau's register has no holes. */
export async function nextVoucherCode(tx: DbOrTx, at: Date): Promise<string> {
  const year = chinaYear(at);
  const serial = await nextInSequence(tx, `voucher:${year}`);
  return `CXQ-${year}-${String(serial).padStart(6, '0')}`;
}
