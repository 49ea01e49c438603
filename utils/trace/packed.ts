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
/** A list of whole numbers, checked in one pass: a trace holds tens of thousands. */
const ints = v.custom<number[]>(
  (value) => Array.isArray(value) && value.every((n) => Number.isInteger(n)),
  'must be a list of whole numbers',
);

/**
 * As tracer.Recording.result() builds it: times in whole microseconds from the start, steps as one flat
 * list per field. A wait is the time from a task's step to its next one, on what `stepOns` names.
 */
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
        /** Where a task still pending at the end was suspended. */
        line,
      ]),
    ),
    /** Task id per step, -1 for a plain callback. */
    steps: ints,
    /** The line each step began at; 0 when not in the program's file. */
    stepLines: ints,
    stepStarts: ints,
    stepEnds: ints,
    /** What the task waited on after each step (an index into `ons`); -1 when it was done. */
    stepOns: ints,
    ons: v.array(v.tuple([v.picklist(WAIT_KINDS), v.string()])),
    blocked: v.array(v.tuple([int, int, v.nullable(id), line, line, line, v.nullable(v.string())])),
    /** When the recording stopped (the program ended, or the cap was reached). */
    end: int,
    truncated: v.boolean(),
  }),
  v.check((t) => {
    const tasks = t.tasks.length;
    const known = (task: number | null) => task === null || task < tasks;
    const steps = t.steps.length;
    return (
      t.tasks.every((row, i) => row[0] === i && known(row[3])) &&
      [t.stepLines, t.stepStarts, t.stepEnds, t.stepOns].every((list) => list.length === steps) &&
      t.steps.every((task) => task >= -1 && task < tasks) &&
      t.stepOns.every((on) => on >= -1 && on < t.ons.length) &&
      t.blocked.every((row) => known(row[2]))
    );
  }, 'the trace refers to tasks or waits it does not contain'),
);
export type PackedTrace = v.InferOutput<typeof PackedTraceSchema>;

/** The packed trace's JSON, as the tracer writes it. */
const PackedTraceJsonSchema = v.pipe(v.string(), v.parseJson(), PackedTraceSchema);

/**
 * The trace in the tracer's JSON, when it is one. The program ran beside the tracer and may have spoiled
 * it: then the run has no timeline, and its output and verdict stand.
 */
export function traceFrom(json: unknown): PackedTrace | null {
  const parsed = v.safeParse(PackedTraceJsonSchema, json);
  return parsed.success ? parsed.output : null;
}

const ms = (us: number) => us / 1000;

export function unpackTrace(packed: PackedTrace): Trace {
  const { steps, stepLines, stepStarts, stepEnds, stepOns, ons } = packed;
  const waits: TraceWait[] = [];
  const wait = (task: number, after: number, end: number, line: number | null) => {
    const [kind, detail] = ons[stepOns[after]!]!;
    waits.push({ task, start: ms(stepEnds[after]!), end: ms(end), line, on: { kind, detail } });
  };
  // Each task's latest step so far: the gap from it to the task's next step is a wait.
  const latest = new Map<number, number>();
  steps.forEach((task, i) => {
    if (task < 0) return;
    const before = latest.get(task);
    if (before !== undefined && stepOns[before]! >= 0) wait(task, before, stepStarts[i]!, stepLines[i] || null);
    latest.set(task, i);
  });
  for (const [task, , , , , ended, , , , suspendedAt] of packed.tasks) {
    const before = latest.get(task);
    if (ended === null && before !== undefined && stepOns[before]! >= 0)
      wait(task, before, Math.max(packed.end, stepEnds[before]!), suspendedAt);
  }
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
    steps: steps.map((task, i) => ({
      task: task === -1 ? null : task,
      start: ms(stepStarts[i]!),
      end: ms(stepEnds[i]!),
      line: stepLines[i] || null,
    })),
    waits,
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
