import type { DataSource } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { EventCache, eventCache, invalidateCachesOnCommit, maxEntriesPerCache, MemoryEventBus, resubscribeAfterMs, silentLogger, withTransaction, type EventPayload, type EventStream, type LinkListener, type Transaction } from '../src';

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
const topics = ['bts.status-changed', 'server.changed'];

/** A transaction of `db` whose commit the test decides. */
function transactionOf(db: object) {
  const hooks: Array<() => void> = [];
  const tx = { manager: { dataSource: db } as unknown as Transaction['manager'], query: async () => [] as never, onCommit: (hook: () => void) => void hooks.push(hook) };
  return { tx: tx as Transaction, commit: () => hooks.splice(0).forEach((hook) => hook()), rollback: () => void hooks.splice(0) };
}

/** A bus whose link the test drops and restores, and whose streams it can break (a lost connection). */
class FlakyBus extends MemoryEventBus {
  link: LinkListener = () => undefined;
  subscriptions = 0;
  private readonly breakers: Array<() => void> = [];

  override onLinkChange(listener: LinkListener): void {
    this.link = listener;
  }

  override async subscribe<T extends EventPayload>(topic: string): Promise<EventStream<T>> {
    const inner = await super.subscribe<T>(topic);
    this.subscriptions++;
    let fail!: (error: Error) => void;
    const broken = new Promise<never>((_, reject) => (fail = reject));
    broken.catch(() => undefined);
    this.breakers.push(() => {
      fail(new Error('connection lost'));
      void inner.return();
    });
    const stream = {
      next: () => Promise.race([inner.next(), broken]),
      return: () => inner.return(),
      [Symbol.asyncIterator]() {
        return stream;
      },
    };
    return stream as EventStream<T>;
  }

  breakFeeds(): void {
    for (const breakFeed of this.breakers.splice(0)) breakFeed();
  }
}

describe('event cache', () => {
  it('stops caching while the bus link is down and starts empty when it is back (events in between are lost)', async () => {
    const bus = new FlakyBus();
    const ctx = { bus, logger: silentLogger };
    const cache = new EventCache('test', topics, 60_000);
    await cache.ready(ctx);
    let computed = 0;
    const compute = async () => ++computed;
    expect(await cache.get(ctx, 'k', compute)).toBe(1);
    expect(await cache.get(ctx, 'k', compute)).toBe(1);
    bus.link(false);
    expect(cache.caching).toBe(false);
    expect(await cache.get(ctx, 'k', compute)).toBe(2);
    expect(await cache.get(ctx, 'k', compute)).toBe(3);
    bus.link(true);
    expect(cache.caching).toBe(true);
    expect(await cache.get(ctx, 'k', compute)).toBe(4); // not a value from before the drop
    expect(await cache.get(ctx, 'k', compute)).toBe(4);
    await bus.close();
  });

  it('subscribes again after its feed fails, no more than once every resubscribeAfterMs, and caches again', async () => {
    const bus = new FlakyBus();
    const ctx = { bus, logger: silentLogger };
    const cache = new EventCache('test', topics, 60_000);
    await cache.ready(ctx);
    expect(bus.subscriptions).toBe(2);
    bus.breakFeeds();
    await settle();
    expect(cache.caching).toBe(false);
    let computed = 0;
    const compute = async () => ++computed;
    expect(await cache.get(ctx, 'k', compute)).toBe(1);
    expect(await cache.get(ctx, 'k', compute)).toBe(2);
    expect(bus.subscriptions).toBe(2); // too soon to try again
    await new Promise((resolve) => setTimeout(resolve, resubscribeAfterMs + 50));
    await cache.ready(ctx);
    expect(bus.subscriptions).toBe(4);
    expect(cache.caching).toBe(true);
    expect(await cache.get(ctx, 'k', compute)).toBe(3);
    expect(await cache.get(ctx, 'k', compute)).toBe(3);
    await bus.publish('server.changed', { id: '1' });
    await settle();
    expect(await cache.get(ctx, 'k', compute)).toBe(4); // the new feed clears it
    await bus.close();
  });

  it('reuses a value until an event on one of its topics clears it, and ignores other topics', async () => {
    const bus = new MemoryEventBus();
    const ctx = { bus, logger: silentLogger };
    const cache = new EventCache('test', topics, 60_000);
    let computed = 0;
    const compute = async () => ++computed;
    expect(await cache.get(ctx, 'k', compute)).toBe(1); // not subscribed yet: computed, not kept
    await cache.ready(ctx);
    expect(cache.caching).toBe(true);
    expect(await cache.get(ctx, 'k', compute)).toBe(2);
    expect(await cache.get(ctx, 'k', compute)).toBe(2);
    await bus.publish('server.changed', { id: '1' });
    await settle();
    expect(await cache.get(ctx, 'k', compute)).toBe(3);
    await bus.publish('alert.raised', { id: '1' });
    await settle();
    expect(await cache.get(ctx, 'k', compute)).toBe(3);
    await bus.close();
    await settle();
    expect(cache.caching).toBe(false); // the feed ended: computing every time
    expect(await cache.get(ctx, 'k', compute)).toBe(4);
    expect(await cache.get(ctx, 'k', compute)).toBe(5);
  });

  it('does not keep a value computed while an invalidation happened, nor a failure', async () => {
    const bus = new MemoryEventBus();
    const ctx = { bus, logger: silentLogger };
    const cache = new EventCache('test', topics, 60_000);
    await cache.ready(ctx);
    let computed = 0;
    const slow = cache.get(ctx, 'k', async () => {
      await settle();
      return ++computed;
    });
    cache.invalidate();
    expect(await slow).toBe(1);
    expect(await cache.get(ctx, 'k', async () => ++computed)).toBe(2);
    await expect(cache.get(ctx, 'bad', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await cache.get(ctx, 'bad', async () => 7)).toBe(7);
    await bus.close();
  });

  it('expires values after its time to live', async () => {
    const bus = new MemoryEventBus();
    const ctx = { bus, logger: silentLogger };
    const cache = new EventCache('test', topics, 10);
    await cache.ready(ctx);
    let computed = 0;
    await cache.get(ctx, 'k', async () => ++computed);
    await settle();
    expect(await cache.get(ctx, 'k', async () => ++computed)).toBe(2);
    await bus.close();
  });

  it('is cleared on this replica when a transaction that published one of its topics commits, not before, not on rollback', async () => {
    const bus = new MemoryEventBus();
    const ctx = { bus, logger: silentLogger };
    // Published on a bus the cache does not listen to: only the commit hook can clear it.
    const writer = new MemoryEventBus();
    const db = {} as DataSource;
    const cache = eventCache(db, 'bts', { topics, ttlMs: 60_000 });
    expect(eventCache(db, 'bts', { topics, ttlMs: 60_000 })).toBe(cache);
    expect(eventCache({} as DataSource, 'bts', { topics, ttlMs: 60_000 })).not.toBe(cache);
    await cache.ready(ctx);
    let computed = 0;
    const compute = async () => ++computed;
    expect(await cache.get(ctx, 'k', compute)).toBe(1);

    const rolledBack = transactionOf(db);
    await writer.publish('bts.status-changed', { id: '1' }, rolledBack.tx);
    rolledBack.rollback();
    expect(await cache.get(ctx, 'k', compute)).toBe(1);

    const other = transactionOf({});
    await writer.publish('bts.status-changed', { id: '1' }, other.tx);
    other.commit(); // another database's transaction
    expect(await cache.get(ctx, 'k', compute)).toBe(1);

    const unrelated = transactionOf(db);
    await writer.publish('alert.raised', { id: '1' }, unrelated.tx);
    unrelated.commit();
    expect(await cache.get(ctx, 'k', compute)).toBe(1);

    const write = transactionOf(db);
    await writer.publish('bts.status-changed', { id: '1' }, write.tx);
    expect(await cache.get(ctx, 'k', compute)).toBe(1); // not committed yet
    write.commit();
    // Synchronously on commit, before the bus has delivered the event to any subscriber.
    expect(await cache.get(ctx, 'k', compute)).toBe(2);
    await bus.close();
    await writer.close();
  });

  it('refuses a cache without topics, without a time to live, or registered again with other topics', () => {
    expect(() => new EventCache('x', [], 1000)).toThrow(/watches no topic/);
    expect(() => new EventCache('x', topics, 0)).toThrow(/ttlMs must be a positive/);
    const db = {} as DataSource;
    eventCache(db, 'x', { topics, ttlMs: 1000 });
    expect(() => eventCache(db, 'x', { topics: ['other'], ttlMs: 1000 })).toThrow(/already watches/);
  });
});

describe('event cache and withTransaction', () => {
  it('a cache asking for every commit is cleared by any commit on its database; one that does not, only by its topics', async () => {
    const bus = new MemoryEventBus();
    const ctx = { bus, logger: silentLogger };
    const db = {} as DataSource;
    const every = eventCache(db, 'every', { topics, ttlMs: 60_000, everyCommit: true });
    const byTopic = eventCache(db, 'by-topic', { topics, ttlMs: 60_000 });
    await Promise.all([every.ready(ctx), byTopic.ready(ctx)]);
    let computed = 0;
    const compute = async () => ++computed;
    const a = await every.get(ctx, 'k', compute);
    const b = await byTopic.get(ctx, 'k', compute);
    invalidateCachesOnCommit({} as DataSource); // another database
    expect(await every.get(ctx, 'k', compute)).toBe(a);
    invalidateCachesOnCommit(db);
    expect(await every.get(ctx, 'k', compute)).not.toBe(a);
    expect(await byTopic.get(ctx, 'k', compute)).toBe(b);
    await bus.close();
  });
});

describe('withTransaction hooks', () => {
  it('run all and clear the caches after a commit even when one hook throws; the first error is rethrown', async () => {
    const bus = new MemoryEventBus();
    const ctx = { bus, logger: silentLogger };
    const db = { transaction: async (work: (manager: unknown) => Promise<unknown>) => work({ query: async () => [] }) } as unknown as DataSource;
    const cache = eventCache(db, 'every', { topics, ttlMs: 60_000, everyCommit: true });
    await cache.ready(ctx);
    let computed = 0;
    const compute = async () => ++computed;
    expect(await cache.get(ctx, 'k', compute)).toBe(1);
    const ran: string[] = [];
    await expect(
      withTransaction(db, async (tx) => {
        tx.onCommit(() => {
          ran.push('first');
          throw new Error('first hook failed');
        });
        tx.onCommit(() => {
          ran.push('second');
          throw new Error('second hook failed');
        });
        tx.onCommit(() => void ran.push('third'));
      }),
    ).rejects.toThrow('first hook failed');
    expect(ran).toEqual(['first', 'second', 'third']);
    expect(await cache.get(ctx, 'k', compute)).toBe(2);
    await bus.close();
  });
});

describe('event cache size', () => {
  it(`holds ${maxEntriesPerCache} entries at most, dropping the oldest`, async () => {
    const bus = new MemoryEventBus();
    const ctx = { bus, logger: silentLogger };
    const cache = new EventCache('bounded', topics, 60_000);
    await cache.ready(ctx);
    for (let i = 0; i <= maxEntriesPerCache; i++) await cache.get(ctx, `k${i}`, async () => i);
    expect(await cache.get(ctx, `k${maxEntriesPerCache}`, async () => -1)).toBe(maxEntriesPerCache);
    expect(await cache.get(ctx, 'k1', async () => -1)).toBe(1);
    expect(await cache.get(ctx, 'k0', async () => -1)).toBe(-1); // dropped
    await bus.close();
  });
});
