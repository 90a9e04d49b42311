/**
 * A real browser for the console tests: Debian's chromium driven by playwright-core (no browser
 * download). Screenshots go under test-results/console/ so a person can look at every page.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { TestBot } from './test-bot';

export const CHROMIUM = '/usr/bin/chromium';
const SHOTS = path.resolve(__dirname, '../../test-results/console');

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} is missing: apt-get install chromium (.ci/run does it)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    // Root in CI: the sandbox needs user namespaces the container may not grant.
    args: ['--no-sandbox', '--disable-dev-shm-usage'],
  });
}

/** A fresh browser profile (cookies of its own), laptop-sized or phone-sized. */
export async function newProfile(
  browser: Browser,
  opts: { phone?: boolean; locale?: string } = {},
): Promise<BrowserContext> {
  return browser.newContext({
    viewport: opts.phone ? { width: 390, height: 844 } : { width: 1366, height: 900 },
    ...(opts.phone ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
    locale: opts.locale ?? 'zh-CN',
    acceptDownloads: true,
  });
}

/** Signs in by clicking the person's name on the simulator's Feishu authorize page. */
export async function signInAs(
  page: Page,
  bot: TestBot,
  name: string,
  next = '/console/activities',
): Promise<void> {
  await page.goto(`${bot.url}/console/login?next=${encodeURIComponent(next)}`);
  await page.getByRole('link', { name: new RegExp(name) }).click();
  await page.waitForLoadState('domcontentloaded');
}

/** Writes a full-page screenshot as test-results/console/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}
