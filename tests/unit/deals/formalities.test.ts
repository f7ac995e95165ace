import { describe, expect, it } from 'vitest';
import { assignmentFormality, licenceFilingRequired } from '../../../src/shared/ip-formalities.js';
import { IP_TYPES } from '../../../src/shared/listing.js';
import { invoices, TestDeal } from './harness.js';
import { licencesConflict, scopesOverlap } from '../../../src/deals/exclusivity.js';
import type { LicenseTerms } from '../../../src/deals/machines/index.js';
import { equityTerms, licenseTerms, signedDeal, transferTerms } from './fixtures.js';

const payInFull = (deal: TestDeal) => {
  deal.send('PAYMENT_RECEIVED', 'system', { index: 0 });
  deal.send('PAYMENT_RECEIVED', 'system', { index: 1 });
};
const today = (deal: TestDeal) => deal.at.slice(0, 10);

describe('formalities by the kind of IP (DOMAIN.md "Formalities by IP type")', () => {
  it('registers patents, layout-designs and plant varieties; delivers the rest; software may add its record', () => {
    const formality = Object.fromEntries(IP_TYPES.map((t) => [t, assignmentFormality(t)]));
    expect(formality).toEqual({
      invention_patent: 'register',
      utility_model: 'register',
      ic_layout: 'register',
      plant_variety: 'register',
      software_copyright: 'optional',
      trade_secret: 'none',
      other: 'none',
      none: 'none',
    });
    expect(IP_TYPES.filter(licenceFilingRequired)).toEqual(['invention_patent', 'utility_model']);
  });

  it('completes a trade-secret transfer on accepted delivery, never by a CNIPA number', () => {
    const deal = signedDeal('transfer', transferTerms, { ipType: 'trade_secret' });
    payInFull(deal);
    expect(deal.state).toBe('delivery');
    deal.expectRejected('RECORD_ASSIGNMENT', 'seller', 'FORBIDDEN', {
      registrationNo: 'ZL201910123456.7',
      registeredAt: today(deal),
    });
    deal.expectRejected('ACCEPT_DELIVERY', 'buyer', 'FORBIDDEN');
    expect(deal.next('seller')).toContain('DELIVER_DOCUMENTS');
    deal.send('DELIVER_DOCUMENTS', 'seller', { documents: '工艺文件（共12册）' });
    deal.expectRejected('DELIVER_DOCUMENTS', 'seller', 'FORBIDDEN', { documents: 'again' });
    deal.advanceDays(3);
    deal.send('REJECT_DELIVERY', 'buyer', { reason: '缺少配方参数' });
    expect(deal.context.delivery).toMatchObject({ status: 'rejected', rejections: [{ reason: '缺少配方参数' }] });
    deal.send('DELIVER_DOCUMENTS', 'seller', { documents: '工艺文件（共13册，含配方参数）' });
    deal.send('ACCEPT_DELIVERY', 'buyer');
    expect(deal.state).toBe('completed');
    expect(deal.context.delivery).toMatchObject({ status: 'accepted', documents: '工艺文件（共13册，含配方参数）' });
    expect(deal.context.closure).toMatchObject({ outcome: 'completed' });
  });

  it('still completes a patent transfer only on its CNIPA registration', () => {
    const deal = signedDeal('transfer', transferTerms, { ipType: 'utility_model' });
    payInFull(deal);
    expect(deal.state).toBe('recordal');
    expect(deal.next('seller')).not.toContain('DELIVER_DOCUMENTS');
    deal.send('RECORD_ASSIGNMENT', 'seller', { registrationNo: 'ZL202120123456.7', registeredAt: today(deal) });
    expect(deal.state).toBe('completed');
  });

  it('lets a software seller record the optional registration beside the delivery, once', () => {
    const deal = signedDeal('transfer', transferTerms, { ipType: 'software_copyright' });
    payInFull(deal);
    expect(deal.state).toBe('delivery');
    deal.send('RECORD_ASSIGNMENT', 'seller', { registrationNo: '2026SR0123456', registeredAt: today(deal) });
    expect(deal.state).toBe('delivery');
    expect(deal.context.transfer?.assignment?.registrationNo).toBe('2026SR0123456');
    deal.expectRejected('RECORD_ASSIGNMENT', 'seller', 'FORBIDDEN', {
      registrationNo: '2026SR0999999',
      registeredAt: today(deal),
    });
    deal.send('DELIVER_DOCUMENTS', 'seller', { documents: '源代码及用户手册' });
    deal.send('ACCEPT_DELIVERY', 'buyer');
    expect(deal.state).toBe('completed');
  });

  it('hands a know-how contribution to the company by delivery before the equity registration', () => {
    const deal = signedDeal('equity', equityTerms, { ipType: 'trade_secret' });
    expect(deal.state).toBe('ipAssignment');
    deal.expectRejected('RECORD_ASSIGNMENT', 'seller', 'FORBIDDEN', {
      registrationNo: 'ZL201910123456.7',
      registeredAt: today(deal),
    });
    deal.send('DELIVER_DOCUMENTS', 'seller', { documents: '技术秘密资料清单' });
    deal.send('ACCEPT_DELIVERY', 'buyer');
    expect(deal.state).toBe('equityRegistration');
  });

  it('keeps a patent equity contribution on its registration: delivery cannot stand in for it', () => {
    const deal = signedDeal('equity', equityTerms, { ipType: 'invention_patent' });
    deal.expectRejected('DELIVER_DOCUMENTS', 'seller', 'FORBIDDEN', { documents: '专利证书' });
    deal.send('RECORD_ASSIGNMENT', 'seller', { registrationNo: 'ZL201910123456.7', registeredAt: today(deal) });
    expect(deal.state).toBe('equityRegistration');
  });

  it('runs deals of version 2 as before: a trade-secret transfer there still waits for a recordal', () => {
    const deal = new TestDeal('transfer', { ipType: 'trade_secret' });
    // Opened on the current version (4: version 3 with the market-priced entry).
    expect(deal.version).toBe(4);
    // A deal keeps the machine version it was opened on: the same deal restored by version 2 ignores ipType.
    const v2 = Object.assign(Object.create(Object.getPrototypeOf(deal)), deal, { version: 2 }) as TestDeal;
    v2.send('ACCEPT_INQUIRY', 'seller');
    v2.send('PROPOSE_TERMS', 'buyer', { terms: transferTerms });
    v2.send('ACCEPT_TERMS', 'seller');
    v2.send('SIGN_CONTRACT', 'buyer');
    v2.send('SIGN_CONTRACT', 'seller');
    payInFull(v2);
    expect(v2.state).toBe('recordal');
    expect(invoices(v2.effects)).toEqual([]);
  });
});

describe('exclusivity overlap (src/deals/exclusivity.ts)', () => {
  const licence = (licenseType: string, territory: string, fieldOfUse: string) =>
    ({ ...licenseTerms, licenseType, territory, fieldOfUse }) as LicenseTerms;
  it('conflicts where either licence is exclusive or sole and both scopes overlap', () => {
    const exclusive = licence('exclusive', '新疆生产建设兵团', '棉花滴灌');
    expect(licencesConflict(exclusive, licence('non_exclusive', '新疆生产建设兵团第八师', '棉花滴灌'))).toBe(true);
    expect(licencesConflict(exclusive, licence('sole', '全国', '农业'))).toBe(false);
    expect(licencesConflict(exclusive, licence('non_exclusive', '中国 China', '棉花滴灌 irrigation'))).toBe(true);
    expect(licencesConflict(exclusive, licence('non_exclusive', '新疆生产建设兵团', '番茄加工'))).toBe(false);
    expect(licencesConflict(licence('sole', '甘肃省', '制种'), licence('non_exclusive', '甘肃省', '制种'))).toBe(true);
    expect(licencesConflict(licence('non_exclusive', '全国', '全部'), licence('non_exclusive', '全国', '全部'))).toBe(
      false,
    );
  });
  it('reads scopes loosely: case, spaces and punctuation aside, containment overlaps', () => {
    expect(scopesOverlap('Xinjiang  Corps', 'xinjiang corps')).toBe(true);
    expect(scopesOverlap('第八师', '第八师石河子市')).toBe(true);
    expect(scopesOverlap('第一师', '第八师')).toBe(false);
    expect(scopesOverlap('Worldwide', '第八师')).toBe(true);
  });
});
