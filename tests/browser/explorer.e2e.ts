/// <reference lib="dom" />
// Code passed to page.evaluate runs in the browser.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startStack, type Stack } from '../support/stack';
import { launchChromium, screenshot } from './support/browser';

let stack: Stack;
let browser: Browser;
let origin = '';

beforeAll(async () => {
  stack = await startStack({ adminUrl: inject('postgresAdminUrl'), seed: 'small' });
  origin = `http://127.0.0.1:${stack.gateway.port}`;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('the bundled explorer (GraphiQL) at /graphql', () => {
  it('is served to a browser instead of Apollo’s landing page, allowing this origin only', async () => {
    const response = await fetch(`${origin}/graphql`, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    const html = await response.text();
    expect(html).toContain('/explorer/explorer.js');
    expect(html).not.toMatch(/apollographql|embeddable-explorer|cdn\./i);
    // a GraphQL GET still reaches GraphQL
    const api = await fetch(`${origin}/graphql?query=${encodeURIComponent('{ __typename }')}`, { headers: { authorization: `Bearer ${await stack.tokenFor('ioc-viewer')}` } });
    expect(await api.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('loads in a real browser with no outside request, takes a token, runs a query, and shows an agency token its contract', async () => {
    const context = await browser.newContext();
    const outside: string[] = [];
    context.on('request', (request) => {
      if (!request.url().startsWith(`${origin}/`) && !request.url().startsWith('data:')) outside.push(request.url());
    });
    await context.addInitScript(() => localStorage.setItem('graphiql:query', '{ province(code: "84") { name } }'));
    const page = await context.newPage();
    page.on('websocket', (socket) => {
      if (!socket.url().startsWith(`ws://127.0.0.1:${new URL(page.url()).port}/`)) outside.push(socket.url());
    });
    try {
      await page.goto(`${origin}/graphql`);
      await expect.poll(() => page.getByTestId('token-state').textContent(), { timeout: 60_000 }).toContain('no token');
      await page.locator('#ioc-token').fill(await stack.tokenFor('ioc-viewer'));
      await page.getByRole('button', { name: 'Use token' }).click();
      await expect.poll(() => page.getByTestId('token-state').textContent()).toBe('token set');
      await page.locator('.graphiql-execute-button').click({ timeout: 30_000 });
      await expect.poll(() => page.locator('.result-window').textContent(), { timeout: 30_000 }).toContain('Trà Vinh');
      await screenshot(page, 'explorer');

      // An agency system's token: the explorer loads the agency contract, not the whole API.
      const schemaLoaded = page.waitForResponse((response) => response.url().endsWith('/schema.graphql'));
      await page.locator('#ioc-token').fill(await stack.tokenFor('agency-client', 'STTTT'));
      await page.getByRole('button', { name: 'Use token' }).click();
      const contract = await (await schemaLoaded).text();
      expect(contract).toContain('alertRaised');
      expect(contract).not.toContain('securityAuditLog');
      await page.locator('.graphiql-execute-button').waitFor({ timeout: 30_000 });
      expect(outside).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
