/**
 * `npm run bench -- --peers DIR…`: our build beside other built MV3 extensions in one run of Debian's headless
 * Chromium. Each extension gets a fresh browser of its own; rounds interleave them with a browser without any
 * extension (the baseline of every "added" figure), the order rotating each round, so a busy stretch of the
 * shared machine lands on every extension alike. A figure is the median of the rounds' medians.
 *
 * Everything is measured the same way for every extension: the same real URLs answered from the same saved
 * pages (each extension's content scripts run only where its own match patterns say), the same time after the
 * load event, its popup and side panel from its own manifest, its service worker woken the same way.
 */
import { spawnSync } from 'node:child_process';
import { statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { firstContentfulPaint, launch, problemPages, routePages, type ProblemPage } from './bench-chromium';
import { candidatesOf, readManifest } from './bench-peers-manifest';
import { chromiumVersion, ensureChromium } from './chromium';
import { coldStarts, jsFiles, packageZipBytes, tracedLoad, type Load } from './bench-peers-measure';
import {
  assembleFigures,
  BASELINE,
  collect,
  collectMissing,
  comparisonJson,
  comparisonMarkdown,
  comparisonText,
  figureSpecs,
  roundOrder,
  type Candidate,
  type Collected,
  type Figure,
} from './bench-peers-report';
import { runInfoLines, type RunInfo } from './bench-report';

export interface PeerBenchOptions {
  root: string;
  executablePath: string;
  /** Our build (a private copy of .output/chrome-mv3). */
  ours: string;
  peers: readonly string[];
  rounds: number;
  /** Timed loads of each page, and opens of the popup and the side panel, per round (after one warm-up each). */
  loads: number;
  /** Timed service-worker cold starts per round (after one warm-up). */
  coldStarts: number;
  log: (message: string) => void;
}

const pagePath = (path: string) => path.replace(/^\//, '');
const PAGE_FIGURES = ['script', 'tasks', 'heap', 'compile', 'listeners'];

/** One extension's (or the baseline's) share of a round, in a browser of its own. */
async function measureRound(
  options: PeerBenchOptions,
  pages: readonly ProblemPage[],
  candidate: Candidate | null,
  round: number,
  into: Collected,
): Promise<void> {
  const name = candidate?.name ?? BASELINE;
  const fail = (figures: readonly string[], error: unknown) => {
    const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
    options.log(`peers: ${name}: ${figures.join(', ')} not measured: ${reason}`);
    for (const figure of figures) collectMissing(into, figure, name, reason);
  };
  const context = await launch(options.executablePath, candidate?.dir ?? options.ours, candidate !== null);
  try {
    await routePages(context, options.root, pages);
    let origin = '';
    if (candidate) {
      const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
      origin = `chrome-extension://${new URL(worker.url()).host}`;
      // A welcome tab opened on install would run beside the first loads: let it open, then close it.
      await new Promise((done) => setTimeout(done, 1000));
      for (const tab of context.pages()) if (tab.url().startsWith('chrome-extension://')) await tab.close();
    }
    const scripts = candidate ? jsFiles(candidate.dir).map((f) => `${origin}/${f}`) : [];
    const waitForOverlay = (page: ProblemPage) => Boolean(candidate?.ours) && page.label === 'related';
    try {
      // One untimed load of each page first: the first load in a fresh profile compiles everything cold.
      for (const page of pages) await tracedLoad(context, page, scripts, waitForOverlay(page));
      const timed: Load[][] = pages.map(() => []);
      // The pages alternate load by load, so a slow moment falls on both.
      for (let i = 0; i < options.loads; i++) {
        for (const [p, page] of pages.entries())
          timed[p]!.push(await tracedLoad(context, page, scripts, waitForOverlay(page)));
      }
      for (const [p, page] of pages.entries()) {
        const loads = timed[p]!;
        const add = (figure: string, values: number[]) => collect(into, `${figure}.${page.label}`, name, round, values);
        if (candidate) {
          add(
            'script',
            loads.map((l) => l.cpuMs),
          );
          add(
            'compile',
            loads.map((l) => l.compileMs),
          );
        }
        add(
          'tasks',
          loads.map((l) => l.taskMs),
        );
        add(
          'heap',
          loads.map((l) => l.heapBytes),
        );
        add(
          'listeners',
          loads.map((l) => l.listeners),
        );
      }
    } catch (error) {
      fail(
        pages.flatMap((p) => PAGE_FIGURES.map((f) => `${f}.${p.label}`)),
        error,
      );
    }
    if (!candidate) return;

    const manifest = readManifest(candidate.dir);
    for (const [figure, path] of [
      ['popup.fcp', manifest.action?.default_popup],
      ['sidepanel.fcp', manifest.side_panel?.default_path],
    ] as const) {
      if (!path) {
        fail([figure], new Error(figure === 'popup.fcp' ? 'no popup' : 'no side panel'));
        continue;
      }
      try {
        const url = `${origin}/${pagePath(path)}`;
        await firstContentfulPaint(context, url);
        const times: number[] = [];
        for (let i = 0; i < options.loads; i++) times.push(await firstContentfulPaint(context, url));
        collect(into, figure, name, round, times);
      } catch (error) {
        fail([figure], error);
      }
    }

    const worker = manifest.background?.service_worker;
    if (!worker) {
      fail(['worker.wake', 'worker.evaluate'], new Error('no service worker'));
      return;
    }
    try {
      const { wakeMs, evaluateMs } = await coldStarts(
        context,
        origin,
        `${origin}/${pagePath(worker)}`,
        options.coldStarts,
      );
      collect(into, 'worker.wake', name, round, wakeMs);
      if (evaluateMs.length) collect(into, 'worker.evaluate', name, round, evaluateMs);
      else fail(['worker.evaluate'], new Error('no EvaluateScript event for the worker in the trace'));
    } catch (error) {
      fail(['worker.wake', 'worker.evaluate'], error);
    }
  } finally {
    await context.close();
  }
}

/** Sizes need no browser: the worker file as built, and the package as a store would get it. */
function measureSizes(candidates: readonly Candidate[], into: Collected): void {
  for (const candidate of candidates) {
    const worker = readManifest(candidate.dir).background?.service_worker;
    if (worker)
      collect(into, 'size.background', candidate.name, 0, [statSync(join(candidate.dir, pagePath(worker))).size]);
    else collectMissing(into, 'size.background', candidate.name, 'no service worker');
    try {
      // Ours without the Python runtime, as the peers (which have none) were first compared.
      const bytes = packageZipBytes(candidate.dir, candidate.ours ? ['pyodide/*'] : []);
      collect(into, 'size.package', candidate.name, 0, [bytes]);
    } catch (error) {
      collectMissing(into, 'size.package', candidate.name, String(error));
    }
  }
}

/** Measures ours and every peer, interleaved; the figures come in issue 24's order. */
export async function comparePeers(options: PeerBenchOptions): Promise<{ candidates: Candidate[]; figures: Figure[] }> {
  const candidates = candidatesOf(options.ours, options.peers);
  const pages = problemPages(options.root);
  const into: Collected = { samples: new Map(), missing: new Map() };
  const lineup: (Candidate | null)[] = [null, ...candidates];
  for (let round = 0; round < options.rounds; round++) {
    for (const candidate of roundOrder(lineup, round)) {
      options.log(`peers: round ${round + 1}/${options.rounds}: ${candidate?.name ?? BASELINE}`);
      await measureRound(options, pages, candidate, round, into);
    }
  }
  measureSizes(candidates, into);
  const fixture = (label: ProblemPage['label']) => pages.find((p) => p.label === label)?.fixture ?? label;
  const specs = figureSpecs({ related: fixture('related'), unrelated: fixture('unrelated') });
  return { candidates, figures: assembleFigures(specs, candidates, into) };
}

/** How the figures are taken; printed under the table. */
const METHOD = [
  'Each extension runs in a fresh headless Chromium of its own (a new profile each time); a round runs every extension and a browser without any, in an order that rotates by one each round. A figure is the median, over the rounds, of each round’s median.',
  'Problem pages: the real URLs answered with the saved pages in tests/fixtures/sites (everything else gets a 404), so each extension’s content scripts run only where its own match patterns say. One untimed load of each page, then the timed loads alternating between the two pages, each in a new tab, traced (devtools.timeline + V8 CPU profiler) from navigation until 2 s after the load event (ours, on the related page, is first waited for until its badge host exists).',
  'Content-script CPU time: thread time of every stretch of the trace spent in any script file of the build (script events ∪ CPU samples, see bench/results.md’s method). V8 compile: the trace’s v8.compile events of those files. Main-thread task time: thread time of all top-level tasks of the renderer main thread. Event listeners: CDP DOMDebugger.getEventListeners on window and on the document with every descendant, shadow roots included. JS heap: Runtime.getHeapUsage after two garbage collections. “Added” figures subtract the same round’s median without any extension.',
  'Popup and side panel: the pages the manifest names (action.default_popup, side_panel.default_path) opened in a tab; first-contentful-paint since navigation start, one untimed open then the timed ones. An extension without a side panel gets “—”.',
  'Service worker: stopped with CDP ServiceWorker.stopAllWorkers, then started with ServiceWorker.startWorker (the same wake for every extension, none of its pages open); wake = from the call until Chromium reports the worker running, which it does once the script has been evaluated. Top-level evaluation: the EvaluateScript event of the worker script in a browser-wide trace of the same wake, thread time. One untimed start, then the timed ones.',
  'Sizes: the service worker file as built; the package is `zip -r -9` of the build folder, ours without pyodide/ (the Python runtime), peers whole.',
  'Ratio: ours ÷ the lowest peer figure (every figure here is lower-is-better); targets are issue 24’s. Wall-clock figures move with the machine’s load: compare runs at a similar load average.',
];

function peersMarkdown(
  info: RunInfo,
  options: Pick<PeerBenchOptions, 'rounds' | 'loads' | 'coldStarts'>,
  candidates: readonly Candidate[],
  table: string,
): string {
  return [
    '# Peer comparison',
    '',
    'Written by `npm run bench -- --peers DIR…` (how the peers are built: bench/README.md).',
    '',
    ...runInfoLines(info),
    `- Rounds: ${options.rounds} × ${options.loads} loads of each page and opens of each extension page, ${options.coldStarts} service-worker cold starts`,
    ...candidates.map(
      (c) => `- ${c.ours ? 'Ours' : 'Peer'}: ${c.name} ${c.version} (${c.ours ? 'this build' : c.dir})`,
    ),
    '',
    table,
    '',
    '## Method',
    '',
    ...METHOD.map((m) => `- ${m}`),
    '',
  ].join('\n');
}

/**
 * The whole `--peers` mode: measures, writes bench/peers.md, and prints the table (or, with `json`, one JSON
 * object and nothing else on stdout).
 */
export async function runPeerComparison(options: {
  root: string;
  ours: string;
  peers: readonly string[];
  quick: boolean;
  json: boolean;
  command: string;
  log: (message: string) => void;
}): Promise<void> {
  const loadAtStart = loadavg()[0]!;
  const uptimeAtStart = uptime();
  const executablePath = ensureChromium();
  const counts = options.quick ? { rounds: 1, loads: 2, coldStarts: 2 } : { rounds: 3, loads: 5, coldStarts: 6 };
  const { candidates, figures } = await comparePeers({ ...options, ...counts, executablePath });
  const info: RunInfo = {
    date: new Date().toISOString(),
    command: options.command,
    node: process.version,
    chromium: chromiumVersion(executablePath),
    machine: `${process.platform} ${process.arch}, ${cpus().length} CPUs; uptime at start: ${uptimeAtStart}; at end: ${uptime()} (load average ${loadAtStart.toFixed(1)} → ${loadavg()[0]!.toFixed(1)})`,
  };
  const file = join(options.root, 'bench/peers.md');
  writeFileSync(file, peersMarkdown(info, counts, candidates, comparisonMarkdown(figures, candidates)));
  if (options.json) process.stdout.write(`${comparisonJson({ ...info, ...counts }, figures, candidates)}\n`);
  else console.log(`${comparisonText(figures, candidates)}\n\n${info.machine}`);
  options.log(`wrote ${file}`);
}

/** `uptime`'s own line (load averages over 1, 5 and 15 minutes), as the report asks for it. */
function uptime(): string {
  const result = spawnSync('uptime', { encoding: 'utf8' });
  return result.status === 0
    ? result.stdout.trim()
    : `load average ${loadavg()
        .map((x) => x.toFixed(2))
        .join(', ')}`;
}
