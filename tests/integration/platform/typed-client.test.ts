import createClient from 'openapi-fetch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { paths } from '../../../web/src/api/schema.gen.js';
import { buildTestApp, type TestApp } from '../../helpers/app.js';
import { PASSWORD, adminSession, listingBody, unique } from '../../helpers/factories.js';

// A client generated from the document (the web app's types, web/src/api/schema.gen.ts, through openapi-fetch)
// runs the licence journey over HTTP, with an upload and downloads, and not one cast: if the document lied about
// a path, a parameter, a body or an answer, this file would not compile or its requests would fail.

let t: TestApp;
let api: ReturnType<typeof createClient<paths>>;
beforeAll(async () => {
  t = await buildTestApp({ env: { SERVE_WEB: 'false' } });
  api = createClient<paths>({ baseUrl: await t.app.listen({ port: 0, host: '127.0.0.1' }) });
});
afterAll(async () => {
  await t.close();
});

/** The answer's data, or a failure naming the status and the problem. */
function ok<D>(r: { data?: D; error?: unknown; response: Response }): D {
  if (r.data === undefined) throw new Error(`${r.response.status}: ${JSON.stringify(r.error)}`);
  return r.data;
}
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function register(role: 'seller' | 'buyer', type: 'enterprise') {
  const u = unique(role);
  const body = { email: `${u}@example.com`, password: PASSWORD, name: u, role, organization: { name: u, type } };
  return ok(await api.POST('/api/auth/register', { body }));
}

describe('a typed client generated from the OpenAPI document', () => {
  it('runs the licence journey, uploads an attachment and downloads it and the invoice PDF', async () => {
    const seller = await register('seller', 'enterprise');
    const buyer = await register('buyer', 'enterprise');
    const admin = await adminSession(t);
    const sellerH = bearer(seller.accessToken);
    const buyerH = bearer(buyer.accessToken);

    const { title, summary, description, keywords, trl, askingPrice, ipNumbers } = listingBody();
    const field = 'modern_agriculture';
    const ipType = 'invention_patent';
    const draft = ok(
      await api.POST('/api/listings', {
        headers: sellerH,
        body: {
          ...{ title, summary, description, keywords, field, trl, ipType, askingPrice, dealTypes: ['license'] },
          ...{ category: 'applied_technology', form: 'new_technology', stage: 'mature', fundingSource: 'enterprise' },
          ...{ ipNumbers, ndaRequired: true },
        },
      }),
    );
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const attachment = ok(
      await api.POST('/api/listings/{id}/attachments', {
        headers: sellerH,
        params: { path: { id: draft.id }, query: { visibility: 'public' } },
        body: { file: 'spec.pdf' },
        bodySerializer: (body) => {
          const form = new FormData();
          form.append('file', new Blob([pdf], { type: 'application/pdf' }), body.file);
          return form;
        },
      }),
    );
    expect(attachment.filename).toBe('spec.pdf');
    ok(await api.POST('/api/listings/{id}/submit', { headers: sellerH, params: { path: { id: draft.id } } }));
    const published = ok(
      await api.POST('/api/listings/{id}/review', {
        headers: bearer(admin.accessToken),
        params: { path: { id: draft.id } },
        body: { decision: 'approve' },
      }),
    );
    expect(published.status).toBe('published');

    const file = await api.GET('/api/listings/{id}/attachments/{attachmentId}', {
      headers: buyerH,
      params: { path: { id: draft.id, attachmentId: attachment.id } },
      parseAs: 'arrayBuffer',
    });
    expect(file.response.headers.get('content-type')).toContain('application/pdf');
    expect(Buffer.from(ok(file))).toEqual(pdf);

    let deal = ok(await api.POST('/api/deals', { headers: buyerH, body: { listingId: draft.id, type: 'license' } }));
    const terms = {
      licenseType: 'exclusive' as const,
      territory: '新疆生产建设兵团',
      fieldOfUse: '棉花种植',
      termMonths: 60,
      upfrontFee: 20_000_000,
      royaltyRateBp: 300,
    };
    const steps = [
      { by: sellerH, event: { type: 'ACCEPT_INQUIRY' as const } },
      { by: buyerH, event: { type: 'SIGN_NDA' as const } },
      { by: sellerH, event: { type: 'SIGN_NDA' as const } },
      { by: buyerH, event: { type: 'PROPOSE_TERMS' as const, terms } },
      { by: sellerH, event: { type: 'ACCEPT_TERMS' as const } },
      { by: sellerH, event: { type: 'SIGN_CONTRACT' as const } },
      { by: buyerH, event: { type: 'SIGN_CONTRACT' as const } },
    ];
    for (const { by, event } of steps) {
      deal = ok(
        await api.POST('/api/deals/{id}/events', {
          headers: by,
          params: { path: { id: deal.id } },
          body: { ...event, expectedVersion: deal.version },
        }),
      );
    }
    expect(deal.state).toBe('active');

    const invoices = ok(await api.GET('/api/invoices', { headers: buyerH }));
    const upfront = invoices.items.find((i) => i.dealId === deal.id);
    // The contract is not registered yet: the licence fee carries 6% VAT (财税〔2016〕36号 exempts registered ones).
    expect(upfront?.total).toBe(21_200_000);
    expect(upfront?.lines[0].taxTreatment).toBe('standard');
    const invoicePdf = await api.GET('/api/invoices/{id}/pdf', {
      headers: buyerH,
      params: { path: { id: upfront!.id } },
      parseAs: 'arrayBuffer',
    });
    expect(invoicePdf.response.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(ok(invoicePdf)).subarray(0, 5).toString()).toBe('%PDF-');

    // A typed error: the Problem component, as the server sends it.
    const missing = await api.GET('/api/deals/{id}', {
      headers: buyerH,
      params: { path: { id: 'dea_000000000000000000000' } },
    });
    expect(missing.response.status).toBe(404);
    expect(missing.error?.code).toBe('NOT_FOUND');
  });
});
