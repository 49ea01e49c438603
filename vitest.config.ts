/**
 * Three Vitest projects, by what a test costs:
 * - `unit`: the product's code in happy-dom; no child process, no browser, no Python (tests/unit/setup.ts
 *   refuses node:child_process), so it runs in seconds.
 * - `python`: the CPython matrix (3.11, 3.12, 3.13) and the browser's runtime (Pyodide under Node) on the
 *   knowledge base, the quizzes and the practice suites. `*.cpython.test.ts` and `*.pyodide.test.ts` files
 *   run side by side; their CPython processes share two interpreter slots per core (tests/python/slots.ts).
 * - `cli`: the `npm run -s …` commands, each in its own process, as other tools call them.
 * `npm run test:unit`, `test:python` and `test:cli` run one each; `npm test` runs them as separate steps.
 */
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import preact from '@preact/preset-vite';

const cores = availableParallelism();
/** Named by the brief's convention before the split: still routed to their project. */
const PYTHON_FILES = ['tests/python/**/*.test.ts', 'tests/**/*.python.test.ts'];
const CLI_FILES = ['tests/cli/**/*.test.ts', 'tests/**/*.cli.test.ts'];

export default defineConfig({
  plugins: [WxtVitest(), preact()],
  test: {
    mockReset: true,
    restoreMocks: true,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          // `vitest run` without --project runs the projects one after another: unit, cli, python.
          sequence: { groupOrder: 0 },
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          exclude: [...PYTHON_FILES, ...CLI_FILES],
          setupFiles: ['fake-indexeddb/auto', 'tests/unit/setup.ts'],
          environment: 'happy-dom',
          // Vitest's default leaves a core idle (one worker on two). A worker keeps its modules from one
          // file to the next instead of loading happy-dom and the product again (79 s became 24 s here):
          // no file may depend on running first (it passed with --sequence.shuffle.files under five seeds).
          maxWorkers: cores,
          isolate: false,
          // A safety net, not a measure: a loaded machine is slow, and only a hang should reach it.
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'python',
          sequence: { groupOrder: 2 },
          include: PYTHON_FILES,
          environment: 'node',
          globalSetup: ['tests/python/global-setup.ts'],
          // Two files at once (typically a CPython matrix beside a Pyodide file); the CPython processes
          // themselves wait for a slot, so a file may start more tests than there are slots.
          maxWorkers: Math.min(2, cores),
          maxConcurrency: 2 * cores,
          // Safety nets: a test waiting for a slot on a busy machine is not a failure; a hang is.
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'cli',
          sequence: { groupOrder: 1 },
          include: CLI_FILES,
          environment: 'node',
          maxWorkers: cores,
          testTimeout: 120_000,
        },
      },
    ],
  },
});
