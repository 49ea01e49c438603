/**
 * The review session of a page: today's queue from a live query, and the session itself (utils/srs/
 * review-session.ts, a pure reducer) kept in a store per database connection, so it outlives the view:
 * switching to Stats and back finds the same card, its answer still shown. This hook runs the database
 * writes and dispatches their outcome. Several pages may review at once: each rating carries the version of
 * the card the page showed, so a card answered elsewhere is skipped rather than logged twice, and the live
 * query brings every page the new queue.
 */
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { AwaitwiseDb, CardRecord } from '@/utils/db';
import { applyCardAction, undoCardAction, type CardAction, type CardUndo } from '@/utils/srs/card-actions';
import { dueQueue } from '@/utils/srs/queue';
import { addCards, cardIds } from '@/utils/srs/repository';
import { rate, undoLast } from '@/utils/srs/review';
import {
  initialSession,
  lastUndoable,
  nextStudyTime,
  reviewReducer,
  selectCard,
  sessionStats,
  versionKey,
  type ReviewSession,
  type SessionEvent,
  type SessionStats,
} from '@/utils/srs/review-session';
import type { QuizState } from '@/utils/quiz/answer';
import { formatInterval, previewIntervals, type Grade, type IntervalPreview } from '@/utils/srs/scheduler';
import type { SrsSettings } from '@/utils/srs/settings';
import { useLiveQuery } from './use-live-query';
import { useTick } from './use-tick';

/** How many fundamentals "Add the fundamentals" puts in the deck at a time. */
export const STARTER_CARDS = 10;

/** A longer answer time means the user walked away; counting it would inflate "time spent" (Anki caps it too). */
export const MAX_ANSWER_MS = 5 * 60_000;

export interface QueueCounts {
  new: number;
  learning: number;
  review: number;
}

/** What the empty state needs: when to come back and whether there are fundamentals left to add. */
export interface DeckInfo {
  size: number;
  nextDue: number | null;
  fundamentalsLeft: number;
  /** New cards in the deck not yet studied (not suspended): what "study more new cards" can bring in. */
  newLeft: number;
}

/** The session of one page and one database, and whether a write is under way. */
interface SessionStore {
  session: ReviewSession;
  busy: boolean;
  dispatch: (event: SessionEvent) => void;
  setBusy: (busy: boolean) => void;
  subscribe: (listener: () => void) => () => void;
}

const stores = new WeakMap<AwaitwiseDb, SessionStore>();

function sessionStore(db: AwaitwiseDb, now: number): SessionStore {
  let store = stores.get(db);
  if (store) return store;
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((l) => l());
  const created: SessionStore = {
    session: initialSession(now),
    busy: false,
    dispatch(event) {
      const next = reviewReducer(created.session, event);
      if (next === created.session) return;
      created.session = next;
      notify();
    },
    setBusy(busy) {
      created.busy = busy;
      notify();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  stores.set(db, created);
  store = created;
  return store;
}

export interface UseReviewOptions {
  db: AwaitwiseDb;
  settings: SrsSettings;
  /** Question ids fundamentals first: the order of new cards and of "Add the fundamentals". */
  knowledgeOrder: readonly string[];
  /** Quiz cards are answered by a pick rather than revealed. */
  isQuiz?: (id: string) => boolean;
  /** False until the user's settings are loaded, so the daily limits applied are theirs. */
  enabled?: boolean;
  /** Clock override for tests. */
  now?: () => number;
}

export interface ReviewModel {
  status: 'loading' | 'ready' | 'error';
  error: Error | undefined;
  card: CardRecord | undefined;
  revealed: boolean;
  /** For a quiz card: the pick, when it was made (it comes back with the card). */
  quiz: QuizState | null;
  /** What each rating would schedule for the card on screen, Again first. */
  previews: readonly IntervalPreview[];
  remaining: QueueCounts;
  session: SessionStats;
  canUndo: boolean;
  busy: boolean;
  /** For the polite live region. */
  announcement: string;
  /** Why the last action did not go as asked; shown on screen. */
  notice: string | undefined;
  /** Known only while nothing is due. */
  deck: DeckInfo | undefined;
  /** New cards added to today's limit by "Study more". */
  extraNew: number;
  clock: () => number;
  /** Shows the answer; before the first card has arrived, shows it as soon as it does. */
  reveal: (quiz?: QuizState) => void;
  rate: (grade: Grade) => Promise<void>;
  undo: () => Promise<void>;
  /** Resolves to what undoes it (null when nothing was done). */
  act: (action: CardAction) => Promise<CardUndo | null>;
  undoAction: (undo: CardUndo) => Promise<void>;
  addFundamentals: () => Promise<void>;
  studyMore: (count: number) => void;
}

const systemClock = () => Date.now();
const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function useReview({
  db,
  settings: baseSettings,
  knowledgeOrder,
  isQuiz: isQuizCard = () => false,
  enabled = true,
  now = systemClock,
}: UseReviewOptions): ReviewModel {
  // A stable clock, so a caller passing a new function on every render does not restart the live queries.
  const nowRef = useRef(now);
  nowRef.current = now;
  const clock = useCallback(() => nowRef.current(), []);
  const store = sessionStore(db, clock());
  const [, rerender] = useState(0);
  // Subscribed before paint, so an event dispatched between this render and the first paint is not missed.
  useLayoutEffect(() => store.subscribe(() => rerender((n) => n + 1)), [store]);
  const { session, busy } = store;

  const settings = useMemo(
    () => (session.extraNew ? { ...baseSettings, newPerDay: baseSettings.newPerDay + session.extraNew } : baseSettings),
    [baseSettings, session.extraNew],
  );
  // Re-run the queue every half minute: learning cards come due with time, not with a database write.
  const tick = useTick(30_000);
  const queueResult = useLiveQuery(
    () => (enabled ? dueQueue(db, clock(), settings) : null),
    [db, settings, enabled, clock, tick],
  );
  const queue = queueResult.status === 'ready' ? queueResult.value : null;
  const card = queue ? selectCard(queue, session, clock()) : undefined;
  const cardKey = card ? versionKey(card) : null;
  const isQuiz = card ? isQuizCard(card.id) : false;

  // Layout effect: the answer time starts when the card is on screen, not when the browser next gets round to effects.
  useLayoutEffect(() => {
    if (queue !== null) store.dispatch({ type: 'shown', key: cardKey, quiz: isQuiz, at: clock() });
  }, [store, queue, cardKey, isQuiz, clock]);

  const remaining = useMemo<QueueCounts>(() => {
    const counts = { new: 0, learning: 0, review: 0 };
    for (const c of queue ?? []) {
      if (session.answered.has(versionKey(c))) continue;
      if (c.state === 0) counts.new++;
      else if (c.state === 2) counts.review++;
      else counts.learning++;
    }
    return counts;
  }, [queue, session.answered]);

  const queueEmpty = queue !== null && !card;
  const deckResult = useLiveQuery(async (): Promise<DeckInfo | null> => {
    if (!queueEmpty) return null;
    const cards = await db.cards.toArray();
    const inDeck = new Set(cards.map((c) => c.id));
    return {
      size: cards.length,
      nextDue: nextStudyTime(cards, clock(), settings),
      fundamentalsLeft: knowledgeOrder.filter((id) => !inDeck.has(id)).length,
      newLeft: cards.filter((c) => c.state === 0 && !c.suspended).length,
    };
  }, [db, queueEmpty, settings, knowledgeOrder, clock, tick]);
  const deck = deckResult.status === 'ready' ? (deckResult.value ?? undefined) : undefined;

  const revealed = cardKey !== null && session.revealedKey === cardKey;
  // Computed when the buttons appear, so the intervals are those of that moment.
  const previews = useMemo(
    () => (revealed && card ? previewIntervals(card, clock(), settings) : []),
    [card, revealed, settings, clock],
  );

  /** Runs one database action at a time, so a double key press cannot rate twice. */
  const exclusive = async (action: () => Promise<void>) => {
    if (store.busy) return;
    store.setBusy(true);
    try {
      await action();
    } catch (error) {
      store.dispatch({ type: 'failed', message: `That did not save: ${errorText(error)}` });
    } finally {
      store.setBusy(false);
    }
  };

  const reveal = (quiz?: QuizState) => {
    if (card && revealed) return;
    store.dispatch({ type: 'reveal', key: cardKey, quiz });
  };

  const rateCard = (grade: Grade) =>
    exclusive(async () => {
      if (!card || !revealed) return;
      const key = versionKey(card);
      const at = clock();
      const result = await rate(db, card.id, grade, at, settings, {
        expected: { reps: card.reps, last_review: card.last_review },
        elapsedMs: Math.min(Math.max(0, at - store.session.shownAt), MAX_ANSWER_MS),
      });
      // Most often the other page answered it first: the live query already brings the next card.
      if (!result.ok) return store.dispatch({ type: 'refused', key, message: result.message });
      const { log } = result;
      store.dispatch({
        type: 'rated',
        key,
        entry: { logId: log.id, cardId: log.cardId, rating: grade, elapsedMs: log.elapsedMs ?? 0, undoable: true },
        intervalLabel: formatInterval(result.card.due - at),
        becameLeech: result.becameLeech,
      });
    });

  const undo = () =>
    exclusive(async () => {
      const last = lastUndoable(store.session.entries);
      if (!last) return store.dispatch({ type: 'failed', message: 'Nothing to undo in this session.' });
      const result = await undoLast(db, last.logId);
      if (!result.ok) return store.dispatch({ type: 'failed', message: result.message });
      store.dispatch({ type: 'undone', entry: last, card: result.card });
    });

  const act = async (action: CardAction): Promise<CardUndo | null> => {
    let done: CardUndo | null = null;
    await exclusive(async () => {
      if (!card) return;
      done = await applyCardAction(db, [card.id], action, clock(), settings.dayStartHour);
      if (done) store.dispatch({ type: 'acted', key: versionKey(card), action, undo: done });
    });
    return done;
  };

  const undoAction = (undone: CardUndo) =>
    exclusive(async () => {
      await undoCardAction(db, undone);
      store.dispatch({ type: 'action-undone', undo: undone });
    });

  const addFundamentals = () =>
    exclusive(async () => {
      const inDeck = await cardIds(db);
      const ids = knowledgeOrder.filter((id) => !inDeck.has(id)).slice(0, STARTER_CARDS);
      const { added } = await addCards(db, ids, 'manual', clock(), knowledgeOrder);
      store.dispatch({ type: 'added', count: added.length });
    });

  return {
    status: queueResult.status === 'error' ? 'error' : queue === null ? 'loading' : 'ready',
    error: queueResult.status === 'error' ? queueResult.error : undefined,
    card,
    revealed,
    quiz: revealed ? session.quiz : null,
    previews,
    remaining,
    session: sessionStats(session.entries),
    canUndo: lastUndoable(session.entries) !== undefined,
    busy,
    announcement: session.announcement,
    notice: session.notice,
    deck,
    extraNew: session.extraNew,
    clock,
    reveal,
    rate: rateCard,
    undo,
    act,
    undoAction,
    addFundamentals,
    studyMore: (count) => store.dispatch({ type: 'study-more', count }),
  };
}
