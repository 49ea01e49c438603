/**
 * The tracer in every start path of the extension's interpreter (Pyodide under Node, the worker's twin): a
 * full start, and a fresh interpreter restored from that start's snapshot, where the project's modules are
 * no longer files and the tracer has to be in the snapshot already. A run's outcome and a practice test's
 * verdict both carry the event loop's trace.
 */
import { describe, expect, it } from 'vitest';
import { nodeInterpreters } from '../../scripts/lib/pyodide-node';
import { parseFromEngine, type FromEngine, type StartRequest, type ToEngine } from '@/utils/python/protocol';
import { unpackTrace } from '@/utils/trace/packed';

const PROGRAM = [
  'import asyncio',
  'async def lookup(name):',
  '    await asyncio.sleep(0.01)',
  '    return name',
  'async def main():',
  '    print(await asyncio.gather(lookup("a"), lookup("b")))',
  'asyncio.run(main())',
].join('\n');

const SOLUTION =
  'import asyncio\nasync def both():\n    return await asyncio.gather(asyncio.sleep(0, "x"), asyncio.sleep(0, "y"))\n';
const TESTS = 'async def test_both(solution):\n    assert await solution.both() == ["x", "y"]\n';

/** Starts one interpreter, gives it `job` once it is ready, and returns every message it sent. */
async function startOne(request: StartRequest, job: ToEngine): Promise<FromEngine[]> {
  const seen: FromEngine[] = [];
  const interpreter = nodeInterpreters(request);
  try {
    await new Promise<void>((resolve, reject) => {
      interpreter.onError(reject);
      interpreter.onMessage((raw) => {
        const message = parseFromEngine(raw);
        if (!message) return;
        seen.push(message);
        if (message.type === 'ready') interpreter.post(job);
        if (message.type === 'done' || message.type === 'tested' || message.type === 'failed') resolve();
      });
    });
  } finally {
    interpreter.terminate();
  }
  return seen;
}

const run: ToEngine = { type: 'run', id: 1, code: PROGRAM };
const names = (seen: FromEngine[]) => {
  const done = seen.find((m) => m.type === 'done');
  if (done?.type !== 'done' || !done.outcome.trace) throw new Error(`no trace: ${JSON.stringify(done)}`);
  return unpackTrace(done.outcome.trace).tasks.map((t) => t.name);
};

describe('the tracer in every start path', () => {
  it('a full start and a start restored from its snapshot both trace runs and async tests', async () => {
    const full = await startOne({ type: 'start', snapshot: null, digest: null, makeSnapshot: true }, run);
    const snapshot = full.find((m) => m.type === 'snapshot');
    if (snapshot?.type !== 'snapshot') throw new Error('no snapshot');
    expect(full.find((m) => m.type === 'ready')).toMatchObject({ restored: false });
    expect(names(full)).toEqual(['main', 'lookup', 'lookup']);

    const from = { type: 'start', snapshot: snapshot.bytes, digest: snapshot.digest, makeSnapshot: false } as const;
    const restored = await startOne(from, run);
    expect(restored.find((m) => m.type === 'ready')).toMatchObject({ restored: true });
    expect(names(restored)).toEqual(['main', 'lookup', 'lookup']);

    const test: ToEngine = { type: 'test', id: 2, nonce: 'n', solution: SOLUTION, tests: TESTS };
    const tested = (await startOne(from, test)).find((m) => m.type === 'tested');
    if (tested?.type !== 'tested') throw new Error('no report');
    expect(tested.report.passed).toBe(true);
    const verdict = tested.report.tests[0];
    if (!verdict?.trace) throw new Error(`the test has no trace: ${JSON.stringify(verdict)}`);
    // The harness's own tasks are hidden; the solution's gather of two sleeps is drawn.
    expect(unpackTrace(verdict.trace).tasks.map((t) => t.coro)).toEqual(['test_both', 'sleep', 'sleep']);
  }, 300_000);
});
