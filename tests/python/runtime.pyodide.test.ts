/**
 * The in-browser Python runtime, driven through the same client and engine as the side panel's worker
 * (Pyodide under Node: scripts/lib/pyodide-node.ts), each run in an interpreter of its own. The sandbox,
 * the judge and the snapshots have their own file: sandbox.pyodide.test.ts.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { nodePythonClient } from '../../scripts/lib/pyodide-node';
import { OUTPUT_LIMIT } from '@/utils/python/limits';
import { BLOCKED_MESSAGE } from '@/utils/python/lockdown';
import { SLEEP_PROBE, sleepProbeOutput } from '../support/sleep-probe';

const client = nodePythonClient();
afterAll(() => client.dispose());
const run = (code: string, timeLimitMs?: number) => client.run(code, { timeLimitMs });
// Loading Pyodide takes seconds, more on a busy two-core machine.
const SLOW = 180_000;

// Each run gets a fresh interpreter, which takes seconds on a busy two-core machine.
describe('python runtime', { timeout: SLOW }, () => {
  it(
    'prints stdout and stderr separately and in order, and exits 0',
    async () => {
      const seen: string[] = [];
      const result = await client.run('import sys\nprint("one")\nprint("two", file=sys.stderr)\nprint("three")', {
        onOutput: (stream, text) => seen.push(`${stream}:${text}`),
      });
      expect(result).toMatchObject({ exitCode: 0, error: null, stdout: 'one\nthree\n', stderr: 'two\n' });
      expect(seen.join('')).toBe('stdout:one\nstderr:two\nstdout:three\n');
    },
    SLOW,
  );

  it('runs asyncio.run with gather in the order CPython does', async () => {
    const result = await run(
      [
        'import asyncio',
        // Turns of the loop, not timers: two sleeps started slow-first race on a loaded machine.
        'async def job(name, turns):',
        '    for _ in range(turns):',
        '        await asyncio.sleep(0)',
        '    print(name)',
        '    return name',
        'async def main():',
        '    print(await asyncio.gather(job("slow", 3), job("fast", 1)))',
        'asyncio.run(main())',
      ].join('\n'),
    );
    expect(result.stdout).toBe("fast\nslow\n['slow', 'fast']\n");
    expect(result.exitCode).toBe(0);
  });

  it('makes time.sleep block the event loop, as on CPython', async () => {
    const result = await run(
      [
        'import asyncio, time',
        'async def ticker():',
        '    for i in range(3):',
        '        print("tick", i)',
        '        await asyncio.sleep(0.02)',
        'async def blocker():',
        '    time.sleep(0.2)',
        '    print("blocker done")',
        'async def main():',
        '    await asyncio.gather(ticker(), blocker())',
        'asyncio.run(main())',
      ].join('\n'),
    );
    // With Pyodide's own sleep, the ticker would run during the sleep and "blocker done" would come last.
    expect(result.stdout).toBe('tick 0\nblocker done\ntick 1\ntick 2\n');
  });

  it('sleeps without spinning where the host has shared memory (Node here), for as long as asked', async () => {
    expect((await run(SLEEP_PROBE)).stdout).toBe(sleepProbeOutput('parked'));
  });

  it('sleeps until end minus start reaches the time asked, where a deadline would round short (Firefox)', async () => {
    // A clock that reads 10.1, then 10.1 + 0.12 (what start + 0.12 rounds to), then 10.23; in floats the
    // second minus the first is 0.11999999999999922. The spinning sleep (Firefox's) must read on to the third.
    const result = await run(
      [
        'import sys, time',
        'runner = sys.modules["awaitwise_runner"]',
        'reads = []',
        'def clock(values=iter([10.1, 10.1 + 0.12, 10.23])):',
        '    reads.append(next(values))',
        '    return reads[-1]',
        'runner._perf_counter, runner._park = clock, None',
        'time.sleep(0.12)',
        'print(len(reads), reads[-1] - reads[0] >= 0.12)',
      ].join('\n'),
    );
    expect(result).toMatchObject({ stdout: '3 True\n', exitCode: 0 });
  });

  it('shows an uncaught exception as a traceback cut to the user code', async () => {
    const result = await run('def inner():\n    raise ValueError("boom")\n\ninner()\n');
    expect(result.exitCode).toBe(1);
    expect(result.error).toBe(
      [
        'Traceback (most recent call last):',
        '  File "main.py", line 4, in <module>',
        '    inner()',
        '    ~~~~~^^',
        '  File "main.py", line 2, in inner',
        '    raise ValueError("boom")',
        'ValueError: boom',
        '',
      ].join('\n'),
    );
    expect(result.error).not.toContain('awaitwise_runner');
  });

  it('reports a syntax error with its line', async () => {
    const result = await run('print("ok")\nif True\n    pass\n');
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.error).toContain('File "main.py", line 2');
    expect(result.error).toMatch(/SyntaxError: expected ':'/);
  });

  it('rejects top-level await, as python main.py does', async () => {
    const result = await run('import asyncio\nawait asyncio.sleep(0)\n');
    expect(result.error).toMatch(/SyntaxError: 'await' outside function/);
  });

  it('turns SystemExit into an exit status', async () => {
    expect((await run('raise SystemExit(3)')).exitCode).toBe(3);
    expect(await run('import sys\nsys.exit()')).toMatchObject({ exitCode: 0, error: null });
    expect(await run('import sys\nsys.exit("bye")')).toMatchObject({ exitCode: 1, stderr: 'bye\n', error: null });
  });

  it('answers input() with an EOFError that says why', async () => {
    const result = await run('name = input("Your name? ")\nprint(name)');
    expect(result.stdout).toBe('Your name? ');
    expect(result.error).toMatch(/EOFError: input\(\) has no keyboard here/);
  });

  it('shows the never-awaited coroutine warning', async () => {
    const result = await run('async def work():\n    pass\n\nwork()\nprint("end")');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe('end\n');
    expect(result.stderr).toContain("RuntimeWarning: coroutine 'work' was never awaited");
  });

  it('starts every run fresh: globals and patched builtins do not leak into the next run', async () => {
    await run('import builtins\nbuiltins.print = None\nleaked = 1');
    const result = await run('print("leaked" in globals())');
    expect(result.stdout).toBe('False\n');
  });

  it('caps output with a clear line', async () => {
    const result = await run('for i in range(100_000):\n    print("x" * 20)');
    expect(result.truncated).toBe(true);
    expect(result.stdout.length).toBeLessThan(OUTPUT_LIMIT + 200);
    expect(result.stdout).toMatch(/\[output truncated: more than 50,000 characters\]\n$/);
  });

  it(
    'stops an endless loop at the time limit, and the next run works',
    async () => {
      const result = await run('while True:\n    pass', 1_500);
      expect(result.timedOut).toBe(true);
      expect(result.exitCode).toBeNull();
      expect(result.error).toMatch(/Stopped after 1\.5 s/);
      expect(await run('print("fresh")')).toMatchObject({ stdout: 'fresh\n', exitCode: 0 });
    },
    SLOW,
  );

  it('gives user code no network and no storage', async () => {
    for (const name of ['fetch', 'WebSocket']) {
      const result = await run(`import js\njs.${name}("https://example.com/")\n`);
      expect(result.exitCode, name).toBe(1);
      // Node 20 has no WebSocket at all: nothing to block there, and user code cannot reach one either.
      expect(result.error, name).toContain(
        name in globalThis ? `${name} ${BLOCKED_MESSAGE}` : `AttributeError: ${name}`,
      );
    }
    // Node has no IndexedDB of its own to give away; the browser worker's says the sentence (python.spec.ts).
    const db = await run('import js\njs.indexedDB.deleteDatabase("awaitwise")');
    expect(db.exitCode).toBe(1);
  });

  it('runs a practice suite and reports each test', async () => {
    const result = await client.test(
      'def add(a, b):\n    return a + b\n',
      'def test_adds(solution):\n    assert solution.add(1, 2) == 3\n\n' +
        'def test_wrong_on_purpose(solution):\n    assert solution.add(1, 1) == 3, "1 + 1 gave 2, expected 3"\n',
    );
    expect(result.report?.passed).toBe(false);
    expect(result.report?.tests.map((t) => [t.passed, t.message])).toEqual([
      [true, ''],
      [false, '1 + 1 gave 2, expected 3'],
    ]);
  });
});
