/**
 * The benchmark's browser half, in Debian's headless Chromium with the built extension: content-script
 * main-thread time and DOM cost on routed problem pages, popup and side-panel first paint, and the study queue
 * on real IndexedDB. Launched like tests/e2e/fixtures.ts: real URLs answered from saved pages, the rest 404.
 */
import { chromium, type BrowserContext, type CDPSession, type Page } from '@playwright/test';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromiumArgs } from './chromium';
import { attempt, type Row } from './bench-report';
import { srsRows, SRS_DECK } from './bench-srs';
import { bundleSrsBench, srsInBrowser } from './bench-srs-chromium';
import { summarize } from './bench-stats';
import { OverlayProbe } from './overlay-probe';
import {
  mainThreadTaskTime,
  scriptCompileTime,
  scriptMainThreadTime,
  TRACE_CATEGORIES,
  type ScriptTime,
  type TraceEvent,
} from './bench-trace';

export interface ProblemPage {
  label: 'related' | 'unrelated';
  url: string;
  fixture: string;
}

export interface BrowserBenchOptions {
  root: string;
  executablePath: string;
  browserLabel: string;
  extensionDir: string;
  /** Timed repetitions per browser measure (after one warm-up). */
  reps: number;
  srsSamples: number;
  log: (message: string) => void;
}

const PREFERRED: Record<ProblemPage['label'], { url: string; fixture: string }> = {
  related: { url: 'https://leetcode.com/problems/print-in-order/', fixture: 'leetcode-print-in-order.html' },
  unrelated: { url: 'https://leetcode.com/problems/two-sum/', fixture: 'leetcode-two-sum.html' },
};
/** After the overlay host appears the overlay still renders and lints; after load, an unrelated page gets this long. */
const RELATED_SETTLE_MS = 1500;
const UNRELATED_SETTLE_MS = 2000;
const OVERLAY_HOST = '[data-awaitwise-overlay]';
/** Service-worker cold starts timed (issue 13: median of at least 10). */
const COLD_STARTS = 12;

interface FixtureEntry {
  file: string;
  url: string;
  site: string;
  related: boolean;
}

/** The two pages; if a fixture file is missing, the first saved LeetCode page of the same kind. */
export function problemPages(root: string): ProblemPage[] {
  const sites = join(root, 'tests/fixtures/sites');
  return (['related', 'unrelated'] as const).map((label) => {
    const preferred = PREFERRED[label];
    if (existsSync(join(sites, preferred.fixture))) return { label, ...preferred };
    const index = JSON.parse(readFileSync(join(sites, 'fixtures.json'), 'utf8')) as FixtureEntry[];
    const fallback = index.find(
      (f) => f.site === 'leetcode' && f.related === (label === 'related') && existsSync(join(sites, f.file)),
    );
    if (!fallback) throw new Error(`no ${label} LeetCode fixture in tests/fixtures/sites`);
    return { label, url: fallback.url, fixture: fallback.file };
  });
}

export async function launch(
  executablePath: string,
  extensionDir: string,
  withExtension: boolean,
): Promise<BrowserContext> {
  const args = withExtension
    ? chromiumArgs(extensionDir)
    : [
        ...chromiumArgs(extensionDir).filter(
          (a) => !a.startsWith('--load-extension') && !a.startsWith('--disable-extensions-except'),
        ),
        '--disable-extensions',
      ];
  const context = await chromium.launchPersistentContext('', {
    executablePath,
    headless: true,
    args,
    viewport: { width: 1280, height: 860 },
  });
  await context.route(/^https?:\/\//, (route) =>
    route.fulfill({ status: 404, contentType: 'text/plain', body: 'not routed' }),
  );
  return context;
}

export async function routePages(context: BrowserContext, root: string, pages: readonly ProblemPage[]): Promise<void> {
  for (const page of pages) {
    const body = readFileSync(join(root, 'tests/fixtures/sites', page.fixture), 'utf8');
    await context.route(page.url, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body }),
    );
  }
}

interface DomNode {
  nodeType: number;
  children?: DomNode[];
  shadowRoots?: (DomNode & { shadowRootType?: string })[];
  contentDocument?: DomNode;
}

/** Elements in the document, including inside shadow roots (open or closed) and frames; not the browser's own (user-agent) shadow trees. */
async function countElements(cdp: CDPSession): Promise<number> {
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
  const count = (node: DomNode): number =>
    (node.nodeType === 1 ? 1 : 0) +
    (node.children ?? []).reduce((sum, child) => sum + count(child), 0) +
    (node.shadowRoots ?? []).filter((s) => s.shadowRootType !== 'user-agent').reduce((sum, s) => sum + count(s), 0) +
    (node.contentDocument ? count(node.contentDocument) : 0);
  return count(root);
}

interface PageLoad extends ScriptTime {
  elements: number;
  /** JS heap in use by the page's isolate (every world: the page's and the content scripts'), after GC. */
  heapBytes: number;
  /** V8 compile time of the extension's scripts on the page's main thread, ms. */
  compileMs: number;
  /** Thread time of all top-level main-thread tasks during the load, ms (the page's own included). */
  taskMs: number;
  /** Event listeners on window, document and every node (shadow roots included), of every world. */
  listeners: number;
}

/** Listeners of every world on window, and on document and all its descendants, shadow roots included. */
export async function countListeners(cdp: CDPSession): Promise<number> {
  let total = 0;
  for (const [expression, depth] of [
    ['window', 0],
    ['document', -1],
  ] as const) {
    const { result } = await cdp.send('Runtime.evaluate', { expression });
    const { listeners } = await cdp.send('DOMDebugger.getEventListeners', {
      objectId: result.objectId!,
      depth,
      pierce: true,
    });
    total += listeners.length;
  }
  return total;
}

export async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize;
}

/**
 * Waits until the overlay's host is in the page, asking over CDP in the page's own world. Not Playwright's
 * waitForSelector: that injects Playwright's own script (over a megabyte of heap) into the page, which the
 * heap figure would then count as the extension's.
 */
export async function hostAttached(cdp: CDPSession, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const { result } = await cdp.send('Runtime.evaluate', {
      expression: `document.querySelector(${JSON.stringify(OVERLAY_HOST)}) !== null`,
      returnByValue: true,
    });
    if (result.value === true) return;
    if (Date.now() > end) throw new Error('the overlay host did not appear within 15 s');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Loads `url` in `tab` with a trace recording (the categories the figures read), lets `settle` run after the
 * load event, and returns the trace once Chromium has flushed it.
 */
export async function traceLoad(
  cdp: CDPSession,
  tab: Page,
  url: string,
  settle: () => Promise<void>,
): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: TRACE_CATEGORIES },
    transferMode: 'ReportEvents',
  });
  await tab.goto(url, { waitUntil: 'load' });
  await settle();
  const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.end');
  await complete;
  return events;
}

/** Loads the page with tracing on, waits until the content script is done, and reads the trace and the DOM. */
async function loadTraced(
  context: BrowserContext,
  page: ProblemPage,
  scripts: readonly string[],
  withExtension: boolean,
): Promise<PageLoad> {
  const tab = await context.newPage();
  try {
    const cdp = await context.newCDPSession(tab);
    const events = await traceLoad(cdp, tab, page.url, async () => {
      if (withExtension && page.label === 'related') {
        await hostAttached(cdp);
        await tab.waitForTimeout(RELATED_SETTLE_MS);
      } else {
        // The same settling time with and without the extension, so the task times compare.
        await tab.waitForTimeout(UNRELATED_SETTLE_MS);
      }
    });
    const time = scriptMainThreadTime(events, scripts);
    return {
      ...time,
      compileMs: scriptCompileTime(events, scripts),
      taskMs: mainThreadTaskTime(events),
      elements: await countElements(cdp),
      listeners: await countListeners(cdp),
      heapBytes: await heapAfterGc(cdp),
    };
  } finally {
    await tab.close();
  }
}

/** Navigation start → first contentful paint of an extension page opened in a tab. */
export async function firstContentfulPaint(context: BrowserContext, url: string): Promise<number> {
  const tab = await context.newPage();
  try {
    await tab.goto(url);
    return await tab.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error('no first-contentful-paint within 10 s')), 10_000);
          new PerformanceObserver((list) => {
            const entry = list.getEntriesByName('first-contentful-paint')[0];
            if (entry) {
              clearTimeout(timer);
              resolve(entry.startTime);
            }
          }).observe({ type: 'paint', buffered: true });
        }),
    );
  } finally {
    await tab.close();
  }
}

const basename = (url: string) => url.slice(url.lastIndexOf('/') + 1);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/**
 * Time from navigation start to the overlay's host in the page, on every saved related page (not only the
 * two the CPU figures use): issue 13 asks for ≤ 1 s after load on every real layout.
 */
async function overlayTimes(context: BrowserContext, root: string, reps: number, env: string): Promise<Row[]> {
  const sites = join(root, 'tests/fixtures/sites');
  const index = JSON.parse(readFileSync(join(sites, 'fixtures.json'), 'utf8')) as (FixtureEntry & {
    hostile?: string;
  })[];
  const related = index.filter((f) => f.related && !f.hostile);
  const rows: Row[] = [];
  for (const fixture of related) {
    const body = readFileSync(join(sites, fixture.file), 'utf8');
    await context.route(fixture.url, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body }),
    );
    const row = {
      id: `overlayTime.${fixture.file.replace(/\.html$/, '')}`,
      measure: `navigation → overlay, ${fixture.file}`,
      unit: 'ms' as const,
      environment: `${env}, performance.now() when the host is attached; "after load" in the note`,
      budget: 1000,
    };
    rows.push(
      ...(await attempt([row], async () => {
        const times: number[] = [];
        const afterLoad: number[] = [];
        for (let i = 0; i < reps + 1; i++) {
          const tab = await context.newPage();
          try {
            await tab.goto(fixture.url, { waitUntil: 'commit' });
            await tab.waitForSelector(OVERLAY_HOST, { state: 'attached', timeout: 15_000 });
            const [at, load] = await tab.evaluate(() => {
              const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
              return [performance.now(), nav?.loadEventEnd ?? 0];
            });
            if (i > 0) {
              times.push(at);
              afterLoad.push(at - load);
            }
          } finally {
            await tab.close();
          }
        }
        return [{ ...row, summary: summarize(times), note: `after load: median ${median(afterLoad).toFixed(0)} ms` }];
      })),
    );
  }
  return rows;
}

/**
 * A real click on the related page's badge until the popover shows its hints, painted: the first open loads
 * the overlay's code (the background injects it), so this is what a user waits for. Timed inside the
 * content scripts' world, from the click event's time stamp to the frame after the hints are in the DOM.
 */
async function openToHints(context: BrowserContext, page: ProblemPage, reps: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < reps + 1; i++) {
    const tab = await context.newPage();
    try {
      const cdp = await context.newCDPSession(tab);
      const worlds: { id: number; name: string }[] = [];
      cdp.on('Runtime.executionContextCreated', ({ context: c }) => worlds.push({ id: c.id, name: c.name }));
      await cdp.send('Runtime.enable');
      await tab.goto(page.url, { waitUntil: 'load' });
      const probe = new OverlayProbe(tab);
      await probe.badgeVisible(15_000);
      const world = worlds.find((w) => w.name === 'Awaitwise');
      if (!world) throw new Error("no execution context for the extension's content scripts");
      // In the extension's world the closed root is reachable (chrome.dom), as it is for the overlay itself.
      const armed = cdp.send('Runtime.evaluate', {
        contextId: world.id,
        awaitPromise: true,
        returnByValue: true,
        expression: `new Promise((resolve, reject) => {
          const host = document.querySelector('[data-awaitwise-overlay]');
          const root = chrome.dom.openOrClosedShadowRoot(host);
          let clickedAt = 0;
          root.addEventListener('click', (event) => { clickedAt ||= event.timeStamp; }, { capture: true });
          const done = () => requestAnimationFrame(() => resolve(performance.now() - clickedAt));
          const observer = new MutationObserver(() => {
            if (clickedAt && root.querySelector('.aw-popover .aw-hints, .aw-popover .aw-block')) {
              observer.disconnect();
              done();
            }
          });
          observer.observe(root, { childList: true, subtree: true });
          setTimeout(() => reject(new Error('no hints within 10 s')), 10_000);
        })`,
      });
      await probe.click('.aw-badge');
      const { result, exceptionDetails } = await armed;
      if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
      if (i > 0) times.push(Number(result.value));
    } finally {
      await tab.close();
    }
  }
  return times;
}

/**
 * Stops the service worker over CDP, wakes it with a message from an extension page and times the first
 * reply; reads the worker's own script evaluation from a trace of the same wake.
 */
async function coldStarts(
  context: BrowserContext,
  origin: string,
  coldRow: Omit<Row, 'summary'>,
  evalRow: Omit<Row, 'summary'>,
): Promise<Row[]> {
  const page = await context.newPage();
  try {
    await page.goto(`${origin}/options.html`);
    const cdp = await context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    const browser = context.browser();
    const browserCdp = browser ? await browser.newBrowserCDPSession() : null;
    const times: number[] = [];
    const evals: number[] = [];
    for (let i = 0; i < COLD_STARTS + 1; i++) {
      await cdp.send('ServiceWorker.stopAllWorkers');
      await page.waitForTimeout(300);
      const events: TraceEvent[] = [];
      const collect = ({ value }: { value: object[] }) => events.push(...(value as unknown as TraceEvent[]));
      if (browserCdp) {
        browserCdp.on('Tracing.dataCollected', collect);
        await browserCdp.send('Tracing.start', {
          traceConfig: { includedCategories: ['devtools.timeline', 'v8', 'disabled-by-default-devtools.timeline'] },
          transferMode: 'ReportEvents',
        });
      }
      const ms = await page.evaluate(async () => {
        const runtime = (
          globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
        ).chrome.runtime;
        const start = performance.now();
        // A well-formed message the worker answers without touching the database.
        await runtime.sendMessage({ type: 'cards/add', ids: ['bench-no-such-card'], source: 'manual' });
        return performance.now() - start;
      });
      if (browserCdp) {
        const complete = new Promise<void>((resolve) => browserCdp.once('Tracing.tracingComplete', () => resolve()));
        await browserCdp.send('Tracing.end');
        await complete;
        browserCdp.off('Tracing.dataCollected', collect);
      }
      if (i === 0) continue;
      times.push(ms);
      const evaluate = events.filter(
        (e) => e.name === 'EvaluateScript' && JSON.stringify(e.args ?? {}).includes('background.js'),
      );
      if (evaluate.length) evals.push(evaluate.reduce((sum, e) => sum + (e.dur ?? 0), 0) / 1000);
    }
    return [
      { ...coldRow, summary: summarize(times) },
      evals.length
        ? { ...evalRow, summary: summarize(evals) }
        : { ...evalRow, summary: null, note: 'no EvaluateScript event for background.js in the trace' },
    ];
  } finally {
    await page.close();
  }
}

export async function runBrowserBench(options: BrowserBenchOptions): Promise<Row[]> {
  const { root, executablePath, extensionDir, reps, log } = options;
  const env = options.browserLabel;
  const pages = problemPages(root);
  const rows: Row[] = [];

  log('chromium: bundling the study-queue benchmark');
  const srsCode = await bundleSrsBench(root).catch((error: unknown) => error as Error);

  log('chromium: baseline DOM without the extension');
  const baseline = new Map<string, number>();
  const baselineHeap = new Map<string, number[]>();
  const baselineTasks = new Map<string, number[]>();
  const baselineListeners = new Map<string, number[]>();
  const plain = await launch(executablePath, extensionDir, false);
  try {
    await routePages(plain, root, pages);
    for (const page of pages) {
      await loadTraced(plain, page, [], false);
      const loads: PageLoad[] = [];
      for (let i = 0; i < reps; i++) loads.push(await loadTraced(plain, page, [], false));
      baseline.set(page.label, loads[0]!.elements);
      baselineHeap.set(
        page.label,
        loads.map((l) => l.heapBytes),
      );
      baselineTasks.set(
        page.label,
        loads.map((l) => l.taskMs),
      );
      baselineListeners.set(
        page.label,
        loads.map((l) => l.listeners),
      );
    }
  } finally {
    await plain.close();
  }

  const context = await launch(executablePath, extensionDir, true);
  try {
    await routePages(context, root, pages);
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
    const origin = `chrome-extension://${new URL(worker.url()).host}`;
    const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as {
      content_scripts?: { js?: string[] }[];
    };
    // The loader from the manifest, and what the background injects into relevant pages.
    const injected = readdirSync(join(extensionDir, 'content-scripts'))
      .filter((f) => f.endsWith('.js'))
      .map((f) => `content-scripts/${f}`);
    const scripts = [...new Set([...(manifest.content_scripts ?? []).flatMap((c) => c.js ?? []), ...injected])].map(
      (js) => `${origin}/${js}`,
    );

    for (const page of pages) {
      const where = `${page.label} page (${page.fixture})`;
      log(`chromium: content scripts on the ${page.label} page (${page.url} → ${page.fixture})`);
      const method = `${env}, trace: script events ∪ V8 samples`;
      const timeRow = {
        id: `contentScript.${page.label}.ms`,
        measure: `content scripts, main-thread CPU time, ${where}`,
        unit: 'ms' as const,
        environment: method,
        // Issue 24's targets: the best peer's figure on the related page, 0.8× of it on an unrelated one.
        budget: page.label === 'unrelated' ? 5.6 : 10.4,
      };
      const heapRow = {
        id: `heap.${page.label}`,
        measure: `JS heap added, ${page.label} page`,
        unit: 'bytes' as const,
        environment: `${env}, Runtime.getHeapUsage after GC, median with minus median without the extension`,
        budget: 337_000,
      };
      const compileRow = {
        id: `compile.${page.label}`,
        measure: `  V8 compile of the extension's scripts, ${page.label} page`,
        unit: 'ms' as const,
        environment: `${env}, trace: v8.compile events of the extension's script URLs`,
      };
      const tasksRow = {
        id: `tasks.${page.label}`,
        measure: `main-thread task time added, ${page.label} page`,
        unit: 'ms' as const,
        environment: `${env}, trace: top-level tasks' thread time, median with minus median without the extension`,
        ...(page.label === 'related' ? { budget: 20 } : {}),
      };
      const listenersRow = {
        id: `listeners.${page.label}`,
        measure: `event listeners added, ${page.label} page (badge not opened)`,
        unit: 'count' as const,
        environment: `${env}, DOMDebugger.getEventListeners on window and the whole document (shadow roots too), with minus without`,
        ...(page.label === 'related' ? { budget: 10 } : {}),
      };
      const wallRow = {
        id: `contentScript.${page.label}.wallMs`,
        measure: '  the same, wall-clock',
        unit: 'ms' as const,
        environment: method,
      };
      const domRow = {
        id: `contentScript.${page.label}.dom`,
        measure: `content scripts, DOM elements added, ${page.label} page`,
        unit: 'count' as const,
        environment: `${env}, with minus without the extension`,
      };
      rows.push(
        ...(await attempt([timeRow, wallRow, compileRow, domRow, heapRow, tasksRow, listenersRow], async () => {
          await loadTraced(context, page, scripts, true);
          const loads: PageLoad[] = [];
          for (let i = 0; i < reps; i++) loads.push(await loadTraced(context, page, scripts, true));
          if (!loads.every((l) => l.sampled)) throw new Error('the trace had no V8 CPU samples');
          const perScript = scripts.map((script) => ({
            id: `contentScript.${page.label}.ms.${basename(script)}`,
            measure: `  of which ${basename(script)}`,
            unit: 'ms' as const,
            summary: summarize(loads.map((l) => l.cpuByScript[script] ?? 0)),
            environment: method,
          }));
          return [
            {
              ...timeRow,
              summary: summarize(loads.map((l) => l.cpuMs)),
              note: `${page.url} answered with tests/fixtures/sites/${page.fixture}`,
            },
            ...(scripts.length > 1 ? perScript : []),
            { ...wallRow, summary: summarize(loads.map((l) => l.wallMs)) },
            { ...compileRow, summary: summarize(loads.map((l) => l.compileMs)) },
            { ...domRow, summary: summarize(loads.map((l) => l.elements - (baseline.get(page.label) ?? 0))) },
            {
              ...heapRow,
              summary: summarize(loads.map((l) => l.heapBytes - median(baselineHeap.get(page.label) ?? [l.heapBytes]))),
            },
            {
              ...tasksRow,
              summary: summarize(loads.map((l) => l.taskMs - median(baselineTasks.get(page.label) ?? [l.taskMs]))),
            },
            {
              ...listenersRow,
              summary: summarize(
                loads.map((l) => l.listeners - median(baselineListeners.get(page.label) ?? [l.listeners])),
              ),
            },
          ];
        })),
      );
    }

    const related = pages.find((p) => p.label === 'related');
    if (related) {
      log('chromium: opening the badge → hints shown');
      const openRow = {
        id: 'overlayOpen.hints',
        measure: `opening the badge → hints shown (first open: the overlay's code loads), ${related.fixture}`,
        unit: 'ms' as const,
        environment: `${env}, trusted click; click event → next frame after the hints are in the DOM`,
        budget: 100,
      };
      rows.push(
        ...(await attempt([openRow], async () => [
          { ...openRow, summary: summarize(await openToHints(context, related, reps)) },
        ])),
      );
    }

    log('chromium: navigation → overlay on every saved related page');
    rows.push(...(await overlayTimes(context, root, reps, env)));

    log(`chromium: service-worker cold start (${COLD_STARTS}×)`);
    const coldRow = {
      id: 'serviceWorker.coldStart',
      measure: 'service-worker cold start (stopped over CDP, woken by a message, → first reply)',
      unit: 'ms' as const,
      environment: `${env}, ServiceWorker.stopAllWorkers, then runtime.sendMessage from an extension page`,
      budget: 50,
    };
    const evalRow = {
      id: 'serviceWorker.scriptEval',
      measure: '  of which evaluating background.js (trace: EvaluateScript in the worker)',
      unit: 'ms' as const,
      environment: `${env}, browser-wide trace`,
      // Issue 24: at most 1.5× the best peer's 12.2 ms.
      budget: 18.3,
    };
    rows.push(...(await attempt([coldRow, evalRow], () => coldStarts(context, origin, coldRow, evalRow))));

    for (const [name, budget] of [
      // Issue 24: 0.8× the best peer's popup (216 ms), 0.9× its side panel (192 ms).
      ['popup', 173],
      ['sidepanel', 173],
    ] as const) {
      log(`chromium: ${name} first render`);
      const row = {
        id: `firstRender.${name}`,
        measure: `${name === 'popup' ? 'popup' : 'side panel'} first render (navigation start → first contentful paint)`,
        unit: 'ms' as const,
        environment: `${env}, extension page in a tab`,
        ...(budget ? { budget } : {}),
      };
      rows.push(
        ...(await attempt([row], async () => {
          const url = `${origin}/${name}.html`;
          await firstContentfulPaint(context, url);
          const times: number[] = [];
          for (let i = 0; i < reps; i++) times.push(await firstContentfulPaint(context, url));
          return [{ ...row, summary: summarize(times) }];
        })),
      );
    }

    log(`chromium: due queue and rate-to-next on IndexedDB (${SRS_DECK.cards} cards, ${SRS_DECK.logs} logs)`);
    rows.push(
      ...(await srsRows('IndexedDB', `${env}, IndexedDB`, 'chromium', () => {
        if (srsCode instanceof Error) throw srsCode;
        return srsInBrowser(context, srsCode, { ...SRS_DECK, samples: options.srsSamples });
      })),
    );
  } finally {
    await context.close();
  }
  return rows;
}
