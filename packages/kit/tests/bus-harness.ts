import { inject } from 'vitest';
import { DataSource } from 'typeorm';
import { withTransaction } from '../src/database';
import type { EventBus } from '../src/event-bus/event-bus';
import { createTestDatabase } from '../src/testing';
import type { BusHarness } from './event-bus.suite';

class Rollback extends Error {}

/**
 * A bus harness whose transactions are real PostgreSQL ones on a fresh database, so the suite's
 * commit and rollback cases run through the kit's own `withTransaction` hooks.
 */
export async function harnessWithDatabase(
  makeBus: (databaseUrl: string) => EventBus,
  stopBackend: () => Promise<void> = async () => undefined,
  dropLink?: (db: DataSource) => Promise<void>,
): Promise<BusHarness> {
  const database = await createTestDatabase(inject('postgresAdminUrl'), 'bus');
  const db = await new DataSource({ type: 'postgres', url: database.url }).initialize();
  const bus = makeBus(database.url);
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
    replica: async () => makeBus(database.url),
    ...(dropLink ? { dropLink: () => dropLink(db) } : {}),
    async close() {
      await bus.close();
      await db.destroy();
      await database.drop();
      await stopBackend();
    },
  };
}
