import { describe, expect, it } from 'vitest';
import type { AnyMachineSnapshot, AnyStateNode } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import { machineFor } from '../../../src/deals/machines/registry.js';
import type { ActorRole, DealContext } from '../../../src/deals/machines/types.js';
import { DEAL_FORMS, type DealForm } from '../../../src/shared/listing.js';
import { dealEventErrors } from '../../../src/deals/machines/index.js';
import { serializeDealState } from '../../helpers/deal-paths.js';
import { ACTORS, T0 } from './harness.js';
import { TERMS } from './fixtures.js';
import { EVENT_TYPES, OBJECTION_ID, PRICING_DECISION, RULES } from './spec.js';

const LATER = '2027-01-01T00:00:00.000Z';
// After the fixtures' 60-month licence term.
const END_OF_TERM = '2032-01-01T00:00:00.000Z';

/** Every atomic state of a machine as a dotted path. */
function leafStates(node: AnyStateNode, prefix = ''): string[] {
  return Object.entries(node.states).flatMap(([key, child]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return Object.keys(child.states).length === 0 ? [path] : leafStates(child, path);
  });
}

const dotted = (value: unknown): string =>
  typeof value === 'string' ? value : Object.entries(value as object).map(([k, v]) => `${k}.${dotted(v)}`)[0];

/** Candidate events with payloads that the deal would accept, from every role. */
function candidateEvents(form: DealForm) {
  return (snapshot: AnyMachineSnapshot) => {
    const c = snapshot.context as DealContext;
    const payloads: Record<string, Array<Record<string, unknown>>> = {
      PROPOSE_TERMS: [{ terms: TERMS[form] }],
      OFFER_EXPIRED: [{ proposalSeq: c.proposals.length }],
      DECLINE: [{}],
      WITHDRAW: [{}],
      RECORD_OBJECTION: [{ reason: 'objection' }],
      RECORD_PRICING_DECISION: [{ ...PRICING_DECISION, decidedOn: '2026-03-01' }],
      OBJECTION_FILED: [{ objectionId: OBJECTION_ID, reason: 'too low' }],
      ANSWER_OBJECTION: (['dismissed', 'upheld'] as const).map((decision) => ({
        objectionId: OBJECTION_ID,
        decision,
        reason: 'answer',
      })),
      TERMINATE: [{ reason: 'breach' }],
      ASSIGN_BROKER: [{ brokerId: ACTORS.broker.userId, commissionRateBp: 300 }],
      REGISTER_CONTRACT: [{ registrationNo: 'R-1' }],
      REPORT_ROYALTIES: [{ period: `${2026 + (c.license?.royaltyReports.length ?? 0)}`, netSales: 1_000 }],
      INVOICE_MILESTONE: [0, 1].map((index) => ({ index })),
      RECORD_FILING: [{ filingNo: 'F-1', filedAt: LATER.slice(0, 10) }],
      PAYMENT_RECEIVED: [0, 1].map((index) => ({ index })),
      RECORD_ASSIGNMENT: [{ registrationNo: 'ZL1', registeredAt: LATER.slice(0, 10) }],
      SUBMIT_APPRAISAL: [
        { appraiser: 'A', reportNo: 'R', appraisedValue: 1 },
        { appraiser: 'A', reportNo: 'R', appraisedValue: 99_000_000 },
      ],
      REGISTER_EQUITY: [{ registrationRef: 'E-1' }],
      DELIVER_MILESTONE: [0, 1].map((index) => ({ index })),
      ACCEPT_MILESTONE: [0, 1].map((index) => ({ index })),
      REQUEST_CHANGES: [0, 1].map((index) => ({ index, reason: 'fix' })),
      DELIVER_DOCUMENTS: [{ documents: '技术资料清单 v1' }],
      REJECT_DELIVERY: [{ reason: 'incomplete' }],
      LICENCE_YEAR_ENDED: [{ year: (c.license?.licenceYears?.length ?? 0) + 1 }],
    };
    // Version 1's objection, sent by the seller or the admin, is not in the table (version 2 has none).
    const rules: Record<string, { senders: ActorRole[] }> = {
      ...RULES,
      RECORD_OBJECTION: { senders: ['seller', 'admin'] },
    };
    return [...EVENT_TYPES, 'RECORD_OBJECTION'].flatMap((type) =>
      rules[type].senders.flatMap((role) =>
        (payloads[type] ?? [{}])
          .map((payload) => ({
            type,
            actor: ACTORS[role],
            at:
              type === 'TERM_ENDED' ? END_OF_TERM : type === 'NOTICE_ENDED' || type.startsWith('RECORD_') ? LATER : T0,
            ...payload,
          }))
          .filter((event) => dealEventErrors(form, event, c).length === 0),
      ),
    ) as never[];
  };
}

const VERSIONS = DEAL_FORMS.flatMap((form) =>
  [1, 2, 3, 4].filter((version) => machineFor(form, version)).map((version) => [form, version] as const),
);

describe.each(VERSIONS)('%s machine graph, version %i', (form, version) => {
  it('reaches every state from inquiry', () => {
    const machine = machineFor(form, version)!;
    // Version 3 branches on the kind of IP: a patent is registered, a trade secret delivered (a licence has the
    // same states either way).
    const ipTypes =
      version < 3
        ? [undefined]
        : form === 'license'
          ? ['invention_patent' as const]
          : (['invention_patent', 'trade_secret'] as const);
    const paths = ipTypes.flatMap((ipType) =>
      getShortestPaths(machine, {
        input: {
          form,
          ndaRequired: true,
          publicInstitutionSeller: true,
          publicNoticeDays: 15,
          offerTtlDays: 14,
          currency: 'CNY',
          ...(ipType ? { ipType } : {}),
        },
        events: candidateEvents(form),
        serializeState: (s) => serializeDealState(s as AnyMachineSnapshot),
      }),
    );
    const reached = new Set(paths.map((p) => dotted(p.state.value)));
    expect([...reached].sort()).toEqual(leafStates(machine.root).sort());
    expect(paths.every((p) => p.state.status !== 'error')).toBe(true);
  }, 60_000);
});
