/**
 * The event-loop trace through its command-line contract (`npm run -s trace-py -- --json FILE`), which runs
 * each program in the extension's own runtime (Pyodide under Node), one interpreter slot each
 * (tests/python/slots.ts). The programs are in tests/fixtures/trace/.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { Trace, TraceTask } from '@/utils/trace/packed';
import { withSlot } from './slots';

interface Traced extends Trace {
  stdout: string;
  stderr: string;
  exitCode: number | null;
  error: string | null;
  timedOut: boolean;
  traceTruncated: boolean;
}

const EVENT_CAP = 20_000;

async function trace(program: string): Promise<Traced> {
  const { stdout } = await withSlot(() =>
    promisify(execFile)('npm', ['run', '-s', 'trace-py', '--', '--json', `tests/fixtures/trace/${program}`], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    }),
  );
  return JSON.parse(stdout) as Traced;
}

const byName = (t: Trace, name: string): TraceTask => {
  const found = t.tasks.find((task) => task.name === name);
  if (!found) throw new Error(`no task named ${name} in ${t.tasks.map((x) => x.name).join(', ')}`);
  return found;
};
const overlap = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;
/** The most intervals covering one moment. */
function peak(intervals: { start: number; end: number }[]): number {
  const edges = intervals.flatMap((i) => [
    [i.start, 1],
    [i.end, -1],
  ]);
  edges.sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!);
  let now = 0;
  let most = 0;
  for (const [, d] of edges) most = Math.max(most, (now += d!));
  return most;
}

describe.concurrent('trace-py: what the event loop did (Pyodide)', () => {
  it('gather of three sleeps: the three sleeps overlap, and the whole takes about the longest one', async () => {
    const t = await trace('gather.py');
    expect(t.exitCode).toBe(0);
    expect(t.stdout).toBe("finished Lima\nfinished Pune\nfinished Oslo\n['Oslo: ok', 'Lima: ok', 'Pune: ok']\n");
    const lookups = t.tasks.filter((task) => task.name === 'lookup');
    expect(lookups).toHaveLength(3);
    expect(lookups.every((task) => task.parent === byName(t, 'main').id && task.outcome === 'done')).toBe(true);
    const sleeps = t.waits.filter((w) => w.on.kind === 'sleep');
    expect(sleeps.map((w) => w.on.detail).sort()).toEqual(['sleep(0.01)', 'sleep(0.05)', 'sleep(0.3)']);
    expect(peak(sleeps)).toBe(3);
    expect(t.waits.find((w) => w.task === byName(t, 'main').id)?.on.kind).toBe('gather');
    // main waits for all three at once, so at least as long as the longest.
    const main = byName(t, 'main');
    expect(main.ended! - main.created).toBeGreaterThanOrEqual(300);
    expect(t.blocked.filter((b) => b.call !== null)).toEqual([]);
  });

  it('time.sleep in a task is a blocked stretch on its own line, and no other task runs meanwhile', async () => {
    const t = await trace('blocking.py');
    // Only the sleep is certain to be one: on a loaded machine any step may take 50 ms of wall time.
    const stretch = t.blocked.find((b) => b.call === 'time.sleep');
    expect(stretch).toMatchObject({ task: byName(t, 'blocker').id, line: 7, lines: [6, 8] });
    expect(stretch!.end - stretch!.start).toBeGreaterThanOrEqual(200);
    const others = t.steps.filter((s) => s.task !== byName(t, 'blocker').id);
    expect(others.length).toBeGreaterThan(5);
    expect(others.filter((s) => overlap(s, stretch!))).toEqual([]);
  });

  it('a semaphore of 2 over 6 jobs never has more than 2 jobs past it', async () => {
    const t = await trace('semaphore.py');
    const jobs = t.tasks.filter((task) => task.name.startsWith('job-'));
    expect(jobs).toHaveLength(6);
    const semaphoreWaits = t.waits.filter((w) => w.on.kind === 'semaphore');
    expect(semaphoreWaits.length).toBeGreaterThanOrEqual(4);
    expect(semaphoreWaits.every((w) => w.on.detail === 'Semaphore.acquire')).toBe(true);
    // Past the semaphore: from the step that acquired it (the end of its wait, or its first step) to the end.
    const past = jobs.map((job) => {
      const waited = semaphoreWaits.find((w) => w.task === job.id);
      const first = t.steps.find((s) => s.task === job.id)!;
      return { start: waited ? waited.end : first.start, end: job.ended! };
    });
    expect(peak(past)).toBe(2);
  });

  it('TaskGroup: a failing task gets its siblings cancelled', async () => {
    const t = await trace('taskgroup.py');
    expect(t.stdout).toBe('the group failed\n');
    const broken = byName(t, 'broken');
    expect(broken).toMatchObject({ outcome: 'error', error: { type: 'ValueError', message: 'broken on purpose' } });
    for (const name of ['slow', 'slower']) {
      const sibling = byName(t, name);
      expect(sibling.outcome).toBe('cancelled');
      expect(sibling.ended).toBeGreaterThanOrEqual(broken.ended!);
    }
    expect(t.waits.some((w) => w.task === byName(t, 'main').id && w.on.detail.startsWith('TaskGroup'))).toBe(true);
  });

  it('a queue consumer waits on the queue', async () => {
    const t = await trace('queue.py');
    const consumer = byName(t, 'consumer');
    const waits = t.waits.filter((w) => w.task === consumer.id);
    expect(waits.length).toBeGreaterThanOrEqual(3);
    expect(waits.every((w) => w.on.kind === 'queue' && w.on.detail === 'Queue.get')).toBe(true);
  });

  it('an event waiter wakes after the step of the setter that set it', async () => {
    const t = await trace('event.py');
    expect(t.stdout).toBe('setting\nwoke up\n');
    const wait = t.waits.find((w) => w.task === byName(t, 'waiter').id)!;
    expect(wait.on).toEqual({ kind: 'event', detail: 'Event.wait' });
    const setterSteps = t.steps.filter((s) => s.task === byName(t, 'setter').id);
    expect(setterSteps).toHaveLength(2);
    expect(wait.end).toBeGreaterThanOrEqual(setterSteps[1]!.end);
  });

  it('tasks of two coroutines that share a name and module wait at their own lines', async () => {
    const t = await trace('redefined.py');
    expect(t.stdout).toBe('[1, 2, -3, -4, 5]\n');
    const workers = t.tasks.filter((task) => task.coro === 'worker');
    expect(workers).toHaveLength(5);
    const lines = workers.map((task) => t.waits.filter((w) => w.task === task.id).map((w) => w.line));
    expect(lines).toEqual([[5], [5], [13, 14], [13, 14], [5]]);
    expect(workers.map((task) => t.steps.find((s) => s.task === task.id)!.line)).toEqual([4, 4, 12, 12, 4]);
  });

  it('a task paused in a coroutine it awaits waits at that coroutine’s lines, one after the other', async () => {
    const t = await trace('nested.py');
    expect(t.stdout).toBe('paused a\npaused b\npaused c\n');
    const workers = t.tasks.filter((task) => task.coro === 'worker');
    expect(workers).toHaveLength(3);
    const lines = workers.map((task) => t.waits.filter((w) => w.task === task.id).map((w) => w.line));
    expect(lines).toEqual([
      [5, 6, 12],
      [5, 6, 12],
      [5, 6, 12],
    ]);
    for (const wait of t.waits.filter((w) => workers.some((task) => task.id === w.task))) {
      expect(wait.on).toEqual({ kind: 'sleep', detail: 'sleep(0)' });
    }
  });

  it('a task never awaited is cancelled when asyncio.run shuts down', async () => {
    const t = await trace('forgotten.py');
    const forgotten = byName(t, 'forgotten');
    expect(forgotten.outcome).toBe('cancelled');
    expect(forgotten.ended).toBeGreaterThanOrEqual(byName(t, 'main').ended!);
    expect(t.waits.find((w) => w.task === forgotten.id)?.on).toEqual({ kind: 'sleep', detail: 'sleep(3600)' });
  });

  it('1,000 tasks stay under the event cap; 5,000 say truncated', async () => {
    const [many, tooMany] = await Promise.all([trace('many.py'), trace('too-many.py')]);
    expect(many.tasks).toHaveLength(1001);
    expect(many.steps).toHaveLength(4002);
    expect(many.waits).toHaveLength(3001);
    expect(many.traceTruncated).toBe(false);
    expect(tooMany.stdout).toBe('all 5000 done\n');
    expect(tooMany.traceTruncated).toBe(true);
    expect(tooMany.truncated).toBe(true);
    expect(tooMany.tasks.length + tooMany.steps.length + tooMany.waits.length).toBeLessThanOrEqual(EVENT_CAP);
  });
});
