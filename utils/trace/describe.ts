/** The words for what the timeline shows: a mark when hovered or focused, and the table's rows. */
import type { Lane, Mark } from './layout';
import type { Trace } from './packed';
import { formatMs } from './summary';

/** "13.00–13.40 ms": as many decimals as it takes for the two ends to differ, at most three. */
function span(start: number, end: number): string {
  const length = end - start;
  const digits = length >= 9.95 ? 0 : length >= 0.995 ? 1 : length >= 0.0995 ? 2 : 3;
  return `${start.toFixed(digits)}–${end.toFixed(digits)} ms`;
}

export function describeMark(lane: Lane, mark: Mark): string {
  const item = mark.item;
  let what: string;
  if (!item) {
    const parts = [
      mark.runs && `${mark.runs} step${mark.runs === 1 ? '' : 's'}`,
      mark.waits && `${mark.waits} wait${mark.waits === 1 ? '' : 's'}`,
    ];
    what = `${parts.filter(Boolean).join(' and ')}, ${span(mark.start, mark.end)}, running ${Math.round(mark.busy * 100)}% of it (zoom in to tell them apart)`;
  } else if (item.kind === 'run') {
    what = `running ${span(item.start, item.end)}`;
  } else {
    what = `waiting on ${item.on.detail} ${span(item.start, item.end)}`;
  }
  const line = item?.line ? `, line ${item.line}` : '';
  return `${lane.label}: ${what}${line}`;
}

export interface TaskRow {
  id: number;
  name: string;
  parent: string;
  lifetime: string;
  outcome: string;
  running: string;
  waits: string;
}

/** One row per task, for the text alternative: its life, how it ended, and what it waited on. */
export function taskRows(trace: Trace, labels: ReadonlyMap<number, string>): TaskRow[] {
  const running = new Map<number, number>();
  for (const s of trace.steps) if (s.task !== null) running.set(s.task, (running.get(s.task) ?? 0) + s.end - s.start);
  const waits = new Map<number, Map<string, number>>();
  for (const w of trace.waits) {
    const counts = waits.get(w.task) ?? new Map<string, number>();
    counts.set(w.on.detail, (counts.get(w.on.detail) ?? 0) + 1);
    waits.set(w.task, counts);
  }
  const name = (id: number) => labels.get(id) ?? trace.tasks[id]?.name ?? `task ${id}`;
  return trace.tasks.map((t) => ({
    id: t.id,
    name: name(t.id),
    parent: t.parent === null ? '' : name(t.parent),
    lifetime: t.ended === null ? `${formatMs(t.created)} to the end` : span(t.created, t.ended),
    outcome:
      t.outcome === 'error' && t.error
        ? `raised ${t.error.type}${t.error.message ? `: ${t.error.message}` : ''}`
        : { done: 'done', cancelled: 'cancelled', pending: 'still pending at the end', error: 'raised' }[t.outcome],
    running: formatMs(running.get(t.id) ?? 0),
    waits: [...(waits.get(t.id) ?? [])].map(([detail, n]) => (n > 1 ? `${detail} ×${n}` : detail)).join(', '),
  }));
}
