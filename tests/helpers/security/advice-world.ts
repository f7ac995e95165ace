import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { unique } from '../factories.js';
import { multipart } from './multipart.js';

// A payment advice (付款通知) in the security world: the buyer's, on an invoice the seller issued to it, with
// a PDF receipt, still awaiting the seller's decision. Path parameters: the invoice and the advice.

type As = (caller: 'buyer', opts: InjectOptions) => Promise<LightMyRequestResponse>;
type Ok = (res: LightMyRequestResponse, what: string) => { id: string; advices?: { id: string }[] };

export const PDF_RECEIPT = Buffer.from('%PDF-1.4\n% bank receipt\n%%EOF\n');

export const adviceBody = () => ({ amount: 100, paidOn: '2026-03-01', reference: unique('ADV') });

export async function adviceOn(as: As, ok: Ok, invoiceId: string) {
  const receipt = ok(
    await as('buyer', {
      method: 'POST',
      url: `/api/invoices/${invoiceId}/receipts`,
      ...multipart('回单.pdf', PDF_RECEIPT),
    }),
    'receipt',
  );
  const invoice = ok(
    await as('buyer', {
      method: 'POST',
      url: `/api/invoices/${invoiceId}/advices`,
      payload: { ...adviceBody(), receiptId: receipt.id },
    }),
    'payment advice',
  );
  return { id: invoiceId, adviceId: invoice.advices![0].id };
}
