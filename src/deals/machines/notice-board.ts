import { assertEvent } from 'xstate';
import { isNotBefore } from './dates.js';
import { addEffects, notify, othersThan, parties } from './effects.js';
import type { GuardArgs } from './guards.js';
import type { DealContext, NoticeObjection } from './types.js';
import { update } from './actions.js';

// Machine version 2 of the public notice (公示), as DOMAIN.md "Pricing routes" has it: anyone signed in objects on
// the public board (the board sends OBJECTION_FILED as the system), the seller or the admin answers each objection
// (dismissed: the notice runs on; upheld: back to negotiation), and the notice cannot end while an objection is
// unanswered. Law on Promoting the Transformation of S&T Achievements, Art. 18; 国发〔2016〕16号.

/** The objections of the notice now running (an earlier notice's objections stay in the record). */
export function currentObjections(context: DealContext): NoticeObjection[] {
  const startedAt = context.publicNotice?.startedAt;
  return (context.noticeObjections ?? []).filter((o) => o.noticeStartedAt === startedAt);
}

export const openObjections = (context: DealContext) => currentObjections(context).filter((o) => o.answer === null);

export const noticeGuards = {
  // Permission: reads only the actor and the context (nextEvents offers it while an objection awaits an answer).
  mayAnswerObjection: ({ context, event }: GuardArgs) =>
    (event.actor.role === 'seller' || event.actor.role === 'admin') && openObjections(context).length > 0,
  // Reads the payload: chooses the branch of an answer.
  upholdsObjection: ({ event }: GuardArgs) => event.type === 'ANSWER_OBJECTION' && event.decision === 'upheld',
  noObjectionOpen: ({ context }: GuardArgs) => openObjections(context).length === 0,
  // The internal decision is recorded on the deal before contracting (the dossier reads it).
  mayRecordPricingDecision: ({ event }: GuardArgs) => event.actor.role === 'seller',
};

export const noticeActions = {
  fileObjection: update((context, event) => {
    assertEvent(event, 'OBJECTION_FILED');
    const objection: NoticeObjection = {
      id: event.objectionId,
      reason: event.reason,
      at: event.at,
      noticeStartedAt: context.publicNotice?.startedAt ?? event.at,
      answer: null,
    };
    return {
      noticeObjections: [...(context.noticeObjections ?? []), objection],
      effects: addEffects(context, notify(parties(context), 'deal.objectionFiled')),
    };
  }),
  answerObjection: update((context, event) => {
    assertEvent(event, 'ANSWER_OBJECTION');
    const answer = { decision: event.decision, reason: event.reason, by: event.actor, at: event.at };
    return {
      noticeObjections: (context.noticeObjections ?? []).map((o) =>
        o.id === event.objectionId ? { ...o, answer } : o,
      ),
      effects: addEffects(
        context,
        notify(
          othersThan(context, event.actor.role),
          `deal.objection${event.decision === 'upheld' ? 'Upheld' : 'Dismissed'}`,
        ),
      ),
    };
  }),
  // An upheld objection: the published price no longer stands, so a new proposal (and a new notice) is needed.
  withdrawAgreement: update(() => ({ agreedTerms: null })),
  // A dismissal that answers the last objection of a notice whose period is over lets it end now: a timer due at
  // once, fired by the timer worker through the engine like the period's own end.
  resumeNotice: update((context, event) => {
    const notice = context.publicNotice;
    const ready = notice !== null && isNotBefore(event.at, notice.endsAt) && openObjections(context).length === 0;
    if (!ready) return {};
    return {
      effects: addEffects(context, {
        type: 'startTimer',
        name: 'noticeEnd',
        dueAt: event.at,
        event: { type: 'NOTICE_ENDED' },
      }),
    };
  }),
  recordPricingDecision: update((context, event) => {
    assertEvent(event, 'RECORD_PRICING_DECISION');
    return {
      pricingDecision: {
        body: event.body,
        decidedOn: event.decidedOn,
        documentRef: event.documentRef,
        relatedParty: event.relatedParty,
        basis: event.basis ?? null,
        recordedBy: event.actor.userId,
        recordedAt: event.at,
      },
      effects: addEffects(context, notify(othersThan(context, 'seller'), 'deal.pricingDecisionRecorded')),
    };
  }),
};
