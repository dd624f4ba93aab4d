import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signWebhook, verifyWebhook, retryDelayMs } from '../src/domain/webhook';
import { firstError, startSecurity, type SecurityHarness } from './support';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A local receiver answering each request with the next status of `answers` (the last one repeats). */
async function receiver(answers: number[]): Promise<{ url: string; received: Received[]; server: Server }> {
  const received: Received[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      response.writeHead(answers[Math.min(received.length - 1, answers.length - 1)]!).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, received, server };
}

const secret = 'webhook-test-secret-0123456789abcdefghij';
const hourMs = 60 * 60 * 1000;
const raise = /* GraphQL */ `mutation Raise($input: RaiseAlertInput!) { raiseAlert(input: $input) { deduplicated alert { id } } }`;
const deliveries = /* GraphQL */ `
  query Deliveries($status: WebhookDeliveryStatus) { webhookDeliveries(status: $status, first: 100) { totalCount nodes { id event subjectId url status attempts lastStatus lastError } } }
`;
const retry = /* GraphQL */ `mutation Retry($id: String!) { retryWebhookDelivery(id: $id) { id status attempts } }`;
const createIncident = /* GraphQL */ `mutation Create($input: CreateIncidentInput!) { createIncident(input: $input) { id reportDueAt } }`;

describe('outbound webhooks against local receivers', () => {
  let h: SecurityHarness;
  let flaky: Awaited<ReturnType<typeof receiver>>;
  let dead: Awaited<ReturnType<typeof receiver>>;
  let n = 0;
  const alert = async (rawSeverity: string, hoursAgo = 0, change: Record<string, unknown> = {}) => {
    const input = { kind: 'MALWARE', source: 'SURICATA', rawSeverity, title: `ET MALWARE webhook probe ${++n}`, serverId: 'vm-001', observedAt: new Date(Date.now() - hoursAgo * hourMs).toISOString(), ...change };
    const result = await h.gql(raise, { input });
    expect(result.errors).toBeUndefined();
    return result.data.raiseAlert.alert.id as string;
  };
  const rows = async (subjectId: string) =>
    (await h.server.db.query('SELECT event, url, status, attempts, last_status FROM webhook_delivery WHERE subject_id = $1 ORDER BY event, status', [subjectId])) as Array<Record<string, unknown>>;

  beforeAll(async () => {
    // Fails twice, then takes it; the other never does.
    flaky = await receiver([503, 500, 204]);
    dead = await receiver([500]);
    Object.assign(process.env, {
      WEBHOOK_URLS: `${flaky.url},${dead.url}`,
      WEBHOOK_SECRET: secret,
      WEBHOOK_MAX_ATTEMPTS: '3',
      WEBHOOK_BACKOFF_MS: '20',
      WEBHOOK_POLL_MS: '20',
      WEBHOOK_TIMEOUT_MS: '2000',
    });
    h = await startSecurity('sec_webhooks');
  });
  afterAll(async () => {
    await h?.stop();
    flaky?.server.close();
    dead?.server.close();
  });

  it('signs a new CRITICAL alert, retries with backoff until the receiver takes it, and fails the other after its attempts', async () => {
    const id = await alert('1');
    await expect.poll(() => rows(id), { timeout: 20_000 }).toEqual([
      { event: 'alert.critical', url: flaky.url, status: 'DELIVERED', attempts: 3, last_status: 204 },
      { event: 'alert.critical', url: dead.url, status: 'FAILED', attempts: 3, last_status: 500 },
    ]);
    const requests = flaky.received.filter((request) => JSON.parse(request.body).data.alert.id === id);
    expect(requests).toHaveLength(3);
    expect(new Set(requests.map((request) => request.headers['x-ioc-delivery'])).size).toBe(1);
    for (const request of requests) {
      expect(request.headers['content-type']).toBe('application/json');
      expect(request.headers['x-ioc-event']).toBe('alert.critical');
      expect(verifyWebhook(secret, request.headers['x-ioc-signature'] as string, request.body)).toBe(true);
      expect(verifyWebhook(secret, request.headers['x-ioc-signature'] as string, request.body.replace('CRITICAL', 'LOW'))).toBe(false);
      expect(verifyWebhook('another-secret-0123456789abcdefghijkl', request.headers['x-ioc-signature'] as string, request.body)).toBe(false);
    }
    expect(JSON.parse(requests[0]!.body)).toMatchObject({ event: 'alert.critical', data: { alert: { id, severity: 'CRITICAL', source: 'SURICATA', systemId: 'ioffice' } } });
  });

  it('announces a new CRITICAL alert that came in through ingest as well', async () => {
    const ingest = `mutation Ingest($alerts: [IngestAlertInput!]!) { ingestAlerts(alerts: $alerts) { accepted } }`;
    const event = { source: 'SURICATA', sourceEventId: `webhook-ingest-${Date.now()}`, kind: 'MALWARE', ruleId: '2027865', title: 'ET MALWARE ingest webhook probe', rawSeverity: '1', observedAt: new Date().toISOString(), assetName: 'vm-001' };
    const result = await h.gql(ingest, { alerts: [event] }, { role: 'ingest', subject: 'suricata' });
    expect(result.data.ingestAlerts.accepted).toBe(1);
    const [{ id }] = await h.server.db.query(`SELECT id FROM alert WHERE title = 'ET MALWARE ingest webhook probe'`);
    await expect.poll(async () => (await rows(id)).find((row) => row.url === flaky.url)?.status, { timeout: 20_000 }).toBe('DELIVERED');
  });

  it('lists the failed deliveries and retries one by hand once more', async () => {
    await expect.poll(async () => (await h.gql(deliveries, { status: 'FAILED' })).data.webhookDeliveries.totalCount, { timeout: 20_000 }).toBeGreaterThan(0);
    const failed = (await h.gql(deliveries, { status: 'FAILED' }, { role: 'soc-analyst' })).data.webhookDeliveries.nodes;
    expect(failed.every((delivery: any) => delivery.url === dead.url && delivery.attempts === 3 && delivery.lastError === 'HTTP 500')).toBe(true);
    const sentFor = (id: string) => dead.received.filter((request) => request.headers['x-ioc-delivery'] === id).length;
    const before = sentFor(failed[0].id);
    expect((await h.gql(retry, { id: failed[0].id })).data.retryWebhookDelivery).toMatchObject({ status: 'PENDING', attempts: 2 });
    await expect.poll(async () => (await h.server.db.query('SELECT status, attempts FROM webhook_delivery WHERE id = $1', [failed[0].id]))[0], { timeout: 20_000 }).toEqual({ status: 'FAILED', attempts: 3 });
    expect(sentFor(failed[0].id)).toBe(before + 1);
    expect(firstError(await h.gql(retry, { id: failed[0].id.replace(/\d$/, 'x') }))).toMatchObject({ argument: 'id' });
    expect((await h.gql(deliveries, {}, { role: 'ioc-viewer' })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('queues nothing for other severities or a repeat of an open alert', async () => {
    const high = await alert('2');
    const repeatOf = await alert('1');
    const repeat = await h.gql(raise, { input: { kind: 'MALWARE', source: 'SURICATA', rawSeverity: '1', title: `ET MALWARE webhook probe ${n}`, serverId: 'vm-001' } });
    expect(repeat.data.raiseAlert).toMatchObject({ deduplicated: true, alert: { id: repeatOf } });
    expect(await rows(high)).toEqual([]);
    expect((await rows(repeatOf)).length).toBe(2);
  });

  it('announces SLA breaches and a nearing legal deadline once each', async () => {
    // Detected 30 h ago, CRITICAL: past containing (4 h) and resolving (24 h).
    const breached = (await h.gql(createIncident, { input: { title: 'Ransomware on iOffice', alertIds: [await alert('1', 30)] } })).data.createIncident;
    // Detected 4.5 days ago, LOW: past containing (72 h), not resolving (720 h); the report is due in 12 h.
    const nearing = (await h.gql(createIncident, { input: { title: 'Old scan', alertIds: [await alert('4', 108)] } })).data.createIncident;
    await expect.poll(async () => (await rows(breached.id)).filter((row) => row.url === flaky.url).map((row) => [row.event, row.status]), { timeout: 20_000 }).toEqual([
      ['incident.contain_breached', 'DELIVERED'],
      ['incident.resolve_breached', 'DELIVERED'],
    ]);
    await expect.poll(async () => (await rows(nearing.id)).filter((row) => row.url === flaky.url).map((row) => [row.event, row.status]), { timeout: 20_000 }).toEqual([
      ['incident.contain_breached', 'DELIVERED'],
      ['incident.report_due_soon', 'DELIVERED'],
    ]);
    // The worker keeps scanning; each event stays one delivery per receiver.
    const sent = flaky.received.filter((request) => JSON.parse(request.body).data.incident?.id === breached.id).length;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(flaky.received.filter((request) => JSON.parse(request.body).data.incident?.id === breached.id).length).toBe(sent);
    expect(await h.server.db.query('SELECT count(*)::int AS n FROM webhook_delivery WHERE subject_id = $1', [breached.id])).toEqual([{ n: 4 }]);
  });

  it('signs over the timestamp: an old signature is refused; backoff doubles up to an hour', () => {
    const body = '{"event":"alert.critical"}';
    const old = signWebhook(secret, body, new Date(Date.now() - 10 * 60_000));
    expect(verifyWebhook(secret, old, body)).toBe(false);
    expect(verifyWebhook(secret, old, body, 3600)).toBe(true);
    expect([1, 2, 3, 4].map((attempts) => retryDelayMs(attempts, 5000))).toEqual([5000, 10_000, 20_000, 40_000]);
    expect(retryDelayMs(30, 5000)).toBe(hourMs);
  });
});
