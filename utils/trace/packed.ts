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
/** In the tracer's order (tracer._OUTCOMES): it sends each task's as an index. */
export const OUTCOMES = ['done', 'cancelled', 'error', 'pending'] as const;
export type Outcome = (typeof OUTCOMES)[number];

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
const finite = v.pipe(v.number(), v.finite());
const id = v.pipe(int, v.minValue(0));
const line = v.nullable(v.pipe(int, v.minValue(1)));

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** The bytes of base64 text, in whole `width`-byte numbers. Throws on text that is not. */
function bytesOf(text: string, width: number): Uint8Array<ArrayBuffer> {
  const raw = atob(text);
  if (raw.length % width !== 0) throw new RangeError(`not a whole number of ${width}-byte numbers`);
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}
/** Doubles as the tracer packs them (`_binary`): base64 of little-endian bytes. */
export function readDoubles(text: string): Float64Array {
  const bytes = bytesOf(text, 8);
  if (LITTLE_ENDIAN) return new Float64Array(bytes.buffer);
  const view = new DataView(bytes.buffer);
  return Float64Array.from({ length: bytes.length / 8 }, (_, i) => view.getFloat64(i * 8, true));
}
/** 32-bit integers as the tracer packs them. */
export function readInts(text: string): Int32Array {
  const bytes = bytesOf(text, 4);
  if (LITTLE_ENDIAN) return new Int32Array(bytes.buffer);
  const view = new DataView(bytes.buffer);
  return Int32Array.from({ length: bytes.length / 4 }, (_, i) => view.getInt32(i * 4, true));
}
/** Base64 of packed numbers: checked by decoding it (see consistent), which a pattern would only repeat. */
const binary = v.string();

/** A turn of the loop began: the key of an entry in `steps` that is not a step (tracer._TURN). */
const TURN = -1;

/** The tasks' packed columns, decoded. */
function taskColumns(packed: v.InferOutput<typeof PackedFields>) {
  const { kinds, parents, created, ended, outcomes } = packed.tasks;
  return {
    kinds: readInts(kinds),
    parents: readInts(parents),
    created: readDoubles(created),
    ended: readDoubles(ended),
    outcomes: readInts(outcomes),
  };
}

/** Each step's task (-1: a plain callback), line, wait and times (seconds, as the tracer read them). */
interface StepColumns {
  tasks: number[];
  lines: number[];
  ons: number[];
  starts: number[];
  ends: number[];
}

/**
 * The steps, out of the tracer's entries: (key, when) pairs, a step beginning when the entry before ended. Of a
 * trace `consistent` has checked: every key is there and every entry has its time.
 */
function stepColumns(packed: PackedTrace): StepColumns {
  const filed = readInts(packed.keys);
  const keys = readInts(packed.steps);
  const times = readDoubles(packed.times);
  const columns: StepColumns = { tasks: [], lines: [], ons: [], starts: [], ends: [] };
  let began = Number.NaN;
  keys.forEach((key, i) => {
    const when = times[i]!;
    if (key !== TURN) {
      columns.tasks.push(filed[key * 3]!);
      columns.ons.push(filed[key * 3 + 1]!);
      columns.lines.push(filed[key * 3 + 2]!);
      columns.starts.push(began);
      columns.ends.push(when);
    }
    began = when;
  });
  return columns;
}

/**
 * As tracer.Recording.result() builds it: tasks as one column per field, steps as entries that name a key;
 * numbers in bulk packed as binary (base64 of little-endian 32-bit integers or doubles), times on the loop's
 * clock in seconds, `t0` being the start (blocked stretches' and `end` too).
 * A step ends with its task suspended on what its key names, at the key's line: that is where the task's next
 * step begins, and the wait between the two is on it.
 */
const PackedFields = v.strictObject({
  t0: finite,
  /**
   * Each kind of task (one per coroutine function): its qualified name, and its first line in the program,
   * where a task's first step begins.
   */
  kinds: v.array(v.tuple([v.string(), line])),
  tasks: v.strictObject({
    /** The name given to create_task, or null for the coroutine's. */
    names: v.array(v.nullable(v.string())),
    /** 32-bit integers, one per task from here on: an index into `kinds`. */
    kinds: binary,
    /** The task that was running when it was made; -1 for none. */
    parents: binary,
    /** Doubles. */
    created: binary,
    /** Doubles; NaN while pending. */
    ended: binary,
    /** An index into OUTCOMES. */
    outcomes: binary,
    /** [task, type, message] for each task that raised. */
    errors: v.array(v.tuple([id, v.string(), v.string()])),
  }),
  /**
   * What steps file, three integers each: the task (-1: a plain callback), what it then waited on (an index
   * into `ons`, -1 when it was done), and the line it was then suspended at (for a callback, the line it
   * began at; 0 when not in the program's file).
   */
  keys: binary,
  /** Per entry, an index into `keys`, or -1 for the start of a turn of the loop. */
  steps: binary,
  /** Per entry, when it ended (a step) or began (a turn): a step begins when the entry before it ended. */
  times: binary,
  ons: v.array(v.tuple([v.picklist(WAIT_KINDS), v.string()])),
  blocked: v.array(v.tuple([finite, finite, v.nullable(id), line, line, line, v.nullable(v.string())])),
  /** When the recording stopped (the program ended, or the cap was reached). */
  end: finite,
  truncated: v.boolean(),
});

export const PackedTraceSchema = v.pipe(
  PackedFields,
  v.check((t) => {
    try {
      return consistent(t);
    } catch {
      return false; // text that is not base64, or bytes that are not whole numbers (bytesOf)
    }
  }, 'the trace refers to tasks or waits it does not contain'),
);

/**
 * Every column as long as the list it belongs to, every reference to something that is there and every time a
 * finite number. Read straight from the decoded numbers: this runs on every trace, in the worker, before the
 * run's outcome goes out.
 */
function consistent(t: v.InferOutput<typeof PackedFields>): boolean {
  const { names, errors } = t.tasks;
  const tasks = names.length;
  const known = (task: number | null) => task === null || task < tasks;
  const { kinds, parents, created: made, ended, outcomes } = taskColumns(t);
  const filed = readInts(t.keys);
  const entries = readInts(t.steps);
  const times = readDoubles(t.times);
  if (entries.length !== times.length || (entries.length > 0 && entries[0] !== TURN)) return false;
  for (const key of entries) {
    if (key === TURN) continue;
    if (key < 0 || key * 3 >= filed.length) return false;
    const task = filed[key * 3]!;
    const on = filed[key * 3 + 1]!;
    if (task < -1 || task >= tasks || on < -1 || on >= t.ons.length || filed[key * 3 + 2]! < 0) return false;
  }
  return (
    [kinds, parents, made, ended, outcomes].every((list) => list.length === tasks) &&
    kinds.every((kind) => kind >= 0 && kind < t.kinds.length) &&
    parents.every((parent) => parent >= -1 && parent < tasks) &&
    outcomes.every((outcome) => outcome >= 0 && outcome < OUTCOMES.length) &&
    errors.every(([task]) => task < tasks) &&
    made.every(Number.isFinite) &&
    times.every(Number.isFinite) &&
    t.blocked.every((row) => known(row[2]))
  );
}
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

export function unpackTrace(packed: PackedTrace): Trace {
  const { t0, ons, kinds } = packed;
  const { names } = packed.tasks;
  const columns = taskColumns(packed);
  const errors = new Map(packed.tasks.errors.map(([task, type, message]) => [task, { type, message }]));
  const { tasks: steps, lines: stepLines, ons: stepOns, ...times } = stepColumns(packed);
  // Milliseconds from the start, to the microsecond the tracer's other times have.
  const fromStart = (seconds: number) => Math.round((seconds - t0) * 1e6) / 1000;
  const stepStarts = times.starts.map(fromStart);
  const stepEnds = times.ends.map(fromStart);
  const created = Array.from(columns.created, fromStart);
  const ended = Array.from(columns.ended, (t) => (Number.isNaN(t) ? null : fromStart(t)));
  const end = fromStart(packed.end);
  const waits: TraceWait[] = [];
  const wait = (task: number, after: number, until: number) => {
    const [kind, detail] = ons[stepOns[after]!]!;
    const line = stepLines[after] || null;
    waits.push({ task, start: stepEnds[after]!, end: until, line, on: { kind, detail } });
  };
  // Each task's latest step so far: the gap from it to the task's next step is a wait, and that next step
  // begins where the latest one left the task.
  const latest = new Map<number, number>();
  const begins = steps.map((task, i) => {
    if (task < 0) return stepLines[i] || null;
    const before = latest.get(task);
    latest.set(task, i);
    if (before === undefined) return kinds[columns.kinds[task]!]![1];
    if (stepOns[before]! >= 0) wait(task, before, stepStarts[i]!);
    return stepLines[before] || null;
  });
  // A task still pending at the end waits until then.
  ended.forEach((at, task) => {
    const before = latest.get(task);
    if (at === null && before !== undefined && stepOns[before]! >= 0)
      wait(task, before, Math.max(end, stepEnds[before]!));
  });
  return {
    tasks: names.map((name, id) => {
      const [coro] = kinds[columns.kinds[id]!]!;
      const parent = columns.parents[id]!;
      return {
        id,
        name: name ?? coro,
        coro,
        parent: parent < 0 ? null : parent,
        created: created[id]!,
        ended: ended[id]!,
        outcome: OUTCOMES[columns.outcomes[id]!]!,
        error: errors.get(id) ?? null,
      };
    }),
    steps: steps.map((task, i) => ({
      task: task === -1 ? null : task,
      start: stepStarts[i]!,
      end: stepEnds[i]!,
      line: begins[i]!,
    })),
    waits,
    blocked: packed.blocked.map(([start, finish, task, line, first, last, call]) => ({
      start: fromStart(start),
      end: fromStart(finish),
      task,
      line,
      lines: first !== null && last !== null ? [first, last] : null,
      call,
    })),
    truncated: packed.truncated,
  };
}
