import { describe, expect, it } from 'vitest';
import { NOTIFICATION_KINDS, type NotificationKind } from '../../../src/notifications/schemas.js';
import { notificationText, type NotificationParams } from '../../../src/notifications/texts.js';
import { DEAL_NOTICE_KEYS } from '../../../src/shared/deal-notices.js';
import { OFFERING_NOTICES, type OfferingNoticeKey } from '../../../src/shared/offering.js';

const CJK = /[\u4e00-\u9fff]/g;

// One example of what each kind is made from; a new kind without an example fails here as well as in the types.
const EXAMPLES: { [K in NotificationKind]: NotificationParams[K] } = {
  'deal.update': { notice: 'deal.termsProposed', listing: 'Drip emitter' },
  'deal.message': { listing: 'Drip emitter' },
  'invoice.issued': { issuer: 'Shihezi University', total: 1_234_500 },
  'invoice.paid': { number: 'INV-2026-000001' },
  'invoice.overdue': { number: 'INV-2026-000001' },
  'invoice.voided': { number: 'INV-2026-000001' },
  'invoice.voucher_applied': { number: 'INV-2026-000001', voucher: 'V-2026-01', amount: 50_000 },
  'invoice.advice_submitted': { number: 'INV-2026-000001', payer: 'Kuitun Cotton Co.', amount: 50_000 },
  'invoice.advice_confirmed': { number: 'INV-2026-000001', amount: 50_000 },
  'invoice.advice_disputed': { number: 'INV-2026-000001', reason: 'No such transfer on our statement' },
  'voucher.granted': { voucher: 'V-2026-01', amount: 50_000 },
  'listing.published': { title: '红枣深加工', titleEn: 'Jujube processing' },
  'listing.rejected': { title: '红枣深加工', titleEn: 'Jujube processing' },
  'demand.matched': { demand: 'Drip irrigation' },
  'demand.answered': { demand: 'Drip irrigation', title: '红枣深加工', titleEn: null },
  'saved_search.match': { search: 'drip', title: '红枣深加工', titleEn: 'Jujube processing' },
  'report.halfYear.draft': { label: '2026年上半年', code: '2026-H1' },
  'report.halfYear.reminder': { label: '2026年上半年', code: '2026-H1' },
  'reward.published': { listing: '红枣深加工', total: 600_000, until: '2026-03-16' },
  'offering.update': { notice: 'offering.won', listing: '红枣深加工' },
};

describe('notification texts', () => {
  it('give every kind a Chinese sentence and an English one, never a raw key', () => {
    for (const kind of NOTIFICATION_KINDS) {
      const { title, titleEn } = notificationText(kind, EXAMPLES[kind] as never);
      expect(title.match(CJK)?.length ?? 0, `${kind}: Chinese text`).toBeGreaterThan(2);
      // The English sentence may quote a Chinese name, never be Chinese itself.
      const en = titleEn.replace('红枣深加工', '');
      expect(en, kind).toMatch(/^[A-Z]/);
      expect(en.match(CJK), `${kind}: English text has Chinese`).toBeNull();
      for (const text of [title, titleEn]) expect(text, kind).not.toContain(kind);
    }
  });

  it('words a deal update by its notice, in both languages, with the listing named', () => {
    for (const notice of DEAL_NOTICE_KEYS) {
      const { kind, title, titleEn } = notificationText('deal.update', { notice, listing: 'Drip emitter' });
      expect(kind).toBe('deal.update');
      expect(title.endsWith('：Drip emitter'), notice).toBe(true);
      expect(titleEn.endsWith(': Drip emitter'), notice).toBe(true);
    }
  });

  it('words an offering update by its notice, in both languages, with the listing named', () => {
    for (const notice of Object.keys(OFFERING_NOTICES) as OfferingNoticeKey[]) {
      const { kind, title, titleEn } = notificationText('offering.update', { notice, listing: 'Drip emitter' });
      expect(kind).toBe('offering.update');
      expect(title.match(CJK)?.length ?? 0, notice).toBeGreaterThan(2);
      expect(title.endsWith('：Drip emitter'), notice).toBe(true);
      expect(titleEn.endsWith(': Drip emitter'), notice).toBe(true);
      expect(titleEn.match(CJK), notice).toBeNull();
    }
  });

  it('writes money as yuan, not fen', () => {
    expect(notificationText('invoice.issued', EXAMPLES['invoice.issued']).title).toContain('12,345.00');
  });
});
