/**
 * Runs programs in the extension's engine (Pyodide under Node) twice each, with the event-loop tracer and
 * with it swapped for one that records nothing, and prints what each run printed as JSON:
 * `node --experimental-wasm-stack-switching --import tsx trace-output-pyodide.ts PROGRAM...`.
 * For tests/unit/trace-output.python.test.ts.
 */
import { readFileSync } from 'node:fs';
import { localEngine } from '../../scripts/lib/pyodide-engine';

let printed = { stdout: '', stderr: '', exitCode: null as number | null, error: null as string | null };
const { engine, setTracing } = await localEngine((message) => {
  if (message.type === 'output') printed[message.stream] += message.text;
  if (message.type === 'done')
    printed = { ...printed, exitCode: message.outcome.exitCode, error: message.outcome.error };
});

const results: Record<string, { traced: typeof printed; untraced: typeof printed }> = {};
let id = 1;
const runOnce = (code: string, traced: boolean) => {
  setTracing(traced);
  printed = { stdout: '', stderr: '', exitCode: null, error: null };
  engine.handle({ type: 'run', id: id++, code });
  return printed;
};
for (const file of process.argv.slice(2)) {
  const code = readFileSync(file, 'utf8');
  results[file] = { untraced: runOnce(code, false), traced: runOnce(code, true) };
}
process.stdout.write(`${JSON.stringify(results)}\n`, () => process.exit(0));
