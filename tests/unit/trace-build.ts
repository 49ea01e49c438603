/** Packed traces for the timeline's unit tests, written as the tracer would send them. */
import { OUTCOMES, type Outcome, type PackedTrace } from '@/utils/trace/packed';

export interface TraceSpec {
  /** [name, parent, created ms, ended ms or null, outcome, error type?, message?] */
  tasks: [string, number | null, number, number | null, Outcome, string?, string?][];
  /** [task (-1: callback), start ms, end ms, line] */
  steps?: [number, number, number, number][];
  /** [task, start ms, end ms, kind, detail, line]: it starts where a step of the task ends. */
  waits?: [number, number, number, PackedTrace['ons'][number][0], string, number][];
  /** [start ms, end ms, task, line, first, last, call] */
  blocked?: PackedTrace['blocked'];
  truncated?: boolean;
}

/** The tracer's clock reads in seconds; these traces start at 0. */
const seconds = (ms: number) => ms / 1000;

/** Numbers as the tracer packs them: base64 of little-endian 32-bit integers or doubles. */
export function packNumbers(kind: 'ints' | 'doubles', numbers: readonly number[]): string {
  const width = kind === 'ints' ? 4 : 8;
  const view = new DataView(new ArrayBuffer(numbers.length * width));
  numbers.forEach((n, i) => (kind === 'ints' ? view.setInt32(i * 4, n, true) : view.setFloat64(i * 8, n, true)));
  return btoa(String.fromCharCode(...new Uint8Array(view.buffer)));
}

export function packTrace(spec: TraceSpec): PackedTrace {
  const ons: PackedTrace['ons'] = [['other', 'yield']];
  const on = (kind: PackedTrace['ons'][number][0], detail: string) => {
    const i = ons.findIndex(([k, d]) => k === kind && d === detail);
    return i >= 0 ? i : ons.push([kind, detail]) - 1;
  };
  const steps = spec.steps ?? [];
  // A wait belongs to the step it follows (the tracer records what a task waits on after each step, and
  // at which line).
  const waitAfter = ([task, , end]: [number, number, number, number]) =>
    (spec.waits ?? []).find((w) => w[0] === task && w[1] === end);
  const firstLine = (task: number) => steps.find((s) => s[0] === task)?.[3] || null;
  const ends = [...steps.map((s) => s[2]), ...(spec.waits ?? []).map((w) => w[2])];
  const column = <T>(pick: (row: TraceSpec['tasks'][number]) => T) => spec.tasks.map(pick);
  // A kind per coroutine name and first line, as the tracer has one per coroutine function.
  const kinds: PackedTrace['kinds'] = [];
  const kindOf = (name: string, first: number | null) => {
    const i = kinds.findIndex(([n, f]) => n === name && f === first);
    return i >= 0 ? i : kinds.push([name, first]) - 1;
  };
  // As the tracer files them: a turn's start where a step does not begin when the one before ended, then
  // each step's key and end.
  const keys: [number, number, number][] = [];
  const entries: [number, number][] = [];
  let last = Number.NaN;
  for (const step of steps) {
    const [task, start, end, line] = step;
    if (start !== last) entries.push([-1, start]);
    const wait = waitAfter(step);
    keys.push(task < 0 ? [task, -1, line] : wait ? [task, on(wait[3], wait[4]), wait[5]] : [task, -1, 0]);
    entries.push([keys.length - 1, end]);
    last = end;
  }
  return {
    t0: 0,
    kinds,
    tasks: {
      names: column(([name]) => name),
      kinds: packNumbers(
        'ints',
        spec.tasks.map(([name], id) => kindOf(name, firstLine(id))),
      ),
      parents: packNumbers(
        'ints',
        column(([, parent]) => parent ?? -1),
      ),
      created: packNumbers(
        'doubles',
        column(([, , created]) => seconds(created)),
      ),
      ended: packNumbers(
        'doubles',
        column(([, , , ended]) => (ended === null ? NaN : seconds(ended))),
      ),
      outcomes: packNumbers(
        'ints',
        column(([, , , , outcome]) => OUTCOMES.indexOf(outcome)),
      ),
      errors: spec.tasks.flatMap(([, , , , , type, message], id): [number, string, string][] =>
        type ? [[id, type, message ?? '']] : [],
      ),
    },
    keys: packNumbers('ints', keys.flat()),
    steps: packNumbers(
      'ints',
      entries.map(([key]) => key),
    ),
    times: packNumbers(
      'doubles',
      entries.map(([, when]) => seconds(when)),
    ),
    ons,
    blocked: (spec.blocked ?? []).map(([a, b, ...rest]) => [seconds(a), seconds(b), ...rest]),
    end: seconds(Math.max(0, ...ends)),
    truncated: spec.truncated ?? false,
  };
}

/** Shaped like the gather card: main gathers three lookups that sleep 0.3, 0.02 and 0.15 s. */
export const GATHER = packTrace({
  tasks: [
    ['main', null, 0.5, 303, 'done'],
    ['lookup', 0, 1, 302, 'done'],
    ['lookup', 0, 1.1, 22, 'done'],
    ['lookup', 0, 1.2, 152, 'done'],
  ],
  steps: [
    [0, 1, 1.3, 8],
    [1, 1.3, 1.4, 3],
    [2, 1.4, 1.5, 3],
    [3, 1.5, 1.6, 3],
    [2, 21.5, 22, 4],
    [3, 151.5, 152, 4],
    [1, 301.5, 302, 4],
    [0, 302.5, 303, 10],
  ],
  waits: [
    [0, 1.3, 302.5, 'gather', 'gather (3)', 10],
    [1, 1.4, 301.5, 'sleep', 'sleep(0.3)', 4],
    [2, 1.5, 21.5, 'sleep', 'sleep(0.02)', 4],
    [3, 1.6, 151.5, 'sleep', 'sleep(0.15)', 4],
  ],
});
