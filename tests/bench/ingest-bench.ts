import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient, type Client } from 'graphql-ws';
import pg from 'pg';
import WebSocket from 'ws';
import { buildSubgraphSchemaOf, createLogger } from '@ioc/kit';
import { createTestDatabase } from '@ioc/kit/testing';
import { composeSupergraph } from '@ioc/gateway/compose';
import { devAuthOptions, generateDevSecrets, signDevToken } from '@ioc/gateway/dev-keys';
import { securitySubgraph } from '@ioc/security';
import { domainSeeds, seedAll } from '@ioc/seeds';
import { benchDir, freePort, markdownTable, ms, peakRssMiB, percentile, startBenchDatabase, startGatewayProcess, stopChild, type BenchDatabase, type Cleanups, type GatewayProcess } from './support';

/**
 * The SOC ingest benchmark's machinery (issue 10), run by `npm run bench:ingest` and by
 * `npm run bench:all`'s ingest part: sustained ingest through the gateway, a script that prints
 * figures (it asserts nothing about time). The security subgraph and the gateway run as their own
 * processes over a throwaway embedded PostgreSQL (small seed). For Wazuh NDJSON, then Suricata
 * EVE, BENCH_INGEST_SENDERS senders post bodies of BENCH_INGEST_LINES lines for
 * BENCH_INGEST_SECONDS: 20% of each body re-sends events of the sender's previous body
 * (duplicates), the rest are new events over 500 rule × agent fingerprints (they fold into open
 * alerts), and one marker line per body opens a new alert, which a live `alertRaised` subscriber
 * times from the request's start. Then the floor: the same rows (one per event) inserted straight
 * into PostgreSQL in batches of 1,000, no HTTP, no parsing. Afterwards it checks nothing was lost:
 * stored events equal accepted ones and the alerts' occurrences add up to them.
 */
export interface IngestBenchOptions {
  /** Per source (Wazuh, then Suricata). */
  seconds: number;
  senders: number;
  linesPerBody: number;
}

/** BENCH_INGEST_SECONDS (default `defaultSeconds`), BENCH_INGEST_SENDERS (4), BENCH_INGEST_LINES (2000). */
export function ingestOptionsFromEnv(defaultSeconds: number): IngestBenchOptions {
  return {
    seconds: Number(process.env.BENCH_INGEST_SECONDS ?? defaultSeconds),
    senders: Number(process.env.BENCH_INGEST_SENDERS ?? 4),
    linesPerBody: Number(process.env.BENCH_INGEST_LINES ?? 2000),
  };
}

const duplicateShare = 0.2;

async function startSecurity(port: number, databaseUrl: string, secret: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(benchDir, '..', '..', 'services', 'security', 'src', 'index.ts')], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: databaseUrl, GATEWAY_TOKEN_SECRET: secret, LOG_LEVEL: 'error' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the security subgraph exited with ${child.exitCode}`);
    if (await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.ok, () => false)) return child;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

type Source = 'wazuh' | 'suricata';
const agents = ['vm-001', 'vm-002', 'vm-003', 'vm-004', 'vm-005'];
const ips = ['10.84.10.2', '10.84.10.3', '10.84.10.4', '10.84.10.5', '10.84.10.6'];
/** Event times within one November day, whatever n is (tools' timestamps may not be in the future). */
const at = (n: number) => new Date(Date.UTC(2026, 10, 1) + (n % 86_400_000)).toISOString();

/** Event `n` of a source: 100 rules × 5 agents = 500 fingerprints; a marker gets a rule of its own. */
function eventLine(source: Source, n: number, marker?: number): string {
  const rule = marker === undefined ? 90_000 + (n % 100) : 200_000 + marker;
  const title = marker === undefined ? `bench rule ${rule}` : `bench marker ${marker}`;
  const agent = n % 5;
  if (source === 'wazuh') {
    return `{"timestamp":"${at(n).replace('Z', '+0000')}","rule":{"level":${3 + (n % 12)},"description":"${title}","id":"${rule}","groups":["syslog","sshd"],"mitre":{"id":["T1110"],"tactic":["Credential Access"]}},"agent":{"id":"0${17 + agent}","name":"${agents[agent]}","ip":"${ips[agent]}"},"manager":{"name":"bench"},"id":"b.${n}","full_log":"Nov 30 08:00:00 host sshd[1]: Invalid user admin from 203.0.113.45 port 51234","decoder":{"name":"sshd"},"location":"/var/log/auth.log"}`;
  }
  return `{"timestamp":"${at(n).replace('Z', '+0000')}","flow_id":${1_000_000_000 + n},"in_iface":"ens192","event_type":"alert","src_ip":"198.51.100.23","src_port":44321,"dest_ip":"${ips[agent]}","dest_port":443,"proto":"TCP","alert":{"action":"allowed","gid":1,"signature_id":${rule},"rev":1,"signature":"${title}","category":"Attempted Administrator Privilege Gain","severity":${1 + (n % 3)},"metadata":{"mitre_tactic_id":["TA0001"],"mitre_technique_id":["T1190"]}}}`;
}

interface Phase {
  source: Source;
  lines: number;
  accepted: number;
  duplicates: number;
  rejected: number;
  bodies: number;
  failures: number;
  wallMs: number;
  latencies: number[];
}

async function runPhase(source: Source, base: string, token: string, markerSeen: Map<number, number>, { seconds, senders, linesPerBody }: IngestBenchOptions): Promise<Phase> {
  const phase: Phase = { source, lines: 0, accepted: 0, duplicates: 0, rejected: 0, bodies: 0, failures: 0, wallMs: 0, latencies: [] };
  const sentAt = new Map<number, number>();
  let nextEvent = source === 'wazuh' ? 0 : 10_000_000_000;
  let nextMarker = source === 'wazuh' ? 0 : 5_000_000;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: senders }, async () => {
      let previous: number[] = [];
      while (performance.now() < deadline) {
        const marker = nextMarker++;
        const lines = [eventLine(source, nextEvent++, marker)];
        const fresh: number[] = [];
        const repeats = Math.floor(linesPerBody * duplicateShare);
        for (let i = 0; i < repeats && previous.length; i++) lines.push(eventLine(source, previous[(i * 7) % previous.length]!));
        while (lines.length < linesPerBody) {
          fresh.push(nextEvent);
          lines.push(eventLine(source, nextEvent++));
        }
        previous = fresh;
        const begun = performance.now();
        sentAt.set(marker, begun);
        const response = await fetch(`${base}/ingest/${source}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-ndjson' },
          body: lines.join('\n'),
        }).catch((error: Error) => {
          if (phase.failures === 0) console.error(`bench:ingest: a ${source} body got no response: ${error.message} (${String((error.cause as Error)?.message ?? '')})`);
          return null;
        });
        if (!response || response.status !== 200) {
          if (phase.failures++ === 0) console.error(`bench:ingest: a ${source} body failed: ${response ? `${response.status} ${await response.text()}` : 'no response'}`);
          continue;
        }
        const answer = (await response.json()) as { accepted: number; duplicates: number; rejectedTotal: number };
        phase.bodies += 1;
        phase.lines += lines.length;
        phase.accepted += answer.accepted;
        phase.duplicates += answer.duplicates;
        phase.rejected += answer.rejectedTotal;
        if (process.env.BENCH_INGEST_VERBOSE) console.error(`${source} body ${phase.bodies}: ${Math.round(performance.now() - begun)} ms`);
      }
    }),
  );
  phase.wallMs = performance.now() - started;
  // The last markers may still be on their way to the subscriber.
  await new Promise((resolve) => setTimeout(resolve, 2000));
  for (const [marker, begun] of sentAt) {
    const seen = markerSeen.get(marker);
    if (seen !== undefined) phase.latencies.push(seen - begun);
  }
  phase.latencies.sort((a, b) => a - b);
  return phase;
}

/** The same number of rows (one per event), inserted straight into a copy of alert_event in batches of 1,000. */
async function floor(db: pg.Client, rows: number): Promise<number> {
  await db.query('CREATE TABLE security.bench_floor (LIKE security.alert_event INCLUDING ALL)');
  const batch = 1000;
  const started = performance.now();
  for (let done = 0; done < rows; done += batch) {
    const n = Math.min(batch, rows - done);
    const ids = Array.from({ length: n }, (_, i) => `floor.${done + i}`);
    await db.query('BEGIN');
    await db.query(
      `INSERT INTO security.bench_floor (source, source_event_id, fingerprint, observed_at, suppressed_by)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::text[]) ON CONFLICT DO NOTHING`,
      [ids.map(() => 'WAZUH'), ids, ids.map((id) => `fp-${id.length % 500}`), ids.map(() => new Date()), ids.map(() => null)],
    );
    await db.query('COMMIT');
  }
  const elapsed = performance.now() - started;
  await db.query('DROP TABLE security.bench_floor');
  return rows / (elapsed / 1000);
}

/** Runs both sources and the floor; returns the printed report and how many accepted events are missing (0 when nothing was lost). */
export async function runIngestBench(options: IngestBenchOptions, cleanups: Cleanups): Promise<{ report: string; lost: number }> {
  const { seconds, senders, linesPerBody } = options;
  let database: BenchDatabase | undefined;
  let security: ChildProcess | undefined;
  let gateway: GatewayProcess | undefined;
  let subscriber: Client | undefined;
  const scratch = mkdtempSync(join(tmpdir(), 'ioc-bench-ingest-'));
  const release = cleanups.add(async () => {
    await subscriber?.dispose();
    await gateway?.stop();
    await stopChild(security);
    await database?.stop();
    rmSync(scratch, { recursive: true, force: true });
  });
  try {
    database = await startBenchDatabase();
    const target = await createTestDatabase(database.adminUrl, 'bench_ingest');
    await seedAll({ databaseUrl: target.url, profile: 'small', logger: createLogger('bench-seed', 'warn') }, domainSeeds);
    const secrets = generateDevSecrets();
    const port = await freePort();
    security = await startSecurity(port, target.url, secrets.gatewayTokenSecret);
    const supergraphPath = join(scratch, 'supergraph.graphql');
    writeFileSync(supergraphPath, composeSupergraph([{ name: 'security', url: `http://127.0.0.1:${port}/graphql`, sdl: (await buildSubgraphSchemaOf(securitySubgraph)).sdl }]));
    gateway = await startGatewayProcess({ supergraphPath, auth: devAuthOptions(secrets), limits: { ratePerMinute: 1_000_000 } });
    const token = await signDevToken(secrets, 'ingest');

    const markerSeen = new Map<number, number>();
    subscriber = createClient({ url: gateway.url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, lazy: false, retryAttempts: 0, connectionParams: { authorization: `Bearer ${await signDevToken(secrets, 'soc-analyst')}` } });
    await new Promise<void>((resolve, reject) => {
      subscriber!.subscribe<{ alertRaised: { title: string } }>(
        { query: 'subscription { alertRaised { id title } }' },
        {
          next: ({ data }) => {
            const match = /^bench marker (\d+)$/.exec(data?.alertRaised.title ?? '');
            if (match) markerSeen.set(Number(match[1]), performance.now());
          },
          error: (error) => reject(error instanceof Error ? error : new Error(JSON.stringify(error))),
          complete: () => undefined,
        },
      );
      // A subscription has no "started" message: give the upstream subscription a moment to open.
      setTimeout(resolve, 1500);
    });

    const db = new pg.Client({ connectionString: target.url });
    await db.connect();
    try {
      const phases: Phase[] = [];
      for (const source of ['wazuh', 'suricata'] as const) phases.push(await runPhase(source, gateway.base, token, markerSeen, options));
      const floorRate = await floor(db, Math.max(...phases.map((phase) => phase.accepted)));
      const { events, occurrences } = (
        await db.query<{ events: number; occurrences: number }>(
          `SELECT (SELECT count(*)::int FROM security.alert_event) AS events,
                  (SELECT coalesce(sum(occurrences), 0)::int FROM security.alert WHERE NOT synthetic AND rule_id IS NOT NULL) AS occurrences`,
        )
      ).rows[0]!;
      const accepted = phases.reduce((sum, phase) => sum + phase.accepted, 0);

      const report = [
        `## Ingest — ${seconds} s per source, ${senders} senders, ${linesPerBody} lines a body, ${duplicateShare * 100}% duplicates`,
        '',
        markdownTable(
          ['source', 'lines/s end to end', 'accepted/s', 'floor rows/s', 'ratio', 'p50 to subscriber (ms)', 'p99 to subscriber (ms)', 'markers seen', 'bodies', 'failed bodies', 'rejected lines'],
          phases.map((phase) => {
            const rate = phase.lines / (phase.wallMs / 1000);
            return [
              phase.source,
              Math.round(rate),
              Math.round(phase.accepted / (phase.wallMs / 1000)),
              Math.round(floorRate),
              `${Math.round((rate / floorRate) * 100)}%`,
              ms(percentile(phase.latencies, 50)),
              ms(percentile(phase.latencies, 99)),
              `${phase.latencies.length}/${phase.bodies}`,
              phase.bodies,
              phase.failures,
              phase.rejected,
            ];
          }),
        ),
        '',
        `peak RSS: gateway ${ms(peakRssMiB(gateway.pid), 0)} MiB, security subgraph ${ms(peakRssMiB(security.pid!), 0)} MiB`,
        `nothing lost: ${events === accepted && occurrences === accepted ? 'yes' : 'NO'} (events stored ${events}, accepted ${accepted}, occurrences folded ${occurrences})`,
      ].join('\n');
      return { report, lost: accepted - events };
    } finally {
      await db.end();
    }

  } finally {
    await release();
  }
}
