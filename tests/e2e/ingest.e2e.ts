import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createLogger } from '@ioc/kit';
import { startGateway, type RunningGateway } from '@ioc/gateway';
import { devAuthOptions } from '@ioc/gateway/dev-keys';
import { startStack, type Stack } from '../support/stack';

const fixtures = join(import.meta.dirname, '..', '..', 'services', 'security', 'tests', 'fixtures');
const fixture = (name: string) => readFileSync(join(fixtures, name));

let stack: Stack;
let base: string;

beforeAll(async () => {
  stack = await startStack({ adminUrl: inject('postgresAdminUrl') });
  base = stack.gateway.url.replace(/\/graphql$/, '');
});
afterAll(async () => {
  await stack?.stop();
});

type Answer = { accepted: number; duplicates: number; skipped: number; suppressed: number; rejected: Array<{ line: number; error: string }>; rejectedTotal: number; error?: string; limit?: number };

async function ingest(url: string, body: string | Uint8Array | Readable, token: string | null, headers: Record<string, string> = {}) {
  const streamed = body instanceof Readable;
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-ndjson', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: streamed ? (Readable.toWeb(body) as ReadableStream) : body,
    ...(streamed ? { duplex: 'half' } : {}),
  } as RequestInit);
  return { status: response.status, body: (await response.json()) as Answer };
}

/**
 * An EVE body made as it is read: `alerts` alert lines (one flow each, so none folds away), then
 * `flows` flow lines of ~1 KiB (skipped). With `gate`, the body pauses after the alerts until
 * `gate()` resolves: a gateway or subgraph that held the body before working on it would never
 * let the gate open.
 */
function eveBody(alerts: number, flows: number, runId: number, gate?: () => Promise<void>): Readable {
  let n = 0;
  const pad = 'x'.repeat(900);
  const total = alerts + flows;
  return new Readable({
    async read() {
      if (n === alerts && gate) await gate();
      for (let batch = 0; batch < 256 && n < total; batch++, n++) {
        const event =
          n < alerts
            ? { timestamp: '2026-11-30T16:00:00.000000+0700', flow_id: runId * 1_000_000 + n, event_type: 'alert', src_ip: '198.51.100.7', dest_ip: '10.84.10.2', dest_port: 22, proto: 'TCP', alert: { signature_id: 2001219, rev: 20, signature: 'ET SCAN Potential SSH Scan', category: 'Attempted Information Leak', severity: 2 } }
            : { timestamp: '2026-11-30T16:00:00.000000+0700', flow_id: runId * 1_000_000 + n, event_type: 'flow', src_ip: '10.84.10.2', dest_ip: '10.84.1.2', proto: 'UDP', flow: { pad } };
        this.push(`${JSON.stringify(event)}\n`);
        if (n + 1 === alerts && gate) { n++; return; }
      }
      if (n >= total) this.push(null);
    },
  });
}

/** A Wazuh alert line with its own event id and rule (no ATT&CK ids unless given: the filters above see none of these). */
const wazuhLine = (id: string, rule: number, mitre?: { id: string[]; tactic: string[] }) =>
  JSON.stringify({
    timestamp: '2026-11-30T08:22:11.123+0000',
    rule: { level: 5, description: `regression rule ${rule}`, id: String(rule), groups: ['syslog'], ...(mitre ? { mitre } : {}) },
    agent: { id: '017', name: 'vm-001', ip: '10.84.10.2' },
    manager: { name: 'wazuh-manager-tv' },
    id,
    full_log: 'Nov 30 15:22:10 ioffice-1 sshd[21394]: Connection closed',
    decoder: { name: 'sshd' },
    location: '/var/log/auth.log',
  });

/** Fisher–Yates with a seeded generator: each body its own, reproducible order. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed;
  for (let i = out.length - 1; i > 0; i--) {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('POST /ingest/* through the gateway', () => {
  it('authenticates the caller: no token 401, a viewer 403, ingest and admin in', async () => {
    const url = `${base}/ingest/wazuh`;
    expect(await ingest(url, '{}', null)).toMatchObject({ status: 401, body: { error: expect.stringMatching(/missing bearer token/) } });
    expect(await ingest(url, '{}', await stack.tokenFor('ioc-viewer'))).toMatchObject({ status: 403, body: { error: 'POST /ingest/wazuh needs role ingest or admin, not ioc-viewer' } });
    expect((await ingest(url, '', await stack.tokenFor('admin'))).status).toBe(200);
  });

  it('streams Wazuh lines to the subgraph and answers its counts; the same body again is all duplicates', async () => {
    const token = await stack.tokenFor('ingest');
    const first = await ingest(`${base}/ingest/wazuh`, fixture('wazuh-alerts.ndjson'), token);
    expect(first).toMatchObject({ status: 200, body: { accepted: 7, duplicates: 1, skipped: 1, suppressed: 0, rejectedTotal: 5 } });
    const again = await ingest(`${base}/ingest/wazuh`, fixture('wazuh-alerts.ndjson'), token);
    expect(again.body).toMatchObject({ accepted: 0, duplicates: 8, skipped: 1, rejectedTotal: 5 });
  });

  it('links the alerts across the graph: the server from infrastructure, the system and agency from egov, filterable by ATT&CK', async () => {
    const result = await stack.query<{ alerts: { nodes: Array<Record<string, any>> } }>(
      '{ alerts(source: WAZUH, mitreTechnique: "T1110") { nodes { ruleId occurrences severity rawSeverity severityScale mitreTactics server { id hostname } system { id } agency { id } } } }',
      {},
      'soc-analyst',
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.alerts.nodes).toEqual([
      { ruleId: '5712', occurrences: 2, severity: 'CRITICAL', rawSeverity: '12', severityScale: 'WAZUH_LEVEL', mitreTactics: ['TA0006'], server: { id: 'vm-001', hostname: 'ioffice-1.dc.travinh.gov.vn' }, system: { id: 'ioffice' }, agency: { id: 'STTTT' } },
    ]);
  });

  it('streams Suricata EVE and counts the other event types as skipped', async () => {
    const { status, body } = await ingest(`${base}/ingest/suricata`, fixture('suricata-eve.ndjson'), await stack.tokenFor('ingest'));
    expect(status).toBe(200);
    expect(body).toMatchObject({ accepted: 4, duplicates: 1, skipped: 4, rejectedTotal: 5 });
  });

  it('streams a 60 MB body through gateway and subgraph: the first batch commits before the body has been sent', async () => {
    const db = new pg.Client({ connectionString: stack.database.url });
    await db.connect();
    const committed = async () =>
      (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM security.alert_event WHERE source = 'SURICATA' AND source_event_id LIKE '7%'`)).rows[0]!.n;
    try {
      // 1,500 alerts: the first 1,000 are one committed batch while the body is still open.
      const gate = async () => {
        while ((await committed()) < 1000) await new Promise((resolve) => setTimeout(resolve, 50));
      };
      const { status, body } = await ingest(`${base}/ingest/suricata`, eveBody(1500, 60_000, 7, gate), await stack.tokenFor('ingest'));
      expect(status).toBe(200);
      expect(body).toMatchObject({ accepted: 1500, duplicates: 0, skipped: 60_000, rejectedTotal: 0 });
      expect(await committed()).toBe(1500);
    } finally {
      await db.end();
    }
  });

  it('answers 413 naming the limit: from Content-Length before reading, or once a streamed body passes it', async () => {
    const token = await stack.tokenFor('ingest');
    const limit = 256 * 1024 * 1024;
    const announced = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const sent = request(`${base}/ingest/wazuh`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-length': String(limit + 1) } }, (response) => {
        let text = '';
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode!, body: text }));
      });
      sent.on('error', reject);
      sent.flushHeaders();
    });
    expect(announced.status).toBe(413);
    expect(JSON.parse(announced.body)).toEqual({ error: `request body too large: the limit is ${limit} bytes`, limit });

    const small: RunningGateway = await startGateway({
      port: 0,
      host: '127.0.0.1',
      supergraphPath: stack.supergraphPath,
      auth: devAuthOptions(stack.secrets),
      logger: createLogger('test', 'silent'),
      limits: { ingestBodyLimit: '64kb' },
    });
    try {
      const streamed = await ingest(small.url.replace(/\/graphql$/, '/ingest/suricata'), eveBody(0, 200, 8), token);
      expect(streamed).toEqual({ status: 413, body: { error: 'request body too large: the limit is 65536 bytes', limit: 65536 } });
    } finally {
      await small.close();
    }
  });

  // Regression (bench:ingest hung): a body read to its end is destroyed (autoDestroy), and the route
  // took that for "the sender went away", so a failed commit was never answered.
  it('answers a body whose commit fails with a 500 naming the error, after reading the whole body', async () => {
    const db = new pg.Client({ connectionString: stack.database.url });
    await db.connect();
    try {
      await db.query(`ALTER TABLE security.alert_event ADD CONSTRAINT regression_refused CHECK (source_event_id <> 'wazuh-manager-tv/refused.1') NOT VALID`);
      const body = [wazuhLine('refused.0', 870_001), wazuhLine('refused.1', 870_001)].join('\n');
      const { status, body: answer } = await ingest(`${base}/ingest/wazuh`, body, await stack.tokenFor('ingest'));
      expect(status).toBe(500);
      expect(answer.error).toMatch(/^ingest failed after 0 committed events: .*regression_refused.*; re-send the body/);
      // All or nothing per batch: the good line of the failed batch is not stored either.
      expect((await db.query(`SELECT count(*)::int AS n FROM security.alert_event WHERE source_event_id LIKE 'wazuh-manager-tv/refused.%'`)).rows[0].n).toBe(0);
    } finally {
      await db.query('ALTER TABLE security.alert_event DROP CONSTRAINT IF EXISTS regression_refused');
      await db.end();
    }
  });

  // Regression (bench:ingest): concurrent bodies folding into the same alerts in different orders
  // deadlocked in PostgreSQL, which aborted one of them.
  it('takes concurrent bodies over the same fingerprints in any line order: each answered 200, every event folded once', async () => {
    const token = await stack.tokenFor('ingest');
    const rules = Array.from({ length: 100 }, (_, i) => 880_000 + i);
    const bodies = Array.from({ length: 6 }, (_, b) =>
      shuffled(
        Array.from({ length: 1000 }, (_, i) => wazuhLine(`concurrent.${b}.${i}`, rules[i % rules.length]!)),
        b + 1,
      ).join('\n'),
    );
    const answers = await Promise.all(bodies.map((body) => ingest(`${base}/ingest/wazuh`, body, token)));
    expect(answers.map(({ status, body }) => ({ status, error: body.error }))).toEqual(bodies.map(() => ({ status: 200, error: undefined })));
    expect(answers.reduce((sum, { body }) => sum + body.accepted, 0)).toBe(6000);
    const db = new pg.Client({ connectionString: stack.database.url });
    await db.connect();
    try {
      const { rows } = await db.query<{ alerts: number; occurrences: number }>(
        `SELECT count(*)::int AS alerts, sum(occurrences)::int AS occurrences FROM security.alert WHERE source = 'WAZUH' AND rule_id ~ '^8800[0-9]{2}$'`,
      );
      expect(rows[0]).toEqual({ alerts: 100, occurrences: 6000 });
    } finally {
      await db.end();
    }
  });

  it('merges the ATT&CK ids of events folded into an open alert, in one body and across bodies, each id once', async () => {
    const token = await stack.tokenFor('ingest');
    const first = await ingest(`${base}/ingest/wazuh`, wazuhLine('mitre.0', 871_000, { id: ['T1110'], tactic: ['Credential Access'] }), token);
    expect(first.body).toMatchObject({ accepted: 1, duplicates: 0 });
    const second = await ingest(
      `${base}/ingest/wazuh`,
      [
        wazuhLine('mitre.1', 871_000, { id: ['T1078', 'T1110'], tactic: ['TA0001', 'TA0006'] }),
        wazuhLine('mitre.2', 871_000, { id: ['T1021.004'], tactic: ['Lateral Movement'] }),
        wazuhLine('mitre.3', 871_000),
      ].join('\n'),
      token,
    );
    expect(second.body).toMatchObject({ accepted: 3, duplicates: 0 });
    const result = await stack.query<{ alerts: { nodes: Array<Record<string, unknown>> } }>(
      '{ alerts(source: WAZUH, mitreTechnique: "T1021.004") { nodes { ruleId occurrences mitreTechniques mitreTactics } } }',
      {},
      'soc-analyst',
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.alerts.nodes).toEqual([{ ruleId: '871000', occurrences: 4, mitreTechniques: ['T1110', 'T1078', 'T1021.004'], mitreTactics: ['TA0006', 'TA0001', 'TA0008'] }]);
  });
});
