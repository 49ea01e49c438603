/**
 * PythonClient and its interpreter pool against scripted interpreters: one interpreter per run, a spare
 * ready for the next, Stop and the time limit going straight to it, snapshots made, reused, and replaced
 * when the interpreter rejects one, a start that never finishes, and test reports that are not this run's.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PythonClient } from '@/utils/python/client';
import type { Interpreter, SnapshotStore } from '@/utils/python/pool';
import type { FromEngine, SnapshotData, StartRequest, ToEngine } from '@/utils/python/protocol';

/** An interpreter the test drives: what it was asked to start with, what it was sent, and its replies. */
class Scripted implements Interpreter {
  sent: ToEngine[] = [];
  terminated = false;
  #listener: (raw: unknown) => void = () => undefined;
  constructor(readonly request: StartRequest) {}
  post(message: ToEngine) {
    this.sent.push(message);
  }
  onMessage(listener: (raw: unknown) => void) {
    this.#listener = listener;
  }
  onError() {}
  terminate() {
    this.terminated = true;
  }
  reply(message: FromEngine) {
    this.#listener(message);
  }
  /** Starts as a real one would: a snapshot when asked for one, then ready. */
  start(restored = this.request.snapshot !== null) {
    if (this.request.makeSnapshot)
      this.reply({ type: 'snapshot', bytes: new Uint8Array([1, 2, 3]), digest: 'abc', ms: 1 });
    this.reply({ type: 'ready', ms: 1, restored });
  }
}

interface MemoryStore extends SnapshotStore {
  kept: { data: SnapshotData; digest: string } | null;
  saves: number;
  discards: number;
}

function memoryStore(initial: { data: SnapshotData; digest: string } | null = null): MemoryStore {
  const store: MemoryStore = {
    kept: initial,
    saves: 0,
    discards: 0,
    load: () => Promise.resolve(store.kept),
    save: (data, digest) => {
      store.saves++;
      store.kept = { data, digest };
      return Promise.resolve();
    },
    discard: () => {
      store.discards++;
      store.kept = null;
      return Promise.resolve();
    },
    keep: (bytes) => new Uint8Array(bytes),
  };
  return store;
}

function setup(store = memoryStore()) {
  const started: Scripted[] = [];
  const client = new PythonClient({
    start: (request) => {
      const interpreter = new Scripted(request);
      started.push(interpreter);
      return interpreter;
    },
    store,
    nonce: () => 'nonce-1',
  });
  return { client, started, store };
}

/** Lets the pool's promise chain (snapshot lookup, start, take) move on. */
const settle = () => vi.advanceTimersByTimeAsync(0);

describe('PythonClient', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs each program in its own interpreter, with a spare started as soon as one is taken', async () => {
    const { client, started, store } = setup();
    const first = client.run('print(1)');
    await settle();
    expect(started).toHaveLength(1);
    expect(started[0]!.request).toMatchObject({ snapshot: null, makeSnapshot: true });
    started[0]!.start();
    await settle();
    expect(store.saves).toBe(1);
    expect(started[0]!.sent).toEqual([{ type: 'run', id: 1, code: 'print(1)' }]);
    // The spare restores the snapshot the first one made.
    expect(started).toHaveLength(2);
    expect(started[1]!.request).toMatchObject({ makeSnapshot: false, digest: null });
    expect(started[1]!.request.snapshot).toEqual(new Uint8Array([1, 2, 3]));

    started[0]!.reply({ type: 'output', id: 1, stream: 'stdout', text: '1\n' });
    started[0]!.reply({ type: 'done', id: 1, outcome: { exitCode: 0, error: null, truncated: false, ms: 2 } });
    expect(await first).toMatchObject({ stdout: '1\n', exitCode: 0 });
    expect(started[0]!.terminated).toBe(true);

    started[1]!.start();
    await settle();
    expect(client.status).toEqual({ kind: 'ready' });
    const second = client.run('print(2)');
    await settle();
    expect(started[1]!.sent).toEqual([{ type: 'run', id: 2, code: 'print(2)' }]);
    started[1]!.reply({ type: 'done', id: 2, outcome: { exitCode: 0, error: null, truncated: false, ms: 2 } });
    await second;
    expect(started).toHaveLength(3);
    client.dispose();
  });

  it('Stop and the time limit end the interpreter, and the next run takes the ready spare at once', async () => {
    const { client, started } = setup();
    void client.warm();
    await settle();
    started[0]!.start();
    await settle();
    const looping = client.run('while True: pass', { timeLimitMs: 1_000 });
    await settle();
    started[1]!.start();
    await settle();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(await looping).toMatchObject({ timedOut: true, exitCode: null });
    expect(started[0]!.terminated).toBe(true);

    const next = client.run('print(3)');
    await settle();
    expect(started[1]!.sent).toEqual([{ type: 'run', id: 2, code: 'print(3)' }]);
    client.stop();
    expect(await next).toMatchObject({ stopped: true });
    expect(started[1]!.terminated).toBe(true);
    // The spare for the run after is already starting, and says it is a restart.
    expect(client.status).toMatchObject({ kind: 'starting', restart: true });
    client.dispose();
  });

  it('a stored snapshot is checked once against its digest; a rejected one is dropped and made again', async () => {
    const store = memoryStore({ data: new Uint8Array([9]), digest: 'stored' });
    const { client, started } = setup(store);
    const run = client.run('print(1)');
    await settle();
    expect(started[0]!.request).toMatchObject({ digest: 'stored', makeSnapshot: false });
    // The interpreter finds it damaged, starts in full and makes a new one.
    started[0]!.reply({ type: 'snapshot-rejected', message: 'the stored snapshot is damaged' });
    expect(store.discards).toBe(1);
    started[0]!.reply({ type: 'snapshot', bytes: new Uint8Array([7]), digest: 'new', ms: 1 });
    started[0]!.reply({ type: 'ready', ms: 1, restored: false });
    await settle();
    expect(store.kept).toMatchObject({ digest: 'new' });
    expect(started[1]!.request).toMatchObject({ digest: null, makeSnapshot: false });
    expect(started[1]!.request.snapshot).toEqual(new Uint8Array([7]));
    started[0]!.reply({ type: 'done', id: 1, outcome: { exitCode: 0, error: null, truncated: false, ms: 1 } });
    expect(await run).toMatchObject({ exitCode: 0 });
    client.dispose();
  });

  it('a start that never finishes ends the run with a message, and the next run starts a new one', async () => {
    const { client, started } = setup();
    const run = client.run('print(1)');
    await settle();
    expect(client.status.kind).toBe('starting');
    await vi.advanceTimersByTimeAsync(119_000);
    expect(client.status.kind).toBe('starting');
    await vi.advanceTimersByTimeAsync(2_000);
    const result = await run;
    expect(result.unavailable).toBe(true);
    expect(result.error).toMatch(/^Python could not start: it did not finish loading within 120 s\. Run again/);
    expect(client.status).toMatchObject({ kind: 'failed' });
    expect(started[0]!.terminated).toBe(true);

    void client.run('print(2)');
    await settle();
    expect(started).toHaveLength(2);
    expect(client.status.kind).toBe('starting');
    client.dispose();
  });

  describe('test reports', () => {
    const outcome = { exitCode: 0, error: null, truncated: false, ms: 1 };
    const report = {
      passed: true,
      tests: [
        { name: 'a', passed: true, message: '' },
        { name: 'b', passed: true, message: '' },
      ],
      error: null,
    };
    async function tested(reply: (id: number) => FromEngine) {
      const { client, started } = setup();
      const result = client.test('solution', 'tests');
      await settle();
      started[0]!.start();
      await settle();
      expect(started[0]!.sent[0]).toMatchObject({ type: 'test', nonce: 'nonce-1' });
      started[0]!.reply(reply(1));
      const value = await result;
      client.dispose();
      return value;
    }

    it('a complete report with the run nonce is handed on', async () => {
      const result = await tested((id) => ({
        type: 'tested',
        id,
        nonce: 'nonce-1',
        suite: ['a', 'b'],
        outcome,
        report,
      }));
      expect(result.report).toEqual(report);
    });

    it('a report with another nonce is no report', async () => {
      const result = await tested((id) => ({
        type: 'tested',
        id,
        nonce: 'forged',
        suite: ['a', 'b'],
        outcome,
        report,
      }));
      expect(result.report).toBeNull();
      expect(result.error).toMatch(/did not report every test/);
    });

    it('a report that leaves out a test of the suite is no report', async () => {
      const result = await tested((id) => ({
        type: 'tested',
        id,
        nonce: 'nonce-1',
        suite: ['a', 'b', 'c'],
        outcome,
        report,
      }));
      expect(result.report).toBeNull();
    });
  });
});
