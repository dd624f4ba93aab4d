import { inject } from 'vitest';
import { DataSource } from 'typeorm';
import { withTransaction } from '../src/database';
import { PgEventBus } from '../src/event-bus/pg-event-bus';
import { createTestDatabase } from '../src/testing';
import { eventBusSuite } from './event-bus.suite';

class Rollback extends Error {}

eventBusSuite('PostgreSQL LISTEN/NOTIFY', async () => {
  const database = await createTestDatabase(inject('postgresAdminUrl'), 'bus');
  const db = await new DataSource({ type: 'postgres', url: database.url }).initialize();
  const bus = new PgEventBus(database.url);
  return {
    bus,
    async transaction(work, outcome) {
      try {
        await withTransaction(db, async (tx) => {
          await work(tx);
          if (outcome === 'rollback') throw new Rollback();
        });
      } catch (error) {
        if (!(error instanceof Rollback)) throw error;
      }
    },
    replica: async () => new PgEventBus(database.url),
    async close() {
      await bus.close();
      await db.destroy();
      await database.drop();
    },
  };
});
