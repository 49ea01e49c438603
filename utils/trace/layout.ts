/**
 * From a trace to what the timeline draws, with no DOM: lanes in creation order (a parent is always
 * created before its children, so it comes first), each task's runs and waits in time order, the tasks past
 * the lane limit summarised, and, for a given window and width, the items in pixels with the ones too
 * small to see merged, so that drawing costs the same for 1,000 tasks as for 100.
 */
import type { Outcome, Trace, TraceBlocked, TraceTask, WaitKind } from './packed';
import { blockedSentence, traceEnd } from './summary';

/** The height of one lane (its name above its bar), px. */
export const LANE_HEIGHT = 32;
/** Lanes drawn at most; the rest are counted in one line. */
export const MAX_LANES = 200;
/** Narrower than this (px), an item merges with its small neighbours. */
export const MIN_ITEM_PX = 3;
/** Room left and right of the plot, so marks at the very start and end (a ✕ at the last moment) show whole. */
export const PLOT_PAD = { left: 4, right: 10 };
export const plotWidth = (width: number) => Math.max(1, width - PLOT_PAD.left - PLOT_PAD.right);

export interface RunItem {
  kind: 'run';
  start: number;
  end: number;
  line: number | null;
}
export interface WaitItem {
  kind: 'wait';
  start: number;
  end: number;
  line: number | null;
  on: { kind: WaitKind; detail: string };
}
export type LaneItem = RunItem | WaitItem;

export interface Lane {
  /** null: the lane of plain call_soon/call_later callbacks. */
  task: TraceTask | null;
  /** The task's name, made unique ("lookup #2") and without `outer.<locals>.`. */
  label: string;
  items: LaneItem[];
  /** How the task ended, and when; null while it was still pending at the end. */
  end: { at: number; outcome: Exclude<Outcome, 'pending'> } | null;
}

export interface TimelineModel {
  lanes: Lane[];
  /** Tasks not given a lane, and the most common name among them. */
  more: { count: number; like: string } | null;
  totalMs: number;
  blocked: TraceBlocked[];
  /** Each blocked stretch in words, with the task's lane label. */
  blockedText: string[];
  truncated: boolean;
}

/** `main.<locals>.consumer` reads as `consumer`: the qualified name of a nested coroutine is noise here. */
export function shortName(name: string): string {
  return name.replace(/^.*<locals>\./, '');
}

export function buildModel(trace: Trace, maxLanes = MAX_LANES): TimelineModel {
  const items = new Map<number | null, LaneItem[]>();
  const itemsOf = (task: number | null) => {
    let list = items.get(task);
    if (!list) items.set(task, (list = []));
    return list;
  };
  for (const s of trace.steps) itemsOf(s.task).push({ kind: 'run', start: s.start, end: s.end, line: s.line });
  for (const w of trace.waits)
    itemsOf(w.task).push({ kind: 'wait', start: w.start, end: w.end, line: w.line, on: w.on });
  for (const list of items.values()) list.sort((a, b) => a.start - b.start || (a.kind === 'run' ? -1 : 1));

  const tasks = [...trace.tasks].sort((a, b) => a.id - b.id);
  const shown = tasks.slice(0, maxLanes);
  const names = shown.map((t) => shortName(t.name));
  const seen = new Map<string, number>();
  const lanes: Lane[] = shown.map((task, i) => {
    const name = names[i]!;
    const repeated = names.indexOf(name) !== names.lastIndexOf(name);
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    return {
      task,
      label: repeated ? `${name} #${n}` : name,
      items: items.get(task.id) ?? [],
      end: task.ended === null || task.outcome === 'pending' ? null : { at: task.ended, outcome: task.outcome },
    };
  });
  const callbacks = items.get(null);
  if (callbacks) lanes.push({ task: null, label: 'callbacks', items: callbacks, end: null });

  const rest = tasks.slice(maxLanes);
  let more: TimelineModel['more'] = null;
  if (rest.length > 0) {
    const counts = new Map<string, number>();
    for (const t of rest) counts.set(shortName(t.name), (counts.get(shortName(t.name)) ?? 0) + 1);
    const like = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
    more = { count: rest.length, like };
  }
  const labels = new Map(lanes.flatMap((l) => (l.task ? [[l.task.id, l.label] as const] : [])));
  const nameOf = (id: number) => labels.get(id) ?? trace.tasks[id]?.name;
  return {
    lanes,
    more,
    totalMs: traceEnd(trace),
    blocked: trace.blocked,
    blockedText: trace.blocked.map((b) => blockedSentence(b, nameOf)),
    truncated: trace.truncated,
  };
}

/** A lane's heading within `maxPx` (SVG text does not shorten itself): the name gives way, the suffix stays. */
export function fitLabel(name: string, suffix: string, maxPx: number, charPx = 6.4): string {
  const room = Math.max(4, Math.floor(maxPx / charPx));
  if (name.length + suffix.length <= room) return name + suffix;
  return `${name.slice(0, Math.max(1, room - suffix.length - 1))}…${suffix}`;
}

/** The time window drawn, in ms. */
export interface Window {
  from: number;
  to: number;
}

/** One drawn thing in a lane: an item, or several too small to tell apart ("merged"). */
export interface Mark {
  x: number;
  w: number;
  start: number;
  end: number;
  kind: 'run' | 'wait' | 'merged';
  /** The item itself, when the mark is one item. */
  item: LaneItem | null;
  /** The index in the lane's items of the first item it stands for (a stable key across zooms). */
  first: number;
  /** For a merged mark: how many runs and waits it stands for, and the share of its time spent running. */
  runs: number;
  waits: number;
  busy: number;
}

export function xOf(ms: number, view: Window, width: number): number {
  return ((ms - view.from) / (view.to - view.from)) * width;
}

/** The lane's items inside the window, in pixels, small neighbours merged. */
export function laneMarks(lane: Lane, view: Window, width: number): Mark[] {
  const marks: Mark[] = [];
  let open: Mark | null = null;
  for (const [index, item] of lane.items.entries()) {
    if (item.end < view.from || item.start > view.to) continue;
    const start = Math.max(item.start, view.from);
    const end = Math.min(item.end, view.to);
    const x = xOf(start, view, width);
    const w = Math.max(0, xOf(end, view, width) - x);
    const running = item.kind === 'run' ? end - start : 0;
    if (w < MIN_ITEM_PX && open && x - (open.x + open.w) < 1) {
      open.w = Math.max(open.w, x + w - open.x);
      open.end = end;
      open.kind = 'merged';
      open.item = null;
      open.runs += item.kind === 'run' ? 1 : 0;
      open.waits += item.kind === 'wait' ? 1 : 0;
      open.busy += running;
      continue;
    }
    const mark: Mark = {
      x,
      w,
      start,
      end,
      kind: item.kind,
      item,
      first: index,
      runs: item.kind === 'run' ? 1 : 0,
      waits: item.kind === 'wait' ? 1 : 0,
      busy: running,
    };
    marks.push(mark);
    open = w < MIN_ITEM_PX ? mark : null;
  }
  for (const m of marks) if (m.kind === 'merged') m.busy = m.end > m.start ? m.busy / (m.end - m.start) : 1;
  return marks;
}

/** Tick marks for the axis: a round step (1, 2 or 5 × 10ⁿ ms) giving about one label per 60 px. */
export function axisTicks(view: Window, width: number): number[] {
  const span = view.to - view.from;
  if (span <= 0 || width <= 0) return [];
  const rough = span / Math.max(1, Math.floor(width / 60));
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? rough;
  const ticks: number[] = [];
  for (let t = Math.ceil(view.from / step) * step; t <= view.to + 1e-9; t += step)
    ticks.push(Number(t.toPrecision(12)));
  return ticks;
}
