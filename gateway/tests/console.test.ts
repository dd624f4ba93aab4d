import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeJwt } from 'jose';
import { silentLogger } from '@ioc/kit';
import { devSigningKey, parseDevTokenRequest } from '../src/auth/dev-sign-in';
import { startGateway, type RunningGateway } from '../src/server';
import { testKeys } from './support';

const supergraphPath = join(import.meta.dirname, '..', 'supergraph.graphql');
const marker = '<!-- ioc console index -->';
const root = mkdtempSync(join(tmpdir(), 'ioc-console-'));
const consoleDir = join(root, 'dist');
const keys = testKeys();
let gateway: RunningGateway;
let base: string;

/** A raw GET, so `..` reaches the server as written (fetch would normalise it away). */
function rawGet(path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: gateway.port, path, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  mkdirSync(join(consoleDir, 'assets'), { recursive: true });
  writeFileSync(join(root, 'secret.txt'), 'outside the console');
  writeFileSync(join(consoleDir, '.env'), 'SECRET=1');
  writeFileSync(join(consoleDir, 'index.html'), `<!doctype html>${marker}<script type="module" src="/assets/index-Ab12Cd34.js"></script>`);
  writeFileSync(join(consoleDir, 'assets', 'index-Ab12Cd34.js'), 'console.log("console")');
  writeFileSync(join(consoleDir, 'assets', 'index-Ef56Gh78.css'), 'body{margin:0}');
  writeFileSync(join(consoleDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  gateway = await startGateway({ port: 0, host: '127.0.0.1', supergraphPath, auth: keys.auth, logger: silentLogger, consoleDir });
  base = `http://127.0.0.1:${gateway.port}`;
});

afterAll(async () => {
  await gateway?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('the console on the gateway origin', () => {
  it('serves index.html at / and for every client-side route, never cached', async () => {
    for (const path of ['/', '/soc', '/soc/alerts/42', '/infrastructure?unit=84', '/egov', '/economy', '/sign-in']) {
      const response = await fetch(`${base}${path}`);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type'), path).toMatch(/^text\/html/);
      expect(response.headers.get('cache-control'), path).toBe('no-cache');
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(await response.text(), path).toContain(marker);
    }
  });

  it('serves hashed assets with their type and a year-long immutable cache', async () => {
    const js = await fetch(`${base}/assets/index-Ab12Cd34.js`);
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toMatch(/^(text|application)\/javascript/);
    expect(js.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(js.headers.get('x-content-type-options')).toBe('nosniff');
    const css = await fetch(`${base}/assets/index-Ef56Gh78.css`);
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
    const icon = await fetch(`${base}/favicon.svg`);
    expect(icon.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(icon.headers.get('cache-control')).toBe('no-cache');
  });

  it('answers a missing file with 404, not with the page', async () => {
    for (const path of ['/assets/index-gone.js', '/assets/', '/logo.png']) {
      const response = await fetch(`${base}${path}`);
      expect(response.status, path).toBe(404);
      expect(await response.text(), path).not.toContain(marker);
    }
  });

  it('never serves files outside the console folder, nor dotfiles', async () => {
    for (const path of ['/../secret.txt', '/assets/../../secret.txt', '/%2e%2e/secret.txt', '/assets/%2e%2e%2f%2e%2e%2fsecret.txt', '/..%5csecret.txt', '/.env']) {
      const { status, body } = await rawGet(path);
      expect(body, path).not.toContain('outside the console');
      expect(body, path).not.toContain('SECRET');
      expect(status, path).not.toBe(200);
    }
  });

  it('leaves the API paths to the gateway', async () => {
    expect(await (await fetch(`${base}/healthz`)).json()).toMatchObject({ status: 'ok' });
    expect(await (await fetch(`${base}/metrics`)).text()).toContain('ioc_gateway_subscriptions_active');
    const graphql = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
    expect(graphql.status).toBe(401);
    for (const path of ['/graphql', '/auth/unknown', '/auth', '/ingest/alerts']) {
      const response = await fetch(`${base}${path}`, { headers: { accept: 'text/html' } });
      expect(await response.text(), path).not.toContain(marker);
    }
    expect((await fetch(`${base}/ingest/alerts`)).status).toBe(404);
  });
});

describe('dev sign-in', () => {
  const devToken = (body: unknown) =>
    fetch(`${base}/auth/dev-token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('lists the dev users', async () => {
    const response = await fetch(`${base}/auth/dev-users`);
    expect(response.status).toBe(200);
    const { users } = (await response.json()) as { users: Array<{ role: string; agencyId: string | null; label: string }> };
    expect(users.map((user) => user.role)).toEqual(expect.arrayContaining(['ioc-viewer', 'soc-analyst', 'admin', 'agency-client']));
    for (const user of users) {
      expect(user.label).not.toBe('');
      expect(user.agencyId === null).toBe(user.role !== 'agency-client');
    }
  });

  it('issues a token the gateway accepts, with its expiry', async () => {
    const response = await devToken({ role: 'soc-analyst', agencyId: null });
    expect(response.status).toBe(200);
    const { token, expiresAt } = (await response.json()) as { token: string; expiresAt: string };
    expect(decodeJwt(token)).toMatchObject({ role: 'soc-analyst', sub: 'dev-soc-analyst' });
    expect(new Date(expiresAt).getTime()).toBe(decodeJwt(token).exp! * 1000);
    const graphql = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: '{"query":"{ __typename }"}',
    });
    expect(await graphql.json()).toEqual({ data: { __typename: 'Query' } });

    const agency = (await (await devToken({ role: 'agency-client', agencyId: 'STTTT' })).json()) as { token: string };
    expect(decodeJwt(agency.token)).toMatchObject({ role: 'agency-client', agency: 'STTTT' });
  });

  it('refuses a bad request with 400 naming what is wrong', async () => {
    const cases: Array<[unknown, RegExp]> = [
      [{ role: 'root' }, /role: unknown role "root"/],
      [{}, /role: required/],
      [{ role: 'agency-client', agencyId: null }, /agencyId: required for role agency-client/],
      [{ role: 'ioc-viewer', agencyId: 'STTTT' }, /agencyId: only agency-client has an agency/],
      [{ role: 'agency-client', agencyId: '../x' }, /agencyId: expected an agency code/],
      [{ role: 'admin', ttl: 999999 }, /ttl: unknown field/],
      [['admin'], /body: expected a JSON object/],
    ];
    for (const [body, message] of cases) {
      const response = await devToken(body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(((await response.json()) as { message: string }).message, JSON.stringify(body)).toMatch(message);
    }
  });

  it('exists only with the embedded default dev key, outside production', async () => {
    expect(devSigningKey(keys.auth.verifier, 'development')).toBeDefined();
    expect(devSigningKey(keys.auth.verifier, 'production')).toBeUndefined();
    const configured = { ...keys.auth.verifier, keys: { kind: 'secret' as const, secret: keys.secrets.authSecret, dev: false } };
    expect(devSigningKey(configured, 'development')).toBeUndefined();
    const other = await startGateway({ port: 0, host: '127.0.0.1', supergraphPath, auth: { ...keys.auth, verifier: configured }, logger: silentLogger, consoleDir });
    try {
      const otherBase = `http://127.0.0.1:${other.port}`;
      expect((await fetch(`${otherBase}/auth/dev-users`)).status).toBe(404);
      const refused = await fetch(`${otherBase}/auth/dev-token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"role":"admin"}' });
      expect(refused.status).toBe(404);
      expect(await refused.text()).not.toContain(marker);
    } finally {
      await other.close();
    }
  });

  it('parses a good request', () => {
    expect(parseDevTokenRequest({ role: 'agency-client', agencyId: 'STP' })).toEqual({ ok: true, role: 'agency-client', agencyId: 'STP' });
    expect(parseDevTokenRequest({ role: 'ioc-viewer' })).toEqual({ ok: true, role: 'ioc-viewer', agencyId: undefined });
  });
});
