/**
 * Main-thread time of given scripts, read from a Chromium trace (Tracing domain, JSON events).
 *
 * Two sources, merged as a union of time intervals so nothing is counted twice:
 * - the timeline's script events (EvaluateScript, v8.compile, v8.run, FunctionCall), which carry the script URL
 *   and cover the native work the script does inside them (forced layout from innerText, DOM calls);
 * - V8's CPU-profile samples (disabled-by-default-v8.cpu_profiler), attributed to a script when a frame of it
 *   is on the stack. These catch what the events miss: promise continuations, which run as anonymous
 *   RunMicrotasks tasks after every `await` of a message to the background.
 *
 * Wall time is inflated whenever the OS deschedules the renderer (a busy 2-core machine does so a lot), so the
 * main figure is thread time: each attributed stretch is weighted by the CPU/wall ratio (`tdur`/`dur`) of the
 * top-level task it falls in.
 */

export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of a complete event. */
  tdur?: number;
  id?: string;
  args?: Record<string, unknown>;
}

export const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'v8',
  'disabled-by-default-v8.cpu_profiler',
];

const SCRIPT_EVENTS = new Set(['EvaluateScript', 'v8.compile', 'v8.run', 'FunctionCall']);

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: { url?: string };
}

interface ChunkData {
  cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] };
  timeDeltas?: number[];
}

type Interval = [start: number, end: number];

export interface ScriptTime {
  /** Thread (CPU) milliseconds per script URL. */
  cpuByScript: Record<string, number>;
  /** Thread milliseconds over all the scripts together. */
  cpuMs: number;
  /** Wall-clock milliseconds over all the scripts together (union of their intervals). */
  wallMs: number;
  /** Whether CPU-profile samples were present (else the figure is events only). */
  sampled: boolean;
}

/** A top-level task of a main thread and the share of its wall time the thread actually ran. */
interface Task {
  start: number;
  end: number;
  cpuRatio: number;
}

function data(event: TraceEvent): Record<string, unknown> {
  return (event.args?.data as Record<string, unknown> | undefined) ?? {};
}

function eventUrl(event: TraceEvent): string | undefined {
  const url = data(event).url ?? event.args?.fileName;
  return typeof url === 'string' ? url : undefined;
}

function merge(intervals: readonly Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  const merged: Interval[] = [];
  for (const [s, e] of sorted) {
    const last = merged[merged.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  return merged;
}

const wallLength = (merged: readonly Interval[]) => merged.reduce((sum, [s, e]) => sum + e - s, 0);

/** Thread time of merged intervals: each part weighted by its task's CPU ratio (1 outside any task). */
function cpuLength(merged: readonly Interval[], tasks: readonly Task[]): number {
  let total = 0;
  let first = 0;
  for (const [s, e] of merged) {
    while (first < tasks.length && tasks[first]!.end <= s) first++;
    let covered = 0;
    for (let i = first; i < tasks.length && tasks[i]!.start < e; i++) {
      const task = tasks[i]!;
      const overlap = Math.min(e, task.end) - Math.max(s, task.start);
      if (overlap > 0) {
        covered += overlap;
        total += overlap * task.cpuRatio;
      }
    }
    total += e - s - covered;
  }
  return total;
}

/** Outermost complete events of the given threads, in time order (they do not overlap within a thread). */
function topLevelTasks(events: readonly TraceEvent[], threads: ReadonlySet<string>): Task[] {
  const complete = events
    .filter((e) => e.ph === 'X' && e.dur !== undefined && threads.has(`${e.pid}:${e.tid}`))
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const tasks: Task[] = [];
  for (const e of complete) {
    const last = tasks[tasks.length - 1];
    if (last && e.ts < last.end) continue;
    const ratio = e.tdur !== undefined && e.dur! > 0 ? Math.min(1, e.tdur / e.dur!) : 1;
    tasks.push({ start: e.ts, end: e.ts + e.dur!, cpuRatio: ratio });
  }
  return tasks;
}

/** Renderer main threads, by "pid:tid". */
function mainThreads(events: readonly TraceEvent[]): Set<string> {
  const threads = new Set<string>();
  for (const e of events) {
    if (e.name === 'thread_name' && (e.args as { name?: string } | undefined)?.name === 'CrRendererMain') {
      threads.add(`${e.pid}:${e.tid}`);
    }
  }
  return threads;
}

/** Sample intervals per script from every CPU profile in the trace (µs, trace clock). */
function sampleIntervals(events: readonly TraceEvent[], scripts: readonly string[]): Map<string, Interval[]> | null {
  const starts = new Map<string, number>();
  const chunks = new Map<string, ChunkData[]>();
  for (const e of events) {
    const key = `${e.pid}:${e.id}`;
    if (e.name === 'Profile') {
      const startTime = data(e).startTime;
      if (typeof startTime === 'number') starts.set(key, startTime);
    } else if (e.name === 'ProfileChunk') {
      const list = chunks.get(key) ?? [];
      list.push(data(e));
      chunks.set(key, list);
    }
  }
  if (starts.size === 0) return null;
  const result = new Map<string, Interval[]>(scripts.map((s) => [s, []]));
  for (const [key, start] of starts) {
    const nodes = new Map<number, ProfileNode>();
    const samples: number[] = [];
    const deltas: number[] = [];
    for (const chunk of chunks.get(key) ?? []) {
      for (const node of chunk.cpuProfile?.nodes ?? []) nodes.set(node.id, node);
      samples.push(...(chunk.cpuProfile?.samples ?? []));
      deltas.push(...(chunk.timeDeltas ?? []));
    }
    // The innermost frame of a watched script decides; a stack that never enters one is not ours.
    const owner = new Map<number, string | null>();
    const ownerOf = (id: number): string | null => {
      const known = owner.get(id);
      if (known !== undefined) return known;
      const node = nodes.get(id);
      const url = node?.callFrame.url;
      const found = url && scripts.includes(url) ? url : node?.parent !== undefined ? ownerOf(node.parent) : null;
      owner.set(id, found);
      return found;
    };
    const sortedDeltas = deltas.filter((d) => d > 0).sort((a, b) => a - b);
    // A sample stands for the time until the next one, but not across a pause of the sampler.
    const cap = 4 * (sortedDeltas[sortedDeltas.length >> 1] ?? 100);
    let time = start;
    const times = deltas.map((d) => (time += d));
    for (let i = 0; i < samples.length; i++) {
      const script = ownerOf(samples[i]!);
      const at = times[i];
      if (!script || at === undefined) continue;
      const next = times[i + 1] ?? at;
      result.get(script)!.push([at, at + Math.min(cap, next - at)]);
    }
  }
  return result;
}

/** Main-thread time of `scripts` (full URLs) in the trace. */
export function scriptMainThreadTime(events: readonly TraceEvent[], scripts: readonly string[]): ScriptTime {
  const threads = mainThreads(events);
  const intervals = new Map<string, Interval[]>(scripts.map((s) => [s, []]));
  const busyThreads = new Set<string>();
  for (const e of events) {
    const thread = `${e.pid}:${e.tid}`;
    if (e.ph !== 'X' || !SCRIPT_EVENTS.has(e.name) || !threads.has(thread)) continue;
    const url = eventUrl(e);
    if (url && intervals.has(url)) {
      intervals.get(url)!.push([e.ts, e.ts + (e.dur ?? 0)]);
      busyThreads.add(thread);
    }
  }
  const samples = sampleIntervals(events, scripts);
  for (const [script, list] of samples ?? []) intervals.get(script)!.push(...list);
  const tasks = topLevelTasks(events, busyThreads);
  const cpuByScript: Record<string, number> = {};
  for (const [script, list] of intervals) cpuByScript[script] = cpuLength(merge(list), tasks) / 1000;
  const all = merge([...intervals.values()].flat());
  return {
    cpuByScript,
    cpuMs: cpuLength(all, tasks) / 1000,
    wallMs: wallLength(all) / 1000,
    sampled: samples !== null,
  };
}

/** V8's compile events on a renderer main thread for `scripts`, in ms (parse and compile before they run). */
export function scriptCompileTime(events: readonly TraceEvent[], scripts: readonly string[]): number {
  const threads = mainThreads(events);
  const watched = new Set(scripts);
  let total = 0;
  for (const e of events) {
    if (e.ph !== 'X' || !e.name.startsWith('v8.compile') || !threads.has(`${e.pid}:${e.tid}`)) continue;
    const url = eventUrl(e);
    if (url && watched.has(url)) total += e.tdur ?? e.dur ?? 0;
  }
  return total / 1000;
}

/**
 * Thread time of every top-level task on the renderer main threads (ms): the page's own work plus whatever
 * the extension added. Compared with and without the extension, the difference is what it added.
 */
export function mainThreadTaskTime(events: readonly TraceEvent[]): number {
  const threads = mainThreads(events);
  let total = 0;
  for (const task of topLevelTasks(
    events.filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask'),
    threads,
  ))
    total += (task.end - task.start) * task.cpuRatio;
  return total / 1000;
}
