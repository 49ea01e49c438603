/**
 * Playwright fixtures: Debian's Chromium with the built extension loaded, real site URLs answered from saved
 * fixture pages (the machine has no network), and a log of every request so tests can prove nothing left.
 */
import { test as base, chromium, expect, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromiumArgs, findChromium } from '../../scripts/lib/chromium';

export const EXTENSION_DIR = resolve('.output/chrome-mv3');
export const FIXTURES = resolve('tests/fixtures');

/** Real URL → fixture file (relative to tests/fixtures). Anything not listed gets a 404 and is recorded. */
export type Routes = Record<string, string>;

export interface Fixtures {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  /** Every request the browser made (any context), in order. */
  requests: string[];
  routes: (table: Routes) => Promise<void>;
}

export const test = base.extend<Fixtures>({
  requests: async ({}, use) => {
    await use([]);
  },
  context: async ({ requests }, use) => {
    const executablePath = findChromium();
    if (!executablePath)
      throw new Error('Chromium not found: run npm test (it installs it) or apt-get install -y chromium');
    if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) throw new Error('Build first: npm run build');
    const context = await chromium.launchPersistentContext('', {
      executablePath,
      headless: true,
      args: chromiumArgs(EXTENSION_DIR),
      viewport: { width: 1280, height: 860 },
    });
    context.on('request', (request) => requests.push(request.url()));
    context.on('serviceworker', (sw) => sw.on('console', () => undefined));
    // Default: nothing outside the extension is reachable. Tests add routes for the pages they use.
    await context.route(/^https?:\/\//, (route) =>
      route.fulfill({ status: 404, contentType: 'text/plain', body: 'not routed' }),
    );
    await use(context);
    await context.close();
  },
  worker: async ({ context }, use) => {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    await use(worker);
  },
  extensionId: async ({ worker }, use) => {
    await use(new URL(worker.url()).host);
  },
  routes: async ({ context }, use) => {
    await use(async (table) => {
      for (const [url, file] of Object.entries(table)) {
        const body = readFileSync(join(FIXTURES, file), 'utf8');
        await context.route(url, (route) =>
          route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body }),
        );
      }
    });
  },
});

export { expect };

/** Opens an extension page (popup.html, sidepanel.html, options.html) in a normal tab. */
export async function openExtensionPage(context: BrowserContext, extensionId: string, path: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/${path}`);
  return page;
}

/** The overlay host and the badge inside its shadow root. */
export const overlayHost = (page: Page) => page.locator('awaitwise-hints');
export const overlayBadge = (page: Page) => page.locator('awaitwise-hints').locator('.aw-badge');

/** The id of the active tab (bring the page to the front first): without the "tabs" permission URLs are hidden. */
export async function tabIdOf(worker: Worker): Promise<number> {
  return worker.evaluate(async () => {
    type Tab = { id?: number };
    const api = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<Tab[]> } } }).chrome;
    const [tab] = await api.tabs.query({ active: true, lastFocusedWindow: true });
    if (tab?.id === undefined) throw new Error('no active tab');
    return tab.id;
  });
}
