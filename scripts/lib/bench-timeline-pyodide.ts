/**
 * The tracer's cost in the extension's own runtime (Pyodide under Node, the engine of the CLI and of the side
 * panel's worker), for `npm run bench`: a child process, started with WebAssembly stack switching by
 * bench-timeline.ts. It runs one program, `reps` times each way, alternating:
 *
 * - the whole run as the worker does it (runner.run in a fresh interpreter restored from a snapshot:
 *   compile, the program, collection, the packed trace), with the tracer and with a stand-in that records
 *   nothing;
 * - the program alone (its asyncio.run), under `record()`, not, and under the cheapest per-step hook.
 *
 * Times are this process's CPU time (user + system), not the wall clock: on a machine shared with other
 * work the wall clock measures the neighbours. Prints JSON: { run: {traced, untraced}, loop: {traced,
 * untraced, floor} } in ms, and the packed trace of one run.
 */
import { readFileSync } from 'node:fs';
import type { RunOutcome } from '../../utils/python/protocol';
import { localInterpreters } from './pyodide-engine';

const [programFile, repsArg] = process.argv.slice(2);
const reps = Number(repsArg ?? 5);
const program = readFileSync(programFile!, 'utf8');
const fresh = await localInterpreters();

/** CPU milliseconds of this process while `work` runs. */
function cpuMs(work: () => void): number {
  const before = process.cpuUsage();
  work();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

type Loop = 'traced' | 'untraced' | 'floor';

/**
 * The program alone, in a fresh interpreter: its asyncio.run under record(), untraced, or under the least a
 * recorder of every step must do (`floor`: a wrapper around the loop's dispatch that reads the loop's clock
 * once per callback and keeps the reading), which says how much of the tracer's cost no design can avoid.
 */
async function loopMs(mode: Loop): Promise<number> {
  const { py } = await fresh(true, () => {});
  // The program reaches Python as a JSON string literal (which Python reads as its own string literal).
  py.runPython(`
import awaitwise_tracer, contextlib, gc, time
from asyncio import events
CODE = compile(${JSON.stringify(program)}, "main.py", "exec")

@contextlib.contextmanager
def floor():
    run, clock, ends = events.Handle._run, time.monotonic, []
    def timed(handle):
        run(handle)
        ends.append(clock())
    events.Handle._run = timed
    try:
        yield
    finally:
        events.Handle._run = run

def loop(mode):
    hook = {"traced": lambda: awaitwise_tracer.record("main.py"), "floor": floor}.get(mode, contextlib.nullcontext)
    gc.freeze()  # as runner.run does before a program: the collector passes over the runtime's own objects
    with hook():
        exec(CODE, {"__name__": "__main__"})
`);
  return cpuMs(() => {
    py.runPython(`loop(${JSON.stringify(mode)})`);
  });
}

/** The whole run as the worker does it, in a fresh interpreter. */
async function run(traced: boolean) {
  const seen: { outcome: RunOutcome | null } = { outcome: null };
  const { engine } = await fresh(traced, (message) => {
    if (message.type === 'done') seen.outcome = message.outcome;
  });
  // Synchronous: runner.py's event loop runs to completion inside the call.
  const ms = cpuMs(() => engine.handle({ type: 'run', id: 1, code: program }));
  const done = seen.outcome;
  if (!done || done.exitCode !== 0) throw new Error(`the program failed: ${done?.error ?? 'no outcome'}`);
  return { ms, trace: done.trace };
}

const result = {
  run: { traced: [] as number[], untraced: [] as number[] },
  loop: { traced: [] as number[], untraced: [] as number[], floor: [] as number[] },
  trace: (await run(true)).trace,
};
for (let i = 0; i < reps; i++) {
  for (const traced of i % 2 ? [true, false] : [false, true]) {
    result.run[traced ? 'traced' : 'untraced'].push((await run(traced)).ms);
    result.loop[traced ? 'traced' : 'untraced'].push(await loopMs(traced ? 'traced' : 'untraced'));
  }
  result.loop.floor.push(await loopMs('floor'));
}
process.stdout.write(`${JSON.stringify(result)}\n`, () => process.exit(0));
