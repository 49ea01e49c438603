/**
 * Card actions that can be taken back, on one card (Review's card menu) or many (the deck's selection): each
 * first records the cards and their review history, and undo writes that record back as it was (suspend,
 * bury, reset and remove alike). The read and the action share one transaction.
 */
import type { AwaitwiseDb } from '@/utils/db';
import { startOfNextDay } from '@/utils/srs/day';
import {
  cardsWithHistory,
  removeCards,
  resetCards,
  restoreCards,
  setBuriedUntil,
  setSuspended,
  type CardWithHistory,
} from '@/utils/srs/repository';

/** What Review's card menu offers. */
export type CardAction = 'suspend' | 'bury' | 'reset' | 'remove';
/** What the deck offers on a selection as well. */
export type DeckAction = CardAction | 'unsuspend';

export interface CardUndo {
  action: DeckAction;
  /** The cards as they were, with their history; empty when none of them was in the deck. */
  before: CardWithHistory[];
}

/** Does `action` to the cards among `ids` that are in the deck; null when none is. */
export function applyCardAction(
  db: AwaitwiseDb,
  ids: readonly string[],
  action: DeckAction,
  now: number,
  dayStartHour: number,
): Promise<CardUndo | null> {
  return db.transaction('rw', db.cards, db.reviewLogs, async () => {
    const before = await cardsWithHistory(db, ids);
    if (before.length === 0) return null;
    const found = before.map((b) => b.card.id);
    switch (action) {
      case 'suspend':
      case 'unsuspend':
        await setSuspended(db, found, action === 'suspend');
        break;
      case 'bury':
        await setBuriedUntil(db, found, startOfNextDay(now, dayStartHour));
        break;
      case 'reset':
        await resetCards(db, found, now);
        break;
      case 'remove':
        await removeCards(db, found);
        break;
    }
    return { action, before };
  });
}

/** Puts the cards and their history back as they were before the action. */
export function undoCardAction(db: AwaitwiseDb, undo: CardUndo): Promise<void> {
  return restoreCards(db, undo.before);
}

const DONE: Readonly<Record<DeckAction, [one: string, many: string]>> = {
  suspend: ['Card suspended. It stays out of reviews until you unsuspend it.', 'cards suspended.'],
  unsuspend: ['Card unsuspended. It is back in your reviews.', 'cards unsuspended.'],
  bury: ['Card buried until tomorrow.', 'cards buried until tomorrow.'],
  reset: ['Card reset. It will come back as a new card.', 'cards reset. They will come back as new cards.'],
  remove: ['Card removed from your deck, with its review history.', 'cards removed, with their review history.'],
};

/** What the toast says after an action on `count` cards. */
export function actionDone(action: DeckAction, count = 1): string {
  const [one, many] = DONE[action];
  return count === 1 ? one : `${count} ${many}`;
}
