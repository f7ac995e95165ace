import type { TimerSpec } from '../../platform/timers.js';
import type { DealActor, Effect } from '../machines/index.js';
import type { IssueInvoiceEffect } from '../machines/types.js';
import type { DealRow, NoticeWrite } from '../store/index.js';
import { notificationText } from '../../notifications/texts.js';

export const listingTitle = (deal: DealRow) => String((deal.listingCopy as { title?: string }).title ?? deal.listingId);

/** A machine's effects as what the event writes with it: timers to start, notices to queue, invoices to issue. */
export interface PlannedEffects {
  timers: TimerSpec[];
  notices: NoticeWrite[];
  invoices: IssueInvoiceEffect[];
}

export function effectsToWrite(machineEffects: Effect[], deal: DealRow, actor: DealActor): PlannedEffects {
  const planned: PlannedEffects = { timers: [], notices: [], invoices: [] };
  for (const effect of withNotice(machineEffects, deal, actor)) {
    if (effect.type === 'startTimer')
      planned.timers.push({
        subject: 'deal',
        subjectId: deal.id,
        name: effect.name,
        dueAt: effect.dueAt,
        payload: effect.event,
      });
    else if (effect.type === 'notify') planned.notices.push(...notices(deal, effect));
    else if (effect.type === 'issueInvoice') planned.invoices.push(effect);
  }
  return planned;
}

// Every accepted event tells the other parties: where the machine declared no notice of its own, a general one.
function withNotice(effects: Effect[], deal: DealRow, actor: DealActor): Effect[] {
  if (effects.some((e) => e.type === 'notify')) return effects;
  const parties: ('buyer' | 'seller' | 'broker')[] = deal.brokerUserId
    ? ['buyer', 'seller', 'broker']
    : ['buyer', 'seller'];
  const to = parties.filter((p) => p !== actor.role);
  return to.length ? [...effects, { type: 'notify', to, message: 'deal.update' }] : effects;
}

// The notices of a notify effect, one per party it names that the deal has.
function notices(deal: DealRow, effect: Extract<Effect, { type: 'notify' }>): NoticeWrite[] {
  return effect.to.flatMap((role) => {
    const audience =
      role === 'buyer'
        ? { organizationId: deal.buyerOrgId }
        : role === 'seller'
          ? { organizationId: deal.sellerOrgId }
          : deal.brokerUserId
            ? { userIds: [deal.brokerUserId] }
            : null;
    if (!audience) return [];
    return [
      {
        to: audience,
        notice: {
          ...notificationText('deal.update', { notice: effect.message, listing: listingTitle(deal) }),
          link: `/deals/${deal.id}`,
          dedupeKey: `deal:${deal.id}:${deal.version}:${role}`,
          data: { dealId: deal.id, state: deal.state },
        },
      },
    ];
  });
}
