import { describe, expect, it } from 'vitest';
import { validateEventPayload } from '../../../src/shared/deal-events.ts';
import type { CooperationProgress, Deal } from '../api/deal-types.js';
import { licenceDeal } from '../testing/fixtures.js';
import { EVENT_FORMS, milestoneOptions, needsForm, parseEventPayload } from './eventForms.js';

const now = new Date('2026-06-15T04:00:00Z');
const active = licenceDeal({
  state: 'active',
  contract: {
    buyer: { userId: 'b', at: '2026-05-01T02:00:00Z' },
    seller: { userId: 's', at: '2026-05-01T03:00:00Z' },
    signedAt: '2026-05-01T03:00:00Z',
  },
  progress: {
    activatedAt: '2026-05-01T03:00:00Z',
    filingDueAt: '2026-08-01T03:00:00Z',
    filing: null,
    royaltyReports: [],
    milestones: [
      { name: '样机', amount: 100_000, invoicedAt: '2026-05-10T00:00:00Z' },
      { name: '量产', amount: 300_000, invoicedAt: null },
    ],
  },
});

const keys = (errors: Record<string, { key: string }>) =>
  Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, v.key]));

describe('event forms', () => {
  it('open only for events that carry fields', () => {
    expect(needsForm('PROPOSE_TERMS')).toBe(true);
    expect(needsForm('REPORT_ROYALTIES')).toBe(true);
    expect(needsForm('SIGN_CONTRACT')).toBe(false);
    expect(needsForm('ACCEPT_TERMS')).toBe(false);
  });

  it('read a royalty report in fen, as the API validates it', () => {
    const { payload, errors } = parseEventPayload(
      'REPORT_ROYALTIES',
      { period: '2026H1', netSales: '1,000,000' },
      active,
      now,
    );
    expect(errors).toEqual({});
    expect(payload).toEqual({ period: '2026H1', netSales: 100_000_000 });
    expect(validateEventPayload('license', { type: 'REPORT_ROYALTIES', ...payload })).toEqual([]);
  });

  it('refuse a period the API would refuse', () => {
    for (const period of ['2026H3', '26Q1', '2026-13', '2026 H1']) {
      expect(keys(parseEventPayload('REPORT_ROYALTIES', { period, netSales: '1' }, active, now).errors)).toEqual({
        period: 'event.periodInvalid',
      });
      expect(
        validateEventPayload('license', { type: 'REPORT_ROYALTIES', period, netSales: 1 }).map((e) => e.path),
      ).toEqual(['period']);
    }
  });

  it('date official records between the signing and today, in China time', () => {
    const filing = (filedAt: string) =>
      keys(parseEventPayload('RECORD_FILING', { filingNo: '2026-001', filedAt }, active, now).errors);
    expect(filing('2026-06-15')).toEqual({});
    expect(filing('2026-06-16')).toEqual({ filedAt: 'event.dateFuture' });
    expect(filing('2026-04-30')).toEqual({ filedAt: 'event.dateBeforeSigning' });
    expect(filing('2026-02-30')).toEqual({ filedAt: 'terms.date' });
  });

  it('offer only the milestones the event may name', () => {
    expect(milestoneOptions('INVOICE_MILESTONE', active)).toEqual([{ index: 1, label: '量产 · ¥3,000.00' }]);
    expect(parseEventPayload('INVOICE_MILESTONE', { index: '0' }, active, now).errors.index?.key).toBe('form.required');
    expect(parseEventPayload('INVOICE_MILESTONE', { index: '1' }, active, now).payload).toEqual({ index: 1 });
    const progress: CooperationProgress = {
      milestones: ['pending', 'delivered', 'accepted'].map((status, i) => ({
        name: `M${i}`,
        amount: 100,
        deliverable: 'd',
        dueDate: '2026-09-01',
        status: status as 'pending',
        deliveredAt: null,
        acceptedAt: null,
        changeRequests: [],
      })),
    };
    const coop = { ...active, type: 'cooperation', progress } as Deal;
    expect(milestoneOptions('DELIVER_MILESTONE', coop).map((o) => o.index)).toEqual([0]);
    expect(milestoneOptions('ACCEPT_MILESTONE', coop).map((o) => o.index)).toEqual([1]);
    expect(milestoneOptions('REQUEST_CHANGES', coop).map((o) => o.index)).toEqual([1]);
  });

  it("bound a broker's commission at 30% and want a real user id", () => {
    expect(
      keys(parseEventPayload('ASSIGN_BROKER', { brokerId: 'bob', commissionRateBp: '31' }, active, now).errors),
    ).toEqual({ brokerId: 'event.idInvalid', commissionRateBp: 'event.commissionRange' });
    const ok = parseEventPayload(
      'ASSIGN_BROKER',
      { brokerId: 'usr_0123456789abcdefghijk', commissionRateBp: '2.5' },
      active,
      now,
    );
    expect(ok.payload).toEqual({ brokerId: 'usr_0123456789abcdefghijk', commissionRateBp: 250 });
  });

  it('need a reason to terminate, and make it optional to decline', () => {
    expect(keys(parseEventPayload('TERMINATE', { reason: '  ' }, active, now).errors)).toEqual({
      reason: 'form.required',
    });
    expect(parseEventPayload('DECLINE', {}, active, now)).toEqual({ payload: {}, errors: {} });
  });

  it("send every payload the server's schema accepts", () => {
    const samples: Record<string, Record<string, string>> = {
      TERMINATE: { reason: '对方违约' },
      RECORD_OBJECTION: { reason: '价格偏低' },
      REGISTER_CONTRACT: {
        registrationNo: '6501012026000123',
        registry: '兵团技术市场',
        registeredOn: '2026-06-01',
        certifiedIncome: '500000',
      },
      RECORD_ASSIGNMENT: { registrationNo: 'ZL-2026-1', registeredAt: '2026-06-01' },
      SUBMIT_APPRAISAL: { appraiser: '新疆评估所', reportNo: 'PG-1', appraisedValue: '500000' },
      REGISTER_EQUITY: { registrationRef: '91650100MA' },
      RECORD_FILING: { filingNo: 'BA-1', filedAt: '2026-06-01' },
      DELIVER_DOCUMENTS: { documents: '工艺文件（共12册）' },
      REJECT_DELIVERY: { reason: '缺少配方参数' },
    };
    for (const [type, values] of Object.entries(samples)) {
      expect(EVENT_FORMS[type]).toBeDefined();
      const { payload } = parseEventPayload(type, values, active, now);
      expect({ type, errors: validateEventPayload('license', { type, ...payload }) }).toEqual({ type, errors: [] });
    }
  });
});

describe('public notice event forms', () => {
  const started = '2026-06-01T02:00:00.000Z';
  const objection = (id: string, answered: boolean, noticeStartedAt = started) => ({
    id,
    reason: '价格偏低',
    at: '2026-06-02T02:00:00.000Z',
    noticeStartedAt,
    answer: answered
      ? { decision: 'dismissed' as const, reason: '有评估', by: { userId: 's', role: 'seller' as const }, at: started }
      : null,
  });
  const noticed = licenceDeal({
    state: 'publicNotice',
    publicNotice: { startedAt: started, endsAt: '2026-06-16T02:00:00.000Z' },
    noticeObjections: [
      objection('obj_000000000000000000001', true),
      objection('obj_000000000000000000002', false),
      objection('obj_000000000000000000003', false, '2026-01-01T00:00:00.000Z'),
    ],
  });

  it('answer only an unanswered objection of the notice now running, as the server schema accepts', () => {
    const values = { decision: 'dismissed', reason: '价格依据评估报告' };
    for (const id of ['obj_000000000000000000001', 'obj_000000000000000000003'])
      expect(keys(parseEventPayload('ANSWER_OBJECTION', { ...values, objectionId: id }, noticed, now).errors)).toEqual({
        objectionId: 'form.required',
      });
    const ok = parseEventPayload(
      'ANSWER_OBJECTION',
      { ...values, objectionId: 'obj_000000000000000000002' },
      noticed,
      now,
    );
    expect(ok.payload).toEqual({ ...values, objectionId: 'obj_000000000000000000002' });
    expect(validateEventPayload('license', { type: 'ANSWER_OBJECTION', ...ok.payload })).toEqual([]);
    expect(keys(parseEventPayload('ANSWER_OBJECTION', { ...values, decision: 'maybe' }, noticed, now).errors)).toEqual({
      objectionId: 'form.required',
      decision: 'form.required',
    });
  });

  it('record the pricing decision with its related-party mark and a basis given whole or not at all', () => {
    const values = {
      body: '校长办公会',
      decidedOn: '2026-06-01',
      documentRef: '校办纪要〔2026〕12号',
      relatedParty: 'true',
    };
    const bare = parseEventPayload('RECORD_PRICING_DECISION', values, noticed, now);
    expect(bare.payload).toEqual({ ...values, relatedParty: true });
    const full = parseEventPayload(
      'RECORD_PRICING_DECISION',
      { ...values, relatedParty: 'false', basisKind: 'appraisal', basisReference: '评报字〔2026〕18号' },
      noticed,
      now,
    );
    expect(full.payload).toEqual({
      ...values,
      relatedParty: false,
      basis: { kind: 'appraisal', reference: '评报字〔2026〕18号' },
    });
    for (const p of [bare.payload, full.payload])
      expect(validateEventPayload('license', { type: 'RECORD_PRICING_DECISION', ...p })).toEqual([]);
    expect(
      keys(parseEventPayload('RECORD_PRICING_DECISION', { ...values, basisKind: 'appraisal' }, noticed, now).errors),
    ).toEqual({ basisReference: 'form.required' });
  });
});
