/** The timeline's zoom and pan: a pure reducer over the window of time drawn. */
import type { Window } from './layout';

export interface ZoomState extends Window {
  /** The whole run, ms; the window never leaves [0, total]. */
  total: number;
}

export type ZoomAction =
  /** Show the whole run. */
  | { type: 'fit' }
  /** factor > 1 zooms in, keeping the moment `anchor` (ms) where it is on screen. */
  | { type: 'zoom'; factor: number; anchor?: number }
  | { type: 'pan'; by: number }
  /** Bring [start, end] into view, moving as little as possible. */
  | { type: 'reveal'; start: number; end: number }
  /** A new trace. */
  | { type: 'reset'; total: number };

/** The narrowest window: a thousandth of the run, and never below a microsecond. */
const minSpan = (total: number) => Math.max(total / 1000, 0.001);

export function initialZoom(total: number): ZoomState {
  const whole = Math.max(total, 0.001);
  return { from: 0, to: whole, total: whole };
}

function clamp(state: ZoomState, from: number, span: number): ZoomState {
  const width = Math.min(Math.max(span, minSpan(state.total)), state.total);
  const start = Math.min(Math.max(from, 0), state.total - width);
  return { ...state, from: start, to: start + width };
}

export function zoomReducer(state: ZoomState, action: ZoomAction): ZoomState {
  const span = state.to - state.from;
  switch (action.type) {
    case 'fit':
      return { ...state, from: 0, to: state.total };
    case 'reset':
      return initialZoom(action.total);
    case 'zoom': {
      if (!(action.factor > 0)) return state;
      const anchor = action.anchor ?? state.from + span / 2;
      const share = span > 0 ? (anchor - state.from) / span : 0.5;
      const next = Math.min(Math.max(span / action.factor, minSpan(state.total)), state.total);
      return clamp(state, anchor - share * next, next);
    }
    case 'pan':
      return clamp(state, state.from + action.by, span);
    case 'reveal': {
      if (action.start >= state.from && action.end <= state.to) return state;
      if (action.end - action.start > span) return clamp(state, action.start, span);
      const from = action.start < state.from ? action.start : action.end - span;
      return clamp(state, from, span);
    }
  }
}

/** Zoomed in at all (so panning means something). */
export const isZoomed = (state: ZoomState) => state.to - state.from < state.total * 0.999;
