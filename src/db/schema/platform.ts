import { sql } from 'drizzle-orm';
import { bigint, bigserial, index, integer, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { createdAt, instant } from './columns.js';

// Work for elsewhere (search indexing, notifications), written in the same transaction as the change that
// caused it and delivered after commit by the relay, at least once.
export const outbox = pgTable(
  'outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    topic: text('topic').notNull(),
    payload: jsonb('payload').notNull(),
    availableAt: instant('available_at')
      .notNull()
      .default(sql`now()`),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    deliveredAt: instant('delivered_at'),
    createdAt: createdAt(),
  },
  (t) => [index('outbox_pending_idx').on(t.deliveredAt, t.availableAt)],
);

// Time-based work (offer expiry, public-notice end, idle deals, overdue invoices): rows with a due time fired
// by the worker, so they survive restarts. `expectVersion` lets a timer do nothing when its subject has moved on.
export const timers = pgTable(
  'timers',
  {
    id: text('id').primaryKey(),
    subject: text('subject').notNull(),
    subjectId: text('subject_id').notNull(),
    name: text('name').notNull(),
    payload: jsonb('payload').notNull().default({}),
    dueAt: instant('due_at').notNull(),
    expectVersion: integer('expect_version'),
    status: text('status', { enum: ['pending', 'fired', 'obsolete', 'failed'] })
      .notNull()
      .default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    firedAt: instant('fired_at'),
    createdAt: createdAt(),
  },
  (t) => [index('timers_due_idx').on(t.status, t.dueAt), index('timers_subject_idx').on(t.subject, t.subjectId)],
);

// Append-only: who did what to which record. Nothing updates or deletes these rows.
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: createdAt(),
    actorId: text('actor_id'),
    actorRole: text('actor_role'),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    data: jsonb('data').notNull().default({}),
    requestId: text('request_id'),
  },
  (t) => [index('audit_entity_idx').on(t.entity, t.entityId), index('audit_actor_idx').on(t.actorId)],
);

// First answers to writes sent with an Idempotency-Key, so a retry gets the same answer and changes nothing.
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    scope: text('scope').notNull(),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    status: integer('status').notNull(),
    body: jsonb('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] })],
);

// Gapless sequences (invoice numbers, registration numbers): a row locked by the issuing transaction.
export const counters = pgTable('counters', {
  name: text('name').primaryKey(),
  value: bigint('value', { mode: 'number' }).notNull().default(0),
});

// Fixed-window counters shared by every API process (login throttling per account and per IP).
export const rateLimits = pgTable('rate_limits', {
  key: text('key').primaryKey(),
  windowStart: instant('window_start').notNull(),
  count: integer('count').notNull().default(0),
});
