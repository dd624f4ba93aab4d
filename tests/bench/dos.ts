import { getIntrospectionQuery } from 'graphql';
import { devAuthOptions } from '@ioc/gateway/dev-keys';
import { startStack, type Stack } from '../support/stack';
import { guard, machineLine, markdownTable, ms, percentile, startBenchDatabase, startGatewayProcess, type BenchDatabase, type GatewayProcess } from './support';

/**
 * `npm run bench:dos` (issue 15): for each denial-of-service class, the worst document at the
 * gateway's default limits (the largest one still admitted, and the one just past the limit),
 * sent BENCH_DOS_REPEAT times (default 5) by one caller. Prints the gateway process's CPU time per
 * request (from its process_cpu_seconds_total), and the latency of another caller's
 * `{ __typename }` sent every 20 ms meanwhile.
 */
const repeat = Number(process.env.BENCH_DOS_REPEAT ?? 5);

const chain = (length: number) =>
  `{ agencies(first: 1) { ...F0 } } ${Array.from({ length }, (_, i) => `fragment F${i} on AgencyConnection { ...F${i + 1} ...F${i + 1} }`).join(' ')} fragment F${length} on AgencyConnection { totalCount }`;
const agencyFields = 'id kind level nameEn nameVi synthetic unitCode lanSecured unit { code } informationSystems { id nameVi category inDataCentre lgspConnected }';
/** Fragments over the same fields (allowed: fragments may overlap); 27 of them are 487 selections, the most under the limit of 500. */
const overlapping = (count: number) =>
  `{ agencies(first: 1) { ${Array.from({ length: count }, (_, i) => `...O${i}`).join(' ')} } } ` +
  Array.from({ length: count }, (_, i) => `fragment O${i} on AgencyConnection { totalCount nodes { ${agencyFields} } }`).join(' ');
const depth = (levels: number) => {
  let selection = 'code';
  for (let i = 0; i < levels; i++) selection = `parent { ${selection} }`;
  return `{ administrativeUnit(code: "842") { ${selection} } }`;
};
const schemaCopies = (count: number) => `{ ${Array.from({ length: count }, (_, i) => `s${i}: __schema { types { name fields { name } } }`).join(' ')} }`;

interface Case {
  name: string;
  /** The status, and the first error's code if any. */
  send: (url: string, authorization: string) => Promise<string>;
}
const outcome = async (response: Response) => {
  const body = (await response.json().catch(() => ({}))) as { errors?: Array<{ extensions?: { code?: string } }> };
  return `${response.status}${body.errors?.[0] ? ` ${body.errors[0].extensions?.code ?? 'error'}` : ''}`;
};
const post = (query: string) => async (url: string, authorization: string) =>
  outcome(await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization }, body: JSON.stringify({ query }) }));

const cases: Case[] = [
  { name: 'fragment doubling, 8 levels (256 fields, admitted)', send: post(chain(8)) },
  { name: 'fragment doubling, 9 levels (512 fields, refused)', send: post(chain(9)) },
  { name: 'fragment doubling, 20 levels (refused)', send: post(chain(20)) },
  { name: '27 overlapping fragments, 487 selections (admitted)', send: post(overlapping(27)) },
  { name: '29 overlapping fragments, 523 selections (refused)', send: post(overlapping(29)) },
  { name: '4,000 repeated fields (refused)', send: post(`{ agencies(first: 1) { ${Array(4_000).fill('totalCount').join(' ')} } }`) },
  { name: '16,000 repeated fields (refused)', send: post(`{ agencies(first: 1) { ${Array(16_000).fill('totalCount').join(' ')} } }`) },
  { name: 'depth 12 (admitted)', send: post(depth(10)) },
  { name: 'cost 48,201: 100 units x 160 stations (admitted)', send: post('{ administrativeUnits(first: 100) { nodes { btsStations(first: 160) { nodes { id name } } } } }') },
  { name: "graphql-js's introspection query (admitted, development mode)", send: post(getIntrospectionQuery()) },
  { name: '2 aliased __schema (refused)', send: post(schemaCopies(2)) },
  { name: '20 aliased __schema (refused)', send: post(schemaCopies(20)) },
  { name: '10,001 tokens (refused)', send: post(`{ ${Array(10_001).fill('__typename').join(' ')} }`) },
  {
    name: 'GET padded with 1,001 parameters (refused)',
    send: async (url, authorization) =>
      outcome(await fetch(`${url}?${Array.from({ length: 1001 }, (_, i) => `p${i}=1`).join('&')}&query=${encodeURIComponent(depth(20))}`, { headers: { authorization, 'apollo-require-preflight': 'true' } })),
  },
];

let database: BenchDatabase | undefined;
let stack: Stack | undefined;
let gateway: GatewayProcess | undefined;

const bench = guard('bench:dos', 15 * 60_000, async () => {
  await gateway?.stop();
  await stack?.stop();
  await database?.stop();
});

bench.run(async () => {
  console.log('bench:dos: starting embedded PostgreSQL, the subgraphs (small seed) and a gateway process…');
  database = await startBenchDatabase();
  stack = await startStack({ adminUrl: database.adminUrl, seed: 'small' });
  gateway = await startGatewayProcess({ supergraphPath: stack.supergraphPath, auth: devAuthOptions(stack.secrets), limits: { ratePerMinute: 1_000_000 } });
  const attacker = `Bearer ${await stack.tokenFor('admin')}`;
  const other = `Bearer ${await stack.tokenFor('ioc-viewer')}`;
  const rows: Array<Array<string | number>> = [];
  for (const item of cases) {
    await item.send(gateway.url, attacker); // warm up
    let running = true;
    const latencies: number[] = [];
    const pinger = (async () => {
      while (running) {
        const started = performance.now();
        await post('{ __typename }')(gateway!.url, other);
        latencies.push(performance.now() - started);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    const statuses = new Set<string>();
    const cpuBefore = await gateway.metric('ioc_gateway_process_cpu_seconds_total');
    const wallStarted = performance.now();
    for (let i = 0; i < repeat; i++) statuses.add(await item.send(gateway.url, attacker));
    const wall = (performance.now() - wallStarted) / repeat;
    const cpu = ((await gateway.metric('ioc_gateway_process_cpu_seconds_total')) - cpuBefore) * 1000 / repeat;
    running = false;
    await pinger;
    latencies.sort((a, b) => a - b);
    rows.push([item.name, [...statuses].join(','), ms(cpu), ms(wall), ms(percentile(latencies, 50)), ms(latencies.at(-1) ?? NaN), latencies.length]);
  }
  console.log(machineLine());
  console.log(markdownTable(['document', 'status', 'gateway CPU ms / request', 'wall ms / request', "other caller's p50 ms", "other caller's max ms", 'pings'], rows));
  console.log('(CPU from process_cpu_seconds_total, which includes the metrics scrape itself and the pings; idle baseline: the tokens row)');
});
