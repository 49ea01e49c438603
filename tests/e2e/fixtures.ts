/**
 * Playwright fixtures: Debian's Chromium with the built extension loaded, real site URLs answered from saved
 * fixture pages (the machine has no network), and a log of every request so tests can prove nothing left.
 */
import {
  test as base,
  chromium,
  expect,
  type BrowserContext,
  type CDPSession,
  type Page,
  type Worker,
} from '@playwright/test';
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

/** The overlay's host element (a plain div in the page; its shadow root is closed). */
export const OVERLAY_HOST = '[data-awaitwise-overlay]';
export const overlayHost = (page: Page) => page.locator(OVERLAY_HOST);

interface DomNode {
  nodeId: number;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
  contentDocument?: DomNode;
}

/**
 * Reads and drives the overlay inside its closed shadow root the way a user would: page scripts (and so
 * Playwright's locators) cannot see into it, but DevTools can. Queries go through CDP's DOM domain with
 * `pierce`; clicks are real mouse clicks at the element's box, so they arrive as trusted events.
 */
export class OverlayProbe {
  private cdp: Promise<CDPSession>;

  constructor(private readonly page: Page) {
    this.cdp = page.context().newCDPSession(page);
  }

  /** Node ids of `selector` inside the (first) overlay's shadow root; [] when there is no overlay. */
  private async nodes(selector: string): Promise<{ cdp: CDPSession; ids: number[] }> {
    const cdp = await this.cdp;
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const shadow = findShadow(root);
    if (!shadow) {
      await this.release(cdp);
      return { cdp, ids: [] };
    }
    const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: shadow.nodeId, selector });
    return { cdp, ids: nodeIds };
  }

  private async call<T>(selector: string, fn: string, text?: string | RegExp): Promise<T[]> {
    const { cdp, ids } = await this.nodes(selector);
    const out: T[] = [];
    for (const nodeId of ids) {
      const { object } = await cdp.send('DOM.resolveNode', { nodeId, objectGroup: 'overlay-probe' });
      const content = await cdp.send('Runtime.callFunctionOn', {
        objectId: object.objectId!,
        functionDeclaration: 'function () { return this.textContent; }',
        returnByValue: true,
      });
      const label = String(content.result.value ?? '');
      if (text !== undefined && !(typeof text === 'string' ? label.includes(text) : text.test(label))) continue;
      const { result } = await cdp.send('Runtime.callFunctionOn', {
        objectId: object.objectId!,
        functionDeclaration: fn,
        returnByValue: true,
      });
      out.push(result.value as T);
    }
    await this.release(cdp);
    return out;
  }

  /** DevTools keeps every node it was sent alive until the DOM domain is disabled: let them go. */
  private async release(cdp: CDPSession): Promise<void> {
    await cdp.send('DOM.disable').catch(() => undefined);
    await cdp.send('Runtime.releaseObjectGroup', { objectGroup: 'overlay-probe' }).catch(() => undefined);
  }

  /** How many elements match (optionally only those whose text matches). */
  async count(selector: string, text?: string | RegExp): Promise<number> {
    return (await this.call<number>(selector, 'function () { return 1; }', text)).length;
  }

  async texts(selector: string): Promise<string[]> {
    return this.call<string>(selector, 'function () { return this.textContent.replace(/\\s+/g, " ").trim(); }');
  }

  /** Runs `fn` (a function declaration using `this`) on each match and returns its values. */
  evaluate<T>(selector: string, fn: string, text?: string | RegExp): Promise<T[]> {
    return this.call<T>(selector, fn, text);
  }

  /** A real (trusted) click on the first visible match. */
  async click(selector: string, text?: string | RegExp): Promise<void> {
    await expect
      .poll(() => this.count(selector, text), { message: `overlay ${selector} ${text ?? ''}` })
      .toBeGreaterThan(0);
    const [box] = await this.call<{ x: number; y: number; w: number; h: number }>(
      selector,
      'function () { this.scrollIntoView({ block: "center" }); const r = this.getBoundingClientRect(); return { x: r.x, y: r.y, w: r.width, h: r.height }; }',
      text,
    );
    await this.page.mouse.click(box!.x + box!.w / 2, box!.y + box!.h / 2);
  }

  /** Class and text of the element focused inside the overlay, or null when focus is elsewhere. */
  async focused(): Promise<string | null> {
    const cdp = await this.cdp;
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const shadow = findShadow(root);
    if (!shadow) {
      await this.release(cdp);
      return null;
    }
    const { object } = await cdp.send('DOM.resolveNode', { nodeId: shadow.nodeId, objectGroup: 'overlay-probe' });
    const { result } = await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId!,
      functionDeclaration:
        'function () { const a = this.activeElement; return a ? (a.className + " " + a.textContent).trim() : null; }',
      returnByValue: true,
    });
    await this.release(cdp);
    return (result.value as string | null) ?? null;
  }

  /** Waits until the badge is shown. */
  async badgeVisible(): Promise<void> {
    await expect
      .poll(() => this.evaluate<boolean>('.aw-badge', 'function () { return this.checkVisibility(); }'), {
        message: 'overlay badge visible',
      })
      .toContain(true);
  }
}

function findShadow(node: DomNode): DomNode | undefined {
  const attrs = node.attributes ?? [];
  for (let i = 0; i < attrs.length; i += 2) if (attrs[i] === 'data-awaitwise-overlay') return node.shadowRoots?.[0];
  for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) {
    const found = findShadow(child);
    if (found) return found;
  }
  return undefined;
}

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
