/**
 * `npm run -s check-practice -- --json PRACTICE_ID FILE`: runs that practice problem's test suite on FILE
 * in the extension's Python runtime (Pyodide under Node, the workbench's engine) and prints
 * `{"passed": bool, "tests": [{"name", "passed", "message"}]}` (plus `"error"` when no test could run).
 * Without --json it prints one line per test and exits 0 when every test passed, 1 otherwise.
 */
import { readFileSync } from 'node:fs';
import { compileDataDir } from './lib/read-data';
import { nodePythonClient } from './lib/pyodide-node';
import { PRACTICE_TIME_LIMIT_MS } from '../utils/python/limits';

function fail(message: string): never {
  console.error(`check-practice: ${message}`);
  console.error('usage: npm run -s check-practice -- [--json] PRACTICE_ID FILE');
  process.exit(2);
}

const args = process.argv.slice(2);
const json = args.includes('--json');
const positional = args.filter((a) => a !== '--json');
const unknown = positional.find((a) => a.startsWith('--'));
if (unknown) fail(`unknown option ${unknown}`);
if (positional.length !== 2) fail('name a practice problem id and a Python file');
const [id, file] = positional as [string, string];
const { knowledge } = compileDataDir();
const problem = knowledge.practice.find((p) => p.id === id);
if (!problem) fail(`no practice problem "${id}"; known: ${knowledge.practice.map((p) => p.id).join(', ')}`);
if (!problem.tests) fail(`practice problem "${id}" has no test suite`);
let solution: string;
try {
  solution = readFileSync(file, 'utf8');
} catch (error) {
  fail(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
}

const client = nodePythonClient();
const result = await client.test(solution, problem.tests, { timeLimitMs: PRACTICE_TIME_LIMIT_MS });
client.dispose();
const report = result.report ?? {
  passed: false,
  tests: [],
  error: result.error ?? 'the test run ended without a report',
};
if (json) {
  const { passed, error } = report;
  // The contract's shape: each test's name, verdict and message (the timeline's trace stays in the panel).
  const tests = report.tests.map(({ name, passed, message }) => ({ name, passed, message }));
  process.stdout.write(`${JSON.stringify({ passed, tests, ...(error ? { error } : {}) })}\n`);
  process.exit(0);
}
for (const t of report.tests)
  console.log(`${t.passed ? 'pass' : 'FAIL'}  ${t.name}${t.passed ? '' : `: ${t.message}`}`);
if (report.error) console.log(`error: ${report.error}`);
process.exit(report.passed ? 0 : 1);
