/**
 * Firefox ESR with the built add-on (.output/firefox-mv3), driven by puppeteer-core over WebDriver BiDi.
 * Real problem URLs are answered from tests/fixtures/sites by request interception, anything else gets a
 * 404 and is recorded. BiDi may not navigate to moz-extension:// URLs, so extension pages are reached from
 * the welcome page the add-on opens on install, by navigating from inside it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { bidiOf, type Bidi, type LogEntry } from './bidi';
import { OverlayProbe } from './overlay-probe';

export const ADDON_DIR = resolve('.output/firefox-mv3');
const FIXTURES = resolve('tests/fixtures');
const GECKO_ID = 'awaitwise@awaitwise.dev';
/** Pinned through a pref so extension pages have a known origin. */
export const UUID = '5b1f2a8e-7c3d-4e6f-9a0b-1c2d3e4f5a6b';
export const ORIGIN = `moz-extension://${UUID}`;

const isList = (value: unknown): value is unknown[] => Array.isArray(value);

export function findFirefox(): string | undefined {
  return [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'].find((p) => p && existsSync(p));
}

export interface Firefox {
  browser: Browser;
  /** Requests that left the browser for a URL no route answers. */
  unrouted: string[];
  /** Real URL → fixture file under tests/fixtures. */
  routes: Map<string, string>;
  /** The extension tab, sent to a page (path with hash), e.g. `sidepanel.html#/review`. */
  extensionPage(path: string): Promise<Page>;
  /** A web page at a real URL, answered by the routes. */
  webPage(url: string): Promise<Page>;
  /** The welcome page the add-on opened on install. */
  welcome: Page;
  /** Raw WebDriver BiDi, for what puppeteer does not wrap. */
  bidi: Bidi;
  /**
   * Console entries and uncaught errors of web pages. Firefox 153's BiDi reports nothing of moz-extension
   * pages or the background (no realms, no log entries, preload scripts do not run there): use recordErrors.
   */
  logs: LogEntry[];
  /** The overlay inside its closed shadow root on `page`. */
  overlay(page: Page): OverlayProbe;
  /**
   * Starts recording the messages content scripts send (extension pages receive runtime.sendMessage too),
   * in the welcome tab's current document: sending that tab elsewhere ends the recording.
   */
  recordMessages(): Promise<() => Promise<SeenMessage[]>>;
  close(): Promise<void>;
}

export interface SeenMessage {
  type: string;
  /** The reported page, for page/report. */
  url?: string;
  tabId?: number;
}

export async function launchFirefox(): Promise<Firefox> {
  const executablePath = findFirefox();
  if (!executablePath) throw new Error('Firefox not found: apt-get install -y firefox-esr');
  if (!existsSync(join(ADDON_DIR, 'manifest.json'))) throw new Error('Build first: npm run build:firefox');
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: UUID }),
      // Nothing of Firefox's own may reach the network either.
      'network.dns.disableIPv6': true,
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
    },
  });
  const routes = new Map<string, string>();
  const unrouted: string[] = [];
  const intercept = async (page: Page) => {
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      const url = request.url();
      if (!/^https?:/.test(url)) return void request.continue();
      const file = routes.get(url);
      if (file)
        return void request.respond({
          status: 200,
          contentType: 'text/html; charset=utf-8',
          body: readFileSync(join(FIXTURES, file), 'utf8'),
        });
      unrouted.push(url);
      return void request.respond({ status: 404, contentType: 'text/plain', body: 'not routed' });
    });
  };
  const bidi = bidiOf(browser);
  const logs: LogEntry[] = [];
  bidi.on('log.entryAdded', (entry) => logs.push(entry));
  await browser.installExtension(ADDON_DIR);
  // The welcome tab; puppeteer still reports its URL as about:blank, so ask each page where it is.
  const welcome: Page = await until(
    () => findPage(browser, (href) => href.startsWith(`${ORIGIN}/welcome.html`)),
    'the welcome page',
    30_000,
  );
  return {
    browser,
    routes,
    unrouted,
    welcome,
    bidi,
    logs,
    overlay: (page) => new OverlayProbe(bidi, page),
    async recordMessages() {
      await welcome.evaluate(recordInPage);
      return async () => {
        const seen: unknown = await welcome.evaluate((): unknown => Reflect.get(window, '__awaitwiseSeen') ?? null);
        if (!isList(seen)) throw new Error('the welcome tab left the page that recorded messages');
        return seen as SeenMessage[];
      };
    },
    async extensionPage(path) {
      // The one extension tab is sent there from inside (BiDi may not navigate to moz-extension:// itself).
      const url = `${ORIGIN}/${path}`;
      await welcome.evaluate((u) => {
        location.href = u;
      }, url);
      await until(async () => (await hrefOf(welcome)) === url, `the extension page ${path}`);
      // A change of hash alone keeps the document: the router follows without a reload.
      await until(
        () => welcome.evaluate(() => document.readyState === 'complete' && !!document.querySelector('#app > *')),
        `${path} rendered`,
      );
      return welcome;
    },
    async webPage(url) {
      const page = await browser.newPage();
      await intercept(page);
      await page.goto(url);
      return page;
    },
    close: () => browser.close(),
  };
}

/**
 * Starts recording the errors of `page`'s current document (uncaught errors, unhandled rejections,
 * console.error) and returns their reader. Views reached by a change of hash stay in that document.
 */
export async function recordErrors(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    if (Reflect.get(window, '__awaitwiseErrors')) return;
    const errors: string[] = [];
    Reflect.set(window, '__awaitwiseErrors', errors);
    addEventListener('error', (event) => errors.push(`uncaught: ${event.message}`));
    addEventListener('unhandledrejection', (event) => errors.push(`unhandled rejection: ${String(event.reason)}`));
    const original = console.error.bind(console);
    console.error = (...args: unknown[]) => {
      errors.push(args.map(String).join(' '));
      original(...args);
    };
  });
  return async () => {
    const errors: unknown = await page.evaluate((): unknown => Reflect.get(window, '__awaitwiseErrors') ?? null);
    if (!isList(errors)) throw new Error('the page that recorded errors was replaced');
    return errors.map(String);
  };
}

/** Runs in the welcome page (the WebExtension `browser` global there, not puppeteer's). */
function recordInPage() {
  const seen: SeenMessage[] = [];
  Reflect.set(window, '__awaitwiseSeen', seen);
  // Returns nothing, so the background's answer is the one the content script gets.
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (typeof message !== 'object' || message === null) return;
    const type: unknown = Reflect.get(message, 'type');
    const snapshot: unknown = Reflect.get(message, 'snapshot');
    const url: unknown = typeof snapshot === 'object' && snapshot ? Reflect.get(snapshot, 'url') : undefined;
    seen.push({ type: String(type), url: typeof url === 'string' ? url : undefined, tabId: sender.tab?.id });
  });
}

const hrefOf = (page: Page) => page.evaluate(() => location.href).catch(() => '');

async function findPage(browser: Browser, test: (href: string) => boolean): Promise<Page | undefined> {
  for (const page of await browser.pages()) if (test(await hrefOf(page))) return page;
  return undefined;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until `check` returns a truthy value (or throws the last error after `timeout`). */
export async function until<T>(check: () => Promise<T> | T, what: string, timeout = 10_000): Promise<NonNullable<T>> {
  const end = Date.now() + timeout;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > end)
      throw new Error(
        `timed out waiting for ${what}${last instanceof Error ? `: ${last.message}` : last ? `: ${JSON.stringify(last)}` : ''}`,
      );
    await sleep(150);
  }
}
