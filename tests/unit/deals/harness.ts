import { expect } from 'vitest';
import {
  applyDealEvent,
  initialDealSnapshot,
  nextEventsFor,
  type ActorRole,
  type ApplyResult,
  type DealActor,
  type DealContext,
  type DealForm,
  type DealInput,
  type Effect,
} from '../../../src/deals/machines/index.js';

export const ACTORS: Record<ActorRole, DealActor> = {
  buyer: { userId: 'u-buyer', role: 'buyer' },
  seller: { userId: 'u-seller', role: 'seller' },
  broker: { userId: 'us_000000000000000broker', role: 'broker' },
  admin: { userId: 'u-admin', role: 'admin' },
  system: { userId: 'system', role: 'system' },
};
export const ROLES = Object.keys(ACTORS) as ActorRole[];
export const T0 = '2026-03-02T02:00:00.000Z';

type Payload = Record<string, unknown>;

/**
 * A deal as the engine sees it: a persisted JSON snapshot and a version. Every accepted event goes through a
 * JSON round-trip, as it would through a jsonb column, before the next one is applied.
 */
export class TestDeal {
  snapshot: unknown;
  state: string;
  effects: Effect[];
  context!: DealContext;
  at = T0;
  readonly version: number;

  constructor(
    readonly form: DealForm,
    input: Partial<Omit<DealInput, 'form'>> = {},
  ) {
    const created = initialDealSnapshot(form, {
      ndaRequired: false,
      publicInstitutionSeller: false,
      publicNoticeDays: 15,
      offerTtlDays: 14,
      currency: 'CNY',
      // A patent unless a test says otherwise: the formalities of version 3 follow the kind of IP.
      ipType: 'invention_patent',
      ...input,
    });
    this.version = created.machineVersion;
    this.snapshot = JSON.parse(JSON.stringify(created.snapshot));
    this.state = created.state;
    this.effects = created.effects;
    this.context = (this.snapshot as { context: DealContext }).context;
  }

  /** Tries an event without keeping the result. */
  try(type: string, role: ActorRole | DealActor, payload: Payload = {}): ApplyResult {
    const actor = typeof role === 'string' ? ACTORS[role] : role;
    return applyDealEvent(this.form, this.version, this.snapshot, { type, actor, at: this.at, ...payload });
  }

  /** Sends an event that must be accepted, and keeps the new snapshot. */
  send(type: string, role: ActorRole | DealActor, payload: Payload = {}): Effect[] {
    const result = this.try(type, role, payload);
    if (!result.ok)
      throw new Error(
        `${type} by ${JSON.stringify(role)} in ${this.state}: ${result.code} ${result.detail} ${JSON.stringify(result.errors ?? [])}`,
      );
    this.snapshot = JSON.parse(JSON.stringify(result.snapshot));
    this.state = result.state;
    this.effects = result.effects;
    this.context = result.context;
    expect((this.snapshot as { context: DealContext }).context).toEqual(result.context);
    return result.effects;
  }

  expectRejected(type: string, role: ActorRole | DealActor, code: string, payload: Payload = {}): void {
    const before = JSON.stringify(this.snapshot);
    const result = this.try(type, role, payload);
    expect(result.ok ? 'accepted' : result.code, `${type} by ${JSON.stringify(role)} in ${this.state}`).toBe(code);
    expect(JSON.stringify(this.snapshot)).toBe(before);
  }

  next(role: ActorRole): string[] {
    return nextEventsFor(this.form, this.version, this.snapshot, ACTORS[role], this.at);
  }

  advanceDays(days: number): void {
    this.at = new Date(Date.parse(this.at) + days * 86_400_000).toISOString();
  }
}

export const days = (at: string, n: number) => new Date(Date.parse(at) + n * 86_400_000).toISOString();
export const invoices = (effects: Effect[]) => effects.filter((e) => e.type === 'issueInvoice');
export const timers = (effects: Effect[]) => effects.filter((e) => e.type === 'startTimer');
