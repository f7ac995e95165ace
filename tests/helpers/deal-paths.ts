import type { AnyMachineSnapshot } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import {
  dealStateString,
  type ActorRole,
  type DealActor,
  type DealContext,
  type DealForm,
  type DealTerms,
} from '../../src/deals/machines/index.js';
import type { IpType } from '../../src/shared/listing.js';
import { machineFor, MACHINE_VERSIONS } from '../../src/deals/machines/registry.js';
import { dealEventErrors } from '../../src/deals/machines/index.js';

// Stand-in actors for the pure machine. The API's users have other ids; only the broker's id is compared by a
// guard, and it is compared with the broker the same path assigned, so the stand-ins give the same answers.
export const PATH_ACTORS: Record<ActorRole, DealActor> = {
  buyer: { userId: 'path-buyer', role: 'buyer' },
  seller: { userId: 'path-seller', role: 'seller' },
  broker: { userId: 'us_00000000000pathbroker', role: 'broker' },
  admin: { userId: 'path-admin', role: 'admin' },
  system: { userId: 'system', role: 'system' },
};
const ROLES = Object.keys(PATH_ACTORS) as ActorRole[];
const T0 = '2026-03-02T08:00:00.000Z';
/** The one objection a path may file; the API assigns its own id, which the driver maps this one to. */
export const PATH_OBJECTION_ID = 'obj_00000000000000000path';
// After any notice period: the pure machine's NOTICE_ENDED checks `at` against the notice's end.
const LATER = '2027-01-01T00:00:00.000Z';

// Two instalments and two development milestones, so that paying or accepting one is not yet the last; one
// licence milestone, since a second would only multiply the active licence's combinations.
export const PATH_TERMS: Record<DealForm, DealTerms> = {
  license: {
    licenseType: 'exclusive',
    territory: '新疆生产建设兵团',
    fieldOfUse: '棉花种植',
    termMonths: 60,
    upfrontFee: 20_000_000,
    royaltyRateBp: 300,
    milestones: [{ name: '中试线', amount: 5_000_000 }],
  },
  transfer: {
    price: 30_000_000,
    payments: [
      { name: '首付款', amount: 9_000_000, dueDays: 0 },
      { name: '尾款', amount: 21_000_000, dueDays: 90 },
    ],
  },
  equity: {
    valuation: 50_000_000,
    equityPercentBp: 2_000,
    companyName: '石河子节水科技有限公司',
    registeredCapital: 200_000_000,
    inventorRewardBp: 7_000,
  },
  cooperation: {
    scope: '研发适用于南疆的耐盐滴头',
    budget: 12_000_000,
    ipOwnership: 'joint',
    milestones: [
      { name: '样机', amount: 4_000_000, deliverable: '样机及实验室报告', dueDate: '2026-06-30' },
      { name: '田间试验', amount: 8_000_000, deliverable: '田间试验报告', dueDate: '2026-12-31' },
    ],
  },
};

/**
 * The state value plus the few counters that decide which events lead where (NDA signatures, what the proposal
 * on the table still needs, broker, contract registration, per-form progress). A final state is just its name:
 * how a deal got to `declined` does not change what it accepts (nothing), and keeping the counters would make
 * one path per way of ending.
 */
export function serializeDealState(snapshot: AnyMachineSnapshot): string {
  if (snapshot.status === 'done') return JSON.stringify(snapshot.value);
  const c = snapshot.context as DealContext;
  const current = c.proposals.at(-1);
  return JSON.stringify([
    snapshot.value,
    [c.nda.buyer !== null, c.nda.seller !== null],
    current?.status === 'current' ? [current.by, current.acceptedBy] : null,
    c.broker !== null,
    c.contractRegistration !== null,
    // Machine version 2's notice board: objections filed and still open, and whether a pricing decision is kept.
    [c.noticeObjections?.length ?? 0, c.noticeObjections?.filter((o) => o.answer === null).length ?? 0],
    (c.pricingDecision ?? null) !== null,
    c.license && [
      c.license.milestones.map((m) => m.invoicedAt !== null),
      c.license.filing !== null,
      c.license.royaltyReports.length > 0,
    ],
    // Not kept: version 3's early completion agreed by one party and the late-filing flag; each would multiply the
    // licence's paths (101 → 357 leaves) for transitions the unit tests cover, and `completed` is reached by the
    // term's end.
    // Machine version 3: the delivery of the technical documents, and an optional registration beside it.
    c.delivery?.status ?? null,
    (c.transfer?.assignment ?? c.equity?.ipAssignment ?? null) !== null,
    c.transfer?.instalments.map((p) => p.status),
    c.cooperation?.milestones.map((m) => m.status),
  ]);
}

// After any notice period, and after the licence's term (60 months from T0) for its term-end timer.
const END_OF_TERM = '2032-01-01T00:00:00.000Z';
const atFor = (type: string) => (type === 'TERM_ENDED' ? END_OF_TERM : type === 'NOTICE_ENDED' ? LATER : T0);

type PathEvent = { type: string; actor: DealActor; at: string; [payload: string]: unknown };

/** Every event type from every role, with payloads the API would accept; the machine's guards sort them out. */
function candidateEvents(form: DealForm) {
  return (snapshot: AnyMachineSnapshot): PathEvent[] => {
    const c = snapshot.context as DealContext;
    const date = T0.slice(0, 10);
    const payloads: Record<string, Array<Record<string, unknown>>> = {
      ACCEPT_INQUIRY: [{}],
      DECLINE: [{ reason: '技术路线不匹配' }],
      WITHDRAW: [{ reason: '预算调整' }],
      EXPIRE: [{}],
      ASSIGN_BROKER: [{ brokerId: PATH_ACTORS.broker.userId, commissionRateBp: 300 }],
      SIGN_NDA: [{}],
      PROPOSE_TERMS: [{ terms: PATH_TERMS[form] }],
      ACCEPT_TERMS: [{}],
      REJECT_TERMS: [{}],
      OFFER_EXPIRED: [{ proposalSeq: c.proposals.length }],
      RECORD_PRICING_DECISION: [
        { body: '校长办公会', decidedOn: date, documentRef: '校办纪要〔2026〕12号', relatedParty: false },
      ],
      OBJECTION_FILED: [{ objectionId: PATH_OBJECTION_ID, reason: '公示期内收到异议' }],
      ANSWER_OBJECTION: [
        { objectionId: PATH_OBJECTION_ID, decision: 'dismissed', reason: '异议不成立' },
        { objectionId: PATH_OBJECTION_ID, decision: 'upheld', reason: '异议成立' },
      ],
      NOTICE_ENDED: [{}],
      SIGN_CONTRACT: [{}],
      TERMINATE: [{ reason: '对方违约' }],
      REGISTER_CONTRACT: [
        {
          registrationNo: '6590012026000123',
          registry: '兵团技术市场',
          registeredOn: date,
          certifiedIncome: 1_000_000,
        },
      ],
      REPORT_ROYALTIES: [{ period: '2026H1', netSales: 1_000_000 }],
      INVOICE_MILESTONE: [{ index: 0 }, { index: 1 }],
      RECORD_FILING: [{ filingNo: '2026650000123', filedAt: date }],
      COMPLETE: [{}],
      PAYMENT_RECEIVED: [{ index: 0 }, { index: 1 }],
      RECORD_ASSIGNMENT: [{ registrationNo: 'ZL201910123456.7-ZY', registeredAt: date }],
      SUBMIT_APPRAISAL: [
        { appraiser: '新疆天山资产评估有限公司', reportNo: 'TS-2026-12', appraisedValue: 40_000_000 },
        { appraiser: '新疆天山资产评估有限公司', reportNo: 'TS-2026-13', appraisedValue: 60_000_000 },
      ],
      REGISTER_EQUITY: [{ registrationRef: '91659001MA7ABCDE1X' }],
      DELIVER_MILESTONE: [{ index: 0 }, { index: 1 }],
      ACCEPT_MILESTONE: [{ index: 0 }, { index: 1 }],
      REQUEST_CHANGES: [
        { index: 0, reason: '缺少田间数据' },
        { index: 1, reason: '缺少田间数据' },
      ],
      DELIVER_DOCUMENTS: [{ documents: '工艺文件、配方及操作规程（共12册）' }],
      ACCEPT_DELIVERY: [{}],
      REJECT_DELIVERY: [{ reason: '缺少配方的工艺参数' }],
      REMIND_FILING: [{}],
      FILING_OVERDUE: [{}],
      TERM_ENDED: [{}],
    };
    return Object.entries(payloads).flatMap(([type, options]) =>
      ROLES.flatMap((role) =>
        options
          .map((payload) => ({ type, actor: PATH_ACTORS[role], at: atFor(type), ...payload }))
          .filter((event) => dealEventErrors(form, event, c).length === 0),
      ),
    );
  };
}

export interface PathStep {
  event: PathEvent;
  /** The deal state after the event, as the API shows it. */
  state: string;
  /** The machine's snapshot after the event, persisted as the engine stores it. */
  persisted: unknown;
}
export interface DealPath {
  form: DealForm;
  target: string;
  steps: PathStep[];
}

/** The shortest path from `inquiry` to every distinct state (as serializeDealState sees it) of a form's machine. */
export function shortestDealPaths(
  form: DealForm,
  input: { ndaRequired: boolean; publicInstitutionSeller: boolean; ipType?: IpType },
): DealPath[] {
  const machine = machineFor(form, MACHINE_VERSIONS[form])!;
  const paths = getShortestPaths(machine, {
    input: { form, ...input, publicNoticeDays: 15, offerTtlDays: 14, invoiceDueDays: 30, currency: 'CNY' },
    events: candidateEvents(form) as never,
    serializeState: (s) => serializeDealState(s as AnyMachineSnapshot),
  });
  return paths
    .map((p) => ({
      form,
      target: dealStateString(p.state),
      // The first step is the machine's own start (xstate.init), which the API does as POST /api/deals.
      steps: p.steps
        .filter((s) => !s.event.type.startsWith('xstate.'))
        .map((s) => ({
          event: s.event as unknown as PathEvent,
          state: dealStateString(s.state),
          persisted: JSON.parse(JSON.stringify(machine.getPersistedSnapshot(s.state as never))),
        })),
    }))
    .filter((p) => p.steps.length > 0);
}
