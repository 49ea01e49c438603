/** Detection and the overlay on every supported site, at the sites' real URLs routed to saved pages. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import {
  expect,
  FIXTURES,
  openExtensionPage,
  overlay,
  overlayHost,
  pageSettled,
  tabIdOf,
  test,
} from './fixtures';

interface SiteFixture {
  file: string;
  url: string;
  site: string;
  title: string;
  related: boolean;
  hostile?: 'script' | 'css';
}

const fixtures = JSON.parse(readFileSync(join(FIXTURES, 'sites/fixtures.json'), 'utf8')) as SiteFixture[];
const pages = fixtures.filter((f) => !f.hostile);
const html = (file: string) => readFileSync(join(FIXTURES, 'sites', file), 'utf8');

/** Main-world scripts the extension added to the page (the editor reader is injected on relevant pages only). */
async function extensionScriptsIn(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  const urls: string[] = [];
  // Enabling the debugger replays every script already parsed; the page's own world is the default context.
  cdp.on('Debugger.scriptParsed', (event) => {
    const aux = event.executionContextAuxData as { isDefault?: boolean } | undefined;
    if (aux?.isDefault) urls.push(event.url);
  });
  await cdp.send('Debugger.enable');
  await cdp.send('Debugger.disable');
  return urls.filter((u) => u.startsWith('chrome-extension://')).length;
}

/** Simulates the SPA router: swaps the body for another problem's markup and pushes its URL. */
async function spaNavigate(page: Page, markup: string, path: string): Promise<void> {
  await page.evaluate(
    ([m, p]) => {
      const doc = new DOMParser().parseFromString(m!, 'text/html');
      document.title = doc.title;
      document.body.replaceWith(document.adoptNode(doc.body));
      history.pushState({}, '', p);
    },
    [markup, path],
  );
}

for (const site of [...new Set(pages.map((f) => f.site))]) {
  test(`${site}: overlay on related problems, nothing on unrelated ones`, async ({ context, routes, worker }) => {
    const mine = pages.filter((f) => f.site === site);
    expect(mine.some((f) => f.related)).toBe(true);
    expect(mine.some((f) => !f.related)).toBe(true);
    for (const fixture of mine) {
      await routes({ [fixture.url]: `sites/${fixture.file}` });
      const page = await context.newPage();
      await page.goto(fixture.url);
      // The loader's own "done": the background decided and the loader applied it.
      const status = await pageSettled(worker, page);
      if (fixture.related) {
        expect(status, fixture.file).toBe('shown');
        await overlay(page).badgeVisible();
        await expect(overlayHost(page)).toHaveCount(1);
      } else {
        expect(status, fixture.file).toBe('not-relevant');
        await expect(overlayHost(page), fixture.file).toHaveCount(0);
        expect(await extensionScriptsIn(page), `${fixture.file}: main-world scripts`).toBe(0);
      }
      await page.close();
    }
  });
}

test('the overlay opens to concepts, one hint at a time, and the top questions; Hide can be undone', async ({
  context,
  routes,
  worker,
}) => {
  const url = 'https://leetcode.com/problems/print-in-order/';
  await routes({ [url]: 'sites/leetcode-print-in-order.html' });
  const page = await context.newPage();
  await page.goto(url);
  const o = overlay(page);
  await o.click('.aw-badge');
  await expect.poll(() => o.count('[aria-label="Concepts detected"]')).toBe(1);
  expect(await o.count('.aw-hint')).toBe(0);
  await o.click('button', /first hint/i);
  await expect.poll(() => o.count('.aw-hint')).toBe(1);
  await o.click('button', /hint 2/i);
  await expect.poll(() => o.count('.aw-hint')).toBe(2);
  expect(await o.count('.aw-card')).toBe(3);
  await o.click('button', 'Add these to my flashcards');
  await expect.poll(() => o.count('button', /Added 3 to flashcards/)).toBe(1);
  await o.click('button', 'Hide on this page');
  await expect.poll(() => o.count('.aw-badge')).toBe(0);
  // Focus goes to Undo, not to the page's body...
  await expect.poll(() => o.focused()).toContain('Undo');
  // ...Undo brings the badge straight back, focused, and the problem is no longer hidden.
  await o.click('button', 'Undo');
  await o.badgeVisible();
  await expect.poll(() => o.focused()).toContain('aw-badge');
  await page.reload();
  expect(await pageSettled(worker, page)).toBe('shown');
  await overlay(page).badgeVisible();
  // Hide for real: after a reload the loader reports, the background says "hidden", and nothing is shown.
  await overlay(page).click('.aw-badge');
  await overlay(page).click('button', 'Hide on this page');
  await expect.poll(() => overlay(page).count('.aw-badge')).toBe(0);
  await page.reload();
  expect(await pageSettled(worker, page)).toBe('hidden');
  await expect(overlayHost(page)).toHaveCount(0);
});

test('the last hint offers "Solve it here (N tests)", which opens the workbench at that problem', async ({
  context,
  routes,
  worker,
}) => {
  const url = 'https://leetcode.com/problems/print-in-order/';
  await routes({ [url]: 'sites/leetcode-print-in-order.html' });
  const page = await context.newPage();
  await page.goto(url);
  const o = overlay(page);
  // Every view request the panel is sent (the real panel, opened headless, takes each one at once).
  await worker.evaluate(() => {
    type Changed = { addListener(cb: (changes: Record<string, { newValue?: unknown }>, area: string) => void): void };
    const g = globalThis as unknown as { chrome: { storage: { onChanged: Changed } }; __panelRequests: unknown[] };
    g.__panelRequests = [];
    g.chrome.storage.onChanged.addListener((changes, area) => {
      const request = changes['panel:request']?.newValue;
      if (area === 'session' && request) g.__panelRequests.push(request);
    });
  });
  await o.click('.aw-badge');
  for (const label of [/first hint/i, /hint 2/i, /hint 3/i]) await o.click('button', label);
  await o.click('button', /^Solve it here \(\d+ tests\)$/);
  await expect
    .poll(() => worker.evaluate(() => (globalThis as unknown as { __panelRequests: unknown[] }).__panelRequests))
    .toEqual([expect.objectContaining({ view: 'practice', id: 'print-in-order' })]);
});

test("a page script cannot find the badge's words with window.find", async ({ context, routes }) => {
  const url = 'https://leetcode.com/problems/print-in-order/';
  await routes({ [url]: 'sites/leetcode-print-in-order.html' });
  const page = await context.newPage();
  await page.goto(url);
  await overlay(page).badgeVisible();
  const [label] = await overlay(page).evaluate<string>('.aw-badge', 'function () { return this.getAttribute("aria-label"); }');
  expect(label).toMatch(/asyncio hints/);
  // What a page script can do: search the page's text for the overlay's words.
  const found = await page.evaluate(() =>
    ['asyncio hints', 'asyncio', 'aw'].filter((text) => {
      // Non-standard, so not in TypeScript's DOM types; every browser the extension supports has it.
      const page = window as unknown as { find(text: string, caseSensitive: boolean, back: boolean, wrap: boolean): boolean };
      const hit = page.find(text, true, false, true);
      window.getSelection()?.removeAllRanges();
      return hit;
    }),
  );
  expect(found).toEqual([]);
});

test('single-page navigation between problems updates one overlay and removes it on an unrelated one', async ({
  context,
  routes,
}) => {
  const related = 'https://leetcode.com/problems/print-in-order/';
  await routes({ [related]: 'sites/leetcode-print-in-order.html' });
  const page = await context.newPage();
  await page.goto(related);
  await overlay(page).badgeVisible();
  // The host is kept in <html>, outside the body the router replaces: removal must be the loader's doing.
  await page.evaluate((selector) => {
    const host = document.querySelector(selector)!;
    document.documentElement.append(host);
  }, '[data-awaitwise-overlay]');
  await spaNavigate(page, html('leetcode-two-sum.html'), '/problems/two-sum/');
  await expect(overlayHost(page)).toHaveCount(0);
  await spaNavigate(page, html('leetcode-print-in-order.html'), '/problems/print-in-order/');
  await overlay(page).badgeVisible();
  await expect(overlayHost(page)).toHaveCount(1);
});

test('the overlay is sealed: a closed shadow root, untrusted clicks ignored, a host the page cannot pre-empt', async ({
  context,
  extensionId,
}) => {
  const url = 'https://leetcode.com/problems/print-in-order/';
  // The page defines the custom element tag the overlay used to use, with a constructor that takes the root.
  const body = html('leetcode-print-in-order.html').replace(
    '<head>',
    `<head><script>customElements.define('awaitwise-hints', class extends HTMLElement {
      constructor() { super(); this.attachShadow({ mode: 'open' }); } });</script>`,
  );
  await context.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html', body }));
  const page = await context.newPage();
  await page.goto(url);
  await overlay(page).badgeVisible();
  const attack = await page.evaluate(async (selector) => {
    const host = document.querySelector(selector) as HTMLElement;
    const reachable = host.shadowRoot !== null;
    // Everything a page script can reach: the host, and whatever events it can synthesise on it.
    for (const type of ['click', 'pointerdown', 'keydown'])
      host.dispatchEvent(new Event(type, { bubbles: true, composed: true }));
    host.click();
    return { reachable };
  }, '[data-awaitwise-overlay]');
  expect(attack.reachable).toBe(false);
  // Nothing opened and nothing was added to the deck.
  expect(await overlay(page).count('.aw-popover')).toBe(0);
  const deck = await openExtensionPage(context, extensionId, 'options.html');
  const cards = await deck.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const open = indexedDB.open('awaitwise');
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('cards')) return resolve(0);
          const req = db.transaction('cards').objectStore('cards').count();
          req.onsuccess = () => resolve(req.result);
        };
        open.onerror = () => resolve(-1);
      }),
  );
  expect(cards).toBe(0);
});

test('a hostile page: markup in the title and statement runs nothing and stays text', async ({ context, routes }) => {
  const fixture = fixtures.find((f) => f.hostile === 'script')!;
  await routes({ [fixture.url]: `sites/${fixture.file}` });
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(fixture.url);
  const o = overlay(page);
  await o.badgeVisible();
  await o.click('.aw-badge');
  await expect.poll(() => o.count('.aw-popover')).toBe(1);
  expect(await o.count('script, img, iframe, [onerror], [onclick]')).toBe(0);
  expect(
    await page.evaluate(() => (window as unknown as { __awaitwisePwned?: unknown }).__awaitwisePwned ?? null),
  ).toBeNull();
  expect(dialogs).toEqual([]);
});

const badgeStyle =
  'function () { const s = getComputedStyle(this); const b = this.getBoundingClientRect(); return { font: s.fontSize, display: s.display, radius: s.borderRadius, padding: s.padding, width: Math.round(b.width) > 0 }; }';

test('a hostile stylesheet does not change the overlay', async ({ context, routes }) => {
  const hostile = fixtures.find((f) => f.hostile === 'css')!;
  const clean = 'https://leetcode.com/problems/print-in-order/';
  await routes({ [hostile.url]: `sites/${hostile.file}`, [clean]: 'sites/leetcode-print-in-order.html' });
  const styleOf = async (url: string) => {
    const page = await context.newPage();
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(url);
    await overlay(page).badgeVisible();
    const [style] = await overlay(page).evaluate<Record<string, unknown>>('.aw-badge', badgeStyle);
    await page.close();
    return style!;
  };
  const [a, b] = [await styleOf(hostile.url), await styleOf(clean)];
  expect(a.display).toBe(b.display);
  expect(a.font).toBe(b.font);
  expect(a.radius).toBe(b.radius);
  expect(a.padding).toBe(b.padding);
  expect(a.width).toBe(true);
});

test('hostile root font sizes leave the badge and the open popover the same size', async ({ context }) => {
  const url = 'https://leetcode.com/problems/print-in-order/';
  const sizes: Record<string, unknown>[] = [];
  for (const rootSize of ['', '62.5%', '200%', '4px']) {
    const body = html('leetcode-print-in-order.html').replace(
      '<head>',
      rootSize ? `<head><style>html { font-size: ${rootSize} !important; }</style>` : '<head>',
    );
    await context.unroute(url);
    await context.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html', body }));
    const page = await context.newPage();
    await page.goto(url);
    const o = overlay(page);
    await o.badgeVisible();
    await o.click('.aw-badge');
    await expect.poll(() => o.count('.aw-popover')).toBe(1);
    const measure =
      'function () { const r = this.getBoundingClientRect(); return { w: Math.round(r.width), font: getComputedStyle(this).fontSize }; }';
    const [badge] = await o.evaluate<Record<string, unknown>>('.aw-badge', measure);
    const [popover] = await o.evaluate<Record<string, unknown>>('.aw-popover', measure);
    const heading = await o.evaluate<string>(
      '.aw-popover h2, .aw-popover h3',
      'function () { return getComputedStyle(this).fontSize; }',
    );
    sizes.push({ badge, popover, heading });
    await page.close();
  }
  for (const s of sizes.slice(1)) expect(s).toEqual(sizes[0]);
});

test('the popover: Esc and a click outside close it, focus returns to the badge, and stays inside after the last hint', async ({
  context,
  routes,
}) => {
  const url = 'https://leetcode.com/problems/print-in-order/';
  await routes({ [url]: 'sites/leetcode-print-in-order.html' });
  const page = await context.newPage();
  await page.goto(url);
  const o = overlay(page);
  await o.badgeVisible();
  const [name] = await o.evaluate<string>(
    '.aw-badge',
    'function () { return this.getAttribute("aria-label") || this.textContent; }',
  );
  expect(name).toMatch(/^\d+ asyncio (hints|questions?)(, \d+ code findings?)?$/);
  await o.click('.aw-badge');
  await expect.poll(() => o.count('.aw-popover')).toBe(1);
  await page.keyboard.press('Escape');
  await expect.poll(() => o.count('.aw-popover')).toBe(0);
  expect(await o.focused()).toContain('aw-badge');
  await o.click('.aw-badge');
  await expect.poll(() => o.count('.aw-popover')).toBe(1);
  await page.mouse.click(5, 700);
  await expect.poll(() => o.count('.aw-popover')).toBe(0);
  await o.click('.aw-badge');
  for (const label of [/first hint/i, /hint 2/i, /hint 3/i]) await o.click('button', label);
  await expect.poll(() => o.count('.aw-hint')).toBe(3);
  expect(await o.focused()).not.toBeNull();
});

test('the toolbar badge shows the number of matches on that tab', async ({ context, routes, worker }) => {
  const url = 'https://leetcode.com/problems/print-in-order/';
  await routes({ [url]: 'sites/leetcode-print-in-order.html' });
  const page = await context.newPage();
  await page.goto(url);
  await overlay(page).badgeVisible();
  await page.bringToFront();
  const tabId = await tabIdOf(worker);
  expect(Number(await badgeText(worker, tabId))).toBeGreaterThan(0);
});

type ChromeApi = {
  action: { getBadgeText(d: { tabId: number }): Promise<string> };
  storage: { session: { get(k: string): Promise<Record<string, unknown>> } };
};
const badgeText = (worker: import('@playwright/test').Worker, tabId: number) =>
  worker.evaluate(
    (id) => (globalThis as unknown as { chrome: ChromeApi }).chrome.action.getBadgeText({ tabId: id }),
    tabId,
  );
/** Counts, in the service worker, the tabs.onUpdated events with a URL (one per pushState), per tab. */
const countNavigationEvents = (worker: import('@playwright/test').Worker) =>
  worker.evaluate(() => {
    type Updated = { addListener(cb: (id: number, change: { url?: string }) => void): void };
    const g = globalThis as unknown as { chrome: { tabs: { onUpdated: Updated } }; __navigations?: Record<number, number> };
    if (g.__navigations) return;
    const seen: Record<number, number> = (g.__navigations = {});
    g.chrome.tabs.onUpdated.addListener((id, change) => {
      if (change.url) seen[id] = (seen[id] ?? 0) + 1;
    });
  });
const navigationEvents = (worker: import('@playwright/test').Worker, tabId: number) =>
  worker.evaluate((id) => (globalThis as unknown as { __navigations: Record<number, number> }).__navigations[id] ?? 0, tabId);
const storedProblem = (worker: import('@playwright/test').Worker, tabId: number) =>
  worker.evaluate(async (id) => {
    const stored = await (globalThis as unknown as { chrome: ChromeApi }).chrome.storage.session.get(`tab:${id}`);
    const state = stored[`tab:${id}`] as { problem?: { slug?: string } } | undefined;
    return state?.problem?.slug ?? null;
  }, tabId);

test('50 fast single-page navigations: overlay, stored tab state and toolbar badge agree every time', async ({
  context,
  routes,
  worker,
}) => {
  const related = 'https://leetcode.com/problems/print-in-order/';
  await routes({ [related]: 'sites/leetcode-print-in-order.html' });
  const markup = { related: html('leetcode-print-in-order.html'), unrelated: html('leetcode-two-sum.html') };
  const page = await context.newPage();
  await page.goto(related);
  await overlay(page).badgeVisible();
  await page.bringToFront();
  const tabId = await tabIdOf(worker);
  await countNavigationEvents(worker);
  const o = overlay(page);
  const disagreements: string[] = [];
  for (let i = 0; i < 50; i++) {
    // Related pages back to back as well as alternating: the race was between two reports of related pages.
    const kind = i % 3 === 2 ? 'unrelated' : 'related';
    const events = await navigationEvents(worker, tabId);
    await spaNavigate(
      page,
      markup[kind],
      kind === 'related' ? `/problems/print-in-order/?n=${i}` : '/problems/two-sum/',
    );
    const want = kind === 'related';
    try {
      await expect
        .poll(
          async () => {
            const [shown, slug, text] = await Promise.all([
              o.count('.aw-badge'),
              storedProblem(worker, tabId),
              badgeText(worker, tabId),
            ]);
            // The deck is empty here, so without a match count the toolbar badge is blank.
            return want
              ? shown === 1 && slug === 'print-in-order' && Number(text) > 0
              : shown === 0 && slug === null && text === '';
          },
          { timeout: 3_000 },
        )
        .toBe(true);
    } catch {
      disagreements.push(`navigation ${i} (${kind})`);
    }
    // A late navigation event (tabs.onUpdated for this pushState) must not undo what the report stored: wait
    // until it has reached the background, and for the loader's own "done", then look again.
    await expect.poll(() => navigationEvents(worker, tabId)).toBeGreaterThan(events);
    await pageSettled(worker, page);
    const [shown, slug] = await Promise.all([o.count('.aw-badge'), storedProblem(worker, tabId)]);
    if (want && (shown !== 1 || slug !== 'print-in-order'))
      disagreements.push(`navigation ${i}: overlay ${shown}, state ${slug}`);
  }
  expect(disagreements).toEqual([]);
});

test('the side panel follows the active tab', async ({ context, extensionId, routes }) => {
  const a = 'https://leetcode.com/problems/print-in-order/';
  const b = 'https://neetcode.io/problems/promise-pool?list=neetcode250';
  await routes({ [a]: 'sites/leetcode-print-in-order.html', [b]: 'sites/neetcode-promise-pool.html' });
  const first = await context.newPage();
  await first.goto(a);
  await overlay(first).badgeVisible();
  const second = await context.newPage();
  await second.goto(b);
  await overlay(second).badgeVisible();
  const panel = await openExtensionPage(context, extensionId, 'sidepanel.html');
  await first.bringToFront();
  await panel.reload();
  await expect(panel.getByTestId('detection')).toContainText('Print in Order');
  await second.bringToFront();
  await expect(panel.getByTestId('detection')).toContainText(/promise pool/i);
  await first.bringToFront();
  await expect(panel.getByTestId('detection')).toContainText('Print in Order');
});

test('500 single-page navigations: one overlay at most, listeners and DOM nodes flat', async ({
  context,
  routes,
  worker,
}) => {
  test.setTimeout(240_000);
  const related = 'https://leetcode.com/problems/print-in-order/';
  await routes({ [related]: 'sites/leetcode-print-in-order.html' });
  const markup = { related: html('leetcode-print-in-order.html'), unrelated: html('leetcode-two-sum.html') };
  const page = await context.newPage();
  await page.goto(related);
  await overlay(page).badgeVisible();
  const cdp = await context.newCDPSession(page);
  // Listeners of every world (page and content scripts) on window and document, as DevTools counts them.
  const listenerCount = async () => {
    let total = 0;
    for (const expression of ['window', 'document']) {
      const { result } = await cdp.send('Runtime.evaluate', { expression });
      const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId!, depth: 0 });
      total += listeners.length;
    }
    return total;
  };
  const nodeCount = async () => {
    // Two collections: the first frees the replaced bodies, the second what only they kept alive.
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const { nodes } = (await cdp.send('Memory.getDOMCounters')) as { nodes: number };
    return nodes;
  };
  const settle = async () => {
    expect(await pageSettled(worker, page)).toBe('shown');
    await overlay(page).badgeVisible();
  };
  // A warm-up, so everything created once per page (not per navigation) exists before counting.
  for (let i = 0; i < 20; i++)
    await spaNavigate(
      page,
      i % 2 ? markup.related : markup.unrelated,
      i % 2 ? '/problems/print-in-order/' : '/problems/two-sum/',
    );
  await settle();
  const before = { listeners: await listenerCount(), nodes: await nodeCount() };
  for (let i = 0; i < 500; i++) {
    const kind = i % 2 === 0 ? 'unrelated' : 'related';
    await spaNavigate(page, markup[kind], kind === 'related' ? '/problems/print-in-order/' : '/problems/two-sum/');
    if (i % 50 === 0) expect(await overlayHost(page).count()).toBeLessThanOrEqual(1);
  }
  // The last navigation went to the related problem: exactly one overlay once things settle.
  await settle();
  await expect(overlayHost(page)).toHaveCount(1);
  // Under load the last navigations' work can still hold a replaced body for a moment: count again until
  // it is let go. A leak (about 7 nodes per navigation, 3,500 here) stays however often it is counted.
  let nodes = await nodeCount();
  await expect
    .poll(async () => (nodes = Math.min(nodes, await nodeCount())), { timeout: 10_000 })
    .toBeLessThanOrEqual(before.nodes + 20);
  const after = { listeners: await listenerCount(), nodes };
  test.info().annotations.push({ type: 'counts', description: JSON.stringify({ before, after }) });
  expect(after.listeners).toBeLessThanOrEqual(before.listeners);
  // DOM nodes: the page's own markup is the same size each time; a few for the garbage collector's timing.
  expect(after.nodes).toBeLessThanOrEqual(before.nodes + 20);
});

test('the side panel opens from a content script only with a user gesture: without one the reply says not opened', async ({
  context,
  routes,
}) => {
  const url = 'https://leetcode.com/problems/print-in-order/';
  await routes({ [url]: 'sites/leetcode-print-in-order.html' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  // The content scripts' isolated world: where the overlay's "Open in side panel" sends from.
  const worlds: { id: number; name: string; type: string }[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context: c }) =>
    worlds.push({ id: c.id, name: c.name, type: String((c.auxData as { type?: string } | undefined)?.type) }),
  );
  await cdp.send('Runtime.enable');
  await page.goto(url);
  await overlay(page).badgeVisible();
  const world = worlds.find((w) => w.type === 'isolated' && w.name === 'Awaitwise');
  expect(world, JSON.stringify(worlds)).toBeDefined();
  const openPanel = async (userGesture: boolean) => {
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
      contextId: world!.id,
      expression: `chrome.runtime.sendMessage({ type: 'panel/open', view: 'page' }).then((reply) => reply.opened)`,
      awaitPromise: true,
      returnByValue: true,
      userGesture,
    });
    expect(exceptionDetails).toBeUndefined();
    return result.value as boolean;
  };
  // A page cannot make the extension open its panel on its own: Chromium refuses without a gesture, and the
  // background says so rather than answering "opened".
  expect(await openPanel(false)).toBe(false);
  expect(await openPanel(true)).toBe(true);
});

const REAL_CODE = 'import time\n\n\nasync def real_solution():\n    time.sleep(1)\n';
const FORGED_CODE = 'import requests\n\nasync def forged():\n    requests.get("https://example.com")\n';

test("the editor reader answers only the overlay that asked: a page's forged answer is not shown as the editor's code", async ({
  context,
  extensionId,
}) => {
  const url = 'https://leetcode.com/problems/print-in-order/';
  // The page's editor holds REAL_CODE; a script of the page answers every editor request with FORGED_CODE, first.
  const body = html('leetcode-print-in-order.html').replace(
    '<head>',
    `<head><script>
      const model = { getValue: () => ${JSON.stringify(REAL_CODE)}, getLanguageId: () => 'python' };
      window.monaco = { editor: { getEditors: () => [{ getModel: () => model, hasTextFocus: () => true }] } };
      window.addEventListener('message', (event) => {
        const data = event.data;
        if (!data || typeof data !== 'object' || data.type === 'awaitwise:editor-reply') return;
        // Whatever the request looks like, answer it first, in every shape a reply has had.
        window.postMessage({ ...data, type: 'awaitwise:editor-reply', code: ${JSON.stringify(FORGED_CODE)} }, location.origin);
      });
    </script>`,
  );
  await context.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html', body }));
  const page = await context.newPage();
  await page.goto(url);
  const o = overlay(page);
  await o.badgeVisible();
  await o.click('.aw-badge');
  await expect
    .poll(async () => (await o.evaluate<string>('.aw-badge', 'function () { return this.getAttribute("aria-label"); }'))[0])
    .toMatch(/1 code finding$/);
  const panel = await openExtensionPage(context, extensionId, 'sidepanel.html');
  await page.bringToFront();
  await panel.reload();
  const findings = panel.getByRole('region', { name: 'In your code' });
  await expect(findings).toContainText('time.sleep()');
  await expect(findings).not.toContainText('requests.get()');
  await expect(panel.getByTestId('code-unverified')).toHaveCount(0);
});

test('code read from what the page rendered (no editor model) is marked "read from the page" in the side panel', async ({
  context,
  extensionId,
  routes,
  worker,
}) => {
  const url = 'https://leetcode.com/problems/print-in-order/';
  await routes({ [url]: 'sites/leetcode-print-in-order.html' });
  const page = await context.newPage();
  await page.goto(url);
  expect(await pageSettled(worker, page)).toBe('shown');
  // The rendered lines of the (saved, script-less) editor: no editor object behind them.
  await page.evaluate((code) => {
    const lines = document.querySelector('.monaco-editor .view-lines')!;
    lines.replaceChildren(
      ...code.split('\n').map((text, i) => {
        const line = document.createElement('div');
        line.className = 'view-line';
        line.style.top = `${i * 20}px`;
        line.textContent = text;
        return line;
      }),
    );
  }, REAL_CODE);
  const o = overlay(page);
  await o.click('.aw-badge');
  await expect
    .poll(async () => (await o.evaluate<string>('.aw-badge', 'function () { return this.getAttribute("aria-label"); }'))[0])
    .toMatch(/1 code finding$/);
  const panel = await openExtensionPage(context, extensionId, 'sidepanel.html');
  await page.bringToFront();
  await panel.reload();
  await expect(panel.getByRole('region', { name: 'In your code' })).toContainText('time.sleep()');
  await expect(panel.getByTestId('code-unverified')).toContainText('Read from the page');
});
