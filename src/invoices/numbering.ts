import { sql } from 'drizzle-orm';
import { nextInSequence } from '../platform/counters.js';
import { queryRows, type DbOrTx } from '../platform/db.js';
import { chinaYear } from '../shared/china-time.js';

// Invoices and vouchers are dated and numbered by the China calendar year, as their PDFs print them.

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
