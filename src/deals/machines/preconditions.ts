import type { FieldError } from '../../shared/schema-errors.js';
import { chinaDate } from '../../shared/china-time.js';
import { equityRewardErrors, type EquityTerms } from '../../shared/terms.js';
import { openObjections } from './notice-board.js';
import type { DealContext, DealEvent } from './types.js';

/**
 * What an event's payload refers to must exist in the deal and be in the right condition. These are field
 * errors (HTTP 400), not permission guards: who may send an event is decided by the machine from actor and
 * context alone, so that the events a caller may send can be listed without a payload.
 */
export function eventPreconditions(event: DealEvent, context: DealContext): FieldError[] {
  switch (event.type) {
    case 'INVOICE_MILESTONE': {
      const milestone = context.license?.milestones[event.index];
      if (!milestone) return [{ path: 'index', message: 'there is no licence milestone with this index' }];
      return milestone.invoicedAt ? [{ path: 'index', message: 'this milestone has already been invoiced' }] : [];
    }
    case 'REPORT_ROYALTIES': {
      const [from, to] = periodMonths(event.period);
      const clash = context.license?.royaltyReports.find((r) => {
        const [rFrom, rTo] = periodMonths(r.period);
        return from <= rTo && rFrom <= to;
      });
      return clash ? [{ path: 'period', message: `overlaps the period ${clash.period} already reported` }] : [];
    }
    case 'PAYMENT_RECEIVED': {
      const instalment = context.transfer?.instalments[event.index];
      if (!instalment) return [{ path: 'index', message: 'there is no instalment with this index' }];
      return instalment.status === 'paid' ? [{ path: 'index', message: 'this instalment is already paid' }] : [];
    }
    case 'DELIVER_MILESTONE':
      return milestoneIn(
        context,
        event.index,
        'pending',
        'only a pending milestone (not delivered, or sent back for changes) can be delivered',
      );
    case 'ACCEPT_MILESTONE':
    case 'REQUEST_CHANGES':
      return milestoneIn(context, event.index, 'delivered', 'only a delivered milestone can be accepted or sent back');
    case 'PROPOSE_TERMS':
      return context.form === 'equity'
        ? equityRewardErrors(event.terms as EquityTerms, context.publicInstitutionSeller).map((e) => ({
            path: `terms.${e.path}`,
            message: e.message,
          }))
        : [];
    case 'ANSWER_OBJECTION':
      return openObjections(context).some((o) => o.id === event.objectionId)
        ? []
        : [{ path: 'objectionId', message: 'is not an unanswered objection to the notice now running' }];
    case 'OBJECTION_FILED':
      return (context.noticeObjections ?? []).some((o) => o.id === event.objectionId)
        ? [{ path: 'objectionId', message: 'is already filed' }]
        : [];
    case 'RECORD_PRICING_DECISION':
      return event.decidedOn > chinaDate(event.at) ? [{ path: 'decidedOn', message: 'must not be in the future' }] : [];
    case 'RECORD_FILING':
      return officialDate(context, 'filedAt', event.filedAt, event.at);
    case 'REGISTER_CONTRACT':
      return officialDate(context, 'registeredOn', event.registeredOn, event.at);
    case 'RECORD_ASSIGNMENT':
      return officialDate(context, 'registeredAt', event.registeredAt, event.at);
    default:
      return [];
  }
}

function milestoneIn(
  context: DealContext,
  index: number,
  status: 'pending' | 'delivered',
  message: string,
): FieldError[] {
  const milestone = context.cooperation?.milestones[index];
  if (!milestone) return [{ path: 'index', message: 'there is no milestone with this index' }];
  return milestone.status === status ? [] : [{ path: 'index', message }];
}

// A record of the authorities (CNIPA filing, patent assignment registration) dates from between the contract's
// signing and today, both read as Beijing calendar dates.
function officialDate(context: DealContext, path: string, date: string, at: string): FieldError[] {
  const signedAt = context.contract.signedAt;
  if (signedAt && date < chinaDate(signedAt)) return [{ path, message: 'must not be before the contract was signed' }];
  if (date > chinaDate(at)) return [{ path, message: 'must not be in the future' }];
  return [];
}

/** A royalty period as an inclusive range of month numbers (year × 12 + month index). */
function periodMonths(period: string): [number, number] {
  const year = Number(period.slice(0, 4)) * 12;
  const rest = period.slice(4);
  if (rest === '') return [year, year + 11];
  if (rest[0] === 'H') {
    const h = Number(rest[1]) - 1;
    return [year + 6 * h, year + 6 * h + 5];
  }
  if (rest[0] === 'Q') {
    const q = Number(rest[1]) - 1;
    return [year + 3 * q, year + 3 * q + 2];
  }
  const month = Number(rest.slice(1)) - 1;
  return [year + month, year + month];
}
