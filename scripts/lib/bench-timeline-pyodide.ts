/**
 * The tracer's cost in the extension's own runtime (Pyodide under Node, the engine of the CLI and of the side
 * panel's worker), for `npm run bench`: a child process, started with WebAssembly stack switching by
 * bench-timeline.ts. It runs one program, `reps` times each way, alternating:
 *
 * - the whole run as the worker does it (runner.run: reset, compile, the program, collection, the trace as
 *   JSON), with the tracer and with a stand-in that records nothing;
 * - the program alone (its asyncio.run), under `record()` and not.
 *
 * Times are this process's CPU time (user + system), not the wall clock: on a machine shared with other
 * work the wall clock measures the neighbours. Prints JSON: { run: {traced, untraced}, loop: {traced,
 * untraced} } in ms, and the packed trace of one run.
 */
import { readFileSync } from 'node:fs';
import type { FromWorker } from '../../utils/python/protocol';
import { localEngine } from './pyodide-engine';

const [programFile, repsArg] = process.argv.slice(2);
const reps = Number(repsArg ?? 5);
const program = readFileSync(programFile!, 'utf8');

let outcome: Extract<FromWorker, { type: 'done' }>['outcome'] | null = null;
const { py, engine, setTracing } = await localEngine((message) => {
  if (message.type === 'done') outcome = message.outcome;
});
// The program reaches Python as a JSON string literal (which Python reads as its own string literal).
py.runPython(`PROGRAM = ${JSON.stringify(program)}`);
py.runPython(`
import awaitwise_runner, contextlib

def loop(traced):
    with SHIPPED("main.py") if traced else contextlib.nullcontext():
        exec(CODE, {"__name__": "__main__"})

def prepare():
    awaitwise_runner._reset_interpreter()
    global CODE
    CODE = compile(PROGRAM, "main.py", "exec")
`);
/** CPU milliseconds of this process while `work` runs. */
function cpuMs(work: () => void): number {
  const before = process.cpuUsage();
  work();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}
const loopMs = (traced: boolean) => {
  py.runPython('prepare()');
  return cpuMs(() => {
    py.runPython(`loop(${traced ? 'True' : 'False'})`);
  });
};

let id = 1;
function run(traced: boolean) {
  setTracing(traced);
  outcome = null;
  // Synchronous: runner.py's event loop runs to completion inside the call.
  const ms = cpuMs(() => engine.handle({ type: 'run', id: id++, code: program }));
  const done = outcome as Extract<FromWorker, { type: 'done' }>['outcome'] | null;
  if (!done || done.exitCode !== 0) throw new Error(`the program failed: ${done?.error ?? 'no outcome'}`);
  return { ms, trace: done.trace };
}

const result = {
  run: { traced: [] as number[], untraced: [] as number[] },
  loop: { traced: [] as number[], untraced: [] as number[] },
  trace: run(true).trace,
};
// One of each first, untimed: the first runs compile and warm what the later ones reuse.
run(false);
loopMs(true);
loopMs(false);
for (let i = 0; i < reps; i++) {
  for (const traced of i % 2 ? [true, false] : [false, true]) {
    result.run[traced ? 'traced' : 'untraced'].push(run(traced).ms);
    result.loop[traced ? 'traced' : 'untraced'].push(loopMs(traced));
  }
}
setTracing(true);
process.stdout.write(`${JSON.stringify(result)}\n`, () => process.exit(0));
