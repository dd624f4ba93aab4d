import { PgEventBus } from '../src/event-bus/pg-event-bus';
import { harnessWithDatabase } from './bus-harness';
import { eventBusSuite } from './event-bus.suite';

eventBusSuite('PostgreSQL LISTEN/NOTIFY', () => harnessWithDatabase((databaseUrl) => new PgEventBus(databaseUrl)));
