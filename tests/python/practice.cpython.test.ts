/**
 * Every practice problem's Python suite, run by utils/python/harness.py: the reference solution passes every
 * test on each CPython of the matrix, and each wrong solution in tests/fixtures/practice/<id>/ fails at least
 * one on the first of them (a wrong solution fails for its mistake, not for a version; Pyodide checks them
 * again). Also the harness's own contract (errors, missing names, time-outs, the CLI's exit status) on the
 * machine's python3.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { knowledge } from '@/utils/knowledge/all';
import { PYTHON } from '../../scripts/lib/python';
import { referenceSolution, wrongSolutions } from '../support/practice-cases';
import { cpythonMatrix } from './cpython';
import { withSlot } from './slots';

const ROOT = join(import.meta.dirname, '..', '..');
const HARNESS = join(ROOT, 'utils', 'python', 'harness.py');

interface TestResult {
  name: string;
  passed: boolean;
  message: string;
}
interface SuiteResult {
  passed: boolean;
  tests: TestResult[];
  error: string | null;
}

/** Runs `interpreter args...` in its own process group, killed after `timeoutMs`. */
function python(
  args: string[],
  timeoutMs: number,
  interpreter = PYTHON,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(interpreter, args, {
      env: { ...process.env, PYTHONIOENCODING: 'utf-8' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
      reject(new Error(`python ${args.join(' ')} took longer than ${timeoutMs} ms`));
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** The harness in CLI mode on two source texts; the JSON is on the last line of stdout. */
async function runSuite(
  solution: string,
  tests: string,
  interpreter = PYTHON,
  timeoutMs = 60_000,
): Promise<SuiteResult & { code: number | null }> {
  const dir = mkdtempSync(join(tmpdir(), 'awaitwise-practice-'));
  try {
    writeFileSync(join(dir, 'solution.py'), solution);
    writeFileSync(join(dir, 'tests.py'), tests);
    const run = await withSlot(() =>
      python([HARNESS, join(dir, 'solution.py'), join(dir, 'tests.py')], timeoutMs, interpreter),
    );
    const last = run.stdout.trimEnd().split('\n').pop() ?? '';
    let parsed: SuiteResult;
    try {
      parsed = JSON.parse(last) as SuiteResult;
    } catch {
      throw new Error(`no JSON on the harness's last line (exit ${run.code}): ${run.stdout}\n${run.stderr}`);
    }
    return { ...parsed, code: run.code };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const failing = (r: SuiteResult) =>
  r.tests
    .filter((t) => !t.passed)
    .map((t) => `${t.name}: ${t.message}`)
    .join('\n');

const problems = knowledge.practice;

const wrongCases = problems.flatMap((p) => wrongSolutions(p.id).map((w) => [`${p.id}/${w.name}`, p, w.code] as const));
const matrix = cpythonMatrix();
const STRESS = process.env.AW_STRESS === '1';

// One block per interpreter, all concurrent: the versions share the machine's interpreter slots.
for (const cpython of matrix) {
  describe
    .skipIf(!cpython.path)
    .concurrent(`reference solutions pass their own suites on CPython ${cpython.version}`, () => {
      it.each(problems.map((p) => [p.id, p] as const))('%s', async (_id, p) => {
        const result = await runSuite(referenceSolution(p), p.tests, cpython.path!);
        expect(result.error).toBeNull();
        expect(failing(result)).toBe('');
        expect(result.passed).toBe(true);
        expect(result.code).toBe(0);
        expect(result.tests.length).toBeGreaterThanOrEqual(6);
        const names = result.tests.map((t) => t.name);
        expect(new Set(names).size, `duplicate test names: ${names.join(' | ')}`).toBe(names.length);
      });
    });

  // Wrong solutions fail for their mistake, not a version: the first interpreter found is enough (and none
  // under stress, which is about timing: scripts/stress.ts).
  if (STRESS || cpython !== matrix.find((m) => m.path)) continue;
  describe.concurrent(`wrong solutions are rejected on CPython ${cpython.version}`, () => {
    it.each(wrongCases)('%s', async (_name, p, code) => {
      const result = await runSuite(code, p.tests, cpython.path!);
      expect(result.error, 'a wrong solution must load and fail a test, not fail to load').toBeNull();
      expect(result.passed).toBe(false);
      expect(result.code).toBe(1);
      const failed = result.tests.filter((t) => !t.passed);
      expect(failed.length).toBeGreaterThan(0);
      for (const t of failed) expect(t.message, t.name).toMatch(/\S/);
    });
  });
}

// Not under stress either: the contract says nothing about timing.
if (!STRESS) {
  describe.concurrent('the harness contract', () => {
    const tests = [
      'import asyncio',
      'INTERFACE = {"double": "double(x)"}',
      'async def test_doubles(solution):',
      '    """double(2) is 4"""',
      '    assert await solution.double(2) == 4, "double(2) was not 4"',
      'def test_sync_check(solution):',
      '    assert solution.double is not None',
    ].join('\n');

    it('passes a good solution: names from docstrings or the function name, exit 0', async () => {
      const r = await runSuite('async def double(x):\n    return 2 * x\n', tests);
      expect(r).toMatchObject({ passed: true, error: null, code: 0 });
      expect(r.tests).toEqual([
        { name: 'double(2) is 4', passed: true, message: '' },
        { name: 'test sync check', passed: true, message: '' },
      ]);
    });

    it('reports a SyntaxError with its line, before running any test', async () => {
      const r = await runSuite('async def double(x)\n    return x\n', tests);
      expect(r.passed).toBe(false);
      expect(r.tests).toEqual([]);
      expect(r.error).toMatch(/solution\.py has a SyntaxError on line 1/);
      expect(r.code).toBe(1);
    });

    it('reports an error raised on import', async () => {
      const r = await runSuite('x = 1\nraise ValueError("boom")\n', tests);
      expect(r.error).toBe('solution.py raised ValueError: boom on import (solution.py, line 2)');
    });

    it('fails each test that needs a missing name, naming its signature', async () => {
      const r = await runSuite('def triple(x):\n    return 3 * x\n', tests);
      expect(r.error).toBeNull();
      expect(r.tests.map((t) => t.message)).toEqual([
        'solution does not define double(x)',
        'solution does not define double(x)',
      ]);
    });

    it('shows assertion messages, and other exceptions with the line in solution.py', async () => {
      const wrong = await runSuite('async def double(x):\n    return x\n', tests);
      expect(wrong.tests[0]).toEqual({ name: 'double(2) is 4', passed: false, message: 'double(2) was not 4' });
      const raises = await runSuite('async def double(x):\n    y = x\n    raise KeyError(y)\n', tests);
      expect(raises.tests[0]!.message).toBe('raised KeyError: 2 (solution.py, line 3, in double)');
    });

    it('fails a test that hangs, saying where the solution was waiting, and goes on', async () => {
      const script = [
        'import json, sys',
        `sys.path.insert(0, ${JSON.stringify(join(ROOT, 'utils', 'python'))})`,
        'import harness',
        'solution = "import asyncio\\nasync def double(x):\\n    await asyncio.Event().wait()\\n"',
        `print(json.dumps(harness.run_tests(solution, ${JSON.stringify(tests)}, per_test_timeout=0.2)))`,
      ].join('\n');
      const run = await python(['-c', script], 30_000);
      const r = JSON.parse(run.stdout.trim().split('\n').pop()!) as SuiteResult;
      expect(r.tests[0]!.message).toBe('did not finish within 0.2 s: still waiting in solution.py at line 3 in double');
      expect(r.tests[1]!.passed).toBe(true);
    });

    it('fails a test whose solution forgets an await', async () => {
      const code =
        'import asyncio\nasync def helper():\n    return 1\nasync def double(x):\n    helper()\n    return 2 * x\n';
      const r = await runSuite(code, tests);
      expect(r.tests[0]!.passed).toBe(false);
      expect(r.tests[0]!.message).toMatch(/coroutine 'helper' was never awaited/);
    });

    it('reports a broken test suite as an error', async () => {
      const r = await runSuite('def double(x):\n    return 2 * x\n', 'def test_x(solution)\n    pass\n');
      expect(r.error).toMatch(/^the test suite has a SyntaxError on line 1/);
    });
  });
}
