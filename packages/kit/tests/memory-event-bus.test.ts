import { MemoryEventBus } from '../src/event-bus/memory-event-bus';
import { fakeTransaction } from '../src/testing';
import { eventBusSuite } from './event-bus.suite';

eventBusSuite('in-memory', async () => {
  const bus = new MemoryEventBus();
  return {
    bus,
    async transaction(work, outcome) {
      const { tx, commit, rollback } = fakeTransaction();
      await work(tx);
      if (outcome === 'commit') commit();
      else rollback();
    },
    close: () => bus.close(),
  };
});
