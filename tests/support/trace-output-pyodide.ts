/**
 * Runs programs in the extension's engine (Pyodide under Node) twice each, with the event-loop tracer and
 * with it swapped for one that records nothing, and prints what each run printed as JSON:
 * `node --experimental-wasm-stack-switching --import tsx trace-output-pyodide.ts PROGRAM...`.
 * For tests/python/trace-output.pyodide.test.ts.
 */
import { readFileSync } from 'node:fs';
import { localInterpreters } from '../../scripts/lib/pyodide-engine';

interface Printed {
  stdout: string;
  stderr: string;
  exitCode: number | null;
  error: string | null;
}

const fresh = await localInterpreters();
const runOnce = async (code: string, traced: boolean): Promise<Printed> => {
  const printed: Printed = { stdout: '', stderr: '', exitCode: null, error: null };
  const { engine } = await fresh(traced, (message) => {
    if (message.type === 'output') printed[message.stream] += message.text;
    if (message.type === 'done')
      Object.assign(printed, { exitCode: message.outcome.exitCode, error: message.outcome.error });
  });
  engine.handle({ type: 'run', id: 1, code });
  return printed;
};

const results: Record<string, { traced: Printed; untraced: Printed }> = {};
for (const file of process.argv.slice(2)) {
  const code = readFileSync(file, 'utf8');
  results[file] = { untraced: await runOnce(code, false), traced: await runOnce(code, true) };
}
process.stdout.write(`${JSON.stringify(results)}\n`, () => process.exit(0));
