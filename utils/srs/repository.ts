/**
 * The cards table: the deck. Every write to it goes through these functions (views, hooks, imports, sync and
 * the background alike). Each takes the db and joins the caller's transaction when there is one, so an import
 * or a sync can write cards and other tables atomically.
 */
import { createEmptyCard } from 'ts-fsrs';
import type { AwaitwiseDb, CardRecord, ReviewLogRecord } from '@/utils/db';
import type { CardSource } from '@/utils/records/schema';
import { startOfNextDay } from '@/utils/srs/day';
import { clearLogs, deleteLogsOf, restoreLogs } from '@/utils/srs/review-log';
import { newCardRecord, snapshotOf } from '@/utils/srs/scheduler';

export function getCard(db: AwaitwiseDb, id: string): Promise<CardRecord | undefined> {
  return db.cards.get(id);
}

/** Every card in the deck, in new-card order. */
export function listCards(db: AwaitwiseDb): Promise<CardRecord[]> {
  return db.cards.orderBy('position').toArray();
}

/** The ids of every card in the deck. */
export async function cardIds(db: AwaitwiseDb): Promise<Set<string>> {
  return new Set(await db.cards.toCollection().primaryKeys());
}

/** Orders ids fundamentals-first by their index in `knowledgeOrder`; ids it does not list keep their order, last. */
export function sortByKnowledgeOrder(ids: readonly string[], knowledgeOrder: readonly string[]): string[] {
  const rank = new Map(knowledgeOrder.map((id, i) => [id, i]));
  return [...ids].sort((a, b) => (rank.get(a) ?? Infinity) - (rank.get(b) ?? Infinity));
}

export interface AddCardsResult {
  added: string[];
  /** Cards already in the deck, still new, that moved to the front because a problem asked for them. */
  promoted: string[];
}

/**
 * Adds cards to the deck; ids already there are left alone, so adding twice changes nothing. `position` is
 * the new-card order the due queue follows: each batch is placed fundamentals first (by `knowledgeOrder`);
 * cards from the problem being practised go in front of every other new card (the latest problem first),
 * others go to the back. A card already in the deck that is still new moves to the front when a problem adds it.
 */
export function addCards(
  db: AwaitwiseDb,
  ids: readonly string[],
  source: CardSource,
  now: number,
  knowledgeOrder: readonly string[] = [],
): Promise<AddCardsResult> {
  return db.transaction('rw', db.cards, async () => {
    const unique = sortByKnowledgeOrder([...new Set(ids)], knowledgeOrder);
    const existing = await db.cards.bulkGet(unique);
    const toAdd = unique.filter((_, i) => !existing[i]);
    const toPromote =
      source === 'problem'
        ? existing.filter((c): c is CardRecord => !!c && c.state === 0 && c.source !== 'problem')
        : [];
    const first = (await db.cards.orderBy('position').first())?.position ?? 0;
    const last = (await db.cards.orderBy('position').last())?.position ?? -1;
    if (source === 'problem') {
      // The whole batch, in knowledge order, goes in front of the current first card.
      const moving = new Set([...toAdd, ...toPromote.map((c) => c.id)]);
      const batch = unique.filter((id) => moving.has(id));
      const positions = new Map(batch.map((id, i) => [id, first - batch.length + i]));
      const position = (id: string) => positions.get(id)!;
      await db.cards.bulkAdd(toAdd.map((id) => newCardRecord(id, source, now, position(id))));
      await db.cards.bulkPut(toPromote.map((c) => ({ ...c, source, position: position(c.id) })));
    } else {
      await db.cards.bulkAdd(toAdd.map((id, i) => newCardRecord(id, source, now, last + 1 + i)));
    }
    return { added: toAdd, promoted: toPromote.map((c) => c.id) };
  });
}

/** Writes whole card records (a rating's result, an import, a sync, an undo). */
export async function putCards(db: AwaitwiseDb, cards: readonly CardRecord[]): Promise<void> {
  if (cards.length) await db.cards.bulkPut(cards);
}

/** Removes cards and their review history, so no log is left pointing at a missing card. */
export function removeCards(db: AwaitwiseDb, ids: readonly string[]): Promise<void> {
  return db.transaction('rw', db.cards, db.reviewLogs, async () => {
    await deleteLogsOf(db, ids);
    await db.cards.bulkDelete([...ids]);
  });
}

export function removeCard(db: AwaitwiseDb, id: string): Promise<void> {
  return removeCards(db, [id]);
}

/** Empties the deck and its history (a backup restored in "replace" mode). */
export function clearDeck(db: AwaitwiseDb): Promise<void> {
  return db.transaction('rw', db.cards, db.reviewLogs, async () => {
    await Promise.all([db.cards.clear(), clearLogs(db)]);
  });
}

/** Suspends or unsuspends cards; returns how many were in the deck. */
export async function setSuspended(db: AwaitwiseDb, ids: readonly string[], suspended: boolean): Promise<number> {
  const flag = suspended ? 1 : 0;
  return db.cards.where('id').anyOf(ids).modify({ suspended: flag });
}

/** Returns false when the card is not in the deck. */
export async function suspend(db: AwaitwiseDb, id: string): Promise<boolean> {
  return (await setSuspended(db, [id], true)) === 1;
}

export async function unsuspend(db: AwaitwiseDb, id: string): Promise<boolean> {
  return (await setSuspended(db, [id], false)) === 1;
}

/** Hides the card until the next study day begins. */
export async function buryUntilTomorrow(
  db: AwaitwiseDb,
  id: string,
  now: number,
  dayStartHour: number,
): Promise<boolean> {
  return (await setBuriedUntil(db, [id], startOfNextDay(now, dayStartHour))) === 1;
}

/** Hides cards from the queue until `until` (0 unburies); returns how many were in the deck. */
export function setBuriedUntil(db: AwaitwiseDb, ids: readonly string[], until: number): Promise<number> {
  return db.cards.where('id').anyOf(ids).modify({ buriedUntil: until });
}

/**
 * Forgets everything learnt about a card: it becomes new again with reps and lapses at 0 and the leech flag
 * cleared, keeping its place in the new-card order. Its history stays in the logs (stats still count it).
 */
export async function resetCard(db: AwaitwiseDb, id: string, now: number): Promise<CardRecord | undefined> {
  const [card] = await resetCards(db, [id], now);
  return card;
}

/** `resetCard` for several cards at once; returns the reset records of those in the deck. */
export function resetCards(db: AwaitwiseDb, ids: readonly string[], now: number): Promise<CardRecord[]> {
  return db.transaction('rw', db.cards, async () => {
    const fresh = snapshotOf(createEmptyCard(new Date(now)), 0);
    const cards = (await db.cards.bulkGet([...ids]))
      .filter((c): c is CardRecord => c !== undefined)
      .map((current): CardRecord => ({ ...current, ...fresh, buriedUntil: 0 }));
    await db.cards.bulkPut(cards);
    return cards;
  });
}

/** A card with its review history, as a card action found it (what its undo puts back). */
export interface CardWithHistory {
  card: CardRecord;
  logs: ReviewLogRecord[];
}

/** The cards among `ids` that are in the deck, each with its history, read in one transaction. */
export function cardsWithHistory(db: AwaitwiseDb, ids: readonly string[]): Promise<CardWithHistory[]> {
  return db.transaction('r', db.cards, db.reviewLogs, async () => {
    const cards = (await db.cards.bulkGet([...ids])).filter((c): c is CardRecord => c !== undefined);
    const logs = cards.length
      ? await db.reviewLogs
          .where('cardId')
          .anyOf(cards.map((c) => c.id))
          .toArray()
      : [];
    return cards.map((card) => ({ card, logs: logs.filter((l) => l.cardId === card.id) }));
  });
}

/** Puts cards and their histories back exactly as `cardsWithHistory` read them. */
export function restoreCards(db: AwaitwiseDb, saved: readonly CardWithHistory[]): Promise<void> {
  return db.transaction('rw', db.cards, db.reviewLogs, async () => {
    await putCards(
      db,
      saved.map((s) => s.card),
    );
    await restoreLogs(
      db,
      saved.flatMap((s) => s.logs),
    );
  });
}
