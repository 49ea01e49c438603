/**
 * `npm run test:stress [-- --burners N] [--python 3.13[,pyodide]]`: every snippet and quiz, and every practice
 * reference against its suite, while N processes burn CPU, so an output that holds only on an idle machine
 * fails here instead of in someone's CI run. N defaults to 6 (AW_STRESS_BURNERS): on two cores that was enough
 * to make a quiz whose delays raced print its distractor. Without --python every runtime runs (3.11, 3.12,
 * 3.13 and Pyodide); CI runs `--python 3.13`. Writes the vitest JSON report to reports/stress.json and exits
 * with vitest's status.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';

/** The stated outputs and practice references, per runtime (tests/python; AW_PYTHONS narrows the CPython ones). */
const CPYTHON_TESTS = ['snippets.cpython.test.ts', 'quizzes.cpython.test.ts', 'practice.cpython.test.ts'];
const PYODIDE_TESTS = ['snippets.pyodide.test.ts', 'quizzes.pyodide.test.ts', 'practice.pyodide.test.ts'];

/**
 * Wrong solutions and the harness contract are left to the normal run (AW_STRESS tells those files not to
 * declare them): load only slows wrong solutions down on their way to failing (half the stress run's time
 * went there), and the contract says nothing about timing.
 */

function usage(message: string): never {
  console.error(`test:stress: ${message}`);
  console.error('usage: npm run test:stress -- [--burners N] [--python 3.13[,3.12,pyodide]]');
  process.exit(2);
}

function parseArgs(args: string[]): { burners: number; pythons: string | undefined } {
  let burners = Number(process.env.AW_STRESS_BURNERS ?? 6);
  let pythons = process.env.AW_PYTHONS;
  for (let i = 0; i < args.length; i++) {
    const flag = args[i];
    const value = args[i + 1];
    if (flag === '--burners' && value !== undefined) burners = Number(value);
    else if (flag === '--python' && value !== undefined) pythons = value;
    else usage(`unknown argument ${flag}`);
    i++;
  }
  if (!Number.isInteger(burners) || burners < 0) usage('--burners takes a whole number, 0 or more');
  if (pythons !== undefined && !/^(3\.\d+|pyodide)(,(3\.\d+|pyodide))*$/.test(pythons))
    usage(`--python takes versions such as 3.13 or pyodide, comma-separated; got "${pythons}"`);
  return { burners, pythons };
}

/** One process that keeps a core busy until killed. */
const burner = (): ChildProcess => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' });

const { burners, pythons } = parseArgs(process.argv.slice(2));
const runtimes = pythons?.split(',') ?? ['3.11', '3.12', '3.13', 'pyodide'];
const files = [
  ...(runtimes.some((r) => r !== 'pyodide') ? CPYTHON_TESTS.map((f) => `tests/python/${f}`) : []),
  ...(runtimes.includes('pyodide') ? PYODIDE_TESTS.map((f) => `tests/python/${f}`) : []),
];
const cpythons = runtimes.filter((r) => r !== 'pyodide').join(',');
const busy = Array.from({ length: burners }, burner);
const stopBurners = () => {
  for (const child of busy) child.kill('SIGKILL');
};
process.on('exit', stopBurners);
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => {
    stopBurners();
    process.exit(130);
  });

console.log(`test:stress: ${burners} busy processes, runtimes ${pythons ?? 'all (3.11, 3.12, 3.13, pyodide)'}`);
mkdirSync('reports', { recursive: true });
const started = performance.now();
const result = spawnSync(
  'npx',
  [
    'vitest',
    'run',
    '--project',
    'python',
    '--reporter=default',
    '--reporter=json',
    '--outputFile.json=reports/stress.json',
    ...files,
  ],
  { stdio: 'inherit', env: { ...process.env, AW_STRESS: '1', ...(cpythons ? { AW_PYTHONS: cpythons } : {}) } },
);
stopBurners();
console.log(`test:stress: ${((performance.now() - started) / 1000).toFixed(0)} s under ${burners} busy processes`);
process.exit(result.status ?? 1);
