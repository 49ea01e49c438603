/**
 * Playwright fixtures: Debian's Chromium with the built extension loaded, real site URLs answered from saved
 * fixture pages (the machine has no network), and a log of every request so tests can prove nothing left.
 */
import { test as base, chromium, expect, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromiumArgs, findChromium } from '../../scripts/lib/chromium';
import { OverlayProbe } from '../../scripts/lib/overlay-probe';

export { OverlayProbe };

export const EXTENSION_DIR = resolve('.output/chrome-mv3');
export const FIXTURES = resolve('tests/fixtures');

/**
 * Where a test saves a screenshot worth looking at: screenshots/ (ignored by git), or SCREENSHOT_DIR, which
 * `npm run screenshots` sets before copying the README's images to docs/screenshots/. Tests never write
 * tracked files.
 */
export const screenshotPath = (name: string) => join(process.env.SCREENSHOT_DIR ?? 'screenshots', `${name}.png`);

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

/** The overlay's host element (a plain div in the page; its shadow root is closed). */
export const OVERLAY_HOST = '[data-awaitwise-overlay]';
export const overlayHost = (page: Page) => page.locator(OVERLAY_HOST);

export const overlay = (page: Page) => new OverlayProbe(page);

type Chrome = {
  runtime: { onMessage: { addListener(cb: (m: { type?: string }, s: { tab?: { id?: number } }) => void): void } };
};

/**
 * Records, in the service worker, which tabs sent a page report (one more onMessage listener, which never
 * answers, so the real handler still does). Call before opening the page.
 */
export async function recordReports(worker: Worker): Promise<void> {
  await worker.evaluate(() => {
    const g = globalThis as unknown as { chrome: Chrome; __reports?: number[] };
    if (g.__reports) return;
    g.__reports = [];
    g.chrome.runtime.onMessage.addListener((message, sender) => {
      if (message?.type === 'page/report' && sender.tab?.id !== undefined) g.__reports!.push(sender.tab.id);
    });
  });
}

/**
 * Proves the loader ran on `page` and its report reached the background, so an absence check that
 * follows means something (needs recordReports first).
 */
export async function waitForReport(worker: Worker, page: Page, atLeast = 1): Promise<void> {
  await page.bringToFront();
  const tabId = await tabIdOf(worker);
  await expect
    .poll(
      () =>
        worker.evaluate(
          (id) => ((globalThis as unknown as { __reports?: number[] }).__reports ?? []).filter((t) => t === id).length,
          tabId,
        ),
      { message: 'the page report reached the background' },
    )
    .toBeGreaterThanOrEqual(atLeast);
}

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

/** What the loader did with its page (utils/loader/status.ts). */
export type PageStatus = 'shown' | 'hidden' | 'site-off' | 'not-relevant' | 'not-a-problem' | 'failed';

/**
 * Waits for the loader's own "done" signal on `page` and returns what it decided. Every absence check waits
 * for this first: only then does "nothing added" mean anything.
 */
export async function pageSettled(worker: Worker, page: Page): Promise<PageStatus> {
  let status: PageStatus | null = null;
  await expect
    .poll(
      async () => {
        // Until the loader has started (document_idle) nothing in the tab answers; then it answers when done.
        // The tab is found by its URL (visible to the extension on its problem pages): the newest one wins.
        status = await worker.evaluate(async (url) => {
          type Tabs = {
            query(q: object): Promise<{ id?: number; url?: string }[]>;
            sendMessage(t: number, m: object, o: object): Promise<unknown>;
          };
          const api = (globalThis as unknown as { chrome: { tabs: Tabs } }).chrome;
          const ids = (await api.tabs.query({})).filter((t) => t.url === url).map((t) => t.id ?? -1);
          if (!ids.length) return null;
          try {
            const reply = await api.tabs.sendMessage(Math.max(...ids), { type: 'page/settled' }, { frameId: 0 });
            return typeof reply === 'string' ? (reply as PageStatus) : null;
          } catch {
            return null;
          }
        }, page.url());
        return status;
      },
      // A loaded page starts its loader at document_idle; on a busy machine that can take a while.
      { message: "the loader's done signal", timeout: 30_000 },
    )
    .not.toBeNull();
  return status!;
}
