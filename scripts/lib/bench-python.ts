/**
 * Python runtime figures for `npm run bench`, in headless Chromium with the built extension (and in Firefox
 * ESR when a Firefox build and browser are there). Every figure is Run click → first output line unless it
 * says otherwise:
 * - first start after install: a fresh profile (no snapshot), Run clicked as soon as the view has painted;
 * - a newly opened panel: the snapshot is stored, Run clicked as soon as the view has painted;
 * - after Stop and after a time-out: the next Run once the stopped run has ended;
 * - a warm run of a gather snippet: click → "Finished" shown, above its own 0.3 s of sleeping, with the
 *   spare interpreter ready (two seconds after the previous run) and back to back (no pause at all);
 * - the snapshot (size, and the worker's own timings for a full start, making it and restoring it), the
 *   memory the panel's interpreter adds, and the question view's first paint;
 * - the runtime's share of the package.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { chromium, type BrowserContext, type Locator, type Page } from '@playwright/test';
import type { Row } from './bench-report';
import { exact, summarize } from './bench-stats';
import { chromiumArgs } from './chromium';

/** gather-basics#1 sleeps 0.3 s in all (its longest lookup); the rest of a warm run is the runtime's overhead. */
const SNIPPET_SLEEP_MS = 300;
const QUESTION = 'sidepanel.html#/question/gather-basics';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

/** What a zip of the folder would hold: every file deflated at the highest level. */
function deflated(paths: string[]): number {
  return paths.reduce((sum, path) => sum + deflateRawSync(readFileSync(path), { level: 9 }).length, 0);
}

export function pythonSizeRows(extensionDir: string): Row[] {
  const all = files(extensionDir);
  const runtime = all.filter((p) => p.includes(`${join(extensionDir, 'pyodide')}/`));
  const rest = all.filter((p) => !runtime.includes(p));
  const env = 'build output, deflate -9 per file (≈ zip)';
  return [
    {
      id: 'package.withRuntime.bytes',
      measure: 'package, with the Python runtime',
      unit: 'bytes',
      summary: exact(deflated(all)),
      environment: env,
    },
    {
      id: 'package.withoutRuntime.bytes',
      measure: 'package, without the Python runtime (pyodide/)',
      unit: 'bytes',
      summary: exact(deflated(rest)),
      environment: env,
    },
  ];
}

const firstBlock = (page: Page) => page.locator('.aw-runnable').first();

/**
 * Clicks `button` and returns ms (page clock) from the click to the first output line and to the run's end.
 * The watch starts before the click; a previous run's output does not count. Both moments are taken by a
 * mutation observer in the page as they happen: Playwright's waitFor polls at up to 500 ms apart, and the
 * clock read after it returns would time its polling.
 */
async function timeClick(page: Page, block: Locator, button: Locator): Promise<{ firstOutput: number; done: number }> {
  await block.locator('.aw-run-end').evaluateAll((ends) => ends.forEach((e) => e.setAttribute('data-previous', '')));
  await page.evaluate(() => {
    const marks = { start: 0, first: 0, end: 0 };
    Reflect.set(window, '__awBench', marks);
    const observer = new MutationObserver(() => {
      if (!marks.start) return;
      const text = document.querySelector('.aw-run-text')?.textContent ?? '';
      if (!marks.first && text.includes('\n')) marks.first = performance.now();
      if (!marks.end && document.querySelector('.aw-run-end:not([data-previous])')) marks.end = performance.now();
      if (marks.first && marks.end) observer.disconnect();
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    // Cleared output from the previous run must not count: start watching on the click itself.
    document.addEventListener('click', () => (marks.start = performance.now()), { capture: true, once: true });
  });
  await button.click();
  await block.locator('.aw-run-end:not([data-previous])').waitFor({ timeout: 180_000 });
  return page.evaluate(() => {
    const marks: unknown = Reflect.get(window, '__awBench');
    const start = Number(Reflect.get(Object(marks), 'start'));
    const first = Number(Reflect.get(Object(marks), 'first'));
    const end = Number(Reflect.get(Object(marks), 'end'));
    return { firstOutput: first ? first - start : NaN, done: end ? end - start : NaN };
  });
}

/** Run, or Run my copy once the snippet has been edited in this profile. */
const runButton = (block: Locator) => block.getByRole('button', { name: /^Run( my copy)?$/ });

/** Opens the question view; resolves once Run is on screen (the view has painted). */
async function openQuestion(context: BrowserContext, id: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${id}/${QUESTION}`);
  await runButton(firstBlock(page)).waitFor();
  return page;
}

async function launch(executablePath: string, extensionDir: string) {
  const context = await chromium.launchPersistentContext('', {
    executablePath,
    headless: true,
    args: chromiumArgs(extensionDir),
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  return { context, id: new URL(worker.url()).host };
}

/** Resident memory of a browser and every process under it, in bytes (Linux /proc). */
function treeRss(root: number): number {
  const parent = new Map<number, number>();
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      // "pid (comm) state ppid ...": the name may hold spaces, so split after its closing parenthesis.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      parent.set(Number(pid), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // The process ended between the listing and the read.
    }
  }
  const inTree = (pid: number): boolean => {
    for (let p: number | undefined = pid; p; p = parent.get(p)) if (p === root) return true;
    return false;
  };
  let total = 0;
  for (const pid of parent.keys()) {
    if (!inTree(pid)) continue;
    try {
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      total += Number(rss?.[1] ?? 0) * 1024;
    } catch {
      // Gone already.
    }
  }
  return total;
}

/** The browser process of a context launched with `extensionDir` (the one whose command line names it). */
function browserPid(extensionDir: string): number {
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (cmd.includes(`--load-extension=${extensionDir}`) && !cmd.includes('--type=')) return Number(pid);
    } catch {
      // Gone already.
    }
  }
  return NaN;
}

/** The worker's own timings, over its private channel: full start, snapshot made, a restore from it. */
async function workerTimings(page: Page, extensionDir: string) {
  const script = readdirSync(join(extensionDir, 'assets')).find((name) => /^python-worker-.*\.js$/.test(name));
  if (!script) throw new Error('no python-worker bundle in the build');
  // No named functions inside: the bench runs under tsx, which would wrap them in a helper the page lacks.
  return page.evaluate(async (url) => {
    const ready: number[] = [];
    let full: { ms: number; snapshotMs: number; bytes: Blob } | null = null;
    for (let i = 0; i < 4; i++) {
      const worker = new Worker(url, { type: 'module' });
      const channel = new MessageChannel();
      const snapshot = full?.bytes ?? null;
      const result = await new Promise<{ ms: number; snapshotMs: number; bytes: Blob | null }>((resolve, reject) => {
        let made: { snapshotMs: number; bytes: Blob } | null = null;
        channel.port1.onmessage = (event: MessageEvent<{ type: string; ms: number; bytes?: Uint8Array }>) => {
          const message = event.data;
          if (message.type === 'snapshot' && message.bytes)
            made = { snapshotMs: message.ms, bytes: new Blob([message.bytes.slice()]) };
          if (message.type === 'ready')
            resolve({ ms: message.ms, snapshotMs: made?.snapshotMs ?? NaN, bytes: made?.bytes ?? null });
          if (message.type === 'failed') reject(new Error(JSON.stringify(message)));
        };
        worker.postMessage({ type: 'start', snapshot, digest: null, makeSnapshot: !snapshot }, [channel.port2]);
      });
      worker.terminate();
      if (!full) {
        if (!result.bytes) throw new Error('the full start made no snapshot');
        full = { ms: result.ms, snapshotMs: result.snapshotMs, bytes: result.bytes };
      } else ready.push(result.ms);
    }
    if (!full) throw new Error('no full start');
    return { full: full.ms, snapshotMs: full.snapshotMs, size: full.bytes.size, restores: ready };
  }, `/assets/${script}`);
}

export async function runPythonBench(options: {
  executablePath: string;
  extensionDir: string;
  reps: number;
  browserLabel: string;
  log: (message: string) => void;
}): Promise<Row[]> {
  const { executablePath, extensionDir, reps, browserLabel, log } = options;
  const firstStart: number[] = [];
  const newPanel: number[] = [];
  const afterStop: number[] = [];
  const afterTimeout: number[] = [];
  const warm: number[] = [];
  const backToBack: number[] = [];
  const paint: number[] = [];
  let memory = NaN;
  let timings: Awaited<ReturnType<typeof workerTimings>> | null = null;

  for (let i = 0; i < reps; i++) {
    log(`python: a fresh profile ${i + 1}/${reps}`);
    const { context, id } = await launch(executablePath, extensionDir);
    try {
      // First start after install: nothing stored yet.
      const page = await openQuestion(context, id);
      firstStart.push((await timeClick(page, firstBlock(page), runButton(firstBlock(page)))).firstOutput);
      await page.close();

      // A newly opened panel, with the snapshot stored by the first start.
      const panel = await openQuestion(context, id);
      const block = firstBlock(panel);
      newPanel.push((await timeClick(panel, block, runButton(block))).firstOutput);
      for (let j = 0; j < 3; j++) {
        // The spare is restored while the previous run ends; two seconds are plenty on a quiet machine.
        await panel.waitForTimeout(2_000);
        warm.push((await timeClick(panel, block, runButton(block))).done - SNIPPET_SLEEP_MS);
        backToBack.push((await timeClick(panel, block, runButton(block))).done - SNIPPET_SLEEP_MS);
      }

      // After Stop: an endless loop, stopped once it runs, then the original snippet again.
      await block.getByRole('button', { name: 'Try it' }).click();
      await block.locator('.cm-content').click();
      await panel.keyboard.press('Control+a');
      await panel.keyboard.insertText('while True:\n    pass\n');
      await block.getByRole('button', { name: 'Run my copy' }).click();
      await block.locator('.aw-run-output').waitFor();
      await block.locator('.aw-run-note').waitFor({ state: 'detached', timeout: 180_000 });
      await block.getByRole('button', { name: 'Stop' }).click();
      await block.locator('.aw-run-end').waitFor();
      await block.getByRole('button', { name: 'Reset to the original' }).click();
      afterStop.push((await timeClick(panel, block, runButton(block))).firstOutput);
      await block.getByRole('button', { name: 'Try it' }).click();
      if (i === 0) {
        // After the time limit (10 s a run: measured once per bench).
        await block.locator('.cm-content').click();
        await panel.keyboard.press('Control+a');
        await panel.keyboard.insertText('while True:\n    pass\n');
        await timeClick(panel, block, block.getByRole('button', { name: 'Run my copy' }));
        await block.locator('.cm-content').click();
        await panel.keyboard.press('Control+a');
        await panel.keyboard.insertText('print("after the time limit")\n');
        afterTimeout.push(
          (await timeClick(panel, block, block.getByRole('button', { name: 'Run my copy' }))).firstOutput,
        );

        // Memory: the same profile with the panel on a view without Python, then with its spare interpreter.
        const browse = await context.newPage();
        await browse.goto(`chrome-extension://${id}/sidepanel.html#/browse`);
        await panel.close();
        await browse.waitForTimeout(2_000);
        const browser = browserPid(extensionDir);
        const without = treeRss(browser);
        const again = await openQuestion(context, id);
        await timeClick(again, firstBlock(again), runButton(firstBlock(again)));
        await again.waitForTimeout(2_000);
        memory = treeRss(browser) - without;
        timings = await workerTimings(again, extensionDir);
      }

      // The question view's first paint, in a new tab each time.
      for (let j = 0; j < 3; j++) {
        const view = await context.newPage();
        await view.goto(`chrome-extension://${id}/${QUESTION}`);
        await runButton(firstBlock(view)).waitFor();
        const fcp = await view.evaluate(
          () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
        );
        paint.push(fcp);
        await view.close();
      }
    } finally {
      await context.close();
    }
  }

  const env = `${browserLabel}, side panel page in a tab`;
  const rows: Row[] = [
    {
      id: 'python.firstStart.ms',
      measure: 'Python: first start after install (no snapshot), Run click → first output line',
      unit: 'ms',
      summary: summarize(firstStart),
      budget: 3_500,
      environment: `${env}, fresh profile, Run clicked once the view has painted`,
    },
    {
      id: 'python.newPanel.ms',
      measure: 'Python: newly opened panel (snapshot stored), Run click → first output line',
      unit: 'ms',
      summary: summarize(newPanel),
      budget: 1_000,
      environment: `${env}, Run clicked once the view has painted`,
    },
    {
      id: 'python.afterStop.ms',
      measure: 'Python: Run after Stop, click → first output line',
      unit: 'ms',
      summary: summarize(afterStop),
      budget: 1_000,
      environment: env,
    },
    {
      id: 'python.afterTimeout.ms',
      measure: 'Python: Run after a time-out (10 s), click → first output line',
      unit: 'ms',
      summary: summarize(afterTimeout),
      budget: 1_000,
      environment: env,
    },
    {
      id: 'python.warmGatherOverhead.ms',
      measure: 'Python: warm run of a gather snippet, time above its own 0.3 s of sleeping',
      unit: 'ms',
      summary: summarize(warm),
      budget: 150,
      environment: `${env}, click → "Finished" shown, two seconds after the previous run`,
    },
    {
      id: 'python.backToBackGatherOverhead.ms',
      measure: 'Python: the same, clicked the moment the previous run ended',
      unit: 'ms',
      summary: summarize(backToBack),
      environment: `${env}, the spare may still be restoring`,
    },
    {
      id: 'python.questionFirstPaint.ms',
      measure: 'question view first contentful paint (Python starts only after it)',
      unit: 'ms',
      summary: summarize(paint),
      environment: `${env}, new tab`,
    },
    {
      id: 'python.interpreterMemory.bytes',
      measure: "Python: memory a panel's ready interpreter adds (all Chromium processes' RSS)",
      unit: 'bytes',
      summary: exact(memory),
      environment: `${env}, #/browse vs #/question with its spare ready`,
    },
  ];
  if (timings) {
    rows.push(
      {
        id: 'python.snapshot.bytes',
        measure: 'Python: interpreter snapshot size',
        unit: 'bytes',
        summary: exact(timings.size),
        environment: env,
      },
      {
        id: 'python.snapshotMake.ms',
        measure: "Python: making the snapshot (the worker's own clock, after a full start)",
        unit: 'ms',
        summary: exact(timings.snapshotMs),
        environment: env,
      },
      {
        id: 'python.fullStart.ms',
        measure: 'Python: a full start in the worker (its own clock: load, import, snapshot)',
        unit: 'ms',
        summary: exact(timings.full),
        environment: env,
      },
      {
        id: 'python.restore.ms',
        measure: 'Python: a start from the snapshot in the worker (its own clock)',
        unit: 'ms',
        summary: summarize(timings.restores),
        environment: env,
      },
    );
  }
  rows.push(...(await runFirefoxPythonBench(reps, log)));
  return rows;
}

/** Firefox ESR: the first start and a newly opened page, when a Firefox build and browser are there. */
async function runFirefoxPythonBench(reps: number, log: (message: string) => void): Promise<Row[]> {
  const planned = [
    {
      id: 'python.firefox.firstStart.ms',
      measure: 'Python in Firefox: first start after install, click → first output',
    },
    {
      id: 'python.firefox.newPage.ms',
      measure: 'Python in Firefox: newly opened page (restored), click → first output',
    },
  ] as const;
  const { findFirefox, launchFirefox, ADDON_DIR } = await import('../../tests/e2e-firefox/firefox');
  if (!findFirefox() || !existsSync(join(ADDON_DIR, 'manifest.json')))
    return planned.map((p) => ({
      ...p,
      unit: 'ms' as const,
      summary: null,
      environment: 'Firefox ESR',
      note: 'needs firefox-esr and npm run build:firefox',
    }));
  const first: number[] = [];
  const later: number[] = [];
  for (let i = 0; i < Math.min(reps, 3); i++) {
    log(`python: Firefox, a fresh profile ${i + 1}`);
    const ff = await launchFirefox();
    try {
      for (const samples of [first, later]) {
        // A new document each time (a change of hash alone would keep the page and its interpreters).
        await ff.extensionPage('options.html');
        const page = await ff.extensionPage(QUESTION);
        await page.waitForSelector('.aw-runnable .aw-run-bar button');
        const ms = await page.evaluate(async () => {
          const block = document.querySelector('.aw-runnable')!;
          const button = [...block.querySelectorAll('.aw-run-bar button')].find((b) => b.textContent === 'Run');
          if (!(button instanceof HTMLButtonElement)) throw new Error('no Run button');
          const start = performance.now();
          button.click();
          for (;;) {
            if ((block.querySelector('.aw-run-text')?.textContent ?? '').includes('\n'))
              return performance.now() - start;
            if (performance.now() - start > 180_000) throw new Error('no output');
            await new Promise((resolve) => setTimeout(resolve, 5));
          }
        });
        samples.push(ms);
        await page.waitForSelector('.aw-run-end');
      }
    } finally {
      await ff.close();
    }
  }
  return [
    { ...planned[0], unit: 'ms', summary: summarize(first), budget: 3_500, environment: 'Firefox ESR, fresh profile' },
    {
      ...planned[1],
      unit: 'ms',
      summary: summarize(later),
      budget: 1_000,
      environment: 'Firefox ESR, snapshot stored',
    },
  ];
}
