/**
 * Keyboard walking over the timeline's marks: a cursor is a lane and an item of it, so it survives zooming
 * (which merges and splits marks). Marks for walking are laid out over the whole run at the current scale,
 * so the next mark may be off screen; the view then pans to it.
 */
import { laneMarks, type Lane, type Mark, type Window } from './layout';

export interface Cursor {
  lane: number;
  /** The index in the lane's items of the first item of the focused mark. */
  item: number;
}

/** The lane's marks over the whole run, merged as they are at the current zoom. */
export function walkMarks(lane: Lane, view: Window, width: number, totalMs: number): Mark[] {
  const span = view.to - view.from;
  return laneMarks(lane, { from: 0, to: totalMs }, span > 0 ? (width * totalMs) / span : width);
}

/** The index of the mark standing for the lane's item `item`; -1 for no marks. */
export function markIndexOf(marks: readonly Mark[], item: number): number {
  if (marks.length === 0) return -1;
  let found = 0;
  for (let i = 0; i < marks.length && marks[i]!.first <= item; i++) found = i;
  return found;
}

/** The index of the last mark starting at or before `at` (marks are in time order), else 0; -1 for none. */
export function markIndexAt(marks: readonly Mark[], at: number): number {
  if (marks.length === 0) return -1;
  let found = 0;
  for (let i = 0; i < marks.length && marks[i]!.start <= at; i++) found = i;
  return found;
}

export type WalkKey = 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown' | 'Home' | 'End' | 'PageUp' | 'PageDown';
export const WALK_KEYS: readonly string[] = [
  'ArrowLeft',
  'ArrowRight',
  'ArrowUp',
  'ArrowDown',
  'Home',
  'End',
  'PageUp',
  'PageDown',
];

/**
 * Where a key moves the cursor: left and right along the lane, up and down to the nearest mark in time
 * of the next lane that has any, Home and End to the lane's ends, Page Up and Down ten lanes at a time.
 * `marksOf(lane)` gives a lane's walk marks. null when there is nowhere to go.
 */
export function moveCursor(
  cursor: Cursor,
  key: WalkKey,
  laneCount: number,
  marksOf: (lane: number) => readonly Mark[],
): { cursor: Cursor; mark: Mark } | null {
  const here = marksOf(cursor.lane);
  const index = markIndexOf(here, cursor.item);
  const along = (i: number) => {
    const mark = here[i];
    return mark ? { cursor: { lane: cursor.lane, item: mark.first }, mark } : null;
  };
  switch (key) {
    case 'ArrowLeft':
      return along(index - 1);
    case 'ArrowRight':
      return along(index + 1);
    case 'Home':
      return along(0);
    case 'End':
      return along(here.length - 1);
    default: {
      const step = key === 'ArrowUp' ? -1 : key === 'ArrowDown' ? 1 : key === 'PageUp' ? -10 : 10;
      const direction = Math.sign(step);
      const at = here[index]?.start ?? 0;
      const first = Math.min(Math.max(cursor.lane + step, 0), laneCount - 1);
      for (let lane = first; lane >= 0 && lane < laneCount && lane !== cursor.lane; lane += direction) {
        const marks = marksOf(lane);
        const i = markIndexAt(marks, at);
        if (i >= 0) return { cursor: { lane, item: marks[i]!.first }, mark: marks[i]! };
      }
      return null;
    }
  }
}
