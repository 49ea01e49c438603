import Dexie, { type EntityTable } from 'dexie';
import { describe, expect, it } from 'vitest';
import { AwaitwiseDb, V1_STORES, V2_STORES, openDb, type SavedProblem } from '@/utils/db';
import { listSaved, removeSaved, saveProblem } from '@/utils/saved';
import { addCards } from '@/utils/srs/repository';
import { pickSnapshot } from '@/utils/srs/scheduler';
import { throwawayDbs, uniqueDbName } from './srs-throwaway-db';

const freshDb = throwawayDbs();

describe('schema', () => {
  it('declares the saved table, the cards and logs with the due-queue indexes', async () => {
    const db = freshDb();
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(3);
    expect(db.tables.map((t) => t.name).sort()).toEqual([
      'cards',
      'drafts',
      'interviews',
      'practiceAttempts',
      'practiceProgress',
      'remoteDays',
      'reviewLogs',
      'saved',
      'syncShadow',
    ]);
    const cardIndexes = db.cards.schema.indexes.map((i) => i.name).sort();
    expect(cardIndexes).toEqual(['[suspended+state+due]', '[suspended+state+position]', 'addedAt', 'position']);
    expect(db.reviewLogs.schema.primKey.auto).toBe(true);
    expect(db.reviewLogs.schema.indexes.map((i) => i.name).sort()).toEqual(['cardId', 'dayKey', 'reviewedAt']);
    expect(db.saved.schema.primKey.name).toBe('url');
  });

  it('opens under the default name', () => {
    const db = openDb();
    expect(db.name).toBe('awaitwise');
    expect(db).toBeInstanceOf(AwaitwiseDb);
  });
});

describe('saved problems', () => {
  it('saves, lists newest first, overwrites by url and removes', async () => {
    const db = freshDb();
    await saveProblem(db, { url: 'https://leetcode.com/problems/a/', site: 'leetcode', slug: 'a', title: 'A' }, 1000);
    await saveProblem(db, { url: 'https://www.codewars.com/kata/b', site: 'codewars', slug: 'b', title: 'B' }, 3000);
    await saveProblem(
      db,
      { url: 'https://exercism.org/tracks/python/exercises/c', site: 'exercism', slug: 'c', title: 'C' },
      2000,
    );
    expect((await listSaved(db)).map((s) => s.slug)).toEqual(['b', 'c', 'a']);

    await saveProblem(
      db,
      { url: 'https://leetcode.com/problems/a/', site: 'leetcode', slug: 'a', title: 'A again' },
      4000,
    );
    const list = await listSaved(db);
    expect(list).toHaveLength(3);
    expect(list[0]).toEqual({
      url: 'https://leetcode.com/problems/a/',
      site: 'leetcode',
      slug: 'a',
      title: 'A again',
      savedAt: 4000,
    });

    await removeSaved(db, 'https://www.codewars.com/kata/b');
    expect((await listSaved(db)).map((s) => s.slug)).toEqual(['a', 'c']);
  });
});

describe('migration from version 1', () => {
  it('keeps every saved problem and makes the new tables usable', async () => {
    const name = uniqueDbName();
    const rows: SavedProblem[] = Array.from({ length: 25 }, (_, i) => ({
      url: `https://leetcode.com/problems/p${i}/`,
      site: 'leetcode',
      slug: `p${i}`,
      title: `Problem ${i} — “quoted” ✓`,
      savedAt: 1_700_000_000_000 + i,
    }));
    const v1 = new Dexie(name) as Dexie & { saved: EntityTable<SavedProblem, 'url'> };
    v1.version(1).stores(V1_STORES);
    await v1.saved.bulkAdd(rows);
    expect(v1.verno).toBe(1);
    v1.close();

    const db = freshDb(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(3);
    expect(await db.saved.orderBy('savedAt').toArray()).toEqual(rows);
    expect((await listSaved(db))[0]?.slug).toBe('p24');

    await addCards(db, ['event-loop-scheduler'], 'manual', 1_700_000_100_000);
    const snapshot = pickSnapshot((await db.cards.get('event-loop-scheduler'))!);
    await db.reviewLogs.add({
      cardId: 'event-loop-scheduler',
      rating: 3,
      reviewedAt: 1_700_000_200_000,
      dayKey: '2023-11-14',
      before: snapshot,
      after: snapshot,
    });
    expect(await db.cards.count()).toBe(1);
    expect(await db.reviewLogs.where('cardId').equals('event-loop-scheduler').count()).toBe(1);
    expect(await db.saved.count()).toBe(rows.length);
  });
});

describe('migration from version 2', () => {
  it('keeps every card, log and saved problem and adds the practice tables', async () => {
    const name = uniqueDbName();
    // Cards and logs written by a real version-3 database, then replayed into a version-2-only one.
    const source = freshDb();
    await addCards(source, ['event-loop-scheduler', 'gather-basics'], 'manual', 1_700_000_100_000);
    const cards = await source.cards.toArray();
    const snapshot = pickSnapshot(cards[0]!);
    const log = {
      id: 1,
      cardId: cards[0]!.id,
      rating: 3,
      reviewedAt: 1,
      dayKey: '2023-11-14',
      before: snapshot,
      after: snapshot,
    };
    const saved = { url: 'https://leetcode.com/problems/a/', site: 'leetcode', slug: 'a', title: 'A', savedAt: 5 };
    const v2 = new Dexie(name);
    v2.version(1).stores(V1_STORES);
    v2.version(2).stores(V2_STORES);
    await v2.table('cards').bulkAdd(cards);
    await v2.table('reviewLogs').add(log);
    await v2.table('saved').add(saved);
    expect(v2.verno).toBe(2);
    v2.close();

    const db = freshDb(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(3);
    expect(await db.cards.toArray()).toEqual(cards);
    expect(await db.reviewLogs.toArray()).toEqual([log]);
    expect(await db.saved.toArray()).toEqual([saved]);
    await db.drafts.put({ key: 'practice:print-in-order', code: 'x = 1', updatedAt: 1 });
    await db.practiceProgress.put({ problemId: 'print-in-order', attempts: 1, solvedAt: null, lastAttemptAt: 1 });
    await db.practiceAttempts.add({ problemId: 'print-in-order', at: 1, passed: 0, testsPassed: 2, testsTotal: 6 });
    await db.interviews.add({ startedAt: 1, finishedAt: 2, questions: [] });
    expect(await db.drafts.get('practice:print-in-order')).toMatchObject({ code: 'x = 1' });
    expect(await db.practiceAttempts.count()).toBe(1);
    expect(await db.interviews.count()).toBe(1);
  });
});
