/**
 * `npm test`: every check in order, each timed, then one closing line `N passed, N failed` with the real
 * totals read from the runners' JSON reports (plus one per check step: data, compile, lint, builds).
 * Keeps going after a failure where the next step does not depend on it, so one run shows everything.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { ensureChromium } from './lib/chromium';

interface Step {
  name: string;
  command: string[];
  /** Report file with test counts; without one the step counts as one check. */
  report?: 'vitest' | 'playwright';
  /** Where a vitest step writes its JSON report. */
  reportFile?: string;
  needs?: string[];
  env?: Record<string, string>;
}

/** One Vitest project (vitest.config.ts) as its own step, with its own JSON report and totals. */
function vitestProject(name: 'unit' | 'python' | 'cli'): Step {
  const reportFile = `reports/${name}.json`;
  return {
    name,
    command: [
      'npx',
      'vitest',
      'run',
      '--project',
      name,
      '--reporter=dot',
      '--reporter=json',
      `--outputFile.json=${reportFile}`,
    ],
    report: 'vitest',
    reportFile,
    needs: ['data'],
  };
}

const STEPS: Step[] = [
  { name: 'data', command: ['npx', 'tsx', 'scripts/build-data.ts'] },
  { name: 'compile', command: ['npx', 'tsc', '--noEmit'], needs: ['data'] },
  { name: 'lint', command: ['npx', 'eslint', '.'] },
  vitestProject('unit'),
  vitestProject('cli'),
  vitestProject('python'),
  // The Python matrix again on one interpreter while six busy processes load the machine: a stated output
  // that holds only on an idle machine fails here (scripts/stress.ts).
  {
    name: 'stress 3.13',
    command: ['npx', 'tsx', 'scripts/stress.ts', '--python', '3.13'],
    report: 'vitest',
    reportFile: 'reports/stress.json',
    needs: ['data'],
  },
  { name: 'build', command: ['npx', 'wxt', 'build'], needs: ['data'] },
  { name: 'build:firefox', command: ['npx', 'wxt', 'build', '-b', 'firefox', '--mv3'], needs: ['data'] },
  // AMO's listed-add-on rules (not --self-hosted): no errors, warnings only in vendored files the notes explain.
  {
    name: 'web-ext lint',
    command: ['npx', 'tsx', 'scripts/check-store.ts', '--web-ext-lint'],
    needs: ['build:firefox'],
  },
  { name: 'check:store', command: ['npx', 'tsx', 'scripts/check-store.ts'], needs: ['build', 'build:firefox'] },
  { name: 'e2e', command: ['npx', 'playwright', 'test'], report: 'playwright', needs: ['build'] },
  {
    name: 'e2e firefox',
    command: [
      'npx',
      'vitest',
      'run',
      '-c',
      'tests/e2e-firefox/vitest.config.ts',
      '--reporter=default',
      '--reporter=json',
      '--outputFile.json=reports/e2e-firefox.json',
    ],
    report: 'vitest',
    reportFile: 'reports/e2e-firefox.json',
    needs: ['build:firefox'],
    env: { PUPPETEER_SKIP_DOWNLOAD: '1' },
  },
];

interface Outcome {
  name: string;
  ok: boolean;
  skipped: boolean;
  seconds: number;
  passed: number;
  failed: number;
  skippedTests: number;
}

function countVitest(file: string): Pick<Outcome, 'passed' | 'failed' | 'skippedTests'> | null {
  if (!existsSync(file)) return null;
  const report = JSON.parse(readFileSync(file, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
    testResults: { status: string; assertionResults: unknown[] }[];
  };
  // A test file that fails to load has no assertion results; count it as one failure so it cannot hide.
  const brokenFiles = report.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests + brokenFiles,
    skippedTests: report.numPendingTests + report.numTodoTests,
  };
}

function countPlaywright(): Pick<Outcome, 'passed' | 'failed' | 'skippedTests'> | null {
  if (!existsSync('reports/e2e.json')) return null;
  const report = JSON.parse(readFileSync('reports/e2e.json', 'utf8')) as {
    stats: { expected: number; unexpected: number; flaky: number; skipped: number };
    errors?: unknown[];
  };
  const { expected, unexpected, flaky, skipped } = report.stats;
  return { passed: expected + flaky, failed: unexpected + (report.errors?.length ?? 0), skippedTests: skipped };
}

const chromium = ensureChromium();
process.env.CHROMIUM_PATH = chromium;
rmSync('reports', { recursive: true, force: true });
mkdirSync('reports', { recursive: true });

const outcomes: Outcome[] = [];
for (const step of STEPS) {
  const blocked = step.needs?.find((n) => !outcomes.find((o) => o.name === n)?.ok);
  if (blocked) {
    console.log(`\n▶ ${step.name}: skipped (needs ${blocked})`);
    outcomes.push({ name: step.name, ok: false, skipped: true, seconds: 0, passed: 0, failed: 1, skippedTests: 0 });
    continue;
  }
  console.log(`\n▶ ${step.name}: ${step.command.join(' ')}`);
  const started = performance.now();
  const result = spawnSync(step.command[0]!, step.command.slice(1), {
    stdio: 'inherit',
    env: { ...process.env, ...step.env },
  });
  const seconds = (performance.now() - started) / 1000;
  const ok = result.status === 0;
  const counts =
    step.report === 'vitest' && step.reportFile
      ? countVitest(step.reportFile)
      : step.report === 'playwright'
        ? countPlaywright()
        : null;
  if (step.report && !counts) {
    outcomes.push({ name: step.name, ok: false, skipped: false, seconds, passed: 0, failed: 1, skippedTests: 0 });
  } else if (counts) {
    // A runner that exits non-zero with no failing test (a crash, an unhandled error) still fails the run.
    const failed = counts.failed || (ok ? 0 : 1);
    outcomes.push({ name: step.name, ok: ok && failed === 0, skipped: false, seconds, ...counts, failed });
  } else {
    outcomes.push({
      name: step.name,
      ok,
      skipped: false,
      seconds,
      passed: ok ? 1 : 0,
      failed: ok ? 0 : 1,
      skippedTests: 0,
    });
  }
}

console.log('\nstep            result    time   passed  failed');
for (const o of outcomes) {
  const result = o.skipped ? 'skipped' : o.ok ? 'ok' : 'FAILED';
  console.log(
    `${o.name.padEnd(15)} ${result.padEnd(8)} ${`${o.seconds.toFixed(1)}s`.padStart(6)} ${String(o.passed).padStart(8)} ${String(o.failed).padStart(7)}`,
  );
}
const passed = outcomes.reduce((n, o) => n + o.passed, 0);
const failed = outcomes.reduce((n, o) => n + o.failed, 0);
const skipped = outcomes.reduce((n, o) => n + o.skippedTests, 0);
console.log(`(unit, cli, python, e2e and e2e firefox count their tests; every other step counts as one check)`);
const totals = `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;
writeFileSync('reports/totals.txt', `${totals}\n`);
console.log(totals);
process.exit(failed === 0 && outcomes.every((o) => o.ok) ? 0 : 1);
