/** Dexie version 4 (sync's tables): a version-3 database upgrades with every row kept and the new tables empty. */
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { V1_STORES, V2_STORES, V3_STORES } from '@/utils/db';
import { addCards } from '@/utils/srs/repository';
import { throwawayDbs, uniqueDbName } from './srs-throwaway-db';

const freshDb = throwawayDbs();

describe('migration from version 3', () => {
  it('keeps cards, logs, saved problems and practice progress, and adds syncShadow and remoteDays', async () => {
    const source = freshDb();
    await addCards(source, ['gather-basics'], 'manual', 1_700_000_000_000);
    const cards = await source.cards.toArray();
    const name = uniqueDbName();
    const v3 = new Dexie(name);
    v3.version(1).stores(V1_STORES);
    v3.version(2).stores(V2_STORES);
    v3.version(3).stores(V3_STORES);
    await v3.table('cards').bulkAdd(cards);
    await v3
      .table('saved')
      .add({ url: 'https://leetcode.com/problems/a/', site: 'leetcode', slug: 'a', title: 'A', savedAt: 1 });
    await v3.table('practiceProgress').add({ problemId: 'p', attempts: 2, solvedAt: 5, lastAttemptAt: 5 });
    v3.close();

    const db = freshDb(name);
    await db.open();
    expect(db.verno).toBe(4);
    expect(await db.cards.toArray()).toEqual(cards);
    expect(await db.saved.count()).toBe(1);
    expect(await db.practiceProgress.get('p')).toMatchObject({ solvedAt: 5 });
    expect(await db.syncShadow.count()).toBe(0);
    await db.remoteDays.put({ device: 'd1', dayKey: '2026-12-01', count: 3 });
    expect(await db.remoteDays.where('dayKey').equals('2026-12-01').count()).toBe(1);
  });
});
