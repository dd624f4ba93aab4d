import { PgEventBus } from '../src/event-bus/pg-event-bus';
import { harnessWithDatabase } from './bus-harness';
import { eventBusSuite } from './event-bus.suite';

eventBusSuite('PostgreSQL LISTEN/NOTIFY', () =>
  harnessWithDatabase(
    (databaseUrl) => new PgEventBus(databaseUrl),
    undefined,
    // What a PostgreSQL restart does to the listening connection.
    async (db) => {
      const killed = await db.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN%' AND pid <> pg_backend_pid()`);
      if (killed.length === 0) throw new Error('no listening connection to cut');
    },
  ),
);
