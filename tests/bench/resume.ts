import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { subscribe } from '@ioc/kit/testing';
import { startStack, type Stack } from '../support/stack';
import { machineLine, ms, startBenchDatabase, type BenchDatabase } from './support';

/**
 * `npx tsx tests/bench/resume.ts` (issue 15): BENCH_RESUMES (default 20) identical
 * `alertRaised(after: "0")` subscriptions through the gateway on the full seed, all at once.
 * Prints the CPU time of the process (gateway and subgraphs run in it), the wall time until every
 * subscriber has every alert, and how many replay queries the security subgraph ran.
 */
const resumes = Number(process.env.BENCH_RESUMES ?? 20);
const document = 'subscription { alertRaised(after: "0") { id sequence title severity system { id nameVi } } }';

let database: BenchDatabase | undefined;
let stack: Stack | undefined;
const clients: Client[] = [];

async function main() {
  database = await startBenchDatabase();
  let replayQueries = 0;
  stack = await startStack({
    adminUrl: database.adminUrl,
    logQueries: (subgraph, sql) => {
      if (subgraph === 'security' && /sequence" > /.test(sql)) replayQueries++;
    },
  });
  const [{ count }] = (await stack.subgraphs.get('security')!.db.query('SELECT count(*)::int AS count FROM alert')) as [{ count: number }];
  const token = await stack.tokenFor('soc-analyst');
  const cpu = process.cpuUsage();
  const started = performance.now();
  const lives = Array.from({ length: resumes }, () => {
    const client = createClient({ url: stack!.gateway.url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, retryAttempts: 0, connectionParams: { authorization: `Bearer ${token}` } });
    clients.push(client);
    return subscribe(client, document);
  });
  await Promise.all(lives.map((live) => live.waitFor(count, 120_000)));
  const wall = performance.now() - started;
  const used = process.cpuUsage(cpu);
  console.log(`${resumes} × alertRaised(after: "0") through the gateway, ${count} alerts each`);
  console.log(`  wall time until all delivered: ${ms(wall)} ms`);
  console.log(`  CPU (gateway + subgraphs, one process): ${ms((used.user + used.system) / 1000)} ms`);
  console.log(`  replay queries in security: ${replayQueries} (pages of 200, shared between identical resumes)`);
  console.log(`  ${machineLine()}`);
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(async () => {
    for (const client of clients) await client.dispose();
    await stack?.stop().catch(() => undefined);
    await database?.stop();
  });
