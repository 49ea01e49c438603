/**
 * A review session as a pure reducer: which card from the queue is on screen, whether its answer is shown,
 * what was answered, what can be undone, and what to tell the user. The hook (components/hooks/use-review.ts)
 * runs the database writes and dispatches their outcome here; nothing in this file touches the database.
 */
import type { CardRecord } from '@/utils/db';
import { startOfDay, startOfNextDay } from '@/utils/srs/day';
import { actionDone, type CardAction, type CardUndo } from '@/utils/srs/card-actions';
import type { QuizState } from '@/utils/quiz/answer';
import { GRADE_LABELS, LEECH_LAPSES, Rating, type Grade } from '@/utils/srs/scheduler';
import type { SrsSettings } from '@/utils/srs/settings';

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

/** Everything a review session remembers. It outlives the view: switching away and back finds it as it was. */
export interface ReviewSession extends Selection {
  /** The card version whose answer is shown. */
  revealedKey: string | null;
  /** For a quiz card, the pick made on `revealedKey`, so the quiz comes back answered. */
  quiz: QuizState | null;
  /** Space or Enter came before the first card did (the queue was still loading): show its answer on arrival. */
  revealOnArrival: boolean;
  /** When the card on screen appeared: the answer time runs from here. */
  shownAt: number;
  entries: readonly SessionEntry[];
  /** New cards added to today's limit by "Study more" (this panel only; the setting is unchanged). */
  extraNew: number;
  /** For the polite live region. */
  announcement: string;
  /** Why the last action did not go as asked; shown on screen. */
  notice: string | undefined;
}

export const initialSession = (now: number): ReviewSession => ({
  currentKey: null,
  pinned: null,
  answered: new Set(),
  revealedKey: null,
  quiz: null,
  revealOnArrival: false,
  shownAt: now,
  entries: [],
  extraNew: 0,
  announcement: '',
  notice: undefined,
});

export type SessionEvent =
  /** A card reached the screen (or none is left: key null). Quizzes are answered by a pick, not a reveal. */
  | { type: 'shown'; key: string | null; quiz: boolean; at: number }
  /** Space, Enter or the button; key null while no card is on screen yet. */
  | { type: 'reveal'; key: string | null; quiz?: QuizState }
  | {
      type: 'rated';
      key: string;
      entry: SessionEntry;
      /** How long until the card is due again ("3d"). */
      intervalLabel: string;
      becameLeech: boolean;
    }
  /** The write was refused (answered in another window, suspended meanwhile): move on and say why. */
  | { type: 'refused'; key: string; message: string }
  | { type: 'undone'; entry: SessionEntry; card: CardRecord }
  | { type: 'acted'; key: string; action: CardAction; undo: CardUndo }
  | { type: 'action-undone'; undo: CardUndo }
  | { type: 'added'; count: number }
  | { type: 'study-more'; count: number }
  /** Something could not be done; nothing changed. */
  | { type: 'failed'; message: string };

const without = (set: ReadonlySet<string>, key: string) => {
  const next = new Set(set);
  next.delete(key);
  return next;
};

export function reviewReducer(state: ReviewSession, event: SessionEvent): ReviewSession {
  switch (event.type) {
    case 'shown': {
      // The card may be the one that was on screen before the view was left: Space pressed while it loaded
      // back still shows its answer.
      const same = event.key === state.currentKey;
      if (same && !(state.revealOnArrival && event.key !== null)) return state;
      const reveal = state.revealOnArrival && event.key !== null && !event.quiz;
      return {
        ...state,
        currentKey: event.key,
        shownAt: same ? state.shownAt : event.at,
        revealOnArrival: state.revealOnArrival && event.key === null,
        ...(reveal && state.revealedKey !== event.key
          ? { revealedKey: event.key, quiz: null, announcement: REVEALED }
          : {}),
      };
    }
    case 'reveal':
      if (event.key === null) return { ...state, revealOnArrival: true };
      if (state.revealedKey === event.key) return state;
      return {
        ...state,
        revealedKey: event.key,
        quiz: event.quiz ?? null,
        announcement: event.quiz ? PICKED : REVEALED,
      };
    case 'rated': {
      const { entry } = event;
      const leech = event.becameLeech
        ? `This card has now lapsed ${LEECH_LAPSES} times and is marked as a leech. Consider reading the full answer again, resetting it or suspending it.`
        : undefined;
      return {
        ...state,
        answered: new Set(state.answered).add(event.key),
        pinned: null,
        entries: [...state.entries, entry],
        notice: leech,
        announcement: `${GRADE_LABELS[entry.rating]}: next review in ${event.intervalLabel}.${event.becameLeech ? ' The card is now a leech.' : ''}`,
      };
    }
    case 'refused':
      return {
        ...state,
        answered: new Set(state.answered).add(event.key),
        pinned: null,
        notice: event.message,
        announcement: event.message,
      };
    case 'undone':
      return {
        ...state,
        entries: state.entries.filter((e) => e.logId !== event.entry.logId),
        answered: without(state.answered, versionKey(event.card)),
        pinned: event.card,
        revealedKey: null,
        quiz: null,
        notice: undefined,
        announcement: `Undid ${GRADE_LABELS[event.entry.rating]}. The card is back.`,
      };
    case 'acted': {
      const lost = event.action === 'reset' || event.action === 'remove';
      const ids = new Set(event.undo.before.map((b) => b.card.id));
      return {
        ...state,
        entries: lost ? state.entries.map((e) => (ids.has(e.cardId) ? { ...e, undoable: false } : e)) : state.entries,
        answered: new Set(state.answered).add(event.key),
        pinned: null,
        notice: undefined,
        announcement: actionDone(event.action),
      };
    }
    case 'action-undone': {
      const [back] = event.undo.before;
      if (!back) return state;
      const logIds = new Set(back.logs.map((l) => l.id));
      return {
        ...state,
        // Its ratings in this session can be undone again now that its history is back.
        entries: state.entries.map((e) => (e.cardId === back.card.id ? { ...e, undoable: logIds.has(e.logId) } : e)),
        answered: without(state.answered, versionKey(back.card)),
        pinned: back.card,
        revealedKey: null,
        quiz: null,
        notice: undefined,
        announcement: 'Undone. The card is back.',
      };
    }
    case 'added':
      return {
        ...state,
        notice: undefined,
        announcement: event.count === 1 ? 'Added 1 card.' : `Added ${event.count} cards.`,
      };
    case 'study-more':
      return { ...state, extraNew: state.extraNew + event.count };
    case 'failed':
      return { ...state, notice: event.message, announcement: event.message };
  }
}

const REVEALED = 'Answer shown. Rate it from 1, Again, to 4, Easy; Space or Enter rates Good.';
const PICKED = 'Answer picked. Rate it from 1 to 4; Space or Enter records the suggested rating.';

/** The rating undo would take back: the latest one still undoable. */
export function lastUndoable(entries: readonly SessionEntry[]): SessionEntry | undefined {
  for (let i = entries.length - 1; i >= 0; i--) if (entries[i]!.undoable) return entries[i];
  return undefined;
}
