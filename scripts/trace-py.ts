/**
 * `npm run -s trace-py -- --json FILE [--timeout-ms N]`: runs FILE as `run-py` does (the extension's Python
 * runtime, Pyodide under Node) and prints one JSON object: everything `run-py` prints, plus what the event
 * loop did, as the side panel's timeline draws it:
 *
 *   tasks    [{id, name, coro, parent, created, ended, outcome, error}]   outcome: done|cancelled|error|pending
 *   steps    [{task, start, end}]                                          task null: a plain callback
 *   waits    [{task, start, end, on: {kind, detail}}]
 *   blocked  [{start, end, task, line, lines, call}]                       steps over 50 ms
 *   truncated       true when the output or the trace was cut short; which one says
 *   traceTruncated  true when the trace stopped at its cap of 20,000 events
 *
 * Times are milliseconds from the program's start on the loop's clock. Without --json it prints the output
 * as python would, then the timeline's summary on stderr.
 */
import { nodePythonClient } from './lib/pyodide-node';
import { parseRunArgs } from './lib/run-args';
import { unpackTrace, type Trace } from '../utils/trace/packed';
import { blockedSentence, summarise, summarySentence } from '../utils/trace/summary';

const { json, timeLimitMs, code } = parseRunArgs('trace-py', process.argv.slice(2));
const client = nodePythonClient();
const result = await client.run(code, {
  timeLimitMs,
  onOutput: json ? undefined : (stream, text) => process[stream].write(text),
});
client.dispose();
const trace: Trace = result.trace
  ? unpackTrace(result.trace)
  : { tasks: [], steps: [], waits: [], blocked: [], truncated: false };
if (json) {
  const { stdout, stderr, exitCode, error, timedOut, truncated, ms } = result;
  // Exit only once all of it is written: a pipe takes a large trace in several writes.
  process.stdout.write(
    `${JSON.stringify({
      stdout,
      stderr,
      exitCode,
      error,
      timedOut,
      ms: Math.round(ms),
      ...trace,
      truncated: truncated || trace.truncated,
      traceTruncated: trace.truncated,
    })}\n`,
    () => process.exit(0),
  );
} else {
  if (result.error) process.stderr.write(result.error.endsWith('\n') ? result.error : `${result.error}\n`);
  process.stderr.write(`\ntimeline: ${summarySentence(summarise(trace))}\n`);
  for (const stretch of trace.blocked)
    process.stderr.write(`timeline: ${blockedSentence(stretch, (id) => trace.tasks[id]?.name)}\n`);
  process.exitCode = result.exitCode ?? 1;
}
