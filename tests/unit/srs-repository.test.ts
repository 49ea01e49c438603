import { describe, expect, it } from 'vitest';
import { type AwaitwiseDb } from '@/utils/db';
import {
  addCards,
  buryUntilTomorrow,
  getCard,
  removeCard,
  resetCard,
  sortByKnowledgeOrder,
  suspend,
  unsuspend,
} from '@/utils/srs/repository';
import { rate } from '@/utils/srs/review';
import { LEECH_LAPSES, Rating, State, pickSnapshot } from '@/utils/srs/scheduler';
import { DEFAULT_SRS_SETTINGS } from '@/utils/srs/settings';
import { throwawayDbs } from './srs-throwaway-db';

const T0 = new Date(2024, 4, 6, 12, 0).getTime();

const freshDb = throwawayDbs();

const positions = async (db: AwaitwiseDb) =>
  Object.fromEntries((await db.cards.toArray()).map((c) => [c.id, [c.position, c.source]]));

describe('addCards', () => {
  it('adds new cards once, in knowledge order, behind the existing ones', async () => {
    const db = freshDb();
    const order = ['a', 'b', 'c', 'd'];
    expect(await addCards(db, ['c', 'a', 'a'], 'auto', T0, order)).toEqual({ added: ['a', 'c'], promoted: [] });
    expect(await addCards(db, ['d', 'b', 'a'], 'manual', T0 + 1, order)).toEqual({ added: ['b', 'd'], promoted: [] });
    expect(await positions(db)).toEqual({ a: [0, 'auto'], c: [1, 'auto'], b: [2, 'manual'], d: [3, 'manual'] });
    const before = await db.cards.toArray();
    expect(await addCards(db, ['a', 'b', 'c', 'd'], 'auto', T0 + 2, order)).toEqual({ added: [], promoted: [] });
    expect(await db.cards.toArray()).toEqual(before);
    expect(await getCard(db, 'a')).toMatchObject({
      state: State.New,
      due: T0,
      addedAt: T0,
      reps: 0,
      last_review: null,
      suspended: 0,
      buriedUntil: 0,
      leech: 0,
    });
  });

  it('puts problem cards in front, latest problem first, promoting new cards that were already there', async () => {
    const db = freshDb();
    await addCards(db, ['a', 'b', 'c'], 'auto', T0);
    const shown = (await getCard(db, 'a'))!;
    await rate(db, 'a', Rating.Good, T0, DEFAULT_SRS_SETTINGS, { expected: shown });

    expect(await addCards(db, ['x', 'c', 'a'], 'problem', T0 + 1, ['a', 'c', 'x'])).toEqual({
      added: ['x'],
      promoted: ['c'],
    });
    // `a` has been studied, so it keeps its place and source.
    expect(await positions(db)).toEqual({ a: [0, 'auto'], b: [1, 'auto'], c: [-2, 'problem'], x: [-1, 'problem'] });

    expect(await addCards(db, ['y', 'x'], 'problem', T0 + 2)).toEqual({ added: ['y'], promoted: [] });
    expect((await getCard(db, 'y'))!.position).toBe(-3);
    expect(await addCards(db, ['y', 'x'], 'problem', T0 + 3)).toEqual({ added: [], promoted: [] });
    expect((await getCard(db, 'y'))!.position).toBe(-3);
  });

  it('sorts by knowledge order, keeping unknown ids last in their order', () => {
    expect(sortByKnowledgeOrder(['z', 'b', 'y', 'a'], ['a', 'b'])).toEqual(['a', 'b', 'z', 'y']);
  });
});

describe('card actions', () => {
  it('suspends and unsuspends', async () => {
    const db = freshDb();
    await addCards(db, ['a'], 'manual', T0);
    expect(await suspend(db, 'a')).toBe(true);
    expect((await getCard(db, 'a'))!.suspended).toBe(1);
    expect(await unsuspend(db, 'a')).toBe(true);
    expect((await getCard(db, 'a'))!.suspended).toBe(0);
    expect(await suspend(db, 'missing')).toBe(false);
  });

  it('buries until the next study day begins', async () => {
    const db = freshDb();
    await addCards(db, ['a'], 'manual', T0);
    expect(await buryUntilTomorrow(db, 'a', new Date(2024, 4, 7, 2, 0).getTime(), 4)).toBe(true);
    expect((await getCard(db, 'a'))!.buriedUntil).toBe(new Date(2024, 4, 7, 4, 0).getTime());
    await buryUntilTomorrow(db, 'a', new Date(2024, 4, 7, 5, 0).getTime(), 4);
    expect((await getCard(db, 'a'))!.buriedUntil).toBe(new Date(2024, 4, 8, 4, 0).getTime());
  });

  it('resets a card to new, clearing lapses and the leech flag but keeping its place and history', async () => {
    const db = freshDb();
    await addCards(db, ['a'], 'problem', T0);
    await db.cards.update('a', {
      state: State.Review,
      reps: 20,
      lapses: LEECH_LAPSES,
      leech: 1,
      last_review: T0,
      due: T0 + 86_400_000,
      stability: 3,
      difficulty: 8,
      buriedUntil: T0 + 1000,
    });
    const snapshot = pickSnapshot((await getCard(db, 'a'))!);
    await db.reviewLogs.add({
      cardId: 'a',
      rating: 1,
      reviewedAt: T0,
      dayKey: '2024-05-06',
      before: snapshot,
      after: snapshot,
    });
    const reset = await resetCard(db, 'a', T0 + 5000);
    expect(reset).toMatchObject({
      state: State.New,
      reps: 0,
      lapses: 0,
      leech: 0,
      last_review: null,
      due: T0 + 5000,
      stability: 0,
      difficulty: 0,
      buriedUntil: 0,
      position: -1,
      source: 'problem',
    });
    expect(await getCard(db, 'a')).toEqual(reset);
    expect(await db.reviewLogs.count()).toBe(1);
    expect(await resetCard(db, 'missing', T0)).toBeUndefined();
  });

  it('removes a card with its logs, leaving other cards alone', async () => {
    const db = freshDb();
    await addCards(db, ['a', 'b'], 'manual', T0);
    for (const id of ['a', 'b']) {
      const shown = (await getCard(db, id))!;
      await rate(db, id, Rating.Good, T0, DEFAULT_SRS_SETTINGS, { expected: shown });
    }
    await removeCard(db, 'a');
    expect(await getCard(db, 'a')).toBeUndefined();
    expect((await db.reviewLogs.toArray()).map((l) => l.cardId)).toEqual(['b']);
    expect(await getCard(db, 'b')).toBeDefined();
  });
});
