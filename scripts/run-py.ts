/**
 * `npm run -s run-py -- --json FILE [--timeout-ms N]`: runs FILE in the extension's Python runtime
 * (Pyodide under Node, the same engine as the side panel's worker) and prints one JSON object:
 * stdout, stderr, exitCode (int or null), error (traceback or null), timedOut, truncated, ms.
 * Without --json it prints the output as python would and exits with the program's status.
 */
import { readFileSync } from 'node:fs';
import { DEFAULT_TIME_LIMIT_MS } from '../utils/python/client';
import { nodePythonClient } from './lib/pyodide-node';

function fail(message: string): never {
  console.error(`run-py: ${message}`);
  console.error('usage: npm run -s run-py -- [--json] FILE [--timeout-ms N]');
  process.exit(2);
}

const args = process.argv.slice(2);
const json = args.includes('--json');
let timeLimitMs = DEFAULT_TIME_LIMIT_MS;
const files: string[] = [];
for (let i = 0; i < args.length; i++) {
  const arg = args[i]!;
  if (arg === '--json') continue;
  if (arg === '--timeout-ms') {
    const value = Number(args[++i]);
    if (!Number.isInteger(value) || value <= 0) fail('--timeout-ms takes a positive whole number of milliseconds');
    timeLimitMs = value;
  } else if (arg.startsWith('--')) fail(`unknown option ${arg}`);
  else files.push(arg);
}
if (files.length !== 1) fail('name exactly one Python file');
let code: string;
try {
  code = readFileSync(files[0]!, 'utf8');
} catch (error) {
  fail(`cannot read ${files[0]}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
}

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
