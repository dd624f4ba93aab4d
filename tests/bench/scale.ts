import pg from 'pg';
import { createLogger } from '@ioc/kit';
import { bearerSocket, createTestDatabase, subscribe, type Live } from '@ioc/kit/testing';
import { devIssuer, generateDevSecrets, signDevToken } from '@ioc/gateway/dev-keys';
import { domainSeeds, seedAll } from '@ioc/seeds';
import { buildPackages, startBuiltGateway, startBuiltSubgraph, type BuiltProcess } from '../support/built';
import { jsonBodies, runLoad } from './http-bench';
import { forkBench, guard, machineLine, markdownTable, metric, ms, rssMiB, startBenchDatabase, stopChild, type BenchDatabase } from './support';

/**
 * `npm run bench:scale` (issue 12): the sizing figures of docs/operations.md, measured on the
 * production build (`node --conditions=built dist/…`, NODE_ENV=production), one replica of
 * each subgraph and one gateway over an embedded PostgreSQL with the small seed:
 * - memory of each process idle, and PostgreSQL connections each subgraph replica holds after
 *   a load (per database: each subgraph has its own here);
 * - requests/s through the one gateway for a query planned across egov and infrastructure;
 * - memory per 1,000 subscribers, gateway and subgraph, with BENCH_SUBSCRIBERS (default 2000)
 *   serverHealthChanged subscriptions on sockets of 100.
 * Knobs: BENCH_SECONDS (default 10), BENCH_CONCURRENCY (default 16), BENCH_EVENT_BUS and
 * BENCH_EVENT_BUS_URL (default the PostgreSQL bus).
 */
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 16);
const subscribers = Number(process.env.BENCH_SUBSCRIBERS ?? 2000);
const busEnv: Record<string, string> = process.env.BENCH_EVENT_BUS ? { EVENT_BUS: process.env.BENCH_EVENT_BUS, EVENT_BUS_URL: process.env.BENCH_EVENT_BUS_URL ?? '' } : {};
const subgraphNames = ['egov', 'infrastructure', 'security', 'economy'];
const crossQuery = 'query($first: Int!) { informationSystems(first: $first) { totalCount nodes { id nameEn hosting { servers { id health } } } } }';
// Twenty page sizes: identical reads in flight together are sent once (SHARE_INFLIGHT_READS), which would hide the subgraphs' share.
const pageSizes = Array.from({ length: 20 }, (_, n) => ({ first: n + 1 }));

let database: BenchDatabase | undefined;
const processes: BuiltProcess[] = [];
const run = guard('bench:scale', 15 * 60_000, async () => {
  for (const running of processes.splice(0)) await running.stop();
  await database?.stop();
});

async function connectionsByDatabase(adminUrl: string): Promise<Map<string, number>> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string; count: number }>("SELECT datname, count(*)::int AS count FROM pg_stat_activity WHERE datname LIKE 'scale_%' GROUP BY datname");
    return new Map(rows.map((row) => [row.datname, row.count]));
  } finally {
    await client.end();
  }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 3000));

run.run(async () => {
  console.log('bench:scale: building, starting embedded PostgreSQL and seeding (small)…');
  buildPackages(['@ioc/gateway', ...subgraphNames.map((name) => `@ioc/${name}`)]);
  database = await startBenchDatabase();
  const logger = createLogger('bench-seed', 'warn');
  const databaseNames = new Map<string, string>();
  const urls: Record<string, string> = {};
  const secrets = generateDevSecrets();
  for (const seed of domainSeeds) {
    const created = await createTestDatabase(database.adminUrl, `scale_${seed.subgraph.name}`);
    await seedAll({ databaseUrl: created.url, profile: 'small', logger }, [seed]);
    databaseNames.set(seed.subgraph.name, new URL(created.url).pathname.slice(1));
    const replica = await startBuiltSubgraph(seed.subgraph.name, created.url, secrets, busEnv);
    processes.push(replica);
    urls[seed.subgraph.name] = `${replica.url}/graphql`;
  }
  // One caller drives the whole load: lift the per-caller rate limit (1,200 a minute by default).
  const gateway = await startBuiltGateway(secrets, devIssuer, urls, { RATE_LIMIT_PER_MINUTE: '10000000' });
  processes.push(gateway);
  const byName = new Map(processes.map((running) => [running.name, running]));
  await settle();
  const idle = new Map(processes.map((running) => [running.name, rssMiB(running.pid)]));

  console.log(`bench:scale: ${concurrency} clients for ${seconds} s on the cross-subgraph query…`);
  const token = await signDevToken(secrets, 'ioc-viewer');
  const load = forkBench('http-load.ts');
  // The pools open connections on demand and close idle ones: sample the most each database had during the load.
  const peakConnections = new Map<string, number>();
  let loading = true;
  const sampling = (async () => {
    while (loading) {
      for (const [name, count] of await connectionsByDatabase(database!.adminUrl)) peakConnections.set(name, Math.max(count, peakConnections.get(name) ?? 0));
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  })();
  let result;
  try {
    result = await runLoad(load, [[{ url: `${gateway.url}/graphql`, headers: { authorization: `Bearer ${token}` }, bodies: jsonBodies(crossQuery, pageSizes) }]], { concurrency, warmupMs: 2000, durationMs: seconds * 1000 });
  } finally {
    loading = false;
    await sampling;
    await stopChild(load);
  }
  const afterLoad = new Map(processes.map((running) => [running.name, rssMiB(running.pid)]));

  console.log(`bench:scale: opening ${subscribers} subscriptions on sockets of 100…`);
  const before = new Map(processes.map((running) => [running.name, rssMiB(running.pid)]));
  const sockets = Array.from({ length: Math.ceil(subscribers / 100) }, () => bearerSocket(`${gateway.url}/graphql`, token));
  const lives: Array<Live<unknown>> = [];
  for (let n = 0; n < subscribers; n++) lives.push(subscribe(sockets[Math.floor(n / 100)]!, 'subscription { serverHealthChanged { id health } }'));
  for (let waited = 0; waited < 60_000 && (await metric(gateway.url, 'ioc_gateway_subscriptions_active')) < subscribers; waited += 500) await new Promise((resolve) => setTimeout(resolve, 500));
  await settle();
  const active = await metric(gateway.url, 'ioc_gateway_subscriptions_active');
  const upstream = await metric(gateway.url, 'ioc_gateway_upstream_subscriptions');
  const failed = lives.filter((live) => live.errors.length > 0).length;
  const withSubscribers = new Map(processes.map((running) => [running.name, rssMiB(running.pid)]));
  const connectionsWithSubscribers = await connectionsByDatabase(database.adminUrl);
  for (const live of lives) live.stop();
  await Promise.all(sockets.map((socket) => socket.dispose()));

  const perThousand = (name: string) => (((withSubscribers.get(name)! - before.get(name)!) * 1000) / subscribers).toFixed(1);
  console.log('');
  console.log(`## npm run bench:scale — production build, event bus ${busEnv.EVENT_BUS ?? 'postgres'}, one replica each`);
  console.log('');
  console.log(
    markdownTable(
      ['process', 'RSS idle MiB', 'RSS after load MiB', 'PostgreSQL connections, most during load', `with ${subscribers} subscribers`, 'MiB per 1,000 subscribers'],
      [...byName.keys()].map((name) => [
        name,
        ms(idle.get(name)!, 0),
        ms(afterLoad.get(name)!, 0),
        name === 'gateway' ? '—' : String(peakConnections.get(databaseNames.get(name)!) ?? 0),
        name === 'gateway' ? '—' : String(connectionsWithSubscribers.get(databaseNames.get(name)!) ?? 0),
        name === 'gateway' || name === 'infrastructure' ? perThousand(name) : '—',
      ]),
    ),
  );
  console.log('');
  console.log(
    markdownTable(
      ['gateway load', 'clients', 'requests/s', 'p50 ms', 'p99 ms', 'errors'],
      [['informationSystems(first: 1…20) with hosting (egov + infrastructure)', concurrency, ms(result.rps, 0), ms(result.p50), ms(result.p99), `${result.errors}${result.firstError ? ` (${result.firstError})` : ''}`]],
    ),
  );
  console.log('');
  console.log(`subscriptions: ${active} active at the gateway, ${upstream} upstream to the subgraph (identical subscriptions share one), ${failed} failed`);
  console.log(machineLine());
});
