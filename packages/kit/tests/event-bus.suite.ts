import { afterEach, describe, expect, it } from 'vitest';
import type { Transaction } from '../src/database';
import { EventBusClosedError, EventBusOverflowError, InvalidEventError, type EventBus, type EventPayload, type EventStream } from '../src/event-bus/event-bus';

export interface BusHarness {
  bus: EventBus;
  /** Runs `work` in a transaction; `outcome` decides whether it commits. */
  transaction(work: (tx: Transaction) => Promise<void>, outcome: 'commit' | 'rollback'): Promise<void>;
  /** A second bus on the same backend, as another replica would have; absent for in-process buses. */
  replica?: () => Promise<EventBus>;
  /** Cuts the bus's connection to its backend from the backend's side, as a restart would; absent where the test cannot. */
  dropLink?: () => Promise<void>;
  close(): Promise<void>;
}

const nextWithin = <T>(stream: EventStream<T>, ms = 2000) =>
  Promise.race([stream.next(), new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no event within ${ms} ms`)), ms))]);

/** Starts a read and reports whether it stayed unanswered for `ms`; the read stays pending for later use. */
const quietFor = async <T>(read: Promise<IteratorResult<T>>, ms = 150) => {
  const outcome = await Promise.race([read.then(() => 'event'), new Promise((resolve) => setTimeout(() => resolve('quiet'), ms))]);
  return outcome === 'quiet';
};

/** One behaviour for every EventBus implementation: run against each of them. */
export function eventBusSuite(name: string, makeHarness: () => Promise<BusHarness>) {
  describe(`${name} event bus`, () => {
    let harness: BusHarness;
    const open: EventBus[] = [];
    const start = async () => {
      harness = await makeHarness();
      return harness.bus;
    };
    afterEach(async () => {
      for (const bus of open.splice(0)) await bus.close();
      await harness?.close();
    });

    it('delivers an event to every subscriber of its topic and no other', async () => {
      const bus = await start();
      const a = await bus.subscribe('alert.raised');
      const b = await bus.subscribe('alert.raised');
      const other = await bus.subscribe('bts.status-changed');
      await bus.publish('alert.raised', { id: 'a-1' });
      expect((await nextWithin(a)).value).toEqual({ id: 'a-1' });
      expect((await nextWithin(b)).value).toEqual({ id: 'a-1' });
      expect(await quietFor(other.next())).toBe(true);
    });

    it('keeps publication order', async () => {
      const bus = await start();
      const stream = await bus.subscribe<{ n: number }>('order.test');
      for (let n = 0; n < 50; n++) await bus.publish('order.test', { n });
      const seen: number[] = [];
      for (let n = 0; n < 50; n++) seen.push((await nextWithin(stream)).value.n);
      expect(seen).toEqual([...Array(50).keys()]);
    });

    it('delivers an event published in a transaction only when it commits', async () => {
      const bus = await start();
      const stream = await bus.subscribe('dossier.received');
      const read = stream.next();
      let quietBeforeCommit = false;
      await harness.transaction(async (tx) => {
        await bus.publish('dossier.received', { id: 'd-1' }, tx);
        quietBeforeCommit = await quietFor(read);
      }, 'commit');
      expect(quietBeforeCommit).toBe(true);
      expect((await read).value).toEqual({ id: 'd-1' });
    });

    it('never delivers an event whose transaction rolls back', async () => {
      const bus = await start();
      const stream = await bus.subscribe('dossier.received');
      await harness.transaction(async (tx) => bus.publish('dossier.received', { id: 'lost' }, tx), 'rollback');
      await bus.publish('dossier.received', { id: 'kept' });
      expect((await nextWithin(stream)).value).toEqual({ id: 'kept' });
    });

    it('unsubscribes at once on return(), ending a pending read', async () => {
      const bus = await start();
      const stream = await bus.subscribe('server.changed');
      const pending = stream.next();
      await stream.return();
      expect(await pending).toEqual({ value: undefined, done: true });
      await bus.publish('server.changed', { id: 's' });
      expect(await stream.next()).toEqual({ value: undefined, done: true });
    });

    it('drops a subscriber that falls too far behind, and only that one', async () => {
      const bus = await start();
      const slow = await bus.subscribe('burst', { bufferSize: 5 });
      const fast = await bus.subscribe('burst', { bufferSize: 100 });
      for (let n = 0; n < 10; n++) await bus.publish('burst', { n });
      for (let n = 0; n < 10; n++) expect((await nextWithin(fast)).value).toEqual({ n });
      await expect(slow.next()).rejects.toBeInstanceOf(EventBusOverflowError);
      expect(await slow.next()).toEqual({ value: undefined, done: true });
      await bus.publish('burst', { n: 10 });
      expect((await nextWithin(fast)).value).toEqual({ n: 10 });
    });

    it('refuses bad topics and payloads too large to notify', async () => {
      const bus = await start();
      await expect(bus.publish('Bad Topic', {})).rejects.toBeInstanceOf(InvalidEventError);
      await expect(bus.publish('big', { blob: 'x'.repeat(9000) })).rejects.toThrow(/limit is 7900/);
      await expect(bus.subscribe('Bad Topic')).rejects.toBeInstanceOf(InvalidEventError);
    });

    it('refuses a subscription once closed', async () => {
      const bus = await start();
      await bus.close();
      await expect(bus.subscribe('alert.raised')).rejects.toBeInstanceOf(EventBusClosedError);
    });

    it('reports its link dropping and coming back, and delivers again after it is back', async ({ skip }) => {
      const bus = await start();
      if (!harness.dropLink) return skip('no way to cut this bus\'s link here');
      const changes: boolean[] = [];
      bus.onLinkChange((up) => changes.push(up));
      const stream = await bus.subscribe<EventPayload>('alert.raised');
      await harness.dropLink();
      for (let waited = 0; changes.length < 2 && waited < 10_000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(changes).toEqual([false, true]);
      await bus.publish('alert.raised', { id: 'after' });
      expect((await nextWithin(stream)).value).toEqual({ id: 'after' });
    });

    it('delivers events between replicas sharing the backend', async ({ skip }) => {
      const bus = await start();
      if (!harness.replica) return skip('in-process bus: no replicas');
      const other = await harness.replica();
      open.push(other);
      const seenByOther = await other.subscribe<EventPayload>('alert.raised');
      const seenByFirst = await bus.subscribe<EventPayload>('alert.raised');
      await bus.publish('alert.raised', { id: 'from-first' });
      await other.publish('alert.raised', { id: 'from-replica' });
      expect((await nextWithin(seenByOther)).value).toEqual({ id: 'from-first' });
      expect((await nextWithin(seenByOther)).value).toEqual({ id: 'from-replica' });
      expect((await nextWithin(seenByFirst)).value).toEqual({ id: 'from-first' });
      expect((await nextWithin(seenByFirst)).value).toEqual({ id: 'from-replica' });
    });
  });
}
