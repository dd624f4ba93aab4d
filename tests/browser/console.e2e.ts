/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Code passed to page.evaluate runs in the browser.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createLogger } from '@ioc/kit';
import { runFeed } from '@ioc/feed';
import { feedCatalogue } from '@ioc/seeds/feed-catalogue';
import { consoleDistDir, webDir } from '@ioc/infra/console-build';
import { startStack, type Stack } from '../support/stack';
import { raiseAlert, raiseAlertOnSubgraph } from './support/alerts';
import { describeViolations, launchChromium, openConsole, screenshot, seriousViolations, type Lang } from './support/browser';

const overviewTiles = ['scorecard', 'alert-ticker', 'bts-map', 'datacentre', 'dossiers-today', 'online-share'];
const screens = [
  { name: 'overview', path: '/' },
  { name: 'soc', path: '/soc' },
  { name: 'infrastructure', path: '/infrastructure' },
  { name: 'egov', path: '/egov' },
  { name: 'economy', path: '/economy' },
] as const;

let stack: Stack;
let browser: Browser;
let base: string;
const opened: Page[] = [];
let titleCounter = 0;
const uniqueTitle = (what: string) => `browser-test ${what} ${process.pid}-${++titleCounter}`;

async function open(path: string, role: 'ioc-viewer' | 'soc-analyst' | 'admin' | null, lang: Lang = 'vi'): Promise<Page> {
  const page = await openConsole(browser, `${base}${path}`, { token: role ? await stack.tokenFor(role) : undefined, lang });
  opened.push(page);
  return page;
}

/** The number a `data-testid` element shows, read the way its locale writes it. */
async function shownNumber(page: Page, testId: string): Promise<number> {
  const text = (await page.getByTestId(testId).first().textContent()) ?? '';
  return Number(text.replace(/[^\d]/g, ''));
}


/** Every tile in `state`; with `loadingText`, also none of them still loading. */
async function waitForAllTiles(page: Page, state: 'live' | 'reconnecting', timeout: number, loadingText?: string): Promise<void> {
  try {
    await page.waitForFunction(
      ({ wanted, loading }) => {
        const sections = [...document.querySelectorAll('section[data-tile]')];
        return (
          sections.length > 0 &&
          sections.every((section) => section.getAttribute('data-connection') === wanted && !(loading && section.textContent?.includes(loading)))
        );
      },
      { wanted: state, loading: loadingText },
      { timeout },
    );
  } catch (error) {
    const states = await page.$$eval('section[data-tile]', (sections) =>
      sections.map((section) => `${section.getAttribute('data-tile')}=${section.getAttribute('data-connection')}: ${section.textContent?.slice(0, 160)}`),
    );
    throw new Error(`not every tile on ${page.url()} became ${state}${loadingText ? ' and loaded' : ''} within ${timeout} ms:\n${states.join('\n') || '(no tiles)'}`, { cause: error });
  }
}

beforeAll(async () => {
  stack = await startStack({ adminUrl: inject('postgresAdminUrl'), seed: 'small', consoleDir: consoleDistDir });
  base = `http://127.0.0.1:${stack.gateway.port}`;
  browser = await launchChromium();
});

afterAll(async () => {
  for (const page of opened) await page.context().close().catch(() => undefined);
  await browser?.close();
  await stack?.stop();
});

describe('the console in a real browser', () => {
  it('signs in as a dev user and shows the seeded figures on the overview (1.208 BTS in vi-VN)', async () => {
    const page = await open('/', null);
    await page.locator('[data-dev-user="ioc-viewer"]').click();
    await expect.poll(() => page.getByTestId('bts-total').textContent(), { timeout: 15_000 }).toBe('1.208');
    for (const name of overviewTiles) expect(await page.locator(`section[data-tile="${name}"]`).count(), name).toBe(1);
    await waitForAllTiles(page, 'live', 15_000);
    expect(await page.evaluate(() => localStorage.getItem('ioc.token'))).toMatch(/^ey/);
  });

  it('switches every visible label to English, and remembers it', async () => {
    const page = await open('/', 'ioc-viewer');
    await expect.poll(() => page.getByTestId('bts-total').textContent(), { timeout: 15_000 }).toBe('1.208');
    const vi = readTranslations('vi');
    const en = readTranslations('en');
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.getByTestId('bts-total').textContent()).toBe('1,208');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    const text = await page.locator('body').innerText();
    // Any Vietnamese label still on screen is a label the switch missed.
    const leftovers = Object.keys(vi)
      .filter((key) => vi[key] !== en[key])
      .flatMap((key) => vi[key]!.split(/\{\w+\}/).map((fragment) => ({ key, fragment: fragment.trim() })))
      .filter(({ fragment }) => fragment.length >= 4 && text.includes(fragment));
    expect(leftovers).toEqual([]);
    for (const age of await page.getByTestId('tile-age').allTextContents()) expect(age).toMatch(/^(updated|no data yet)/);
    await page.reload();
    await expect.poll(() => page.getByTestId('bts-total').textContent(), { timeout: 15_000 }).toBe('1,208');
  });

  it('inserts an alert raised through the API into the SOC queue within 3 s, and the overview count follows live', async () => {
    const soc = await open('/soc', 'soc-analyst');
    // A viewer may not read the alert, but its count is live (openAlertCountsChanged).
    const overview = await open('/', 'ioc-viewer');
    await soc.locator('tr[data-alert-id]').first().waitFor({ timeout: 15_000 });
    await waitForAllTiles(overview, 'live', 15_000);
    const before = await shownNumber(overview, 'open-alerts-count');
    const title = uniqueTitle('live insert');

    const raised = await raiseAlert(stack, title);
    const row = soc.locator(`tr[data-alert-id="${raised.id}"]`);
    await row.waitFor({ timeout: 3_000 });
    expect(await row.getByTestId('alert-title').textContent()).toContain(title);
    await expect.poll(() => shownNumber(overview, 'open-alerts-count'), { timeout: 3_000 }).toBe(before + 1);
  });

  it('lets an analyst acknowledge an alert, and another open console sees it', async () => {
    const title = uniqueTitle('acknowledge');
    const raised = await raiseAlert(stack, title);
    const mine = await open(`/soc/alerts/${raised.id}`, 'soc-analyst');
    const theirs = await open('/soc', 'soc-analyst');
    const theirRow = theirs.locator(`tr[data-alert-id="${raised.id}"]`);
    await theirRow.waitFor({ timeout: 15_000 });
    const vi = readTranslations('vi');
    const status = theirRow.getByTestId('alert-status');
    expect(await status.textContent()).toBe(vi['alertStatus.NEW']);

    await mine.locator('[data-action="acknowledge"]').first().click();
    await expect.poll(() => status.textContent(), { timeout: 5_000 }).toBe(vi['alertStatus.ACKNOWLEDGED']);
    const { data } = await stack.query<{ alert: { status: string } }>('query($id: String!) { alert(id: $id) { status } }', { id: raised.id }, 'soc-analyst');
    expect(data?.alert.status).toBe('ACKNOWLEDGED');
  });

  it('shows no alert titles to a viewer', async () => {
    const title = uniqueTitle('secret title');
    await raiseAlert(stack, title);
    const page = await open('/soc', 'ioc-viewer');
    await page.locator('main').waitFor();
    await waitForAllTiles(page, 'live', 15_000);
    const overview = await open('/', 'ioc-viewer');
    await waitForAllTiles(overview, 'live', 15_000);
    for (const view of [page, overview]) {
      expect(await view.getByTestId('alert-title').count()).toBe(0);
      expect(await view.locator('body').innerText()).not.toContain(title);
    }
  });

  it('shows "reconnecting" on every tile while the gateway is down, then live again, with the alert raised meanwhile exactly once', async () => {
    const overview = await open('/', 'ioc-viewer');
    const soc = await open('/soc', 'soc-analyst');
    await waitForAllTiles(overview, 'live', 15_000);
    await waitForAllTiles(soc, 'live', 15_000);

    await stack.stopGateway();
    await waitForAllTiles(overview, 'reconnecting', 10_000);
    await waitForAllTiles(soc, 'reconnecting', 10_000);
    const raised = await raiseAlertOnSubgraph(stack, uniqueTitle('while down'));
    await stack.startGateway();

    await waitForAllTiles(overview, 'live', 45_000);
    await waitForAllTiles(soc, 'live', 45_000);
    const row = soc.locator(`tr[data-alert-id="${raised.id}"]`);
    await row.first().waitFor({ timeout: 10_000 });
    expect(await row.count()).toBe(1);
  });

  it('changes the overview figures on its own while the feed runs and nobody touches the page, and stays live', async () => {
    const overview = await open('/', 'ioc-viewer');
    await waitForAllTiles(overview, 'live', 15_000, readTranslations('vi')['tile.loading']);
    const watched = ['open-alerts-count', 'dossiers-received'] as const;
    const before = Object.fromEntries(await Promise.all(watched.map(async (id) => [id, await overview.getByTestId(id).first().textContent()] as const)));
    // The feed in-process with the ingest role, at a brisk rate; dossiers at any hour, so the test does not depend on the clock.
    const report = await runFeed({
      url: stack.gateway.url,
      token: () => stack.tokenFor('ingest'),
      catalogue: feedCatalogue(),
      seed: 9,
      rate: 20,
      once: false,
      durationMs: 4000,
      anyHour: true,
      concurrency: 4,
      logger: createLogger('feed', 'silent'),
    });
    expect(report.sent.alert, 'the feed raised alerts').toBeGreaterThan(0);
    expect(report.sent.dossier, 'the feed received dossiers').toBeGreaterThan(0);
    for (const id of watched) await expect.poll(() => overview.getByTestId(id).first().textContent(), { timeout: 10_000, message: id }).not.toBe(before[id]);
    await waitForAllTiles(overview, 'live', 5_000);
    // Not stale: every tile was updated within the last minute (seconds ago, not minutes).
    const secondsAgo = readTranslations('vi')['tile.ageSeconds']!.split('{n}')[0]!;
    for (const age of await overview.getByTestId('tile-age').allTextContents()) expect(age).toContain(secondsAgo);
    await screenshot(overview, 'overview-feed-vi');
  });

  it('has no serious or critical axe-core violations on any screen, and saves screenshots in both languages and kiosk mode', { timeout: 180_000 }, async () => {
    const problems: string[] = [];
    for (const lang of ['vi', 'en'] as const) {
      for (const kiosk of [false, true]) {
        const page = await open('/', 'soc-analyst', lang);
        const where = (path: string) => `${path} (${lang}${kiosk ? ', kiosk' : ''})`;
        page.on('pageerror', (error) => problems.push(`${where(new URL(page.url()).pathname)}: page error ${error.message}`));
        for (const screen of screens) {
          await page.goto(`${base}${screen.path}${kiosk ? '?kiosk' : ''}`);
          await waitForAllTiles(page, 'live', 10_000, readTranslations(lang)['tile.loading']).catch((error: Error) => problems.push(`${where(screen.path)}: ${error.message}`));
          await screenshot(page, `${screen.name}-${lang}${kiosk ? '-kiosk' : ''}`);
          const violations = await seriousViolations(page);
          if (violations.length) problems.push(`${where(screen.path)}:\n${describeViolations(violations)}`);
        }
        await page.context().close();
      }
    }
    const signIn = await open('/sign-in', null);
    await signIn.locator('[data-dev-user]').first().waitFor();
    await screenshot(signIn, 'sign-in-vi');
    const violations = await seriousViolations(signIn);
    if (violations.length) problems.push(`/sign-in:\n${describeViolations(violations)}`);
    expect(problems.join('\n\n')).toBe('');
  });
});

function readTranslations(lang: Lang): Record<string, string> {
  return JSON.parse(readFileSync(join(webDir, 'src', 'i18n', `${lang}.json`), 'utf8')) as Record<string, string>;
}
