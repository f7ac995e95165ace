import postgres from 'postgres';
import { LICENSE_TERMS } from '../../../helpers/deals.js';
import type { Session } from '../../../helpers/factories.js';
import type { Api, Reply } from './api.js';

// Deals driven over HTTP against server processes, and the database facts the fault and scale-out tests check.

export async function openDeal(api: Api, buyer: Session, listingId: string): Promise<{ id: string; version: number }> {
  return api.ok('POST', '/api/deals', { token: buyer.accessToken, body: { listingId, type: 'license' }, expect: 201 });
}

/** Sends an event at `version` (read first when not given), as a client holding the deal page would. */
export async function send(
  api: Api,
  s: Session,
  dealId: string,
  type: string,
  payload: Record<string, unknown> = {},
  version?: number,
): Promise<Reply> {
  const expectedVersion = version ?? (await api.ok('GET', `/api/deals/${dealId}`, { token: s.accessToken })).version;
  return api.call('POST', `/api/deals/${dealId}/events`, {
    token: s.accessToken,
    body: { type, expectedVersion, ...payload },
  });
}

export async function sendOk(
  api: Api,
  s: Session,
  dealId: string,
  type: string,
  payload: Record<string, unknown> = {},
): Promise<any> {
  const r = await send(api, s, dealId, type, payload);
  if (r.status !== 200) throw new Error(`${type} on ${dealId}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

export const TERMS = LICENSE_TERMS;
export const COUNTER_TERMS = { ...LICENSE_TERMS, upfrontFee: 30_000_000, royaltyRateBp: 450 };

/** Direct read access to the database under test, for facts the API does not expose (outbox, timers, audit). */
export function inspect(url: string) {
  const sql = postgres(url, { max: 2, onnotice: () => {} });
  return {
    sql,
    close: () => sql.end({ timeout: 5 }),
    /** Timers of a name due in the future become due now: time passing, for the timer rows only. */
    makeDue: (name: string, subjectIds: string[]) =>
      sql`update timers set due_at = now() - interval '1 second' where name = ${name} and status = 'pending' and subject_id = any(${subjectIds})`,
    outboxCounts: async () => {
      const [r] = await sql<{ total: number; delivered: number; redelivered: number }[]>`
        select count(*)::int as total, count(delivered_at)::int as delivered, count(*) filter (where attempts > 1)::int as redelivered from outbox`;
      return r;
    },
    timerCounts: async () => {
      const rows = await sql<
        { name: string; status: string; n: number }[]
      >`select name, status, count(*)::int as n from timers group by 1, 2 order by 1, 2`;
      return Object.fromEntries(rows.map((r) => [`${r.name}:${r.status}`, r.n]));
    },
    dueTimers: async () =>
      (
        await sql<{ n: number }[]>`select count(*)::int as n from timers where status = 'pending' and due_at <= now()`
      )[0].n,
    history: (dealId: string) =>
      sql<
        { version: number; type: string }[]
      >`select version, type from deal_history where deal_id = ${dealId} order by version`,
    /** Notification outbox rows whose in-app notification is missing: each must have been applied. */
    undeliveredNotifications: async () =>
      (
        await sql<{ n: number }[]>`
      select count(*)::int as n from outbox o
      where o.topic = 'notification' and not exists (select 1 from notifications n where n.dedupe_key = o.payload->>'dedupeKey')`
      )[0].n,
    auditCount: async (action: string, entityIds: string[]) => {
      const rows = await sql<
        { entity_id: string; n: number }[]
      >`select entity_id, count(*)::int as n from audit_log where action = ${action} and entity_id = any(${entityIds}) group by 1`;
      return Object.fromEntries(rows.map((r) => [r.entity_id, r.n]));
    },
  };
}
export type Inspector = ReturnType<typeof inspect>;
