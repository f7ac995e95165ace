import { describe, expect, it } from 'vitest';
import { FEATURES } from '../../../src/features.js';
import type { Feature } from '../../../src/platform/feature.js';
import { buildRegistry, RegistryError } from '../../../src/platform/registry.js';

const deliver = async () => {};
const fire = async () => 'fired' as const;
const listen = async () => {};

describe('buildRegistry', () => {
  it("holds every feature's outbox topics, timer subjects, hooks and reindexers of the product", () => {
    const r = buildRegistry(FEATURES);
    expect([...r.outbox.keys()].sort()).toEqual([
      'demand.posted',
      'listing.index',
      'listing.published',
      'mail',
      'notification',
      'password_reset.requested',
      'policy.index',
    ]);
    expect([...r.timers.keys()].sort()).toEqual(['deal', 'invoice', 'offering', 'reports']);
    expect([...r.reindexers.keys()].sort()).toEqual(['listings', 'policies']);
    expect(r.hooks('invoice.paid')).toHaveLength(1);
    expect(r.hooks('nobody.raises')).toEqual([]);
  });

  it('refuses an emitted outbox topic that no feature delivers, naming the topic and the feature', () => {
    const features: Feature[] = [{ name: 'listings', emits: { outbox: ['listing.index'] } }];
    expect(() => buildRegistry(features)).toThrow(
      new RegistryError('No handler for outbox topic "listing.index" (emitted by listings)'),
    );
  });

  it('refuses a scheduled timer subject that no feature fires, naming it', () => {
    const features: Feature[] = [
      { name: 'invoices', timers: { invoice: fire }, emits: { timers: ['invoice'] } },
      { name: 'deals', emits: { timers: ['deal'], outbox: ['notification'] } },
    ];
    expect(() => buildRegistry(features)).toThrow(
      new RegistryError(
        'No handler for outbox topic "notification" (emitted by deals), timer subject "deal" (scheduled by deals)',
      ),
    );
  });

  it('refuses a topic, a subject or an index handled by two features, naming both', () => {
    expect(() =>
      buildRegistry([
        { name: 'a', outbox: { t: deliver } },
        { name: 'b', outbox: { t: deliver } },
      ]),
    ).toThrow(new RegistryError('outbox topic "t" has two handlers: features a and b'));
    expect(() =>
      buildRegistry([
        { name: 'a', timers: { s: fire } },
        { name: 'b', timers: { s: fire } },
      ]),
    ).toThrow(new RegistryError('timer subject "s" has two handlers: features a and b'));
    expect(() =>
      buildRegistry([
        { name: 'a', reindex: { i: deliver } },
        { name: 'b', reindex: { i: deliver } },
      ]),
    ).toThrow(new RegistryError('search index "i" has two handlers: features a and b'));
  });

  it('keeps every listener of a hook, in feature order', () => {
    const first = async () => {},
      second = async () => {};
    const r = buildRegistry([
      { name: 'a', hooks: { h: first } },
      { name: 'b', hooks: { h: second, other: listen } },
    ]);
    expect(r.hooks('h')).toEqual([first, second]);
  });
});
