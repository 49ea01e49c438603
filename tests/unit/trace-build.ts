/** Packed traces for the timeline's unit tests, written as the tracer would send them (times in µs). */
import type { PackedTrace } from '@/utils/trace/packed';

type Row = PackedTrace['tasks'][number];

export interface TraceSpec {
  /** [name, parent, created ms, ended ms or null, outcome, error type?, message?] */
  tasks: [string, number | null, number, number | null, Row[6], string?, string?][];
  /** [task (-1: callback), start ms, end ms, line] */
  steps?: [number, number, number, number][];
  /** [task, start ms, end ms, kind, detail, line]: it starts where a step of the task ends. */
  waits?: [number, number, number, PackedTrace['ons'][number][0], string, number][];
  /** [start ms, end ms, task, line, first, last, call] */
  blocked?: PackedTrace['blocked'];
  truncated?: boolean;
}

const us = (ms: number) => Math.round(ms * 1000);

export function packTrace(spec: TraceSpec): PackedTrace {
  const ons: PackedTrace['ons'] = [['other', 'yield']];
  const on = (kind: PackedTrace['ons'][number][0], detail: string) => {
    const i = ons.findIndex(([k, d]) => k === kind && d === detail);
    return i >= 0 ? i : ons.push([kind, detail]) - 1;
  };
  const steps = spec.steps ?? [];
  // A wait belongs to the step it follows (the tracer records what a task waits on after each step).
  const stepOns = steps.map(([task, , end]) => {
    const wait = (spec.waits ?? []).find((w) => w[0] === task && w[1] === end);
    return wait ? on(wait[3], wait[4]) : -1;
  });
  const suspendedAt = (task: number) => (spec.waits ?? []).filter((w) => w[0] === task).at(-1)?.[5] ?? null;
  const ends = [...steps.map((s) => s[2]), ...(spec.waits ?? []).map((w) => w[2])];
  return {
    tasks: spec.tasks.map(([name, parent, created, ended, outcome, type, message], id) => [
      id,
      name,
      name,
      parent,
      us(created),
      ended === null ? null : us(ended),
      outcome,
      type ?? null,
      message ?? (type ? '' : null),
      ended === null ? suspendedAt(id) : null,
    ]),
    steps: steps.map((s) => s[0]),
    stepLines: steps.map((s) => s[3]),
    stepStarts: steps.map((s) => us(s[1])),
    stepEnds: steps.map((s) => us(s[2])),
    stepOns,
    ons,
    blocked: (spec.blocked ?? []).map(([a, b, ...rest]) => [us(a), us(b), ...rest]),
    end: us(Math.max(0, ...ends)),
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
