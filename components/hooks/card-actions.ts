/**
 * Card actions that can be taken back: each one first records the card and its review history, and undo
 * writes that record back as it was (suspend, bury, reset and remove alike).
 */
import type { AwaitwiseDb, CardRecord, ReviewLogRecord } from '@/utils/db';
import { buryUntilTomorrow, removeCard, resetCard, suspend, unsuspend } from '@/utils/srs/repository';
import type { CardAction } from './review-session';

export type DeckAction = CardAction | 'unsuspend';

export interface CardUndo {
  action: DeckAction;
  card: CardRecord;
  logs: ReviewLogRecord[];
}

/** Does `action` to the card; null when the card is not in the deck. */
export async function applyCardAction(
  db: AwaitwiseDb,
  id: string,
  action: DeckAction,
  now: number,
  dayStartHour: number,
): Promise<CardUndo | null> {
  const before = await db.transaction('r', db.cards, db.reviewLogs, async () => {
    const card = await db.cards.get(id);
    return card ? { card, logs: await db.reviewLogs.where('cardId').equals(id).toArray() } : null;
  });
  if (!before) return null;
  switch (action) {
    case 'suspend':
      await suspend(db, id);
      break;
    case 'unsuspend':
      await unsuspend(db, id);
      break;
    case 'bury':
      await buryUntilTomorrow(db, id, now, dayStartHour);
      break;
    case 'reset':
      await resetCard(db, id, now);
      break;
    case 'remove':
      await removeCard(db, id);
      break;
  }
  return { action, ...before };
}

/** Puts the card and its history back as they were before the action. */
export function undoCardAction(db: AwaitwiseDb, undo: CardUndo): Promise<void> {
  return db.transaction('rw', db.cards, db.reviewLogs, async () => {
    await db.cards.put(undo.card);
    if (undo.logs.length) await db.reviewLogs.bulkPut(undo.logs);
  });
}

/** What the toast says after an action. */
export const ACTION_DONE: Readonly<Record<DeckAction, string>> = {
  suspend: 'Card suspended. It stays out of reviews until you unsuspend it.',
  unsuspend: 'Card unsuspended. It is back in your reviews.',
  bury: 'Card buried until tomorrow.',
  reset: 'Card reset. It will come back as a new card.',
  remove: 'Card removed from your deck, with its review history.',
};
