/**
 * The timeline's view state: the zoom window (utils/trace/zoom.ts), the slice in the tab order, the slice
 * under the pointer, and the chart's width. Wires the gestures: Ctrl/⌘+wheel and trackpad pinch zoom,
 * sideways wheel pans, two-finger pinch on touch screens zooms; arrow keys walk the slices
 * (utils/trace/navigate.ts), + and − zoom around the focused slice, 0 shows the whole run.
 */
import { useEffect, useLayoutEffect, useReducer, useRef, useState } from 'preact/hooks';
import type { TargetedEvent, TargetedFocusEvent, TargetedKeyboardEvent } from 'preact';
import { LANE_HEIGHT, PLOT_PAD, plotWidth, type Mark, type TimelineModel } from '@/utils/trace/layout';
import { moveCursor, walkMarks, WALK_KEYS, type Cursor, type WalkKey } from '@/utils/trace/navigate';
import { initialZoom, zoomReducer, type ZoomState } from '@/utils/trace/zoom';

/** Before the chart is measured (and where nothing measures, as in unit tests). */
const FALLBACK_WIDTH = 300;
const FALLBACK_VIEW_HEIGHT = 400;
/** Lanes drawn beyond those in view, above and below, so a short scroll shows no gap. */
const SPARE_LANES = 6;

export interface TimelineView {
  zoom: ZoomState;
  zoomIn: () => void;
  zoomOut: () => void;
  fit: () => void;
  width: number;
  /** The lanes scrolled into view, give or take a few: the ones worth drawing. */
  rows: { from: number; to: number };
  onScroll: (event: TargetedEvent<HTMLDivElement>) => void;
  cursor: Cursor | null;
  /** Focus is inside the chart. */
  active: boolean;
  /** What the detail line describes: the hovered slice, else the focused one. */
  shown: { lane: number; mark: Mark } | null;
  onHover: (lane: number, mark: Mark | null) => void;
  onFocusMark: (lane: number, mark: Mark) => void;
  onKeyDown: (event: TargetedKeyboardEvent<SVGSVGElement>) => void;
  onBlur: (event: TargetedFocusEvent<SVGSVGElement>) => void;
  /** The element the chart is measured on, and receives wheel and pinch. */
  boxRef: { current: HTMLDivElement | null };
  lanesRef: { current: SVGSVGElement | null };
}

export function useTimelineView(model: TimelineModel): TimelineView {
  const [zoom, dispatch] = useReducer(zoomReducer, model.totalMs, initialZoom);
  const [width, setWidth] = useState(FALLBACK_WIDTH);
  const [scroll, setScroll] = useState({ top: 0, height: FALLBACK_VIEW_HEIGHT });
  const [cursor, setCursor] = useState<Cursor | null>(null);
  const [focused, setFocused] = useState<{ lane: number; mark: Mark } | null>(null);
  const [hovered, setHovered] = useState<{ lane: number; mark: Mark } | null>(null);
  const boxRef = useRef<HTMLDivElement | null>(null);
  const lanesRef = useRef<SVGSVGElement | null>(null);
  const moved = useRef(false);
  const latest = useRef({ zoom, width });
  latest.current = { zoom, width };

  useEffect(() => {
    dispatch({ type: 'reset', total: model.totalMs });
    setCursor(null);
    setFocused(null);
    setHovered(null);
  }, [model]);

  useEffect(() => {
    const box = boxRef.current;
    if (!box || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setWidth(Math.max(120, Math.floor(box.clientWidth))));
    observer.observe(box);
    return () => observer.disconnect();
  }, []);

  // The moment under the pointer, for zooming around it.
  const momentAt = (clientX: number) => {
    const box = boxRef.current;
    const { zoom: z, width: w } = latest.current;
    if (!box) return undefined;
    const plot = plotWidth(w);
    const x = clientX - box.getBoundingClientRect().left - PLOT_PAD.left;
    return z.from + (Math.min(Math.max(x, 0), plot) / plot) * (z.to - z.from);
  };

  useEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    const onWheel = (event: WheelEvent) => {
      if (event.ctrlKey || event.metaKey) {
        // A trackpad pinch arrives as a wheel event with ctrlKey set.
        event.preventDefault();
        dispatch({ type: 'zoom', factor: Math.exp(-event.deltaY / 200), anchor: momentAt(event.clientX) });
      } else if (Math.abs(event.deltaX) > Math.abs(event.deltaY) || event.shiftKey) {
        const { zoom: z, width: w } = latest.current;
        if (z.to - z.from >= z.total) return;
        event.preventDefault();
        const px = event.shiftKey && !event.deltaX ? event.deltaY : event.deltaX;
        dispatch({ type: 'pan', by: (px / plotWidth(w)) * (z.to - z.from) });
      }
    };
    const pointers = new Map<number, number>();
    let spread = 0;
    const onDown = (event: PointerEvent) => {
      if (event.pointerType !== 'touch') return;
      pointers.set(event.pointerId, event.clientX);
      if (pointers.size === 2) spread = Math.abs([...pointers.values()].reduce((a, b) => a - b));
    };
    const onMove = (event: PointerEvent) => {
      if (!pointers.has(event.pointerId)) return;
      pointers.set(event.pointerId, event.clientX);
      if (pointers.size !== 2) return;
      const [a, b] = [...pointers.values()] as [number, number];
      const next = Math.abs(a - b);
      if (spread > 20 && next > 20) dispatch({ type: 'zoom', factor: next / spread, anchor: momentAt((a + b) / 2) });
      spread = next;
    };
    const onUp = (event: PointerEvent) => pointers.delete(event.pointerId);
    box.addEventListener('wheel', onWheel, { passive: false });
    box.addEventListener('pointerdown', onDown);
    box.addEventListener('pointermove', onMove);
    box.addEventListener('pointerup', onUp);
    box.addEventListener('pointercancel', onUp);
    return () => {
      box.removeEventListener('wheel', onWheel);
      box.removeEventListener('pointerdown', onDown);
      box.removeEventListener('pointermove', onMove);
      box.removeEventListener('pointerup', onUp);
      box.removeEventListener('pointercancel', onUp);
    };
  }, []);

  // After a keyboard move, focus follows the cursor to its (possibly new) element.
  useLayoutEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    lanesRef.current?.querySelector<SVGElement>('[tabindex="0"]')?.focus();
  });

  const zoomBy = (factor: number) =>
    dispatch({ type: 'zoom', factor, anchor: focused ? (focused.mark.start + focused.mark.end) / 2 : undefined });

  return {
    zoom,
    rows: {
      from: Math.max(0, Math.floor(scroll.top / LANE_HEIGHT) - SPARE_LANES),
      to: Math.ceil((scroll.top + scroll.height) / LANE_HEIGHT) + SPARE_LANES,
    },
    onScroll: (event) => {
      const box = event.currentTarget;
      setScroll({ top: box.scrollTop, height: box.clientHeight || FALLBACK_VIEW_HEIGHT });
    },
    zoomIn: () => zoomBy(2),
    zoomOut: () => zoomBy(0.5),
    fit: () => dispatch({ type: 'fit' }),
    width,
    cursor,
    active: focused !== null,
    shown: hovered ?? focused,
    onHover: (lane, mark) => setHovered(mark ? { lane, mark } : null),
    onFocusMark: (lane, mark) => {
      setCursor({ lane, item: mark.first });
      setFocused({ lane, mark });
    },
    onKeyDown: (event) => {
      const key = event.key;
      // Zooming redraws the slices; focus follows the cursor to its element, like a move.
      if (key === '+' || key === '=') zoomBy(2);
      else if (key === '-' || key === '_') zoomBy(0.5);
      else if (key === '0') dispatch({ type: 'fit' });
      else if (WALK_KEYS.includes(key) && focused) {
        const next = moveCursor(
          { lane: focused.lane, item: focused.mark.first },
          key as WalkKey,
          model.lanes.length,
          (lane) => walkMarks(model.lanes[lane]!, zoom, plotWidth(width), model.totalMs),
        );
        if (next) {
          dispatch({ type: 'reveal', start: next.mark.start, end: next.mark.end });
          setCursor(next.cursor);
        }
      } else return;
      moved.current = true;
      event.preventDefault();
    },
    onBlur: (event) => {
      const to = event.relatedTarget;
      if (!(to instanceof Node) || !lanesRef.current?.contains(to)) setFocused(null);
    },
    boxRef,
    lanesRef,
  };
}
