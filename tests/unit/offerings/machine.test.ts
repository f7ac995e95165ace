import { describe, expect, it } from 'vitest';
import type { AnyMachineSnapshot } from 'xstate';
import { getShortestPaths, getSimplePaths } from 'xstate/graph';
import {
  applyOfferingEvent,
  bidRefusal,
  initialOfferingSnapshot,
  minNextBid,
  offeringMachine,
  type OfferingContext,
  type OfferingEvent,
} from '../../../src/offerings/machine.js';

const T0 = '2026-03-02T00:00:00.000Z';
const END = '2026-03-22T00:00:00.000Z';
const at = (iso: string, minutes: number) => new Date(Date.parse(iso) + minutes * 60_000).toISOString();
const INPUT = { sellerOrgId: 'org-seller', basePrice: 1_000, increment: 100, listingEndsAt: END, roundMinutes: 60 };

/** An offering as the service keeps it: a JSON snapshot, every step through a JSON round-trip. */
class TestOffering {
  snapshot = initialOfferingSnapshot(INPUT).snapshot;
  state = 'listed';
  get context() {
    return (this.snapshot as { context: OfferingContext }).context;
  }
  send(event: OfferingEvent) {
    const r = applyOfferingEvent(this.snapshot, event);
    if (!r.ok) throw new Error(`${event.type} in ${this.state}: ${r.detail}`);
    this.snapshot = JSON.parse(JSON.stringify(r.snapshot));
    this.state = r.state;
    return r.context.effects;
  }
  refused(event: OfferingEvent) {
    const before = JSON.stringify(this.snapshot);
    const r = applyOfferingEvent(this.snapshot, event);
    expect(r.ok).toBe(false);
    expect(JSON.stringify(this.snapshot)).toBe(before);
  }
}

const depositors = (o: TestOffering, n: number) => {
  for (let i = 1; i <= n; i++) {
    o.send({ type: 'REGISTER', registrationId: `r${i}`, orgId: `org-${i}`, at: T0 });
    o.send({ type: 'RECORD_DEPOSIT', registrationId: `r${i}`, at: T0 });
  }
};

describe('the offering machine (DOMAIN.md "Pricing routes")', () => {
  it('schedules the end of the listing period at creation', () => {
    const init = initialOfferingSnapshot(INPUT);
    expect(init.state).toBe('listed');
    expect(init.context.effects).toEqual([{ type: 'scheduleTimer', name: 'listingEnd', dueAt: END }]);
  });

  it('numbers registrations in order, once per organization, never the seller; ends only at the period end', () => {
    const o = new TestOffering();
    o.send({ type: 'REGISTER', registrationId: 'r1', orgId: 'org-1', at: T0 });
    o.send({ type: 'REGISTER', registrationId: 'r2', orgId: 'org-2', at: T0 });
    expect(o.context.registrations.map((r) => r.bidderNo)).toEqual([1, 2]);
    o.refused({ type: 'REGISTER', registrationId: 'r3', orgId: 'org-1', at: T0 });
    o.refused({ type: 'REGISTER', registrationId: 'r3', orgId: 'org-seller', at: T0 });
    o.send({ type: 'RECORD_DEPOSIT', registrationId: 'r1', at: T0 });
    o.refused({ type: 'RECORD_DEPOSIT', registrationId: 'r1', at: T0 });
    o.refused({ type: 'LISTING_ENDED', at: at(END, -1) });
    // The period is over even before its timer fires: no registration or deposit counts any more.
    o.refused({ type: 'REGISTER', registrationId: 'r3', orgId: 'org-3', at: END });
    o.refused({ type: 'RECORD_DEPOSIT', registrationId: 'r2', at: END });
    // One depositor (r2 never paid): sold to it at the base price.
    expect(o.send({ type: 'LISTING_ENDED', at: END })).toEqual([
      { type: 'settle', registrationId: 'r1', price: 1_000 },
    ]);
    expect(o.state).toBe('sold');
  });

  it('runs a round: base price first, then best + increment; a late bid moves the end; the best wins', () => {
    const o = new TestOffering();
    depositors(o, 2);
    o.send({ type: 'REGISTER', registrationId: 'r3', orgId: 'org-3', at: T0 });
    expect(o.send({ type: 'LISTING_ENDED', at: END })).toEqual([
      { type: 'biddingStarted' },
      { type: 'scheduleTimer', name: 'roundEnd', dueAt: at(END, 60) },
    ]);
    const c = () => o.context;
    expect(minNextBid(c())).toBe(1_000);
    expect(bidRefusal(c(), { registrationId: 'r1', amount: 999, at: END })).toBe('BID_TOO_LOW');
    expect(bidRefusal(c(), { registrationId: 'r3', amount: 5_000, at: END })).toBe('FORBIDDEN');
    expect(bidRefusal(c(), { registrationId: 'r1', amount: 5_000, at: at(END, 60) })).toBe('INVALID_TRANSITION');
    expect(o.send({ type: 'BID', registrationId: 'r1', amount: 1_000, at: END })).toEqual([]);
    expect(minNextBid(c())).toBe(1_100);
    o.refused({ type: 'BID', registrationId: 'r2', amount: 1_099, at: END });
    o.send({ type: 'BID', registrationId: 'r2', amount: 1_100, at: at(END, 10) });
    // 5 minutes before the end: the end moves 5 minutes on, and the timer with it.
    expect(o.send({ type: 'BID', registrationId: 'r1', amount: 1_500, at: at(END, 55) })).toEqual([
      { type: 'scheduleTimer', name: 'roundEnd', dueAt: at(END, 65) },
    ]);
    expect(c().round).toEqual({ startsAt: END, endsAt: at(END, 65), extensions: 1 });
    o.refused({ type: 'ROUND_ENDED', at: at(END, 60) });
    expect(o.send({ type: 'ROUND_ENDED', at: at(END, 65) })).toEqual([
      { type: 'settle', registrationId: 'r1', price: 1_500 },
    ]);
    expect(o.state).toBe('sold');
    expect(c().bids).toHaveLength(3);
    expect(c().result).toMatchObject({ outcome: 'sold', registrationId: 'r1', price: 1_500 });
  });

  it('lapses without a depositor, or a round without a bid; cancels only while listed', () => {
    const none = new TestOffering();
    none.send({ type: 'REGISTER', registrationId: 'r1', orgId: 'org-1', at: T0 });
    expect(none.send({ type: 'LISTING_ENDED', at: END })).toEqual([{ type: 'closed', outcome: 'lapsed' }]);
    const quiet = new TestOffering();
    depositors(quiet, 2);
    quiet.send({ type: 'LISTING_ENDED', at: END });
    quiet.refused({ type: 'CANCEL', reason: 'x', at: END });
    quiet.send({ type: 'ROUND_ENDED', at: at(END, 60) });
    expect(quiet.state).toBe('lapsed');
    const cancelled = new TestOffering();
    cancelled.send({ type: 'CANCEL', reason: '成果另有安排', at: T0 });
    expect(cancelled.context.result).toMatchObject({ outcome: 'cancelled', reason: '成果另有安排' });
    cancelled.refused({ type: 'REGISTER', registrationId: 'r1', orgId: 'org-1', at: T0 });
  });

  it('refuses a snapshot that is not of this machine', () => {
    expect(applyOfferingEvent({ value: 'auction', context: {} }, { type: 'LISTING_ENDED', at: END })).toMatchObject({
      ok: false,
      code: 'SNAPSHOT_INVALID',
    });
  });
});

// Model-based: every path the machine allows over a small alphabet of events, each checked against the rules.
const serialize = (s: AnyMachineSnapshot) => {
  const c = s.context as OfferingContext;
  return JSON.stringify([
    s.value,
    c.registrations.map((r) => r.depositReceivedAt !== null),
    c.bids.length,
    c.round?.extensions,
  ]);
};
function events(s: AnyMachineSnapshot): OfferingEvent[] {
  const c = s.context as OfferingContext;
  const end = c.round?.endsAt ?? END;
  return [
    ...['1', '2'].map((n) => ({ type: 'REGISTER' as const, registrationId: `r${n}`, orgId: `org-${n}`, at: T0 })),
    ...['1', '2'].map((n) => ({ type: 'RECORD_DEPOSIT' as const, registrationId: `r${n}`, at: T0 })),
    { type: 'LISTING_ENDED', at: END },
    ...(c.bids.length < 2
      ? ['1', '2'].map((n) => ({
          type: 'BID' as const,
          registrationId: `r${n}`,
          amount: minNextBid(c),
          at: at(end, -1),
        }))
      : []),
    { type: 'ROUND_ENDED', at: end },
    { type: 'CANCEL', reason: 'withdrawn', at: T0 },
  ];
}

describe('offering machine paths', () => {
  const options = { input: INPUT, events, serializeState: (s: unknown) => serialize(s as AnyMachineSnapshot) };

  it('reaches every state', () => {
    const reached = new Set(getShortestPaths(offeringMachine, options as never).map((p) => p.state.value));
    expect([...reached].sort()).toEqual(['bidding', 'cancelled', 'lapsed', 'listed', 'sold']);
  });

  it('holds the rules on every simple path: a sale is to a depositor at the base price or the best bid', () => {
    const paths = getSimplePaths(offeringMachine, options as never);
    expect(paths.length).toBeGreaterThan(20);
    for (const p of paths) {
      const c = p.state.context as OfferingContext;
      const paid = c.registrations.filter((r) => r.depositReceivedAt !== null);
      if (p.state.value === 'sold') {
        const winner = c.registrations.find((r) => r.id === c.result?.registrationId);
        expect(winner?.depositReceivedAt).not.toBeNull();
        const best = Math.max(...c.bids.map((b) => b.amount));
        expect(c.result?.price).toBe(c.bids.length ? best : INPUT.basePrice);
        if (c.bids.length === 0) expect(paid).toHaveLength(1);
      }
      if (p.state.value === 'bidding') expect(paid.length).toBeGreaterThanOrEqual(2);
      if (p.state.value === 'lapsed') expect(paid.length === 0 || (c.round !== null && c.bids.length === 0)).toBe(true);
      // Bids only ever rise by at least the increment, the first at least the base price.
      c.bids.forEach((b, i) =>
        expect(b.amount).toBeGreaterThanOrEqual(i === 0 ? INPUT.basePrice : c.bids[i - 1].amount + INPUT.increment),
      );
      expect(p.state.status).not.toBe('error');
    }
  });
});
