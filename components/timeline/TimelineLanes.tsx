/**
 * The drawing: a time axis, then one lane per task (its name above a bar: runs filled, waits as a thin line
 * labelled with what they wait on, a mark where it was cancelled or failed), and the stretches where the
 * loop was blocked across all lanes. SVG, with small items merged (utils/trace/layout.ts), so 1,000 tasks
 * draw as fast as 100. Props only; one slice at a time is in the tab order and arrow keys move it.
 */
import { useMemo } from 'preact/hooks';
import type { TargetedFocusEvent, TargetedKeyboardEvent } from 'preact';
import {
  axisTicks,
  fitLabel,
  LANE_HEIGHT,
  laneMarks,
  PLOT_PAD,
  plotWidth,
  xOf,
  type Lane,
  type Mark,
  type TimelineModel,
  type Window,
} from '@/utils/trace/layout';
import { markIndexOf, type Cursor } from '@/utils/trace/navigate';
import { describeMark } from '@/utils/trace/describe';
import { formatMs } from '@/utils/trace/summary';

const LABEL_Y = 11;
const BAR_TOP = 15;
const BAR_HEIGHT = 12;
const AXIS_HEIGHT = 20;
/** Roughly how wide one character of the 10 px labels is. */
const CHAR_PX = 5.6;

export interface TimelineLanesProps {
  model: TimelineModel;
  view: Window;
  width: number;
  /** The slice in the tab order (the first one when null). */
  cursor: Cursor | null;
  /** The lanes to draw, [from, to): those scrolled into view, give or take a few. The cursor's is always drawn. */
  rows: { from: number; to: number };
  /** Draw the focus ring: focus is inside the chart. */
  showFocus: boolean;
  onHover: (lane: number, mark: Mark | null) => void;
  onFocusMark: (lane: number, mark: Mark) => void;
  onKeyDown: (event: TargetedKeyboardEvent<SVGSVGElement>) => void;
  onBlur: (event: TargetedFocusEvent<SVGSVGElement>) => void;
  lanesRef?: { current: SVGSVGElement | null };
}

function Axis({ view, width, full }: { view: Window; width: number; full: number }) {
  return (
    <svg class="aw-tl-axis" width={full} height={AXIS_HEIGHT} aria-hidden="true">
      <g transform={`translate(${PLOT_PAD.left} 0)`}>
        {axisTicks(view, width).map((t) => {
          const x = xOf(t, view, width);
          const anchor = x < 20 ? 'start' : x > width - 30 ? 'end' : 'middle';
          return (
            <g key={t}>
              <line x1={x} x2={x} y1={AXIS_HEIGHT - 5} y2={AXIS_HEIGHT} class="aw-tl-tick" />
              <text x={x} y={AXIS_HEIGHT - 8} text-anchor={anchor} class="aw-tl-tick-label">
                {t === 0 ? '0' : formatMs(t)}
              </text>
            </g>
          );
        })}
      </g>
    </svg>
  );
}

function EndMark({ lane, view, width }: { lane: Lane; view: Window; width: number }) {
  const end = lane.end;
  if (!end || end.outcome === 'done' || end.at < view.from || end.at > view.to) return null;
  const x = xOf(end.at, view, width);
  const y = BAR_TOP + BAR_HEIGHT / 2;
  const error = end.outcome === 'error' ? lane.task?.error : null;
  const title = error
    ? `${lane.label} raised ${error.type} at ${formatMs(end.at)}`
    : `${lane.label} was cancelled at ${formatMs(end.at)}`;
  return (
    <g class={`aw-tl-end aw-tl-${end.outcome}`}>
      <title>{title}</title>
      {end.outcome === 'error' ? (
        <>
          <circle cx={x} cy={y} r={6} />
          <path d={`M${x} ${y - 3.5}V${y + 0.5}M${x} ${y + 3}V${y + 3.2}`} class="aw-tl-bang" />
        </>
      ) : (
        <path d={`M${x - 5} ${y - 5}L${x + 5} ${y + 5}M${x - 5} ${y + 5}L${x + 5} ${y - 5}`} />
      )}
    </g>
  );
}

function MarkShape({
  mark,
  lane,
  index,
  laneIndex,
  focused,
  props,
}: {
  mark: Mark;
  lane: Lane;
  index: number;
  laneIndex: number;
  focused: boolean;
  props: TimelineLanesProps;
}) {
  const common = {
    'data-lane': laneIndex,
    'data-mark': index,
    // Lower case: on an SVG element Preact sets the attribute as written, and only `tabindex` makes it focusable.
    tabindex: focused ? 0 : -1,
    role: 'listitem' as const,
    'aria-roledescription': 'slice',
    'aria-label': describeMark(lane, mark),
    onPointerEnter: () => props.onHover(laneIndex, mark),
    onPointerLeave: () => props.onHover(laneIndex, null),
    onFocus: () => props.onFocusMark(laneIndex, mark),
  };
  const w = Math.max(mark.w, 1.5);
  if (mark.kind === 'wait') {
    const item = mark.item?.kind === 'wait' ? mark.item : null;
    const label = item?.on.detail ?? '';
    const fits = label && label.length * CHAR_PX + 8 < mark.w;
    return (
      <g class={`aw-tl-wait aw-tl-on-${item?.on.kind ?? 'other'}`} {...common}>
        <rect x={mark.x} y={BAR_TOP} width={w} height={BAR_HEIGHT} class="aw-tl-hit" />
        <line x1={mark.x} x2={mark.x + mark.w} y1={BAR_TOP + BAR_HEIGHT / 2} y2={BAR_TOP + BAR_HEIGHT / 2} />
        {fits && (
          <>
            <rect
              class="aw-tl-wait-label-bg"
              x={mark.x + 3}
              y={BAR_TOP}
              width={label.length * CHAR_PX + 2}
              height={BAR_HEIGHT}
            />
            <text x={mark.x + 4} y={BAR_TOP + BAR_HEIGHT / 2 + 3.5} class="aw-tl-wait-label">
              {label}
            </text>
          </>
        )}
      </g>
    );
  }
  return (
    <rect
      class={mark.kind === 'run' ? 'aw-tl-run' : 'aw-tl-merged'}
      x={mark.x}
      y={BAR_TOP}
      width={w}
      height={BAR_HEIGHT}
      fill-opacity={mark.kind === 'merged' ? 0.35 + 0.65 * mark.busy : undefined}
      {...common}
    />
  );
}

/** How the task ended, after its name: " · cancelled", " · ValueError". */
function laneSuffix(lane: Lane): string {
  if (lane.end?.outcome === 'cancelled') return ' · cancelled';
  if (lane.end?.outcome === 'error') return ` · ${lane.task?.error?.type ?? 'error'}`;
  return '';
}

export function TimelineLanes(props: TimelineLanesProps) {
  const { model, view, rows } = props;
  const width = plotWidth(props.width);
  // Without a cursor, the tab stop is the first slice of the first lane that has one.
  const cursor = props.cursor ?? {
    lane: Math.max(
      0,
      model.lanes.findIndex((l) => l.items.length > 0),
    ),
    item: 0,
  };
  // Only the lanes in view are drawn (200 lanes of SVG took a quarter of a second to appear); the height
  // stays that of all of them, so the scroll bar is right.
  const { from, to } = rows;
  const focusLane = cursor.lane;
  const drawn = (i: number) => (i >= from && i < to) || i === focusLane;
  const marks = useMemo(
    () => model.lanes.map((lane, i) => ((i >= from && i < to) || i === focusLane ? laneMarks(lane, view, width) : [])),
    [model, view, width, from, to, focusLane],
  );
  const height = model.lanes.length * LANE_HEIGHT;
  const focusIndex = markIndexOf(marks[cursor.lane] ?? [], cursor.item);
  const ticks = axisTicks(view, width);
  return (
    <>
      <Axis view={view} width={width} full={props.width} />
      <svg
        ref={props.lanesRef}
        class="aw-tl-lanes"
        width={props.width}
        height={height}
        role="group"
        // Chromium puts an <svg> with its own key handler in the tab order; the slices are the stops.
        tabindex={-1}
        aria-label={`${model.lanes.length} lanes, one per task. Arrow keys move between slices; plus and minus zoom.`}
        onKeyDown={props.onKeyDown}
        onFocusOut={props.onBlur}
      >
        <g transform={`translate(${PLOT_PAD.left} 0)`}>
          {ticks.map((t) => (
            <line key={t} class="aw-tl-grid" x1={xOf(t, view, width)} x2={xOf(t, view, width)} y1={0} y2={height} />
          ))}
          {model.blocked.map((b, i) => {
            if (b.end < view.from || b.start > view.to) return null;
            const x = xOf(Math.max(b.start, view.from), view, width);
            const w = Math.max(2, xOf(Math.min(b.end, view.to), view, width) - x);
            return (
              <rect key={`b${i}`} class="aw-tl-blocked" x={x} y={0} width={w} height={height}>
                <title>{model.blockedText[i]}</title>
              </rect>
            );
          })}
          {model.lanes.map(
            (lane, laneIndex) =>
              drawn(laneIndex) && (
                <g
                  key={lane.task?.id ?? 'callbacks'}
                  transform={`translate(0 ${laneIndex * LANE_HEIGHT})`}
                  role="list"
                  aria-label={lane.task ? lane.label : 'plain callbacks (call_soon, call_later)'}
                >
                  <text x={2} y={LABEL_Y} class="aw-tl-label" aria-hidden="true">
                    {fitLabel(lane.label, laneSuffix(lane), width)}
                  </text>
                  {marks[laneIndex]!.map((mark, i) => (
                    <MarkShape
                      key={mark.first}
                      mark={mark}
                      lane={lane}
                      index={i}
                      laneIndex={laneIndex}
                      focused={cursor.lane === laneIndex && i === focusIndex}
                      props={props}
                    />
                  ))}
                  <EndMark lane={lane} view={view} width={width} />
                </g>
              ),
          )}
          {props.showFocus && focusIndex >= 0 && marks[cursor.lane]?.[focusIndex] && (
            <rect
              class="aw-tl-focus"
              x={marks[cursor.lane]![focusIndex]!.x - 2}
              y={cursor.lane * LANE_HEIGHT + BAR_TOP - 2}
              width={Math.max(marks[cursor.lane]![focusIndex]!.w, 1.5) + 4}
              height={BAR_HEIGHT + 4}
              aria-hidden="true"
            />
          )}
        </g>
      </svg>
    </>
  );
}
