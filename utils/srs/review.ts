/**
 * Rating and undo. Each runs in one read-write transaction over cards and reviewLogs, reading the card inside
 * it: IndexedDB serialises such transactions, so when the popup and the side panel both rate, the second one
 * sees the first one's result instead of a stale copy.
 */
import type { AwaitwiseDb, CardRecord, ReviewLogRecord } from '@/utils/db';
import { dayKey } from '@/utils/srs/day';
import { putCards } from '@/utils/srs/repository';
import { addLog, deleteLog, latestLog } from '@/utils/srs/review-log';
import { nextSnapshot, pickSnapshot, type Grade, type SchedulerOptions } from '@/utils/srs/scheduler';
import type { SrsSettings } from '@/utils/srs/settings';

/** The version of a card a view displayed; a rating is refused once the stored card has moved on. */
export type CardVersion = Pick<CardRecord, 'reps' | 'last_review'>;

export interface RateOptions extends SchedulerOptions {
  /** Pass the card as the view showed it. */
  expected: CardVersion;
  elapsedMs?: number;
}

export type RateResult =
  | { ok: true; card: CardRecord; log: ReviewLogRecord; becameLeech: boolean }
  | { ok: false; reason: 'missing' | 'stale' | 'suspended'; message: string };

const sameVersion = (a: CardVersion, b: CardVersion) => a.reps === b.reps && a.last_review === b.last_review;

/**
 * Rates a card and logs it. Reaching LEECH_LAPSES lapses flags the card (`leech: 1`, `becameLeech` in the
 * result) but does not suspend it: the user is told and decides, rather than a card they are struggling with
 * silently leaving the queue.
 */
export function rate(
  db: AwaitwiseDb,
  cardId: string,
  rating: Grade,
  now: number,
  settings: SrsSettings,
  options: RateOptions,
): Promise<RateResult> {
  return db.transaction('rw', db.cards, db.reviewLogs, async (): Promise<RateResult> => {
    const current = await db.cards.get(cardId);
    if (!current) return { ok: false, reason: 'missing', message: `Card "${cardId}" is not in your deck.` };
    if (!sameVersion(current, options.expected)) {
      return { ok: false, reason: 'stale', message: 'This card was already answered in another window.' };
    }
    if (current.suspended) return { ok: false, reason: 'suspended', message: 'This card is suspended.' };
    const before = pickSnapshot(current);
    const after = nextSnapshot(before, rating, now, settings, options);
    const card: CardRecord = { ...current, ...after };
    const entry: Omit<ReviewLogRecord, 'id'> = {
      cardId,
      rating,
      reviewedAt: now,
      dayKey: dayKey(now, settings.dayStartHour),
      before,
      after,
    };
    if (options.elapsedMs !== undefined) entry.elapsedMs = Math.max(0, Math.round(options.elapsedMs));
    await putCards(db, [card]);
    const id = await addLog(db, entry);
    return { ok: true, card, log: { ...entry, id }, becameLeech: before.leech === 0 && after.leech === 1 };
  });
}

export type UndoResult =
  | { ok: true; card: CardRecord; log: ReviewLogRecord }
  | { ok: false; reason: 'nothing' | 'moved' | 'changed' | 'missing'; message: string };

/**
 * Undoes the most recent rating: restores the card's `before` state and deletes the log. Pass the log id the
 * view got from `rate` so two open views cannot each undo a different rating; the card must still be in the
 * state that rating left it in (not reset or re-imported since).
 */
export function undoLast(db: AwaitwiseDb, expectedLogId?: number): Promise<UndoResult> {
  return db.transaction('rw', db.cards, db.reviewLogs, async (): Promise<UndoResult> => {
    const log = await latestLog(db);
    if (!log) return { ok: false, reason: 'nothing', message: 'There is nothing to undo.' };
    if (expectedLogId !== undefined && log.id !== expectedLogId) {
      return {
        ok: false,
        reason: 'moved',
        message: 'A later answer was given in another window; undo that one first.',
      };
    }
    const current = await db.cards.get(log.cardId);
    if (!current) return { ok: false, reason: 'missing', message: `Card "${log.cardId}" is no longer in your deck.` };
    if (!sameVersion(current, log.after)) {
      return {
        ok: false,
        reason: 'changed',
        message: 'This card has changed since that answer, so it cannot be undone.',
      };
    }
    const card: CardRecord = { ...current, ...log.before };
    await putCards(db, [card]);
    await deleteLog(db, log.id);
    return { ok: true, card, log };
  });
}
