import { getTableColumns } from 'drizzle-orm';
import { integer, PgDialect, pgTable, text } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { dealHistory, deals } from '../../../src/db/schema/deals.js';
import {
  dealUpdateGuard,
  dealWithNamesQuery,
  eventStatement,
  type DealRow,
  type EventWrite,
} from '../../../src/deals/store/index.js';
import { insertStatement, updateStatement } from '../../../src/platform/statements.js';

const dialect = new PgDialect();
const render = (s: Parameters<PgDialect['sqlToQuery']>[0]) => dialect.sqlToQuery(s);
const T = '2026-03-02T02:00:00.000Z';
const deal: DealRow = {
  id: 'dl_1',
  type: 'license',
  listingId: 'lst_1',
  listingCopy: { title: 'x' },
  buyerOrgId: 'org_b',
  buyerUserId: 'usr_b',
  sellerOrgId: 'org_s',
  brokerUserId: null,
  state: 'inquiry',
  machineVersion: 1,
  snapshot: { value: 'inquiry' },
  version: 3,
  contractValue: null,
  signedAt: null,
  closedAt: null,
  lastActivityAt: T,
  createdAt: T,
  updatedAt: T,
};

describe('deal store statements', () => {
  it('name every column through the drizzle schema: a renamed column changes the statement', () => {
    const before = pgTable('things', { id: text('id').primaryKey(), count: integer('count') });
    const renamed = pgTable('things', { id: text('id').primaryKey(), count: integer('item_count') });
    expect(render(insertStatement(before, { id: 'a', count: 1 })).sql).toBe(
      'insert into "things" ("id", "count") values ($1::text, $2::integer)',
    );
    expect(render(insertStatement(renamed, { id: 'a', count: 1 })).sql).toBe(
      'insert into "things" ("id", "item_count") values ($1::text, $2::integer)',
    );
    expect(render(updateStatement(renamed, { count: null }, { id: 'a' }))).toEqual({
      sql: 'update "things" set "item_count" = $1::integer where "id" = $2::text',
      params: [null, 'a'],
      typings: ['none', 'none'],
    });
    // @ts-expect-error a field the table does not have does not compile
    insertStatement(dealHistory, { actorRol: 'buyer' });
  });

  it('write the guarded update of every column an event changes, at the version it was computed from', () => {
    const updated = { ...deal, state: 'negotiating', version: 4, snapshot: { value: 'negotiating' } };
    const { sql, params } = render(dealUpdateGuard(deal, updated));
    const set = [
      'state',
      'snapshot',
      'version',
      'broker_user_id',
      'contract_value',
      'signed_at',
      'closed_at',
      'last_activity_at',
      'updated_at',
    ];
    expect(set.every((name) => Object.values(getTableColumns(deals)).some((c) => c.name === name))).toBe(true);
    expect(sql).toMatch(
      /^update "deals" set "broker_user_id" = \$1::text, "state" = \$2::text, "snapshot" = \$3::jsonb, "version" = \$4::integer, "contract_value" = \$5::bigint, "signed_at" = \$6::timestamp with time zone, /,
    );
    expect(sql).toMatch(/ where "id" = \$10::text and "version" = \$11::integer returning 1$/);
    expect(params).toEqual([null, 'negotiating', '{"value":"negotiating"}', 4, null, null, null, T, T, 'dl_1', 3]);
  });

  it('compose an event into one guarded statement: history, audit, idle timer and notices with it', () => {
    const updated = { ...deal, state: 'negotiating', version: 4 };
    const write: EventWrite = {
      before: deal,
      updated,
      history: {
        type: 'ACCEPT_INQUIRY',
        actor: { id: 'usr_s', role: 'seller' },
        fromState: 'inquiry',
        toState: 'negotiating',
        payload: {},
        at: T,
      },
      audit: { action: 'deal.accept_inquiry', data: {} },
      grant: 'no_nda_required',
      timers: { dueAt: T },
      board: [],
      startTimers: [],
      notices: [
        { to: { organizationId: 'org_b' }, notice: { kind: 'deal.update', title: 't', titleEn: 't', dedupeKey: 'k' } },
      ],
    };
    const { sql } = render(eventStatement(write));
    expect(sql).toMatch(
      /^with g as \(update "deals" set .* returning 1\), w0 as \(insert into "deal_history" \("deal_id", "version", "type", "actor_id", "actor_role", "from_state", "to_state", "payload", "at"\)/,
    );
    expect(sql).toContain('insert into "listing_access_grants" ("listing_id", "organization_id", "deal_id", "reason")');
    expect(sql.match(/w\d+ as \(/g)).toHaveLength(6); // history, audit, grant, timer cancel, timer, notice
    expect(sql).toMatch(/select expect_one_row\(\(select count\(\*\) from g\), 'guard'\)$/);
  });

  it('read a deal with its parties through aliased tables, locking only the deal', () => {
    const { sql, params } = render(dealWithNamesQuery('dl_1', true));
    expect(sql).toContain('"deals"."buyer_org_id", "deals"."buyer_user_id"');
    expect(sql).toContain('join "organizations" "bo" on "bo"."id" = "deals"."buyer_org_id"');
    expect(sql).toContain('left join "users" "br" on "br"."id" = "deals"."broker_user_id"');
    expect(sql).toMatch(/where "deals"\."id" = \$1 for update of "deals"$/);
    expect(params).toEqual(['dl_1']);
  });
});
