/**
 * What the event loop did during a run, under its output: a summary line (tasks, the most alive at once,
 * time blocked, what was cancelled), each blocked stretch in words, the lanes, a line describing the
 * hovered or focused slice, and the same as a table. Hovering or focusing a slice reports its source line
 * through `onLine`, so the page can highlight it in the code. Props only.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { buildModel } from '@/utils/trace/layout';
import { unpackTrace, type PackedTrace } from '@/utils/trace/packed';
import { summarise, summarySentence } from '@/utils/trace/summary';
import { describeMark } from '@/utils/trace/describe';
import { isZoomed } from '@/utils/trace/zoom';
import { useTimelineView } from '../hooks/use-timeline-view';
import { TimelineLanes } from './TimelineLanes';
import { TimelineTable } from './TimelineTable';
import '../styles/timeline.css';

export interface TimelineProps {
  trace: PackedTrace;
  /** The source line of the hovered or focused slice (null when none), to highlight in the code. */
  onLine?: (line: number | null) => void;
  /** One sentence on what to look for in this picture (from the card). */
  lookFor?: string;
  /** Names the region, e.g. "Timeline of this run". */
  label?: string;
}

export function Timeline({ trace: packed, onLine, lookFor, label = 'Timeline of this run' }: TimelineProps) {
  const trace = useMemo(() => unpackTrace(packed), [packed]);
  const model = useMemo(() => buildModel(trace), [trace]);
  const summary = useMemo(() => summarise(trace), [trace]);
  const view = useTimelineView(model);
  const [table, setTable] = useState(false);
  const shown = view.shown;
  const lane = shown ? model.lanes[shown.lane] : undefined;
  const line = shown?.mark.item?.line ?? null;
  const report = useRef(onLine);
  report.current = onLine;
  useEffect(() => report.current?.(line), [line]);
  useEffect(() => () => report.current?.(null), []);

  if (trace.tasks.length === 0 && trace.steps.length === 0)
    return (
      <section class="aw-timeline" aria-label={label}>
        <p class="aw-tl-empty">No event loop ran: this program started no asyncio tasks or callbacks.</p>
      </section>
    );

  const labels = new Map(model.lanes.flatMap((l) => (l.task ? [[l.task.id, l.label] as const] : [])));
  return (
    <section class="aw-timeline" aria-label={label}>
      <div class="aw-tl-head">
        <span class="aw-output-label">Timeline</span>
        <div class="aw-tl-zoom" role="group" aria-label="Zoom the timeline">
          <button
            type="button"
            class="aw-button aw-secondary aw-small"
            onClick={view.zoomOut}
            disabled={!isZoomed(view.zoom)}
          >
            Zoom out
          </button>
          <button type="button" class="aw-button aw-secondary aw-small" onClick={view.zoomIn}>
            Zoom in
          </button>
          {isZoomed(view.zoom) && (
            <button type="button" class="aw-button aw-secondary aw-small" onClick={view.fit}>
              Whole run
            </button>
          )}
        </div>
      </div>
      <div role="status" class="aw-tl-status">
        <p class="aw-tl-summary">{summarySentence(summary)}</p>
        {model.blockedText.map((text, i) => (
          <p key={i} class="aw-tl-blocked-text">
            <span aria-hidden="true">⚠ </span>
            {text[0]!.toUpperCase() + text.slice(1)}.
          </p>
        ))}
        {model.truncated && (
          <p class="aw-tl-note">The recording stopped at 20,000 events; what the loop did after that is not drawn.</p>
        )}
      </div>
      {lookFor && (
        <p class="aw-tl-look">
          <strong>What to look for: </strong>
          {lookFor}
        </p>
      )}
      <div class="aw-tl-box" ref={view.boxRef}>
        <div class="aw-tl-scroll" onScroll={view.onScroll}>
          <TimelineLanes
            model={model}
            view={view.zoom}
            width={view.width}
            cursor={view.cursor}
            rows={view.rows}
            showFocus={view.active}
            onHover={view.onHover}
            onFocusMark={view.onFocusMark}
            onKeyDown={view.onKeyDown}
            onBlur={view.onBlur}
            lanesRef={view.lanesRef}
          />
        </div>
      </div>
      <p class="aw-tl-detail" aria-hidden="true">
        {shown && lane
          ? describeMark(lane, shown.mark)
          : 'Point at or Tab to a slice for its task, time and line. Ctrl+wheel, pinch or + and − zoom.'}
      </p>
      {model.more && (
        <p class="aw-tl-note">
          And {model.more.count.toLocaleString('en')} more tasks like <code>{model.more.like}</code>, not drawn.
        </p>
      )}
      <details class="aw-tl-table" onToggle={(e) => setTable(e.currentTarget.open)}>
        <summary>The timeline as a table</summary>
        {table && <TimelineTable trace={trace} labels={labels} />}
      </details>
    </section>
  );
}
