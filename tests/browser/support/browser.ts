/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Code passed to page.evaluate runs in the browser.
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { repoRoot } from '@ioc/infra/schemas';

/** Debian's chromium, as `.ci/run` installs it. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Where screenshots go (git-ignored): look at them after a run. */
export const screenshotDir = join(repoRoot, '.screenshots');

/**
 * Headless chromium that never reaches outside the machine: without the resolver rule it looks
 * up Google's hosts on start and on every new context.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
    ],
  });
}

export type Lang = 'vi' | 'en';

export interface ConsoleVisit {
  /** Signed in as this bearer token (kept where the console keeps it); none opens the sign-in. */
  token?: string;
  lang?: Lang;
  viewport?: { width: number; height: number };
}

/** A fresh browser profile (its own localStorage) with the console's token and language preset. */
export async function consoleContext(browser: Browser, visit: ConsoleVisit = {}): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: visit.viewport ?? { width: 1600, height: 1000 },
    locale: visit.lang === 'en' ? 'en-GB' : 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
  await context.addInitScript(
    ({ token, lang }) => {
      // Only on the first load of this profile, so the console's own changes (language switch,
      // sign-out) survive reloads as they would for a person.
      if (sessionStorage.getItem('ioc.test.preset')) return;
      sessionStorage.setItem('ioc.test.preset', '1');
      if (token) localStorage.setItem('ioc.token', token);
      localStorage.setItem('ioc.lang', lang);
    },
    { token: visit.token ?? '', lang: visit.lang ?? 'vi' },
  );
  return context;
}

export async function openConsole(browser: Browser, url: string, visit: ConsoleVisit = {}): Promise<Page> {
  const context = await consoleContext(browser, visit);
  const page = await context.newPage();
  page.on('pageerror', (error) => process.stderr.write(`[browser] page error on ${page.url()}: ${error.message}\n`));
  await page.goto(url);
  return page;
}

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown[]; failureSummary?: string }>;
}

/** axe-core's serious and critical violations on the page as it is now (all of its default rules). */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.slice(0, 5).map((node) => ({ target: node.target, failureSummary: node.failureSummary })),
    }));
  });
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
}

/** A readable summary for a failed axe assertion. */
export const describeViolations = (violations: AxeViolation[]) =>
  violations.map((violation) => `${violation.impact} ${violation.id}: ${violation.help} at ${violation.nodes.map((node) => JSON.stringify(node.target)).join(', ')}`).join('\n');

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
}
