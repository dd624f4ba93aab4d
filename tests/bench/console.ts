/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Code passed to page.evaluate runs in the browser.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { consoleDistDir, ensureConsoleBuilt } from '@ioc/infra/console-build';
import { consoleContext, launchChromium } from '../browser/support/browser';
import { startStack, type Stack } from '../support/stack';
import { guard, machineLine, ms, startBenchDatabase, type BenchDatabase } from './support';

/**
 * `npm run bench:console [-- --minutes N --rate N --seed full|small]`: the console's production
 * bundle (gzip), time from navigation to the overview's first live data, and a soak of the
 * overview in kiosk mode under a steady stream of events, with JS heap and DOM nodes each minute.
 */
const { values: args } = parseArgs({
  options: {
    minutes: { type: 'string', default: '10' },
    rate: { type: 'string', default: '24' },
    seed: { type: 'string', default: 'full' },
    loads: { type: 'string', default: '5' },
  },
});
const minutes = Number(args.minutes);
const eventsPerSecond = Number(args.rate);
const seed = args.seed === 'small' ? 'small' : 'full';
const loads = Number(args.loads);
const overviewTiles = 6;

let database: BenchDatabase | undefined;
let stack: Stack | undefined;
let browser: Browser | undefined;
let load: Load | undefined;
const run = guard('bench:console', (minutes + 10) * 60_000, async () => {
  await load?.stop();
  await browser?.close();
  await stack?.stop().catch(() => undefined);
  await database?.stop();
});

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const gzipSize = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Everything in web/dist, gzip-compressed one file at a time as a server would send it. */
function bundleSizes(): { total: number; code: number; fonts: number } {
  let code = 0;
  let fonts = 0;
  for (const path of filesUnder(consoleDistDir)) {
    if (/\.(woff2?|ttf)$/.test(path)) fonts += statSync(path).size;
    else code += gzipSize(path);
  }
  return { total: code + fonts, code, fonts };
}

/** The files the browser fetched from the console for the first screen, and their gzip sizes. */
async function firstScreen(page: Page, url: string): Promise<{ files: string[]; bytes: number }> {
  const fetched = new Set<string>();
  page.on('response', (response) => {
    const path = new URL(response.url()).pathname;
    if (response.ok() && (path === '/' || path.startsWith('/assets/'))) fetched.add(path);
  });
  await page.goto(url);
  await waitForLiveOverview(page);
  await page.waitForLoadState('networkidle');
  const files = [...fetched].map((path) => (path === '/' ? 'index.html' : path.slice(1)));
  const bytes = files.reduce((sum, file) => {
    const path = join(consoleDistDir, file);
    return sum + (/\.(woff2?)$/.test(file) ? statSync(path).size : gzipSize(path));
  }, 0);
  return { files, bytes };
}

/** Every overview tile is live and shows data (its age line is no longer "no data yet"). */
function waitForLiveOverview(page: Page, timeout = 60_000) {
  return page.waitForFunction(
    (count) => {
      const tiles = [...document.querySelectorAll('section[data-tile]')];
      return (
        tiles.length >= count &&
        tiles.every((tile) => tile.getAttribute('data-connection') === 'live' && !/no data yet|chưa có dữ liệu/.test(tile.querySelector('[data-testid="tile-age"]')?.textContent ?? ''))
      );
    },
    overviewTiles,
    { timeout, polling: 'raf' },
  );
}

/** Milliseconds from the start of navigation until every overview tile has live data. */
async function timeToLiveData(page: Page, url: string): Promise<number> {
  await page.goto(url, { waitUntil: 'commit' });
  await waitForLiveOverview(page);
  return page.evaluate(() => performance.now());
}

/**
 * A steady stream of events across the overview's streams, through the gateway as the ingest
 * role: each cycle flaps a BTS station (2 events), flaps a server (2), receives a dossier (1) and
 * raises an alert (1).
 */
interface Load {
  /** Events the graph accepted so far. */
  accepted(): number;
  stop(): Promise<void>;
}

function startLoad(target: Stack, perSecond: number): Load {
  const perCycle = 6;
  const cyclesPerSecond = perSecond / perCycle;
  let sent = 0;
  let cycle = 0;
  let failures = 0;
  const inFlight = new Set<Promise<void>>();
  const operations = [
    (n: number) => target.query(`mutation Bench_FlapBts($id: String!) { down: setBtsStatus(id: $id, status: DOWN, reason: "bench") { id } up: setBtsStatus(id: $id, status: UP) { id } }`, { id: `bts-${String((n % 1208) + 1).padStart(4, '0')}` }, 'ingest'),
    (n: number) => target.query(`mutation Bench_FlapServer($id: String!) { warn: setServerHealth(id: $id, health: WARNING) { id } ok: setServerHealth(id: $id, health: HEALTHY) { id } }`, { id: `vm-${String((n % 100) + 1).padStart(3, '0')}` }, 'ingest'),
    () => target.query(`mutation Bench_Dossier($input: ReceiveDossierInput!) { receiveDossier(input: $input) { id } }`, { input: { serviceId: 'dvc-0001', communeCode: '29263', channel: 'ONLINE' } }, 'ingest'),
    (n: number) =>
      target.query(`mutation Bench_Alert($input: RaiseAlertInput!) { raiseAlert(input: $input) { deduplicated } }`, { input: { kind: 'INTRUSION', source: 'SURICATA', rawSeverity: '2', title: `bench soak ${process.pid}-${n}`, systemId: 'ioffice', serverId: 'vm-001' } }, 'ingest'),
  ];
  const weights = [2, 2, 1, 1];
  const timer = setInterval(() => {
    const n = cycle++;
    operations.forEach((operation, index) => {
      const done = operation(n).then(
        (body) => {
          if (body.errors?.length) {
            if (failures++ < 3) console.error(`bench:console: event failed: ${JSON.stringify(body.errors).slice(0, 300)}`);
          } else sent += weights[index]!;
        },
        () => void failures++,
      );
      inFlight.add(done);
      void done.finally(() => inFlight.delete(done));
    });
  }, 1000 / cyclesPerSecond);
  return {
    accepted: () => sent,
    async stop() {
      clearInterval(timer);
      await Promise.all(inFlight);
    },
  };
}

run.run(async () => {
  console.log('bench:console: building the console if stale…');
  ensureConsoleBuilt((message) => console.log(`  ${message}`));
  const sizes = bundleSizes();

  console.log(`bench:console: starting embedded PostgreSQL, the subgraphs (${seed} seed) and the gateway serving web/dist…`);
  database = await startBenchDatabase();
  stack = await startStack({ adminUrl: database.adminUrl, seed, consoleDir: consoleDistDir });
  const base = `http://127.0.0.1:${stack.gateway.port}`;
  browser = await launchChromium();
  const token = await stack.tokenFor('ioc-viewer');

  const first = await (async () => {
    const context = await consoleContext(browser!, { token });
    try {
      return await firstScreen(await context.newPage(), `${base}/`);
    } finally {
      await context.close();
    }
  })();

  const cold: number[] = [];
  const warm: number[] = [];
  for (let i = 0; i < loads; i++) {
    const context = await consoleContext(browser, { token });
    const page = await context.newPage();
    cold.push(await timeToLiveData(page, `${base}/`));
    warm.push(await timeToLiveData(page, `${base}/`));
    await context.close();
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

  console.log(`\n${machineLine()}\n`);
  console.log('Production bundle (gzip -9 per file; fonts as shipped, already compressed)');
  console.log(`  first screen (overview, what the browser fetched: ${first.files.length} files)  ${kib(first.bytes)}`);
  console.log(`  total web/dist                                                      ${kib(sizes.total)}  (code ${kib(sizes.code)}, fonts ${kib(sizes.fonts)})`);
  console.log(`\nNavigation → every overview tile live with data (${loads} fresh profiles, ${seed} seed)`);
  console.log(`  cold cache  median ${ms(median(cold), 0)} ms   (${cold.map((v) => ms(v, 0)).join(', ')})`);
  console.log(`  warm cache  median ${ms(median(warm), 0)} ms   (${warm.map((v) => ms(v, 0)).join(', ')})`);

  console.log(`\nSoak: overview in kiosk mode for ${minutes} min, ${eventsPerSecond} events/s requested (BTS, servers, dossiers, alerts)`);
  const context = await consoleContext(browser, { token, viewport: { width: 1920, height: 1080 } });
  const page = await context.newPage();
  // Rotation would leave the overview: hold it there for the soak.
  await page.goto(`${base}/?kiosk&rotate=${minutes * 60 + 600}`);
  await waitForLiveOverview(page);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const sample = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const value = (name: string) => metrics.find((metric) => metric.name === name)?.value ?? NaN;
    return { heap: value('JSHeapUsedSize'), nodes: value('Nodes'), listeners: value('JSEventListeners') };
  };
  const rows: Array<{ minute: number; heap: number; nodes: number; listeners: number; events: number }> = [];
  const baseline = await sample();
  console.log('  minute  events/s  JS heap (after GC)  DOM nodes  listeners  tiles live');
  console.log(`  ${'0'.padStart(6)}  ${'-'.padStart(8)}  ${`${(baseline.heap / 2 ** 20).toFixed(1)} MiB`.padStart(18)}  ${String(baseline.nodes).padStart(9)}  ${String(baseline.listeners).padStart(9)}`);
  let acceptedBefore = 0;
  const soakLoad = (load = startLoad(stack, eventsPerSecond));
  const startedAt = Date.now();
  for (let minute = 1; minute <= minutes; minute++) {
    await new Promise((resolve) => setTimeout(resolve, startedAt + minute * 60_000 - Date.now()));
    const { heap, nodes, listeners } = await sample();
    const live = await page.$$eval('section[data-tile]', (tiles) => tiles.filter((tile) => tile.getAttribute('data-connection') === 'live').length);
    const accepted = soakLoad.accepted();
    rows.push({ minute, heap, nodes, listeners, events: accepted - acceptedBefore });
    acceptedBefore = accepted;
    console.log(
      `  ${String(minute).padStart(6)}  ${String(Math.round((rows.at(-1)!.events) / 60)).padStart(8)}  ${`${(heap / 2 ** 20).toFixed(1)} MiB`.padStart(18)}  ${String(nodes).padStart(9)}  ${String(listeners).padStart(9)}  ${live}/${overviewTiles}`,
    );
  }
  await soakLoad.stop();
  const delivered = soakLoad.accepted();
  const seconds = (Date.now() - startedAt) / 1000;
  console.log(`  events accepted by the graph: ${delivered} in ${seconds.toFixed(0)} s = ${(delivered / seconds).toFixed(1)}/s`);
  const reference = rows.find((row) => row.minute === 2) ?? rows[0];
  const last = rows.at(-1);
  if (reference && last && last !== reference) {
    const growth = (a: number, b: number) => `${(((b - a) / a) * 100).toFixed(1)} %`;
    console.log(`  growth from minute ${reference.minute} to ${last.minute}: heap ${growth(reference.heap, last.heap)}, DOM nodes ${growth(reference.nodes, last.nodes)}`);
  }
  await context.close();
});
