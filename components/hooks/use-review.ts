/**
 * The review session of one view (popup or side panel): today's queue from a live query, the card on screen,
 * whether its answer is shown, rating and undo, and what this session has done. Several views may review at
 * once: each rating carries the version of the card the view showed, so a card answered elsewhere is skipped
 * rather than logged twice, and the live query brings every view the new queue.
 */
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { AwaitwiseDb, CardRecord } from '@/utils/db';
import { dueQueue } from '@/utils/srs/queue';
import { addCards } from '@/utils/srs/repository';
import { ACTION_DONE, applyCardAction, undoCardAction, type CardUndo } from './card-actions';
import { rate, undoLast } from '@/utils/srs/review';
import {
  formatInterval,
  LEECH_LAPSES,
  previewIntervals,
  type Grade,
  type IntervalPreview,
} from '@/utils/srs/scheduler';
import type { SrsSettings } from '@/utils/srs/settings';
import {
  GRADE_LABELS,
  nextStudyTime,
  selectCard,
  sessionStats,
  versionKey,
  type CardAction,
  type SessionEntry,
  type SessionStats,
} from './review-session';
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

export interface UseReviewOptions {
  db: AwaitwiseDb;
  settings: SrsSettings;
  /** Question ids fundamentals first: the order of new cards and of "Add the fundamentals". */
  knowledgeOrder: readonly string[];
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
  clock: () => number;
  reveal: () => void;
  rate: (grade: Grade) => Promise<void>;
  undo: () => Promise<void>;
  /** Resolves to what undoes it (null when nothing was done). */
  act: (action: CardAction) => Promise<CardUndo | null>;
  undoAction: (undo: CardUndo) => Promise<void>;
  addFundamentals: () => Promise<void>;
}

const systemClock = () => Date.now();
const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function useReview({
  db,
  settings,
  knowledgeOrder,
  enabled = true,
  now = systemClock,
}: UseReviewOptions): ReviewModel {
  // Re-run the queue every half minute: learning cards come due with time, not with a database write.
  const tick = useTick(30_000);
  // A stable clock, so a caller passing a new function on every render does not restart the live queries.
  const nowRef = useRef(now);
  nowRef.current = now;
  const clock = useCallback(() => nowRef.current(), []);
  const queueResult = useLiveQuery(
    () => (enabled ? dueQueue(db, clock(), settings) : null),
    [db, settings, enabled, clock, tick],
  );

  const [currentKey, setCurrentKey] = useState<string | null>(null);
  const [pinned, setPinned] = useState<CardRecord | null>(null);
  const [answered, setAnswered] = useState<ReadonlySet<string>>(() => new Set());
  const [revealedKey, setRevealedKey] = useState<string | null>(null);
  const [entries, setEntries] = useState<readonly SessionEntry[]>([]);
  const [busy, setBusy] = useState(false);
  const busyRef = useRef(false);
  const [announcement, setAnnouncement] = useState('');
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const shownAt = useRef(clock());

  const queue = queueResult.status === 'ready' ? queueResult.value : null;
  const card = queue ? selectCard(queue, { currentKey, pinned, answered }, clock()) : undefined;
  const cardKey = card ? versionKey(card) : null;

  // Layout effect: the answer time starts when the card is on screen, not when the browser next gets round to effects.
  useLayoutEffect(() => {
    if (cardKey !== currentKey) {
      setCurrentKey(cardKey);
      shownAt.current = clock();
    }
  }, [cardKey, currentKey, clock]);

  const remaining = useMemo<QueueCounts>(() => {
    const counts = { new: 0, learning: 0, review: 0 };
    for (const c of queue ?? []) {
      if (answered.has(versionKey(c))) continue;
      if (c.state === 0) counts.new++;
      else if (c.state === 2) counts.review++;
      else counts.learning++;
    }
    return counts;
  }, [queue, answered]);

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

  const revealed = cardKey !== null && revealedKey === cardKey;
  // Computed when the buttons appear, so the intervals are those of that moment.
  const previews = useMemo(
    () => (revealed && card ? previewIntervals(card, clock(), settings) : []),
    [card, revealed, settings, clock],
  );

  const announce = useCallback((message: string) => setAnnouncement(message), []);
  const markAnswered = (key: string) => setAnswered((prev) => new Set(prev).add(key));

  /** Runs one database action at a time, so a double key press cannot rate twice. */
  const exclusive = async (action: () => Promise<void>) => {
    if (busyRef.current) return;
    busyRef.current = true;
    setBusy(true);
    try {
      await action();
    } catch (error) {
      const message = `That did not save: ${errorText(error)}`;
      setNotice(message);
      announce(message);
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  };

  const reveal = () => {
    if (!card || revealed) return;
    setRevealedKey(versionKey(card));
    announce('Answer shown. Rate it from 1, Again, to 4, Easy.');
  };

  const rateCard = (grade: Grade) =>
    exclusive(async () => {
      if (!card || !revealed) return;
      const key = versionKey(card);
      const at = clock();
      const result = await rate(db, card.id, grade, at, settings, {
        expected: { reps: card.reps, last_review: card.last_review },
        elapsedMs: Math.min(Math.max(0, at - shownAt.current), MAX_ANSWER_MS),
      });
      markAnswered(key);
      setPinned(null);
      if (!result.ok) {
        // Most often the other view answered it first: the live query already brings the next card.
        setNotice(result.message);
        announce(result.message);
        return;
      }
      const { log } = result;
      setEntries((prev) => [
        ...prev,
        { logId: log.id, cardId: log.cardId, rating: grade, elapsedMs: log.elapsedMs ?? 0, undoable: true },
      ]);
      setNotice(
        result.becameLeech
          ? `This card has now lapsed ${LEECH_LAPSES} times and is marked as a leech. Consider reading the full answer again, resetting it or suspending it.`
          : undefined,
      );
      const interval = formatInterval(result.card.due - at);
      announce(
        `${GRADE_LABELS[grade]}: next review in ${interval}.${result.becameLeech ? ' The card is now a leech.' : ''}`,
      );
    });

  const undo = () =>
    exclusive(async () => {
      let last: SessionEntry | undefined;
      for (const entry of entries) if (entry.undoable) last = entry;
      if (!last) {
        announce('Nothing to undo in this session.');
        return;
      }
      const result = await undoLast(db, last.logId);
      if (!result.ok) {
        setNotice(result.message);
        announce(result.message);
        return;
      }
      const undone = last;
      setEntries((prev) => prev.filter((entry) => entry !== undone));
      setAnswered((prev) => {
        const next = new Set(prev);
        next.delete(versionKey(result.card));
        return next;
      });
      setPinned(result.card);
      setRevealedKey(null);
      setNotice(undefined);
      announce(`Undid ${GRADE_LABELS[undone.rating]}. The card is back.`);
    });

  const act = async (action: CardAction): Promise<CardUndo | null> => {
    let undo: CardUndo | null = null;
    await exclusive(async () => {
      if (!card) return;
      const { id } = card;
      undo = await applyCardAction(db, id, action, clock(), settings.dayStartHour);
      if (action === 'reset' || action === 'remove') {
        setEntries((prev) => prev.map((entry) => (entry.cardId === id ? { ...entry, undoable: false } : entry)));
      }
      markAnswered(versionKey(card));
      setPinned(null);
      setNotice(undefined);
      announce(ACTION_DONE[action]);
    });
    return undo;
  };

  const undoAction = (undo: CardUndo) =>
    exclusive(async () => {
      await undoCardAction(db, undo);
      const { id } = undo.card;
      // Its ratings in this session can be undone again now that its history is back.
      setEntries((prev) =>
        prev.map((entry) =>
          entry.cardId === id ? { ...entry, undoable: undo.logs.some((l) => l.id === entry.logId) } : entry,
        ),
      );
      setAnswered((prev) => {
        const next = new Set(prev);
        next.delete(versionKey(undo.card));
        return next;
      });
      setPinned(undo.card);
      setRevealedKey(null);
      setNotice(undefined);
      announce('Undone. The card is back.');
    });

  const addFundamentals = () =>
    exclusive(async () => {
      const inDeck = new Set(await db.cards.toCollection().primaryKeys());
      const ids = knowledgeOrder.filter((id) => !inDeck.has(id)).slice(0, STARTER_CARDS);
      const { added } = await addCards(db, ids, 'manual', clock(), knowledgeOrder);
      setNotice(undefined);
      announce(added.length === 1 ? 'Added 1 card.' : `Added ${added.length} cards.`);
    });

  let canUndo = false;
  for (const entry of entries) if (entry.undoable) canUndo = true;

  return {
    status: queueResult.status === 'error' ? 'error' : queue === null ? 'loading' : 'ready',
    error: queueResult.status === 'error' ? queueResult.error : undefined,
    card,
    revealed,
    previews,
    remaining,
    session: sessionStats(entries),
    canUndo,
    busy,
    announcement,
    notice,
    deck,
    clock,
    reveal,
    rate: rateCard,
    undo,
    act,
    undoAction,
    addFundamentals,
  };
}
