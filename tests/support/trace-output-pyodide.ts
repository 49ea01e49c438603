/**
 * Runs programs in the extension's engine (Pyodide under Node) twice each, with the event-loop tracer and
 * with it swapped for one that records nothing, and prints what each run printed as JSON:
 * `node --experimental-wasm-stack-switching --import tsx trace-output-pyodide.ts PROGRAM...`.
 * For tests/unit/trace-output.python.test.ts.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { loadPyodide } from 'pyodide';
import { startEngine } from '../../utils/python/engine';
import type { FromWorker } from '../../utils/python/protocol';

const root = join(import.meta.dirname, '..', '..');
const source = (name: string) => readFileSync(join(root, 'utils/python', name), 'utf8');
const py = await loadPyodide({
  indexURL: `${dirname(createRequire(import.meta.url).resolve('pyodide/pyodide.mjs'))}/`,
});
let printed = { stdout: '', stderr: '', exitCode: null as number | null, error: null as string | null };
const engine = startEngine(
  py,
  { runner: source('runner.py'), harness: source('harness.py'), tracer: source('tracer.py') },
  (message: FromWorker) => {
    if (message.type === 'output') printed[message.stream] += message.text;
    if (message.type === 'done')
      printed = { ...printed, exitCode: message.outcome.exitCode, error: message.outcome.error };
  },
);
// What the runner needs of a recorder, recording nothing: a context manager whose recording has a result.
py.runPython(`
import awaitwise_tracer
SHIPPED = awaitwise_tracer.record
class Untraced:
    def __init__(self, user_file):
        self.recording = awaitwise_tracer.Recording(user_file, ())
    def __enter__(self):
        return self.recording
    def __exit__(self, *exc):
        return False
`);

const results: Record<string, { traced: typeof printed; untraced: typeof printed }> = {};
let id = 1;
const runOnce = (code: string, traced: boolean) => {
  py.runPython(`awaitwise_tracer.record = ${traced ? 'SHIPPED' : 'Untraced'}`);
  printed = { stdout: '', stderr: '', exitCode: null, error: null };
  engine.handle({ type: 'run', id: id++, code });
  return printed;
};
for (const file of process.argv.slice(2)) {
  const code = readFileSync(file, 'utf8');
  results[file] = { untraced: runOnce(code, false), traced: runOnce(code, true) };
}
process.stdout.write(`${JSON.stringify(results)}\n`, () => process.exit(0));
