import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { shareInflight, shareScopeHeader } from '../src/inflight-sharing';

/** A real HTTP "subgraph" that records each request and answers only when the test releases it. */
let server: Server;
let url: string;
let received: Array<{ body: string; headers: IncomingMessage['headers'] }> = [];
let held: Array<(status?: number) => void> = [];

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      received.push({ body, headers: req.headers });
      const answer = received.length;
      held.push((status = 200) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ data: { answer } })));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  received = [];
  held = [];
});

const request = (scope: string | undefined, query = '{ scorecard }') => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...(scope === undefined ? {} : { [shareScopeHeader]: scope }) },
  body: JSON.stringify({ query }),
});
const arrived = (count: number) => expect.poll(() => received.length).toBe(count);
const releaseAll = (status?: number) => held.splice(0).forEach((release) => release(status));

describe('sharing identical subgraph reads in flight', () => {
  it('ten identical reads of one scope are sent once; each caller gets its own copy of the answer', async () => {
    let shared = 0;
    const sharing = shareInflight({ onShared: () => shared++ });
    const responses = Array.from({ length: 10 }, () => sharing.fetch(url, request('ioc-viewer')));
    await arrived(1);
    releaseAll();
    const answered = await Promise.all(responses);
    const bodies = await Promise.all(answered.map((response) => response.json()));
    expect(received).toHaveLength(1);
    expect(shared).toBe(9);
    expect(bodies).toEqual(Array(10).fill({ data: { answer: 1 } }));
    expect(new Set(answered).size).toBe(10);
    expect(received[0]!.headers[shareScopeHeader]).toBeUndefined(); // the marker never leaves the gateway
  });

  it('never across scopes, never for other documents, never without the marker', async () => {
    const sharing = shareInflight();
    const responses = [
      sharing.fetch(url, request('ioc-viewer')),
      sharing.fetch(url, request('agency-client:STTTT')),
      sharing.fetch(url, request('agency-client:SYT')),
      sharing.fetch(url, request('ioc-viewer', '{ other }')),
      sharing.fetch(url, request(undefined)),
      sharing.fetch(url, request(undefined)),
    ];
    await arrived(6);
    releaseAll();
    await Promise.all(responses);
    expect(received).toHaveLength(6);
  });

  it('a read sent after a write never joins a read sent before it', async () => {
    const sharing = shareInflight();
    const before = sharing.fetch(url, request('ioc-viewer'));
    await arrived(1);
    sharing.wrote();
    const after = sharing.fetch(url, request('ioc-viewer'));
    await arrived(2);
    releaseAll();
    expect(await (await before).json()).toEqual({ data: { answer: 1 } });
    expect(await (await after).json()).toEqual({ data: { answer: 2 } });
  });

  it('a finished read is not reused: the next identical read is sent again', async () => {
    const sharing = shareInflight();
    const first = sharing.fetch(url, request('ioc-viewer'));
    await arrived(1);
    releaseAll();
    await (await first).text();
    const second = sharing.fetch(url, request('ioc-viewer'));
    await arrived(2);
    releaseAll();
    expect(await (await second).json()).toEqual({ data: { answer: 2 } });
  });

  it('an upstream error reaches every waiter with its status', async () => {
    const sharing = shareInflight();
    const responses = Array.from({ length: 3 }, () => sharing.fetch(url, request('ioc-viewer')));
    await arrived(1);
    releaseAll(503);
    expect((await Promise.all(responses)).map((response) => response.status)).toEqual([503, 503, 503]);
  });
});
