import { afterAll, beforeAll } from 'vitest';
import { PgEventBus } from '../event-bus/pg-event-bus';
import { silentLogger } from '../logger';
import type { TestSubgraph } from './index';

export interface SubgraphWithBus<S extends TestSubgraph> {
  readonly subgraph: S;
  /** A bus of its own on the subgraph's database, to watch the events the subgraph publishes. */
  readonly bus: PgEventBus;
}

/**
 * A test file's subgraph: `start()` before its tests, with a bus on the same database, both stopped
 * after them. Both start in `beforeAll`, so read them inside tests and hooks, not at a file's top.
 */
export function useSubgraphWithBus<S extends TestSubgraph>(start: () => Promise<S>): SubgraphWithBus<S> {
  let subgraph: S | undefined;
  let bus: PgEventBus | undefined;
  beforeAll(async () => {
    subgraph = await start();
    bus = new PgEventBus(subgraph.database.url, silentLogger);
  });
  afterAll(async () => {
    await bus?.close();
    await subgraph?.stop();
  });
  const notYet = (what: string) => new Error(`useSubgraphWithBus: the ${what} starts in beforeAll; read it inside a test or hook`);
  return {
    get subgraph() {
      if (!subgraph) throw notYet('subgraph');
      return subgraph;
    },
    get bus() {
      if (!bus) throw notYet('bus');
      return bus;
    },
  };
}
