import { describe, expect, it } from 'vitest';
import { BoundedQueue } from '../src/bounded-queue';
import { MemoryEventBus } from '../src/event-bus/memory-event-bus';
import { EventBusOverflowError } from '../src/event-bus/event-bus';

const end = { value: undefined, done: true };

describe('bounded queue', () => {
  it('hands items to a waiting reader first, then queues them in order', async () => {
    const queue = new BoundedQueue<number>({ limit: 3 });
    const waiting = queue.next();
    expect(queue.push(1)).toBe(true);
    expect(await waiting).toEqual({ value: 1, done: false });
    queue.push(2);
    queue.push(3);
    expect(queue.size).toBe(2);
    expect(await queue.next()).toEqual({ value: 2, done: false });
    expect(queue.take()).toBe(3);
    expect(queue.take()).toBeUndefined();
  });

  it('closes on the push past its limit, dropping what it held, and calls onOverflow and onClose once', async () => {
    const overflows: number[] = [];
    let closes = 0;
    const queue = new BoundedQueue<number>({ limit: 2, onOverflow: (limit) => void overflows.push(limit), onClose: () => void closes++ });
    expect([queue.push(1), queue.push(2), queue.push(3), queue.push(4)]).toEqual([true, true, false, false]);
    expect(overflows).toEqual([2]);
    expect(closes).toBe(1);
    expect(queue.accepting).toBe(false);
    expect(await queue.next()).toEqual(end);
  });

  it('a burst of 2,000 events to a reader that stopped reading ends its queue at 1,000 instead of crashing', async () => {
    const overflows: number[] = [];
    const queue = new BoundedQueue<{ n: number }>({ limit: 1000, onOverflow: (limit) => void overflows.push(limit) });
    let taken = 0;
    for (let n = 0; n < 2000; n++) if (queue.push({ n })) taken++;
    expect(taken).toBe(1000);
    expect(overflows).toEqual([1000]);
    expect(queue.size).toBe(0);
  });

  it('an overflow error is what the next read rejects with; later reads end', async () => {
    const queue = new BoundedQueue<number>({ limit: 1, onOverflow: () => new Error('fell behind') });
    queue.push(1);
    queue.push(2);
    await expect(queue.next()).rejects.toThrow('fell behind');
    expect(await queue.next()).toEqual(end);
  });

  it('end() lets the reader finish what is queued; fail() drops it and rejects the waiting reader', async () => {
    const ended = new BoundedQueue<number>({ limit: 5 });
    ended.push(1);
    ended.end();
    expect(ended.push(2)).toBe(false);
    expect(await ended.next()).toEqual({ value: 1, done: false });
    expect(await ended.next()).toEqual(end);

    const failed = new BoundedQueue<number>({ limit: 5 });
    const waiting = failed.next();
    failed.fail(new Error('source lost'));
    await expect(waiting).rejects.toThrow('source lost');
    expect(await failed.next()).toEqual(end);
  });

  it('return() ends a waiting read at once and drops what is queued', async () => {
    let closes = 0;
    const queue = new BoundedQueue<number>({ limit: 5, onClose: () => void closes++ });
    const waiting = queue.next();
    await queue.return();
    expect(await waiting).toEqual(end);
    queue.push(1);
    expect(await queue.next()).toEqual(end);
    expect(closes).toBe(1);
  });

  it('refuses a limit below 1', () => {
    expect(() => new BoundedQueue({ limit: 0 })).toThrow(/at least 1, not 0/);
  });
});

describe('the event bus on bounded queues', () => {
  it('a subscriber 10,001 events behind at the default buffer is dropped with an overflow error; the others keep reading', async () => {
    const bus = new MemoryEventBus();
    const slow = await bus.subscribe('burst');
    const fast = await bus.subscribe('burst');
    const read: number[] = [];
    const reading = (async () => {
      for await (const event of fast) {
        read.push(event.n as number);
        if (read.length === 10_001) break;
      }
    })();
    for (let n = 0; n <= 10_000; n++) {
      await bus.publish('burst', { n });
      // Delivery is a microtask after publish: let each one land so the fast reader keeps up.
      await new Promise((resolve) => setImmediate(resolve));
    }
    await reading;
    expect(read[10_000]).toBe(10_000);
    await expect(slow.next()).rejects.toBeInstanceOf(EventBusOverflowError);
    expect(await slow.next()).toEqual(end);
    await bus.close();
  });
});
