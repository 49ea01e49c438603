/**
 * `npm run -s run-py -- --json FILE [--timeout-ms N]`: runs FILE in the extension's Python runtime
 * (Pyodide under Node, the same engine as the side panel's worker) and prints one JSON object:
 * stdout, stderr, exitCode (int or null), error (traceback or null), timedOut, truncated, ms.
 * Without --json it prints the output as python would and exits with the program's status.
 */
import { nodePythonClient } from './lib/pyodide-node';
import { parseRunArgs } from './lib/run-args';

const { json, timeLimitMs, code } = parseRunArgs('run-py', process.argv.slice(2));
const client = nodePythonClient();
const result = await client.run(code, {
  timeLimitMs,
  onOutput: json ? undefined : (stream, text) => process[stream].write(text),
});
client.dispose();
if (json) {
  const { stdout, stderr, exitCode, error, timedOut, truncated, ms } = result;
  process.stdout.write(
    `${JSON.stringify({ stdout, stderr, exitCode, error, timedOut, truncated, ms: Math.round(ms) })}\n`,
  );
  process.exit(0);
}
if (result.error) process.stderr.write(result.error.endsWith('\n') ? result.error : `${result.error}\n`);
process.exit(result.exitCode ?? 1);
