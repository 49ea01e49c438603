/**
 * Python runtime figures for `npm run bench`, in headless Chromium with the built extension: cold start (first
 * Run click → first output line, a fresh page and so a fresh worker each time), the overhead of a warm run of
 * a gather snippet above its own sleeping, and the runtime's share of the package.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { chromium, type Page } from '@playwright/test';
import type { Row } from './bench-report';
import { summarize } from './bench-stats';
import { chromiumArgs } from './chromium';

/** gather-basics#1 sleeps 0.3 s in all (its longest lookup); the rest of a warm run is the runtime's overhead. */
const SNIPPET_SLEEP_MS = 300;

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
  const exact = (value: number) => summarize([value]);
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

/** Clicks Run on the first snippet; ms (page clock) to its first output line and to the end of the run. */
async function timeRun(page: Page): Promise<{ firstOutput: number; done: number }> {
  const block = page.locator('.aw-runnable').first();
  // Watch from before the click: the first output is the first text in a fresh output pane.
  await page.evaluate(() => {
    const marks = { start: performance.now(), first: 0 };
    Reflect.set(window, '__awBench', marks);
    const observer = new MutationObserver(() => {
      if (!marks.first && document.querySelector('.aw-run-text')?.textContent) {
        marks.first = performance.now();
        observer.disconnect();
      }
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  });
  await block.getByRole('button', { name: 'Run', exact: true }).click();
  await block.locator('.aw-run-end').waitFor({ timeout: 120_000 });
  return page.evaluate(() => {
    const marks: unknown = Reflect.get(window, '__awBench');
    const start = Number(Reflect.get(Object(marks), 'start'));
    const first = Number(Reflect.get(Object(marks), 'first'));
    return { firstOutput: first - start, done: performance.now() - start };
  });
}

export async function runPythonBench(options: {
  executablePath: string;
  extensionDir: string;
  reps: number;
  browserLabel: string;
  log: (message: string) => void;
}): Promise<Row[]> {
  const { executablePath, extensionDir, reps, browserLabel, log } = options;
  const context = await chromium.launchPersistentContext('', {
    executablePath,
    headless: true,
    args: chromiumArgs(extensionDir),
  });
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
    const url = `chrome-extension://${new URL(worker.url()).host}/sidepanel.html#/question/gather-basics`;
    const cold: number[] = [];
    const warm: number[] = [];
    for (let i = 0; i < reps; i++) {
      log(`python: cold start ${i + 1}/${reps}`);
      const page = await context.newPage();
      await page.goto(url);
      cold.push((await timeRun(page)).firstOutput);
      for (let j = 0; j < 3; j++) warm.push((await timeRun(page)).done - SNIPPET_SLEEP_MS);
      await page.close();
    }
    return [
      {
        id: 'python.coldStart.ms',
        measure: 'Python cold start: first Run click → first output line',
        unit: 'ms',
        summary: summarize(cold),
        environment: `${browserLabel}, side panel page in a tab, new worker each time`,
      },
      {
        id: 'python.warmGatherOverhead.ms',
        measure: 'warm run of a gather snippet, time above its own 0.3 s of sleeping',
        unit: 'ms',
        summary: summarize(warm),
        environment: `${browserLabel}, click → "Finished" shown`,
      },
    ];
  } finally {
    await context.close();
  }
}
