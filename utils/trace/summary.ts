/** The numbers interviews ask about, read off a trace, and the sentences that say them. */
import type { Trace, TraceBlocked } from './packed';

export interface TraceSummary {
  tasks: number;
  /** The most tasks alive (created, not yet ended) at one moment. */
  peak: number;
  /** Milliseconds in steps that held the loop for more than 50 ms. */
  blockedMs: number;
  /** Names of the tasks that ended cancelled, in creation order. */
  cancelled: string[];
  /** Names of the tasks that ended with an exception. */
  failed: string[];
  /** From the program's start to the last thing the loop did. */
  totalMs: number;
}

/** When the trace's last recorded activity ended. */
export function traceEnd(trace: Trace): number {
  let end = 0;
  for (const t of trace.tasks) end = Math.max(end, t.ended ?? t.created);
  for (const s of trace.steps) end = Math.max(end, s.end);
  for (const w of trace.waits) end = Math.max(end, w.end);
  for (const b of trace.blocked) end = Math.max(end, b.end);
  return end;
}

export function summarise(trace: Trace): TraceSummary {
  // Sweep over creations (+1) and endings (-1); at equal times the ending goes first, so a task that
  // starts as another ends does not count both.
  const changes: [number, number][] = [];
  for (const t of trace.tasks) {
    changes.push([t.created, 1]);
    if (t.ended !== null) changes.push([t.ended, -1]);
  }
  changes.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let alive = 0;
  let peak = 0;
  for (const [, delta] of changes) {
    alive += delta;
    peak = Math.max(peak, alive);
  }
  return {
    tasks: trace.tasks.length,
    peak,
    blockedMs: trace.blocked.reduce((sum, b) => sum + (b.end - b.start), 0),
    cancelled: trace.tasks.filter((t) => t.outcome === 'cancelled').map((t) => t.name),
    failed: trace.tasks.filter((t) => t.outcome === 'error').map((t) => t.name),
    totalMs: traceEnd(trace),
  };
}

export function formatMs(ms: number): string {
  if (ms >= 1000) return `${(ms / 1000).toFixed(ms >= 10_000 ? 1 : 2)} s`;
  if (ms >= 10) return `${Math.round(ms)} ms`;
  if (ms >= 1) return `${ms.toFixed(1)} ms`;
  return `${ms.toFixed(2)} ms`;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** Up to three names, then how many more: "a, b, c and 7 more". */
export function nameList(names: readonly string[]): string {
  const unique = [...new Set(names)];
  const shown = unique.slice(0, 3);
  const rest = names.length - names.filter((n) => shown.includes(n)).length;
  const list = shown.map(
    (n) => `${n}${names.filter((m) => m === n).length > 1 ? ` (×${names.filter((m) => m === n).length})` : ''}`,
  );
  return rest > 0 ? `${list.join(', ')} and ${rest} more` : list.join(', ').replace(/, ([^,]*)$/, ' and $1');
}

export function summarySentence(s: TraceSummary): string {
  const parts = [
    `${plural(s.tasks, 'task')} in ${formatMs(s.totalMs)}`,
    `at most ${s.peak} running or waiting at once`,
    s.blockedMs > 0 ? `loop blocked for ${formatMs(s.blockedMs)}` : 'loop never blocked',
    s.cancelled.length > 0 ? `cancelled: ${nameList(s.cancelled)}` : 'none cancelled',
  ];
  if (s.failed.length > 0) parts.push(`failed: ${nameList(s.failed)}`);
  return `${parts.join(' · ')}.`;
}

/** "the loop was blocked for 400 ms by time.sleep (line 9)"; `nameOf` gives a task's name by id. */
export function blockedSentence(b: TraceBlocked, nameOf: (task: number) => string | undefined): string {
  const span = formatMs(b.end - b.start);
  if (b.call && b.line !== null) return `the loop was blocked for ${span} by ${b.call} (line ${b.line})`;
  const who = b.task === null ? 'a callback' : `a step of ${nameOf(b.task) ?? 'a task'}`;
  const where = !b.lines
    ? ''
    : b.lines[0] === b.lines[1]
      ? ` (line ${b.lines[0]})`
      : ` (lines ${b.lines[0]}–${b.lines[1]})`;
  return `the loop was blocked for ${span} by ${who}${where} that did not await`;
}
