/**
 * The event-loop timeline's figures for `npm run bench`: what recording costs in the extension's Python
 * runtime on 1,000 tasks × 3 sleep(0) (tests/fixtures/trace/many.py), traced against untraced, the whole run
 * and the program alone (bench-timeline-pyodide.ts, a child process); the trace's size as the worker sends
 * it; and the time to draw that trace's timeline in Chromium (bench-timeline-browser.tsx).
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { chromium } from '@playwright/test';
import preact from '@preact/preset-vite';
import { build } from 'vite';
import { attempt, type Row } from './bench-report';
import { exact, summarize } from './bench-stats';
import type { PackedTrace } from '../../utils/trace/packed';

/** The budget for recording: at most this many times an untraced run. */
const OVERHEAD_BUDGET = 1.5;
const PROGRAM = 'tests/fixtures/trace/many.py';
const BENCH_PAGE = 'https://awaitwise-bench.test/timeline';

interface PyodideFigures {
  run: { traced: number[]; untraced: number[] };
  loop: { traced: number[]; untraced: number[]; floor: number[] };
  trace: PackedTrace;
}

async function pyodideFigures(root: string, reps: number): Promise<PyodideFigures> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [
      '--experimental-wasm-stack-switching',
      '--import',
      'tsx',
      join(root, 'scripts/lib/bench-timeline-pyodide.ts'),
      join(root, PROGRAM),
      String(reps),
    ],
    { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  return JSON.parse(stdout) as PyodideFigures;
}

/** The draw benchmark as one classic script exposing `AwaitwiseBenchTimeline`, with its CSS. */
async function bundle(root: string): Promise<{ code: string; css: string }> {
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    root,
    plugins: [preact()],
    resolve: { alias: { '@': root } },
    build: {
      write: false,
      minify: true,
      emptyOutDir: false,
      lib: {
        entry: join(root, 'scripts/lib/bench-timeline-browser.tsx'),
        formats: ['iife'],
        name: 'AwaitwiseBenchTimeline',
        fileName: 'bench-timeline',
      },
    },
  });
  const files = (Array.isArray(output) ? output : [output]).flatMap((r) => ('output' in r ? r.output : []));
  const chunk = files.find((f) => f.type === 'chunk');
  const css = files.filter((f) => f.type === 'asset' && f.fileName.endsWith('.css'));
  if (!chunk || chunk.type !== 'chunk') throw new Error('vite build produced no bundle for the timeline benchmark');
  return { code: chunk.code, css: css.map((f) => (f.type === 'asset' ? String(f.source) : '')).join('\n') };
}

async function drawFigures(root: string, executablePath: string, trace: PackedTrace, samples: number) {
  const { code, css } = await bundle(root);
  const browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ viewport: { width: 360, height: 900 } });
    await page.route(BENCH_PAGE, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>bench</title>' }),
    );
    await page.goto(BENCH_PAGE);
    await page.addStyleTag({ content: css });
    await page.addScriptTag({ content: code });
    return await page.evaluate(
      ([t, n]) => {
        const bench: unknown = Reflect.get(window, 'AwaitwiseBenchTimeline');
        const draw = Reflect.get(Object(bench), 'drawTimes') as (
          trace: unknown,
          samples: number,
        ) => Promise<{ ms: number[]; lanes: number }>;
        return draw(t, n);
      },
      [trace, samples] as const,
    );
  } finally {
    await browser.close();
  }
}

const median = (xs: readonly number[]) => summarize(xs).median;

export async function runTimelineBench(options: {
  root: string;
  /** null: no browser (the draw figure is left out). */
  executablePath: string | null;
  browserLabel: string;
  reps: number;
  log: (message: string) => void;
}): Promise<Row[]> {
  const { root, executablePath, browserLabel, reps, log } = options;
  const env = 'Pyodide 314 (CPython 3.14) under Node, the CLI engine; CPU time of the child process';
  const what = '1,000 tasks × 3 sleep(0)';
  type Planned = Omit<Row, 'summary' | 'note'>;
  const row = (id: string, measure: string, unit: Row['unit'] = 'ms'): Planned => ({
    id,
    measure: `timeline: ${measure}`,
    unit,
    environment: env,
  });
  const runUntraced = row('trace.run.untraced.ms', `${what}, whole run, untraced`);
  const runTraced = row('trace.run.traced.ms', `${what}, whole run, traced`);
  const loopUntraced = row('trace.loop.untraced.ms', `${what}, asyncio.run alone, untraced`);
  const loopTraced = row('trace.loop.traced.ms', `${what}, asyncio.run alone, traced`);
  const loopFloor = row(
    'trace.loop.floor.ms',
    `${what}, asyncio.run alone, under a hook that only reads the loop's clock after each callback`,
  );
  const bytes = row('trace.bytes', `trace of ${what}, JSON as the worker sends it`, 'bytes');
  /**
   * The traced figure, with a budget of OVERHEAD_BUDGET times the untraced median. The note adds the median of
   * the ratios within each rep (the two runs back to back), which the machine's drift over a bench moves less.
   */
  const compared = (planned: Planned, traced: number[], untraced: number[]): Row => ({
    ...planned,
    summary: summarize(traced),
    budget: OVERHEAD_BUDGET * median(untraced),
    note:
      `${(median(traced) / median(untraced)).toFixed(2)}× the untraced median, ` +
      `${median(traced.map((t, i) => t / untraced[i]!)).toFixed(2)}× per rep (budget ${OVERHEAD_BUDGET}×)`,
  });
  let trace: PackedTrace | null = null;
  const rows = await attempt([runUntraced, runTraced, loopUntraced, loopTraced, loopFloor, bytes], async () => {
    log(`timeline: tracing overhead in Pyodide (${reps} runs each way)`);
    const figures = await pyodideFigures(root, reps);
    trace = figures.trace;
    return [
      { ...runUntraced, summary: summarize(figures.run.untraced) },
      compared(runTraced, figures.run.traced, figures.run.untraced),
      { ...loopUntraced, summary: summarize(figures.loop.untraced) },
      compared(loopTraced, figures.loop.traced, figures.loop.untraced),
      compared(loopFloor, figures.loop.floor, figures.loop.untraced),
      { ...bytes, summary: exact(JSON.stringify(figures.trace).length) },
    ];
  });
  if (!executablePath) return rows;
  const drawRow = {
    id: 'trace.draw.ms',
    measure: `timeline: draw the timeline of ${what} (first paint)`,
    unit: 'ms' as const,
    environment: `${browserLabel}, 320 px wide, Timeline component alone`,
  };
  rows.push(
    ...(await attempt([drawRow], async () => {
      if (!trace) throw new Error('no trace to draw: the Pyodide measurement failed');
      log('timeline: drawing 1,000 tasks in Chromium');
      const { ms, lanes } = await drawFigures(root, executablePath, trace, reps * 2);
      return [{ ...drawRow, summary: summarize(ms), note: `${lanes} lanes drawn, the rest summarised` }];
    })),
  );
  return rows;
}
