/**
 * What the peer comparison measures in a browser, the same way for every extension: a traced load of a
 * problem page, first contentful paint of an extension page (bench-chromium's), service-worker cold starts;
 * and the package zip.
 */
import type { BrowserContext } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { countListeners, heapAfterGc, hostAttached, traceLoad, type ProblemPage } from './bench-chromium';
import { mainThreadTaskTime, scriptCompileTime, scriptMainThreadTime, type TraceEvent } from './bench-trace';

/** Time every extension gets after the load event, with or without a signal of its own. */
const SETTLE_MS = 2000;

/** Every script file of a build, relative to it: whatever of it runs in a page is watched. */
export function jsFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.m?js$/.test(f) && statSync(join(dir, f)).isFile())
    .map((f) => f.split('\\').join('/'));
}

export interface Load {
  cpuMs: number;
  compileMs: number;
  taskMs: number;
  listeners: number;
  heapBytes: number;
}

/**
 * The events of the renderer process the page was committed in. The trace is browser-wide: other renderers
 * (a welcome tab an extension opened on install, its other pages) run extension scripts too, and their tasks
 * are not the page's.
 */
export function pageEvents(events: readonly TraceEvent[], url: string): TraceEvent[] {
  const committed = events.filter((e) => {
    const data = e.args?.data as { url?: string; isOutermostMainFrame?: boolean } | undefined;
    return e.name === 'FrameCommittedInBrowser' && data?.url === url && data.isOutermostMainFrame !== false;
  });
  const pid = (committed[committed.length - 1]?.args?.data as { processId?: number } | undefined)?.processId;
  if (pid === undefined) throw new Error(`the trace has no commit of ${url}`);
  return events.filter((e) => e.pid === pid);
}

/** One traced load of a problem page: the extension's script time, every task, listeners and heap after GC. */
export async function tracedLoad(
  context: BrowserContext,
  page: ProblemPage,
  scripts: readonly string[],
  waitForOverlay: boolean,
): Promise<Load> {
  const tab = await context.newPage();
  try {
    const cdp = await context.newCDPSession(tab);
    const events = await traceLoad(cdp, tab, page.url, async () => {
      const loaded = Date.now();
      // Ours says when it has drawn; the same window after load is then given to everyone.
      if (waitForOverlay) await hostAttached(cdp);
      await tab.waitForTimeout(Math.max(0, SETTLE_MS - (Date.now() - loaded)));
    });
    const own = pageEvents(events, page.url);
    return {
      cpuMs: scriptMainThreadTime(own, scripts).cpuMs,
      compileMs: scriptCompileTime(own, scripts),
      taskMs: mainThreadTaskTime(own),
      listeners: await countListeners(cdp),
      heapBytes: await heapAfterGc(cdp),
    };
  } finally {
    await tab.close();
  }
}

interface VersionUpdate {
  versions: { scriptURL: string; runningStatus: string }[];
}

/**
 * Cold starts of the service worker: stopped over CDP, then started with `ServiceWorker.startWorker`, the one
 * wake every extension answers alike (a message would time each one's own handler, and a handler that keeps
 * the channel open never answers). Wake → "running", which Chromium reports once the script has been
 * evaluated; and the top-level evaluation itself, from a browser-wide trace of the same wake.
 */
export async function coldStarts(
  context: BrowserContext,
  origin: string,
  workerUrl: string,
  count: number,
): Promise<{ wakeMs: number[]; evaluateMs: number[] }> {
  const tab = await context.newPage();
  try {
    // A page of the extension's origin that runs none of its code: the worker wakes for us alone.
    await tab.goto(`${origin}/manifest.json`);
    const cdp = await context.newCDPSession(tab);
    let status = '';
    let changedAt = 0;
    let leftStoppedAt = 0;
    const waiters: (() => void)[] = [];
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }: VersionUpdate) => {
      for (const v of versions.filter((v) => v.scriptURL === workerUrl)) {
        // Other updates (the version's own status) repeat the running status: only a change is timed.
        if (v.runningStatus !== status) changedAt = performance.now();
        if (status === 'stopped' && v.runningStatus !== 'stopped') leftStoppedAt = changedAt;
        status = v.runningStatus;
      }
      waiters.splice(0).forEach((wake) => wake());
    });
    const statusIs = async (wanted: string) => {
      const end = Date.now() + 15_000;
      while (status !== wanted) {
        if (Date.now() > end) throw new Error(`the service worker did not reach "${wanted}" within 15 s`);
        await new Promise<void>((done) => {
          waiters.push(done);
          setTimeout(done, 250);
        });
      }
    };
    await cdp.send('ServiceWorker.enable');
    const browser = context.browser();
    if (!browser) throw new Error('no browser-wide CDP session for the trace');
    const browserCdp = await browser.newBrowserCDPSession();
    const wakeMs: number[] = [];
    const evaluateMs: number[] = [];
    // Something of the extension's own (an alarm, a port) may wake it between our stop and our start: that
    // start is not ours to time, and is tried again, a bounded number of times.
    for (let i = 0, tries = 0; i < count + 1 && tries < 3 * (count + 1); tries++) {
      await cdp.send('ServiceWorker.stopAllWorkers');
      await statusIs('stopped');
      // Let the stopped worker's process wind down before the next start.
      await tab.waitForTimeout(200);
      const events: TraceEvent[] = [];
      const collect = ({ value }: { value: object[] }) => events.push(...(value as unknown as TraceEvent[]));
      browserCdp.on('Tracing.dataCollected', collect);
      await browserCdp.send('Tracing.start', {
        traceConfig: { includedCategories: ['devtools.timeline', 'v8', 'disabled-by-default-devtools.timeline'] },
        transferMode: 'ReportEvents',
      });
      const start = performance.now();
      await cdp.send('ServiceWorker.startWorker', { scopeURL: `${origin}/` });
      await statusIs('running');
      const woke = changedAt - start;
      const complete = new Promise<void>((done) => browserCdp.once('Tracing.tracingComplete', () => done()));
      await browserCdp.send('Tracing.end');
      await complete;
      browserCdp.off('Tracing.dataCollected', collect);
      if (leftStoppedAt < start) continue;
      if (i++ === 0) continue;
      wakeMs.push(woke);
      const evaluate = events.filter(
        (e) => e.ph === 'X' && e.name === 'EvaluateScript' && JSON.stringify(e.args ?? {}).includes(workerUrl),
      );
      if (evaluate.length) evaluateMs.push(evaluate.reduce((sum, e) => sum + (e.tdur ?? e.dur ?? 0), 0) / 1000);
    }
    await browserCdp.detach();
    return { wakeMs, evaluateMs };
  } finally {
    await tab.close();
  }
}

/** Bytes of `zip -r -9` of a build, less the `exclude` patterns. */
export function packageZipBytes(dir: string, exclude: readonly string[]): number {
  const out = join(mkdtempSync(join(tmpdir(), 'awaitwise-peer-zip-')), 'package.zip');
  try {
    const zipped = spawnSync('zip', ['-r', '-9', '-q', out, '.', ...exclude.flatMap((x) => ['-x', x])], { cwd: dir });
    if (zipped.status !== 0) throw new Error(`zip failed: ${zipped.stderr.toString().trim()}`);
    return statSync(out).size;
  } finally {
    rmSync(dirname(out), { recursive: true, force: true });
  }
}
