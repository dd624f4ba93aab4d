import type { PubSub } from 'type-graphql';
import type { EventBus, EventPayload, EventStream } from './event-bus';

/**
 * type-graphql's `@Subscription({ topics })` on top of the event bus, so subgraph subscriptions
 * see events from every replica. `return()` unsubscribes at once, even before the first event.
 */
export function eventBusPubSub(bus: EventBus): PubSub {
  return {
    publish(topic, payload) {
      void bus.publish(topic, payload as EventPayload);
    },
    subscribe(topic) {
      return {
        [Symbol.asyncIterator]() {
          let stream: EventStream<EventPayload> | undefined;
          let ended = false;
          const ready = bus.subscribe(topic).then((opened) => {
            stream = opened;
            if (ended) void opened.return();
            return opened;
          });
          return {
            next: async () => (ended ? { value: undefined, done: true as const } : (await ready).next()),
            return: async () => {
              ended = true;
              await stream?.return();
              return { value: undefined, done: true as const };
            },
          };
        },
      };
    },
  };
}

/** For building a schema without a bus (printing SDL): any subscription attempt is a bug. */
export const inertPubSub: PubSub = {
  publish() {
    throw new Error('this schema was built without an event bus');
  },
  subscribe() {
    throw new Error('this schema was built without an event bus');
  },
};
