import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Response } from 'express';
import { silentLogger, type Role } from '@ioc/kit';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { httpAdmission, type AdmissionPolicy } from '../src/admission/admission';
import { defaultLimits } from '../src/admission/limits';
import { PersistedOperations } from '../src/admission/persisted-operations';
import { createRateLimiter } from '../src/admission/rate-limit';
import { shareInflightOperations } from '../src/inflight-operations';

/**
 * The real admission step, then the operation sharing, then an "Apollo" that counts what it
 * executes and answers only when the test releases it. Tokens are `role` or `role:agency`.
 */
const scorecard = 'query Scorecard($province: String!) { province(code: $province) { name } }';
let server: Server;
let url: string;
let epoch = 0;
let shared = 0;
/** Requests admitted and about to reach the sharing step. */
let arrived = 0;
let executed: Array<{ body: unknown; release: (how?: 'stream') => void }> = [];

beforeAll(async () => {
  const policy: AdmissionPolicy = {
    verify: async (authorization) => {
      const [role, agencyId] = String(authorization).replace(/^Bearer /, '').split(':');
      return { subject: `${role}-${agencyId ?? ''}`, role: role as Role, agencyId, expiresAt: Number.MAX_SAFE_INTEGER };
    },
    limits: defaultLimits,
    maxBatch: 10,
    rateLimiter: createRateLimiter(1_000_000),
    persisted: new PersistedOperations([{ name: 'Scorecard', body: scorecard }]),
    logger: silentLogger,
  };
  const app = express();
  app.use(
    '/graphql',
    express.json(),
    httpAdmission(policy),
    (_req, _res, next) => {
      arrived++;
      next();
    },
    shareInflightOperations({ epoch: () => epoch, onShared: () => shared++ }),
    (req, res: Response) => {
      const answer = executed.length + 1;
      executed.push({
        body: req.body,
        release: (how) => {
          if (how === 'stream') {
            res.status(200).setHeader('content-type', 'multipart/mixed');
            res.write(`part ${answer}`);
            res.end();
          } else res.status(200).type('application/graphql-response+json').setHeader('cache-control', 'no-store').send(JSON.stringify({ data: { answer } }));
        },
      });
    },
  );
  server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  executed = [];
  shared = 0;
  arrived = 0;
});

const send = (token: string, query: string, variables?: Record<string, unknown>) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) }).then(async (response) => ({
    status: response.status,
    type: response.headers.get('content-type'),
    cacheControl: response.headers.get('cache-control'),
    text: await response.text(),
  }));
const executing = (count: number) => expect.poll(() => executed.length).toBe(count);
const releaseAll = (how?: 'stream') => executed.forEach(({ release }) => release(how));

describe('sharing identical queries in flight', () => {
  it('ten identical queries of one scope execute once; each caller gets the same status, type, cache-control and bytes', async () => {
    const first = send('soc-analyst', scorecard, { province: '10' });
    await executing(1);
    const rest = Array.from({ length: 9 }, () => send('soc-analyst', scorecard, { province: '10' }));
    // All of them reach the sharing step before the leader answers.
    await expect.poll(() => arrived).toBe(10);
    releaseAll();
    const answers = await Promise.all([first, ...rest]);
    expect(executed).toHaveLength(1);
    expect(shared).toBe(9);
    expect(answers).toEqual(Array(10).fill({ status: 200, type: 'application/graphql-response+json; charset=utf-8', cacheControl: 'no-store', text: '{"data":{"answer":1}}' }));
  });

  it('never across scopes (roles, agencies) and never for other variables', async () => {
    const answers = [
      send('soc-analyst', scorecard, { province: '10' }),
      send('ioc-viewer', scorecard, { province: '10' }),
      send('agency-client:STTTT', scorecard, { province: '10' }),
      send('agency-client:SYT', scorecard, { province: '10' }),
      send('soc-analyst', scorecard, { province: '11' }),
    ];
    await executing(5);
    releaseAll();
    expect(new Set((await Promise.all(answers)).map((answer) => answer.text)).size).toBe(5);
    expect(shared).toBe(0);
  });

  it('never shares a mutation', async () => {
    const mutation = 'mutation { acknowledge(id: "a1") { id } }';
    const answers = [send('soc-analyst', mutation), send('soc-analyst', mutation)];
    await executing(2);
    releaseAll();
    await Promise.all(answers);
    expect(shared).toBe(0);
  });

  it('a query that arrives after a write went through never joins an execution begun before it', async () => {
    const before = send('soc-analyst', scorecard, { province: '10' });
    await executing(1);
    epoch++;
    const after = send('soc-analyst', scorecard, { province: '10' });
    await executing(2);
    releaseAll();
    expect((await before).text).not.toBe((await after).text);
    expect(shared).toBe(0);
  });

  it("a leader that streams its answer sends its followers to execute for themselves; nothing is kept after it answered", async () => {
    const leader = send('soc-analyst', scorecard, { province: '12' });
    await executing(1);
    const follower = send('soc-analyst', scorecard, { province: '12' });
    await expect.poll(() => arrived).toBe(2);
    expect(executed).toHaveLength(1);
    executed[0]!.release('stream');
    expect((await leader).text).toBe('part 1');
    await executing(2);
    executed[1]!.release();
    expect((await follower).text).toBe('{"data":{"answer":2}}');
    // Answered: the next identical query executes again.
    const later = send('soc-analyst', scorecard, { province: '12' });
    await executing(3);
    executed[2]!.release();
    expect((await later).text).toBe('{"data":{"answer":3}}');
    expect(shared).toBe(0);
  });
});
