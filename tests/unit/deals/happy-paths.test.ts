import { describe, expect, it } from 'vitest';
import { DEAL_FORMS } from '../../../src/shared/listing.js';
import { ROLES, TestDeal } from './harness.js';
import { EVENT_TYPES, happyPath, RULES, stateAccepts } from './spec.js';

/**
 * At a given moment of a deal, every event type from every role: a state without that transition answers
 * INVALID_TRANSITION, a role that may never send it answers FORBIDDEN, and what nextEventsFor offers a role is
 * always something the table lets that role send here.
 */
function checkPermissions(deal: TestDeal) {
  for (const role of ROLES) {
    const offered = deal.next(role);
    for (const type of EVENT_TYPES) {
      if (!stateAccepts(deal.form, deal.state, type)) {
        deal.expectRejected(type, role, 'INVALID_TRANSITION');
        expect(offered).not.toContain(type);
      } else if (!RULES[type].senders.includes(role)) {
        deal.expectRejected(type, role, 'FORBIDDEN');
        expect(offered).not.toContain(type);
      }
    }
    expect(offered).toEqual([...offered].sort());
  }
}

describe.each(DEAL_FORMS)('%s: the full path with broker, NDA and public notice', (form) => {
  it('reaches completed by the right actors, refusing every wrong actor and every wrong-state event on the way', () => {
    const deal = new TestDeal(form, { ndaRequired: true, publicInstitutionSeller: true, publicNoticeDays: 15 });
    const visited = [deal.state];
    checkPermissions(deal);
    for (const [type, role, payload, expected] of happyPath(form)) {
      deal.advanceDays(type === 'NOTICE_ENDED' ? 15 : 1);
      expect(deal.next(role), `${role} is offered ${type} in ${deal.state}`).toContain(type);
      deal.send(type, role, typeof payload === 'function' ? payload(deal.at) : payload);
      expect(deal.state, `after ${type}`).toBe(expected);
      visited.push(deal.state);
      checkPermissions(deal);
    }
    expect(deal.context.closure).toMatchObject({ outcome: 'completed' });
    expect(deal.context.contractRegistration?.registrationNo).toBe('6501012026000123');
    for (const role of ROLES) expect(deal.next(role)).toEqual([]);
    expect(visited).toContain('publicNotice');
  });
});
