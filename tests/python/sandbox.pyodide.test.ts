/**
 * The extension's Python under Node (the Node twin: scripts/lib/pyodide-node.ts, the engine the worker
 * runs): each run in an interpreter of its own, nothing of Node within user code's reach, CPython's answers
 * for the edge cases, a judge the solution cannot talk out of its verdict, and snapshots made, restored,
 * and replaced when damaged or from another build.
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { nodeInterpreters, nodePythonClient } from '../../scripts/lib/pyodide-node';
import { BLOCKED_MESSAGE } from '@/utils/python/lockdown';
import { parseFromEngine, type FromEngine, type StartRequest } from '@/utils/python/protocol';

// Loading Pyodide takes seconds, many more on a busy two-core machine.
const SLOW = 240_000;
const client = nodePythonClient();
afterAll(() => client.dispose());
const run = (code: string, timeLimitMs?: number) => client.run(code, { timeLimitMs });

const knowledge = JSON.parse(readFileSync('data/generated/knowledge.json', 'utf8')) as {
  practice: { id: string; tests?: string; snippets: { code: string; runnable: boolean }[] }[];
};
const printInOrder = knowledge.practice.find((p) => p.id === 'print-in-order')!;
const PRINT_IN_ORDER_TESTS = printInOrder.tests!;
const REFERENCE = printInOrder.snippets.find((s) => s.runnable)!.code;
/** Busy-waits on flags: fails "Waiting steps are woken, not polling with sleep". */
const WRONG = readFileSync('tests/fixtures/practice/print-in-order/polling-flags.py', 'utf8');

describe('every run starts in a fresh interpreter', () => {
  it(
    'state one run leaves behind is absent in the next',
    async () => {
      const first = await run(
        [
          'import sys, io, asyncio, json, builtins',
          'sys.setrecursionlimit(77)',
          'asyncio.sleep = None',
          'json.leaked = 1',
          'builtins.print = None',
          'sys.stdout = io.StringIO()',
        ].join('\n'),
      );
      expect(first).toMatchObject({ exitCode: 0, error: null });
      const second = await run(
        [
          'import sys, asyncio, json',
          'print(sys.getrecursionlimit(), asyncio.sleep is None, hasattr(json, "leaked"))',
        ].join('\n'),
      );
      expect(second.stdout).toBe('1000 False False\n');
    },
    SLOW,
  );

  it('a run that ends in the middle of a UTF-8 sequence leaves the next one clean', async () => {
    const cut = await run('import sys\nsys.stdout.buffer.write("é".encode()[:1])\nsys.stdout.flush()');
    expect(cut.stdout).toBe('\ufffd');
    expect((await run('print("hello")')).stdout).toBe('hello\n');
  });

  it('random is seeded per run, not fixed by the snapshot', async () => {
    const a = await run('import random\nprint(random.random())');
    const b = await run('import random\nprint(random.random())');
    expect(a.stdout).not.toBe(b.stdout);
  });
});

describe('user code reaches nothing of Node', () => {
  it('js.process, its child_process and IPC are out of reach', async () => {
    const result = await run(
      [
        'import js',
        'for attempt in (',
        '    lambda: js.process.getBuiltinModule("child_process").execSync("echo pwned"),',
        '    lambda: js.process.send({"type": "tested"}),',
        '    lambda: js.require("child_process"),',
        '    lambda: js.globalThis.process,',
        '    lambda: js.Function.new("return process")(),',
        '):',
        '    try:',
        '        print("reached:", attempt())',
        '    except Exception as e:',
        '        print("refused:", type(e).__name__)',
      ].join('\n'),
    );
    expect(result.stdout).not.toContain('reached');
    expect(result.stdout.match(/refused/g)).toHaveLength(5);
  });

  it("Pyodide's own API object, eval, fetch and sockets are out of reach", async () => {
    const result = await run(
      [
        'def attempt(f):',
        '    try:',
        '        f()',
        '        print("reached")',
        '    except BaseException as e:',
        '        print("refused:", type(e).__name__)',
        'attempt(lambda: __import__("pyodide_js"))',
        'from pyodide.code import run_js',
        'attempt(lambda: run_js("process.exit(3)"))',
        'import js',
        'attempt(lambda: js.fetch("http://127.0.0.1:9/"))',
        'import socket',
        'attempt(lambda: socket.create_connection(("127.0.0.1", 9), timeout=1))',
      ].join('\n'),
    );
    expect(result.stdout).not.toContain('reached');
    expect(result.stdout.match(/refused/g)).toHaveLength(4);
    expect(result.exitCode).toBe(0);
  });

  it('says why a Node global is not there', async () => {
    const result = await run('import js\njs.process');
    expect(result.error).toContain(`process ${BLOCKED_MESSAGE}`);
  });
});

describe("CPython's answers for the edge cases", () => {
  it('os._exit(n) is exit status n', async () => {
    const result = await run('print("bye", flush=True)\nimport os\nos._exit(7)');
    expect(result).toMatchObject({ exitCode: 7, error: null, stdout: 'bye\n' });
  });

  it('deep recursion in C is a RecursionError with the user frames, not a fatal error', async () => {
    const code =
      'def nest():\n    l = []\n    for _ in range(300_000):\n        l = [l]\n    return repr(l)\n\nnest()\n';
    const result = await run(code);
    expect(result.exitCode).toBe(1);
    expect(result.error).toMatch(/^Traceback \(most recent call last\):\n {2}File "main.py", line 7, in <module>\n/);
    expect(result.error).toContain('  File "main.py", line 5, in nest\n    return repr(l)\n');
    expect(result.error).toMatch(/RecursionError: maximum recursion depth exceeded\n$/);
    expect(result.stdout + result.stderr).not.toMatch(/fatal|Maximum call stack/i);
  });

  it('30,000 nested parentheses are a SyntaxError, as on CPython', async () => {
    const result = await run(`x = ${'('.repeat(30_000)}${')'.repeat(30_000)}\n`);
    expect(result.exitCode).toBe(1);
    expect(result.error).toMatch(/File "main\.py", line 1\n/);
    expect(result.error).toMatch(/SyntaxError: too many nested parentheses\n$/);
  });
});

describe('the practice judge cannot be talked out of its verdict', () => {
  const cheats: [string, string][] = [
    [
      'replacing the harness in sys.modules',
      'import sys\ntry:\n    sys.modules["awaitwise_harness"]._run_one = lambda *a: None\nexcept KeyError:\n    pass',
    ],
    [
      "replacing _run_one's code",
      [
        'import gc, sys',
        'noop = (lambda *a, **k: None).__code__',
        'def swap(fn):',
        '    try:',
        '        fn.__code__ = noop',
        '    except Exception:',
        '        pass',
        'try:',
        '    for o in gc.get_objects():',
        '        if getattr(o, "__name__", "") in ("_run_one", "run_one"):',
        '            swap(o)',
        'except Exception:',
        '    pass',
        'f = sys._getframe()',
        'while f is not None:',
        '    for name in ("_run_one", "run_one", "tampered"):',
        '        if name in f.f_globals:',
        '            swap(f.f_globals[name])',
        '            f.f_globals[name] = lambda *a, **k: (True, None)',
        '    f = f.f_back',
      ].join('\n'),
    ],
    [
      "swapping json's default encoder",
      [
        'import json',
        'class Liar(json.JSONEncoder):',
        '    def encode(self, o):',
        '        return \'{"passed": true, "tests": [], "error": null}\'',
        'json._default_encoder = Liar()',
      ].join('\n'),
    ],
    ['replacing asyncio.run', 'import asyncio\nasyncio.run = lambda c, **k: c.close()'],
  ];
  it.each(cheats)(
    '%s does not make a wrong print-in-order solution pass',
    async (_name, cheat) => {
      const result = await client.test(`${WRONG}\n${cheat}\n`, PRINT_IN_ORDER_TESTS);
      expect(result.report?.passed ?? false).toBe(false);
    },
    SLOW,
  );

  it('the wrong solution alone fails on its merits (so each cheat had a verdict to change)', async () => {
    expect((await client.test(WRONG, PRINT_IN_ORDER_TESTS)).report).toMatchObject({ passed: false, error: null });
  });

  it('a solution that patches the standard library does not count, even when every test passes', async () => {
    const clean = await client.test(REFERENCE, PRINT_IN_ORDER_TESTS);
    expect(clean.report).toMatchObject({ passed: true, error: null });
    // Rebinding a name to the same object is no change; replacing one is.
    const patch = 'import asyncio, json\nasyncio.run = asyncio.run\njson.dumps = lambda *a, **k: "{}"\n';
    const patched = await client.test(`${REFERENCE}\n${patch}`, PRINT_IN_ORDER_TESTS);
    expect(patched.report?.passed).toBe(false);
    expect(patched.report?.error).toMatch(/json\.dumps was replaced: a solution may not patch/);
  });

  it('js.close() and os._exit in a solution end nothing but that run', async () => {
    const exited = await client.test('import os\nos._exit(0)\n', PRINT_IN_ORDER_TESTS);
    expect(exited.report).toMatchObject({ passed: false });
    expect((await run('print("next")')).stdout).toBe('next\n');
  });
});

describe('snapshots', () => {
  /** Starts one interpreter, runs `print(1)` in it, and returns every message it sent. */
  async function startOne(request: StartRequest): Promise<FromEngine[]> {
    const seen: FromEngine[] = [];
    const interpreter = nodeInterpreters(request);
    try {
      await new Promise<void>((resolve, reject) => {
        interpreter.onError(reject);
        interpreter.onMessage((raw) => {
          const message = parseFromEngine(raw);
          if (!message) return;
          seen.push(message);
          if (message.type === 'ready') interpreter.post({ type: 'run', id: 1, code: 'print(1)' });
          if (message.type === 'done' || message.type === 'failed') resolve();
        });
      });
    } finally {
      interpreter.terminate();
    }
    return seen;
  }
  const made = (seen: FromEngine[]) => seen.find((m) => m.type === 'snapshot');
  const types = (seen: FromEngine[]) => seen.filter((m) => m.type !== 'output').map((m) => m.type);

  it(
    'a full start makes one; a start from it is restored; a damaged or foreign one is replaced by a full start',
    async () => {
      const full = await startOne({ type: 'start', snapshot: null, digest: null, makeSnapshot: true });
      const snapshot = made(full);
      expect(types(full)).toEqual(['snapshot', 'ready', 'done']);
      if (snapshot?.type !== 'snapshot') throw new Error('no snapshot');

      const restored = await startOne({
        type: 'start',
        snapshot: snapshot.bytes,
        digest: snapshot.digest,
        makeSnapshot: false,
      });
      expect(restored.find((m) => m.type === 'ready')).toMatchObject({ restored: true });
      expect(restored.find((m) => m.type === 'output')).toMatchObject({ text: '1\n' });

      // Damaged: one byte flipped in the middle of the heap, caught by the digest before Pyodide sees it.
      const damaged = snapshot.bytes.slice();
      damaged[damaged.length >> 1]! ^= 0xff;
      const afterDamage = await startOne({
        type: 'start',
        snapshot: damaged,
        digest: snapshot.digest,
        makeSnapshot: false,
      });
      expect(types(afterDamage)).toEqual(['snapshot-rejected', 'snapshot', 'ready', 'done']);
      expect(afterDamage.find((m) => m.type === 'ready')).toMatchObject({ restored: false });

      // From another build: Pyodide's own build-id check refuses it.
      const foreign = snapshot.bytes.slice();
      foreign[20]! ^= 0xff;
      const afterForeign = await startOne({ type: 'start', snapshot: foreign, digest: null, makeSnapshot: false });
      expect(types(afterForeign)).toEqual(['snapshot-rejected', 'snapshot', 'ready', 'done']);
      const rejected = afterForeign[0];
      expect(rejected?.type === 'snapshot-rejected' ? rejected.message : '').toMatch(/build id/i);
    },
    SLOW * 2,
  );
});
