import { afterAll, describe, expect, it } from 'vitest';
import { renderInvoicePdf } from '../../../src/invoices/pdf.js';
import { invoicePdfRenderer } from '../../../src/invoices/pdf-render.js';
import { sampleInvoice } from './fixtures.js';

const renderer = invoicePdfRenderer();
afterAll(() => renderer.close());

// The worker's first render parses the fonts (~1 s cold).
describe('invoicePdfRenderer', { timeout: 60_000 }, () => {
  it('renders on a worker exactly the bytes the renderer makes in process', async () => {
    const view = sampleInvoice();
    expect((await renderer.render(view)).equals(await renderInvoicePdf(view))).toBe(true);
  });

  it('never answers with an earlier rendering once what the PDF shows has changed', async () => {
    const issued = sampleInvoice();
    const first = await renderer.render(issued);
    const paid = sampleInvoice({
      status: 'paid',
      paid: issued.total,
      balance: 0,
      payments: [{ amount: issued.total, reference: 'BANK-1', paidAt: '2026-03-10T02:00:00.000Z' }],
    });
    const afterPayment = await renderer.render(paid);
    expect(afterPayment.equals(first)).toBe(false);
    expect(afterPayment.equals(await renderInvoicePdf(paid))).toBe(true);
    const voided = sampleInvoice({ status: 'void', balance: 0, voidReason: '开具错误' });
    expect((await renderer.render(voided)).equals(await renderInvoicePdf(voided))).toBe(true);
    // The unchanged invoice still gets its own bytes back.
    expect((await renderer.render(sampleInvoice())).equals(first)).toBe(true);
  });

  it('serves many parties at once, each the PDF of their own invoice', async () => {
    const views = Array.from({ length: 12 }, (_, i) =>
      sampleInvoice({ number: `INV-2026-${String(500 + (i % 6)).padStart(6, '0')}` }),
    );
    const out = await Promise.all(views.map((v) => renderer.render(v)));
    for (const [i, v] of views.entries()) expect(out[i].equals(await renderInvoicePdf(v))).toBe(true);
  });
});
