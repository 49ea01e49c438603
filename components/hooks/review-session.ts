/**
 * The pure part of a review session: which card to show from the queue, when the next one can be studied, and
 * what the session added up to. Kept apart from the hook so it can be tested without rendering.
 */
import type { CardRecord } from '@/utils/db';
import { startOfDay, startOfNextDay } from '@/utils/srs/day';
import { Rating, type Grade } from '@/utils/srs/scheduler';
import type { SrsSettings } from '@/utils/srs/settings';

export type CardAction = 'suspend' | 'bury' | 'reset' | 'remove';

export const GRADE_LABELS: Readonly<Record<Grade, string>> = {
  [Rating.Again]: 'Again',
  [Rating.Hard]: 'Hard',
  [Rating.Good]: 'Good',
  [Rating.Easy]: 'Easy',
};

const LEARNING = 1;
const RELEARNING = 3;

/** Identifies one version of a card: rating or resetting it changes `reps` or `last_review`. */
export function versionKey(card: Pick<CardRecord, 'id' | 'reps' | 'last_review'>): string {
  return `${card.id}|${card.reps}|${card.last_review ?? '-'}`;
}

const isLearning = (card: CardRecord) => card.state === LEARNING || card.state === RELEARNING;

/**
 * The next card to show from the queue: the first one that is really due, so a learning card shown early
 * (learn-ahead) only comes back straight away when nothing else is left.
 */
export function pickNext(queue: readonly CardRecord[], now: number): CardRecord | undefined {
  return queue.find((card) => !(isLearning(card) && card.due > now)) ?? queue[0];
}

export interface Selection {
  /** Version key of the card on screen, which stays there while the queue changes around it. */
  currentKey: string | null;
  /** A card brought back by undo, shown before the live query has caught up with the undo. */
  pinned: CardRecord | null;
  /** Versions this view has answered (or found answered elsewhere); never shown again. */
  answered: ReadonlySet<string>;
}

export function selectCard(queue: readonly CardRecord[], selection: Selection, now: number): CardRecord | undefined {
  const open = queue.filter((card) => !selection.answered.has(versionKey(card)));
  const { pinned, currentKey } = selection;
  if (pinned) return open.find((card) => versionKey(card) === versionKey(pinned)) ?? pinned;
  const current = currentKey === null ? undefined : open.find((card) => versionKey(card) === currentKey);
  return current ?? pickNext(open, now);
}

/**
 * When the next card can be studied, given that nothing can be now: learning cards as soon as they enter the
 * learn-ahead window, review cards from the start of the study day they are due on, new (and review) cards held
 * back by a daily limit from the next study day. Null when there is no unsuspended card at all.
 */
export function nextStudyTime(cards: readonly CardRecord[], now: number, settings: SrsSettings): number | null {
  const dayEnd = startOfNextDay(now, settings.dayStartHour);
  const learnAheadMs = settings.learnAheadMinutes * 60_000;
  let next: number | null = null;
  for (const card of cards) {
    if (card.suspended) continue;
    const when = isLearning(card)
      ? Math.max(card.due - learnAheadMs, card.buriedUntil, now)
      : Math.max(startOfDay(card.due, settings.dayStartHour), card.buriedUntil, dayEnd);
    if (next === null || when < next) next = when;
  }
  return next;
}

export interface SessionEntry {
  logId: number;
  cardId: string;
  rating: Grade;
  elapsedMs: number;
  /** False once the card was reset or removed: its log can no longer be undone. */
  undoable: boolean;
}

export interface SessionStats {
  reviewed: number;
  byRating: Record<Grade, number>;
  timeSpentMs: number;
}

export function sessionStats(entries: readonly SessionEntry[]): SessionStats {
  const byRating: Record<Grade, number> = { [Rating.Again]: 0, [Rating.Hard]: 0, [Rating.Good]: 0, [Rating.Easy]: 0 };
  let timeSpentMs = 0;
  for (const entry of entries) {
    byRating[entry.rating]++;
    timeSpentMs += entry.elapsedMs;
  }
  return { reviewed: entries.length, byRating, timeSpentMs };
}
