/** Dexie version 4 (sync's tables): a version-3 database upgrades with every row kept and the new tables empty. */
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { V1_STORES, V2_STORES, V3_STORES } from '@/utils/db';
import { addCards } from '@/utils/srs/repository';
import { DEFAULT_SRS_SETTINGS } from '@/utils/srs/settings';
import { loadStats } from '@/utils/srs/stats';
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

describe('stats with other devices', () => {
  it("counts other devices' daily reviews in streak and heatmap", async () => {
    const db = freshDb();
    const now = Date.UTC(2026, 11, 1, 12);
    await db.remoteDays.bulkPut([
      { device: 'laptop', dayKey: '2026-12-01', count: 3 },
      { device: 'laptop', dayKey: '2026-11-30', count: 2 },
      { device: 'tablet', dayKey: '2026-12-01', count: 1 },
    ]);
    const stats = await loadStats(db, now, DEFAULT_SRS_SETTINGS);
    expect(stats.streak).toBe(2);
    expect(stats.heatmap.at(-1)).toEqual({ dayKey: '2026-12-01', count: 4 });
    expect(stats.heatmap.at(-2)).toEqual({ dayKey: '2026-11-30', count: 2 });
  });
});
