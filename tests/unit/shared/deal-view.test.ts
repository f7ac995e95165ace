import build from 'fast-json-stringify';
import { Type } from 'typebox';
import { describe, expect, it } from 'vitest';
import { currentTerms, type DealContext } from '../../../src/deals/machines/index.js';
import { DealDetailPartsSchema, DealTermsSchema } from '../../../src/shared/deal-view.js';
import { DEAL_FORMS } from '../../../src/shared/listing.js';
import { TestDeal } from '../deals/harness.js';
import { happyPath } from '../deals/spec.js';

// The deal answer's schema is also its serializer (fast-json-stringify drops what a schema does not name), so
// every part of the machine context a deal answer shows must be described, field by field, or a caller loses it.
const detail = build(DealDetailPartsSchema as never);
const terms = build(Type.Union([DealTermsSchema, Type.Null()]) as never);

// As src/deals/view.ts builds the detail from the context.
const partsOf = (c: DealContext) => ({
  agreedTerms: c.agreedTerms,
  proposals: c.proposals,
  nda: { required: c.ndaRequired, ...c.nda },
  publicNotice: c.publicNotice,
  objections: c.objections,
  noticeObjections: c.noticeObjections ?? [],
  pricingDecision: c.pricingDecision ?? null,
  contract: c.contract,
  contractRegistration: c.contractRegistration,
  closure: c.closure,
  progress: c.license ?? c.transfer ?? c.equity ?? c.cooperation ?? null,
  delivery: c.delivery ?? null,
});

describe.each(DEAL_FORMS)('%s deal answer', (form) => {
  it('describes every field of the context it shows, at every step of the full path', () => {
    const deal = new TestDeal(form, { ndaRequired: true, publicInstitutionSeller: true, publicNoticeDays: 15 });
    const seen = new Set<string>();
    for (const [type, role, payload] of happyPath(form)) {
      deal.advanceDays(type === 'NOTICE_ENDED' ? 15 : 1);
      deal.send(type, role, typeof payload === 'function' ? payload(deal.at) : payload);
      const parts = JSON.parse(JSON.stringify(partsOf(deal.context)));
      expect(JSON.parse(detail(parts)), `after ${type}`).toEqual(parts);
      const shown = JSON.parse(JSON.stringify(currentTerms(deal.context)));
      expect(JSON.parse(terms(shown))).toEqual(shown);
      if (parts.progress) seen.add('progress');
    }
    expect(seen).toContain('progress');
  });
});
