/**
 * The event-loop trace of one run: the packed form utils/python/tracer.py sends from the worker (checked
 * here, once, at the boundary) and the plain form everything else reads, which is also what
 * `npm run trace-py` prints. Times are milliseconds from the program's start on the loop's clock.
 */
import * as v from 'valibot';

export const WAIT_KINDS = [
  'sleep',
  'task',
  'gather',
  'event',
  'lock',
  'semaphore',
  'condition',
  'queue',
  'future',
  'io',
  'other',
] as const;
export type WaitKind = (typeof WAIT_KINDS)[number];
export type Outcome = 'done' | 'cancelled' | 'error' | 'pending';

export interface TraceTask {
  /** Creation order, from 0. */
  id: number;
  /** The name given to create_task, else the coroutine's qualified name. */
  name: string;
  /** The coroutine's qualified name. */
  coro: string;
  /** The task that was running when this one was created. */
  parent: number | null;
  created: number;
  /** null while still pending when the program ended. */
  ended: number | null;
  outcome: Outcome;
  error: { type: string; message: string } | null;
}
/** One turn of the loop running a task (or, with `task` null, a plain call_soon/call_later callback). */
export interface TraceStep {
  task: number | null;
  start: number;
  end: number;
  /** The program's line the step began at (where the task had been suspended), when known. */
  line: number | null;
}
export interface TraceWait {
  task: number;
  start: number;
  end: number;
  /** The line of the program's await. */
  line: number | null;
  on: { kind: WaitKind; detail: string };
}
/** A step that kept the loop from everything else for more than 50 ms. */
export interface TraceBlocked {
  start: number;
  end: number;
  task: number | null;
  /** The line of the known blocking call (time.sleep) that took the time. */
  line: number | null;
  /** The step's first and last line in the program. */
  lines: [number, number] | null;
  /** The blocking call, e.g. `time.sleep`. */
  call: string | null;
}
export interface Trace {
  tasks: TraceTask[];
  steps: TraceStep[];
  waits: TraceWait[];
  blocked: TraceBlocked[];
  /** The recording stopped at its event cap; what came later is missing. */
  truncated: boolean;
}

const int = v.pipe(v.number(), v.integer());
const id = v.pipe(int, v.minValue(0));
const line = v.nullable(v.pipe(int, v.minValue(1)));

/** As tracer.Recording.result() builds it: times in whole microseconds, events as flat lists. */
export const PackedTraceSchema = v.pipe(
  v.strictObject({
    tasks: v.array(
      v.tuple([
        id,
        v.string(),
        v.string(),
        v.nullable(id),
        int,
        v.nullable(int),
        v.picklist(['done', 'cancelled', 'error', 'pending']),
        v.nullable(v.string()),
        v.nullable(v.string()),
      ]),
    ),
    /** Task id per step, -1 for a plain callback. */
    steps: v.array(int),
    /** Start and end of each step. */
    stepTimes: v.array(int),
    /** The line each step began at; 0 when not in the program's file. */
    stepLines: v.array(int),
    /** Task id and index into `ons`, per wait. */
    waits: v.array(int),
    /** Start and end of each wait. */
    waitTimes: v.array(int),
    /** The line of each wait's await; 0 when not in the program's file. */
    waitLines: v.array(int),
    ons: v.array(v.tuple([v.picklist(WAIT_KINDS), v.string()])),
    blocked: v.array(v.tuple([int, int, v.nullable(id), line, line, line, v.nullable(v.string())])),
    truncated: v.boolean(),
  }),
  v.check((t) => {
    const tasks = t.tasks.length;
    const known = (task: number | null) => task === null || task < tasks;
    return (
      t.tasks.every((row, i) => row[0] === i && known(row[3])) &&
      t.stepTimes.length === 2 * t.steps.length &&
      t.stepLines.length === t.steps.length &&
      t.steps.every((task) => task >= -1 && task < tasks) &&
      t.waits.length % 2 === 0 &&
      t.waitTimes.length === t.waits.length &&
      2 * t.waitLines.length === t.waits.length &&
      t.waits.every((n, i) => n >= 0 && n < (i % 2 === 0 ? tasks : t.ons.length)) &&
      t.blocked.every((row) => known(row[2]))
    );
  }, 'the trace refers to tasks or waits it does not contain'),
);
export type PackedTrace = v.InferOutput<typeof PackedTraceSchema>;

const ms = (us: number) => us / 1000;

export function unpackTrace(packed: PackedTrace): Trace {
  const { stepTimes, waitTimes } = packed;
  return {
    tasks: packed.tasks.map(([id, name, coro, parent, created, ended, outcome, errorType, message]) => ({
      id,
      name,
      coro,
      parent,
      created: ms(created),
      ended: ended === null ? null : ms(ended),
      outcome,
      error: errorType === null ? null : { type: errorType, message: message ?? '' },
    })),
    steps: packed.steps.map((task, i) => ({
      task: task === -1 ? null : task,
      start: ms(stepTimes[2 * i]!),
      end: ms(stepTimes[2 * i + 1]!),
      line: packed.stepLines[i] || null,
    })),
    waits: Array.from({ length: packed.waits.length / 2 }, (_, i) => {
      const [kind, detail] = packed.ons[packed.waits[2 * i + 1]!]!;
      return {
        task: packed.waits[2 * i]!,
        start: ms(waitTimes[2 * i]!),
        end: ms(waitTimes[2 * i + 1]!),
        line: packed.waitLines[i] || null,
        on: { kind, detail },
      };
    }),
    blocked: packed.blocked.map(([start, end, task, line, first, last, call]) => ({
      start: ms(start),
      end: ms(end),
      task,
      line,
      lines: first !== null && last !== null ? [first, last] : null,
      call,
    })),
    truncated: packed.truncated,
  };
}
