/** Managing the deck: adding, removing, suspending, burying and resetting cards. */
import { createEmptyCard } from 'ts-fsrs';
import type { AwaitwiseDb, CardRecord, CardSource } from '@/utils/db';
import { startOfNextDay } from '@/utils/srs/day';
import { newCardRecord, snapshotOf } from '@/utils/srs/scheduler';

export function getCard(db: AwaitwiseDb, id: string): Promise<CardRecord | undefined> {
  return db.cards.get(id);
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

/** Removes a card and its review history, so no log is left pointing at a missing card. */
export function removeCard(db: AwaitwiseDb, id: string): Promise<void> {
  return db.transaction('rw', db.cards, db.reviewLogs, async () => {
    await db.reviewLogs.where('cardId').equals(id).delete();
    await db.cards.delete(id);
  });
}

/** Returns false when the card is not in the deck. */
export async function suspend(db: AwaitwiseDb, id: string): Promise<boolean> {
  return (await db.cards.update(id, { suspended: 1 })) === 1;
}

export async function unsuspend(db: AwaitwiseDb, id: string): Promise<boolean> {
  return (await db.cards.update(id, { suspended: 0 })) === 1;
}

/** Hides the card until the next study day begins. */
export async function buryUntilTomorrow(
  db: AwaitwiseDb,
  id: string,
  now: number,
  dayStartHour: number,
): Promise<boolean> {
  return (await db.cards.update(id, { buriedUntil: startOfNextDay(now, dayStartHour) })) === 1;
}

/**
 * Forgets everything learnt about a card: it becomes new again with reps and lapses at 0 and the leech flag
 * cleared, keeping its place in the new-card order. Its history stays in the logs (stats still count it).
 */
export function resetCard(db: AwaitwiseDb, id: string, now: number): Promise<CardRecord | undefined> {
  return db.transaction('rw', db.cards, async () => {
    const current = await db.cards.get(id);
    if (!current) return undefined;
    const card: CardRecord = { ...current, ...snapshotOf(createEmptyCard(new Date(now)), 0), buriedUntil: 0 };
    await db.cards.put(card);
    return card;
  });
}
