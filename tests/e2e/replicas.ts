import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { bearerSocket, createTestDatabase, eventually, startNatsServer, startRedisServer, subscribe, untilLive, type RunningBroker, type TestDatabase } from '@ioc/kit/testing';
import { devIssuer, generateDevSecrets, signDevToken } from '@ioc/gateway/dev-keys';
import { startBuiltGateway, startBuiltSubgraph, type BuiltProcess } from '../support/built';

// Scaled out on one machine: two built gateways and two built replicas of each subgraph over
// one PostgreSQL, once per event bus. Gateway A routes to the first replicas and gateway B to
// the second, so an event raised through B reaches a subscriber on A only through the bus.
// Run from built.e2e.ts, after its build: two files building at once would rewrite dist/ under
// each other's running processes.
const subgraphNames = ['egov', 'infrastructure', 'security', 'economy'];
const secrets = generateDevSecrets();
const databases = new Map<string, TestDatabase>();

interface Graph {
  gateways: [BuiltProcess, BuiltProcess];
  stop(): Promise<Array<number | null>>;
}

async function startGraph(bus: Record<string, string>): Promise<Graph> {
  const processes: BuiltProcess[] = [];
  try {
    const routes: [Record<string, string>, Record<string, string>] = [{}, {}];
    await Promise.all(
      subgraphNames.flatMap((name) =>
        routes.map(async (route) => {
          const replica = await startBuiltSubgraph(name, databases.get(name)!.url, secrets, bus);
          processes.push(replica);
          route[name] = `${replica.url}/graphql`;
        }),
      ),
    );
    const gateways = (await Promise.all(routes.map((route) => startBuiltGateway(secrets, devIssuer, route)))) as [BuiltProcess, BuiltProcess];
    processes.push(...gateways);
    return { gateways, stop: () => Promise.all(processes.map((running) => running.stop())) };
  } catch (error) {
    await Promise.all(processes.map((running) => running.stop()));
    throw error;
  }
}

async function post<T>(gateway: BuiltProcess, query: string, variables: Record<string, unknown>, role: 'ioc-viewer' | 'ingest'): Promise<T> {
  const response = await fetch(`${gateway.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await signDevToken(secrets, role)}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (body.errors) throw new Error(`${gateway.name}: ${JSON.stringify(body.errors)}`);
  return body.data!;
}

type Health = 'HEALTHY' | 'WARNING' | 'CRITICAL';
const setHealth = (gateway: BuiltProcess, id: string, health: Health) =>
  post(gateway, 'mutation($id: String!, $health: ServerHealth!) { setServerHealth(id: $id, health: $health) { id health } }', { id, health }, 'ingest');

/** Subscribes on `watcher`, changes a server's health through `writer`, and returns what the subscriber saw. */
async function healthSeenAcross(watcher: BuiltProcess, writer: BuiltProcess, serverId: string): Promise<Array<{ id: string; health: string }>> {
  const socket = bearerSocket(`${watcher.url}/graphql`, await signDevToken(secrets, 'ioc-viewer'));
  try {
    const live = subscribe<{ serverHealthChanged: { id: string; health: string } }>(socket, 'subscription($id: String) { serverHealthChanged(serverId: $id) { id health } }', { id: serverId });
    let toggle = 0;
    await untilLive(live, () => setHealth(writer, serverId, toggle++ % 2 ? 'HEALTHY' : 'WARNING'), 20_000);
    await setHealth(writer, serverId, 'CRITICAL');
    await setHealth(writer, serverId, 'HEALTHY');
    // Late echoes of the toggles above may come first: the last two events are the ones asked for.
    const lastTwo = () => live.events.slice(-2).map((event) => event.serverHealthChanged);
    await eventually(() => lastTwo().map((event) => event.health).join() === 'CRITICAL,HEALTHY' || live.errors.length > 0, 20_000, 'CRITICAL then HEALTHY');
    live.stop();
    expect(live.errors).toEqual([]);
    return lastTwo();
  } finally {
    await socket.dispose();
  }
}

const buses: Array<{ name: string; start: () => Promise<{ env: Record<string, string>; broker?: RunningBroker }> }> = [
  { name: 'PostgreSQL LISTEN/NOTIFY (the default)', start: async () => ({ env: {} }) },
  {
    name: 'Redis pub/sub',
    start: async () => {
      const broker = await startRedisServer();
      return { env: { EVENT_BUS: 'redis', EVENT_BUS_URL: broker.url }, broker };
    },
  },
  {
    name: 'NATS',
    start: async () => {
      const broker = await startNatsServer();
      return { env: { EVENT_BUS: 'nats', EVENT_BUS_URL: broker.url }, broker };
    },
  },
];

export function replicaSuite(): void {
  describe('scaled out', () => {
    beforeAll(async () => {
      // One database per subgraph, on one PostgreSQL, shared by both replicas of that subgraph.
      for (const name of subgraphNames) databases.set(name, await createTestDatabase(inject('postgresAdminUrl'), `replicas_${name}`, inject('seededDatabases')[name]));
    });
    afterAll(async () => {
      for (const database of databases.values()) await database.drop();
    });
    describe.each(buses)('two gateways and two replicas of each subgraph, on $name', ({ start }) => {
      it('deliver subscription events raised on one replica to subscribers of the other, both ways, and drain on SIGTERM', { timeout: 240_000 }, async () => {
        const { env, broker } = await start();
        const graph = await startGraph(env);
        try {
          const [a, b] = graph.gateways;
          const { servers } = await post<{ servers: { nodes: Array<{ id: string; status: string }> } }>(a, '{ servers(first: 20) { nodes { id status } } }', {}, 'ioc-viewer');
          const server = servers.nodes.find((node) => node.status !== 'RETIRED');
          expect(server).toBeDefined();
          expect(await healthSeenAcross(a, b, server!.id)).toEqual([
            { id: server!.id, health: 'CRITICAL' },
            { id: server!.id, health: 'HEALTHY' },
          ]);
          expect(await healthSeenAcross(b, a, server!.id)).toEqual([
            { id: server!.id, health: 'CRITICAL' },
            { id: server!.id, health: 'HEALTHY' },
          ]);
        } finally {
          const codes = await graph.stop();
          await broker?.stop();
          expect(codes).toEqual(Array(10).fill(0));
        }
      });
    });
  });
}
