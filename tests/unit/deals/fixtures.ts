import type {
  CooperationTerms,
  DealForm,
  DealTerms,
  EquityTerms,
  LicenseTerms,
  TransferTerms,
} from '../../../src/deals/machines/index.js';
import { TestDeal } from './harness.js';

export const licenseTerms: LicenseTerms = {
  licenseType: 'exclusive',
  territory: '新疆生产建设兵团 XPCC',
  fieldOfUse: 'Drip irrigation for cotton',
  termMonths: 60,
  upfrontFee: 20_000_000,
  royaltyRateBp: 350,
  milestones: [
    { name: 'Pilot line', amount: 5_000_000 },
    { name: 'Mass production', amount: 10_000_000 },
  ],
};
export const transferTerms: TransferTerms = {
  price: 30_000_000,
  payments: [
    { name: 'Deposit', amount: 9_000_000, dueDays: 0 },
    { name: 'Balance', amount: 21_000_000, dueDays: 90 },
  ],
};
export const equityTerms: EquityTerms = {
  valuation: 50_000_000,
  equityPercentBp: 2_000,
  companyName: '石河子节水科技有限公司',
  registeredCapital: 200_000_000,
  inventorRewardBp: 7_000,
};
export const cooperationTerms: CooperationTerms = {
  scope: 'Develop a salt-tolerant drip emitter',
  budget: 12_000_000,
  ipOwnership: 'joint',
  milestones: [
    { name: 'Prototype', amount: 4_000_000, deliverable: 'Prototype and lab report', dueDate: '2026-06-30' },
    { name: 'Field trial', amount: 8_000_000, deliverable: 'Field trial report', dueDate: '2026-12-31' },
  ],
};
export const TERMS: Record<DealForm, DealTerms> = {
  license: licenseTerms,
  transfer: transferTerms,
  equity: equityTerms,
  cooperation: cooperationTerms,
};

/** Inquiry accepted, no NDA: the deal is negotiating. */
export function negotiatingDeal(form: DealForm, input: ConstructorParameters<typeof TestDeal>[1] = {}): TestDeal {
  const deal = new TestDeal(form, input);
  deal.send('ACCEPT_INQUIRY', 'seller');
  return deal;
}

/** Buyer proposes, seller accepts; no public notice, so the deal is contracting (equity: appraisal). */
type Input = ConstructorParameters<typeof TestDeal>[1];

export function agreedDeal(form: DealForm, terms: DealTerms = TERMS[form], input: Input = {}): TestDeal {
  const deal = negotiatingDeal(form, input);
  deal.send('PROPOSE_TERMS', 'buyer', { terms });
  deal.send('ACCEPT_TERMS', 'seller');
  return deal;
}

/** Agreed, (appraised,) and signed by both parties. */
export function signedDeal(form: DealForm, terms: DealTerms = TERMS[form], input: Input = {}): TestDeal {
  const deal = agreedDeal(form, terms, input);
  if (form === 'equity') {
    deal.send('SUBMIT_APPRAISAL', 'seller', {
      appraiser: '新疆天正资产评估',
      reportNo: 'TZ-2026-017',
      appraisedValue: (terms as EquityTerms).valuation,
    });
  }
  deal.send('SIGN_CONTRACT', 'buyer');
  deal.send('SIGN_CONTRACT', 'seller');
  return deal;
}
