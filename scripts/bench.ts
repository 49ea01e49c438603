/**
 * `npm run bench`: builds the extension, then measures it in Node and in headless Chromium and prints one table
 * (measure, median, spread, budget, verdict, environment). Always writes bench/results.md.
 *
 *   --json        only one JSON object on stdout (figures in ms, bytes and counts; median, p10, p90, min, max, n)
 *   --no-build    measure the existing .output/chrome-mv3 and data/generated
 *   --no-browser  Node measurements and sizes only
 *   --quick       fewer repetitions, for trying the script out (not for results worth committing)
 *   --peers DIR…  instead: ours beside the given built MV3 extensions, interleaved, with ratios to the best peer
 *                 (scripts/lib/bench-peers.ts; writes bench/peers.md, not results.md; bench/README.md builds them)
 *
 * Progress goes to stderr. Exits 0 whether or not budgets are met; 1 only when the build fails.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  jsonReport,
  missedBudgets,
  notMeasured,
  resultsMarkdown,
  textTable,
  type Row,
  type RunInfo,
} from './lib/bench-report';
import { measureSizes, type SizeReport } from './lib/bench-sizes';
import { exact } from './lib/bench-stats';
import { pythonSizeRows, runPythonBench } from './lib/bench-python';
import { chromiumVersion, ensureChromium } from './lib/chromium';
import { peerDirsProblem } from './lib/bench-peers-manifest';
import { parsePeerArgs } from './lib/bench-peers-report';

const ROOT = resolve(import.meta.dirname, '..');
const BUILD_DIR = join(ROOT, '.output/chrome-mv3');
const DATA_FILE = join(ROOT, 'data/generated/knowledge.json');
const RESULTS_FILE = join(ROOT, 'bench/results.md');
/** Issue 13's goals: what every problem page gets before a detection, and the background, gzip and raw. */
const CONTENT_GZIP_BUDGET = 6_000;
/** Issue 24's target for background.js raw (the best peer's is 55 KB); gzip from issue 13. */
const BACKGROUND_BUDGET = { raw: 120_000, gzip: 20_000 };
/** The whole package zip, without the Python runtime (pyodide/), as the peers were measured (issue 24). */
const PACKAGE_ZIP_BUDGET = 500_000;

const args = process.argv.slice(2);
const { peers, rest: options } = parsePeerArgs(args);
const flags = new Set(options);
const known = ['--json', '--no-build', '--no-browser', '--quick'];
const unknown = options.filter((a) => !known.includes(a));
if (unknown.length) {
  console.error(`bench: unknown option ${unknown.join(' ')} (known: ${known.join(' ')} --peers DIR…)`);
  process.exit(2);
}
const peersProblem = peers && (flags.has('--no-browser') ? 'needs the browser' : peerDirsProblem(peers));
if (peersProblem) {
  console.error(`bench: --peers: ${peersProblem}`);
  process.exit(2);
}
const quick = flags.has('--quick');
const log = (message: string) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);

function run(command: string, commandArgs: string[]): void {
  log(`$ ${command} ${commandArgs.join(' ')}`);
  // The child's output goes to stderr so that --json leaves stdout to the report.
  const result = spawnSync(command, commandArgs, { cwd: ROOT, stdio: ['ignore', 2, 2] });
  if (result.status !== 0) {
    console.error(
      `bench: \`${command} ${commandArgs.join(' ')}\` failed (exit ${result.status ?? result.signal}); nothing measured.`,
    );
    process.exit(1);
  }
}

function sizeRows(sizes: SizeReport): Row[] {
  const env = 'build output, gzip -9';
  const content = sizes.entries.filter((e) => e.kind === 'content');
  // The budget goes on what every problem page receives: the total when there are several scripts, else the one.
  const budgeted = content.find((e) => e.name.startsWith('content scripts, all injected'));
  return sizes.entries.flatMap((entry) => {
    const label = entry.kind === 'page' ? `${entry.name} with what it loads (${entry.files.length} files)` : entry.name;
    const id = `size.${entry.name.replace(/[^a-z0-9.]+/gi, '-')}`;
    return [
      {
        id: `${id}.raw`,
        measure: `size: ${label}, raw`,
        unit: 'bytes' as const,
        summary: exact(entry.raw),
        environment: env,
      },
      {
        id: `${id}.gzip`,
        measure: `size: ${label}, gzip`,
        unit: 'bytes' as const,
        summary: exact(entry.gzip),
        environment: env,
        ...(entry === budgeted ? { budget: CONTENT_GZIP_BUDGET } : {}),
        ...(entry.kind === 'background' ? { budget: BACKGROUND_BUDGET.gzip } : {}),
      },
    ].map((row) =>
      entry.kind === 'background' && row.id.endsWith('.raw') ? { ...row, budget: BACKGROUND_BUDGET.raw } : row,
    );
  });
}

/** `zip -9` of the built extension without the Python runtime (pyodide/), as a store package would be. */
function packageRow(extensionDir: string): Row {
  const out = join(mkdtempSync(join(tmpdir(), 'awaitwise-zip-')), 'package.zip');
  const zipped = spawnSync('zip', ['-r', '-9', '-q', out, '.', '-x', 'pyodide/*'], { cwd: extensionDir });
  const row = {
    id: 'size.package.zip',
    measure: 'size: whole package zip, without the Python runtime (pyodide/)',
    unit: 'bytes' as const,
    environment: 'zip -r -9 of .output/chrome-mv3',
    budget: PACKAGE_ZIP_BUDGET,
  };
  if (zipped.status !== 0) return notMeasured(row, new Error(`zip failed: ${zipped.stderr.toString()}`));
  return { ...row, summary: exact(statSync(out).size) };
}

/** The issue's order: sizes, content script, detect, search, first render, study queue, linter. */
const ORDER = [
  'size.',
  'contentScript.',
  'heap.',
  'compile.',
  'tasks.',
  'listeners.',
  'overlayOpen.',
  'overlayTime.',
  'serviceWorker.',
  'detect',
  'search.',
  'firstRender.',
  'dueQueue.',
  'rateToNext.',
  'lint',
];
const rank = (row: Row) => {
  const index = ORDER.findIndex((prefix) => row.id.startsWith(prefix));
  return index === -1 ? ORDER.length : index;
};

const loadAtStart = loadavg()[0]!;
if (!flags.has('--no-build')) {
  // The build compiles data/ itself (modules/knowledge.ts).
  run('npx', ['wxt', 'build']);
}
if (!existsSync(join(BUILD_DIR, 'manifest.json')) || !existsSync(DATA_FILE)) {
  console.error('bench: no build to measure (run without --no-build, or npm run build)');
  process.exit(1);
}
// Others may rebuild .output while this runs; measure and load a private copy of this build.
const snapshot = mkdtempSync(join(tmpdir(), 'awaitwise-bench-'));
const extensionDir = join(snapshot, 'chrome-mv3');
cpSync(BUILD_DIR, extensionDir, { recursive: true });

if (peers) {
  const { runPeerComparison } = await import('./lib/bench-peers');
  const command = `npm run bench -- ${args.join(' ')}`;
  try {
    await runPeerComparison({ root: ROOT, ours: extensionDir, peers, quick, json: flags.has('--json'), command, log });
  } finally {
    rmSync(snapshot, { recursive: true, force: true });
  }
  process.exit(0);
}

try {
  const sizes = measureSizes(extensionDir, DATA_FILE);
  const rows: Row[] = sizeRows(sizes);
  rows.push(packageRow(extensionDir), ...pythonSizeRows(extensionDir));

  // Imported only now: '@/utils/knowledge' reads the data the build step just generated.
  const { runNodeBench } = await import('./lib/bench-node');
  rows.push(...(await runNodeBench({ root: ROOT, rounds: quick ? 5 : 30, log })));

  let chromium = 'not run (--no-browser)';
  if (!flags.has('--no-browser')) {
    const executablePath = ensureChromium();
    chromium = chromiumVersion(executablePath);
    const { runBrowserBench } = await import('./lib/bench-chromium');
    const browserLabel = chromium.replace(/ built on .*/, '');
    try {
      rows.push(
        ...(await runBrowserBench({
          root: ROOT,
          executablePath,
          browserLabel,
          extensionDir,
          reps: quick ? 3 : 7,
          srsSamples: quick ? 5 : 20,
          log,
        })),
      );
    } catch (error) {
      // Only a browser that cannot start (or an extension that never loads) gets here; single measures fail on their own.
      rows.push(
        notMeasured({ id: 'chromium', measure: 'Chromium measurements', unit: 'ms', environment: browserLabel }, error),
      );
    }
    try {
      rows.push(...(await runPythonBench({ executablePath, extensionDir, reps: quick ? 2 : 5, browserLabel, log })));
    } catch (error) {
      rows.push(
        notMeasured(
          { id: 'python', measure: 'Python runtime in Chromium', unit: 'ms', environment: browserLabel },
          error,
        ),
      );
    }
  }
  // The event-loop timeline: what recording costs (Pyodide under Node) and, with a browser, drawing it.
  const { runTimelineBench } = await import('./lib/bench-timeline');
  rows.push(
    ...(await runTimelineBench({
      root: ROOT,
      executablePath: flags.has('--no-browser') ? null : ensureChromium(),
      browserLabel: chromium.replace(/ built on .*/, ''),
      reps: quick ? 3 : 15,
      log,
    })),
  );
  rows.sort((a, b) => rank(a) - rank(b));

  const info: RunInfo = {
    date: new Date().toISOString(),
    command: `npm run bench${args.length ? ` -- ${args.join(' ')}` : ''}`,
    node: process.version,
    chromium,
    machine: `${process.platform} ${process.arch}, ${cpus().length} CPUs, load average ${loadAtStart.toFixed(1)} at start and ${loadavg()[0]!.toFixed(1)} at end`,
  };
  mkdirSync(join(ROOT, 'bench'), { recursive: true });
  writeFileSync(RESULTS_FILE, resultsMarkdown(info, rows, sizes.files));
  if (flags.has('--json')) {
    process.stdout.write(`${jsonReport(info, rows, { sizes })}\n`);
  } else {
    console.log(textTable(rows));
    const missed = missedBudgets(rows);
    console.log(
      `\n${missed.length === 0 ? 'All budgets met.' : `Budgets missed: ${missed.length} (${missed.map((r) => r.id).join(', ')}).`}`,
    );
  }
  log(`wrote ${RESULTS_FILE}`);
} finally {
  rmSync(snapshot, { recursive: true, force: true });
}
