import { eq, isNull } from 'drizzle-orm';
import { outbox, timers } from '../db/schema/platform.js';
import type { OutboxHandler, Reindexer, Registry, TimerHandler, TransactionHook } from './context.js';
import type { DbOrTx } from './db.js';
import type { Feature } from './feature.js';

export type { Registry } from './context.js';

/** A start-up refusal that names what is missing or declared twice. */
export class RegistryError extends Error {
  override name = 'RegistryError';
}

function claim<T>(
  map: Map<string, T>,
  owners: Map<string, string>,
  kind: string,
  key: string,
  feature: string,
  value: T,
) {
  const owner = owners.get(key);
  if (owner !== undefined)
    throw new RegistryError(`${kind} "${key}" has two handlers: features ${owner} and ${feature}`);
  owners.set(key, feature);
  map.set(key, value);
}

/**
 * Builds the registry from the features' declarations. Fails, naming them, on a topic, subject or index handled
 * twice, and on a topic or subject a feature emits that no feature handles (today's rows would wait forever).
 */
export function buildRegistry(features: readonly Feature[]): Registry {
  const outboxHandlers = new Map<string, OutboxHandler>(),
    outboxOwners = new Map<string, string>();
  const timerHandlers = new Map<string, TimerHandler>(),
    timerOwners = new Map<string, string>();
  const reindexers = new Map<string, Reindexer>(),
    reindexOwners = new Map<string, string>();
  const hooks = new Map<string, TransactionHook[]>();
  for (const f of features) {
    for (const [topic, h] of Object.entries(f.outbox ?? {}))
      claim(outboxHandlers, outboxOwners, 'outbox topic', topic, f.name, h);
    for (const [subject, h] of Object.entries(f.timers ?? {}))
      claim(timerHandlers, timerOwners, 'timer subject', subject, f.name, h);
    for (const [index, r] of Object.entries(f.reindex ?? {}))
      claim(reindexers, reindexOwners, 'search index', index, f.name, r);
    for (const [name, h] of Object.entries(f.hooks ?? {})) hooks.set(name, [...(hooks.get(name) ?? []), h]);
  }
  const missing: string[] = [];
  for (const f of features) {
    for (const topic of f.emits?.outbox ?? [])
      if (!outboxHandlers.has(topic)) missing.push(`outbox topic "${topic}" (emitted by ${f.name})`);
    for (const subject of f.emits?.timers ?? [])
      if (!timerHandlers.has(subject)) missing.push(`timer subject "${subject}" (scheduled by ${f.name})`);
  }
  if (missing.length) throw new RegistryError(`No handler for ${missing.join(', ')}`);
  return { outbox: outboxHandlers, timers: timerHandlers, reindexers, hooks: (name) => hooks.get(name) ?? [] };
}

/**
 * Fails, naming them, when the database holds work no handler can do: undelivered outbox rows of an unknown
 * topic or pending timers of an unknown subject (a feature removed or renamed while rows of it were waiting).
 * Without this a relay retries such rows forever and a timer runner gives up on them.
 */
export async function checkPendingWork(registry: Registry, db: DbOrTx): Promise<void> {
  const topics = await db.selectDistinct({ topic: outbox.topic }).from(outbox).where(isNull(outbox.deliveredAt));
  const subjects = await db
    .selectDistinct({ subject: timers.subject })
    .from(timers)
    .where(eq(timers.status, 'pending'));
  const missing = [
    ...topics.filter((r) => !registry.outbox.has(r.topic)).map((r) => `outbox topic "${r.topic}"`),
    ...subjects.filter((r) => !registry.timers.has(r.subject)).map((r) => `timer subject "${r.subject}"`),
  ];
  if (missing.length) throw new RegistryError(`The database holds pending work with no handler: ${missing.join(', ')}`);
}
