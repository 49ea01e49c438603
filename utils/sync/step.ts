/**
 * One sync of this device: `syncStep` on plain data (repair this device's records, derive its state against the
 * last merge, merge what storage.sync holds, apply), and `syncLocal`, which runs it over the database in one
 * transaction.
 */
import * as v from 'valibot';
import type { AwaitwiseDb } from '@/utils/db';
import { deleteSaved, putSaved } from '@/utils/saved';
import { putCards, removeCards } from '@/utils/srs/repository';
import { time } from '@/utils/records/schema';
import type { Settings } from '@/utils/settings';
import { checkState, type Ignored } from './check';
import { applyState, deriveState, same, type LocalSnapshot, type LocalWrites } from './local';
import { mergeStates } from './merge';
import { repairLocal } from './repair';
import type { SyncState } from './shape';

/** Reviews per study day in this device's logs. */
async function ownDayCounts(db: AwaitwiseDb): Promise<Record<string, number>> {
  const keys = (await db.reviewLogs.orderBy('dayKey').uniqueKeys()) as string[];
  const counts = await Promise.all(keys.map((key) => db.reviewLogs.where('dayKey').equals(key).count()));
  return Object.fromEntries(keys.map((key, i) => [key, counts[i]!]));
}

export interface SyncStepResult {
  merged: SyncState;
  writes: LocalWrites;
  /** This device's own records an earlier version had let in, repaired or removed now. */
  repaired: Ignored[];
}

/**
 * One sync on plain data: repairs this device's records, derives its state against the last merge (checked like
 * anything read back, so a poisoned one is cleaned), merges `remote` (already checked: `fromItems`) and
 * returns the writes that make this device match, repairs included.
 */
export function syncStep(
  local: LocalSnapshot,
  lastMerge: unknown,
  remote: SyncState,
  device: string,
  now: number,
): SyncStepResult {
  const repair = repairLocal(local, now);
  const shadow = lastMerge === undefined ? undefined : checkState(lastMerge, now).state;
  // Built from checked records and a checked last merge, so it passes the same rules; only the clock is left.
  if (!v.is(time(), now))
    throw new Error(`this device's clock reads ${new Date(now).toISOString()}: sync waits for a correct clock`);
  const derived = deriveState(repair.local, shadow, device, now, remote);
  const merged = mergeStates(derived, remote);
  const writes = applyState(repair.local, merged, device);
  const putIds = new Set(writes.putCards.map((c) => c.id));
  writes.putCards.push(...repair.putCards.filter((c) => !putIds.has(c.id) && !writes.deleteCards.includes(c.id)));
  writes.deleteCards.push(...repair.deleteCards);
  const putUrls = new Set(writes.putSaved.map((s) => s.url));
  writes.deleteSaved.push(...repair.deleteSaved.filter((url) => !putUrls.has(url)));
  const putProblems = new Set(writes.putProgress.map((p) => p.problemId));
  writes.putProgress.push(...repair.putProgress.filter((p) => !putProblems.has(p.problemId)));
  if (repair.hidden && !writes.hidden) writes.hidden = repair.hidden;
  return { merged, writes, repaired: repair.repaired };
}

/**
 * Reads this device, merges `remote` in and writes the result, all in one transaction: a rating made in
 * another view waits for it and is then seen by the next sync, never overwritten by a stale copy.
 */
export function syncLocal(
  db: AwaitwiseDb,
  remote: SyncState,
  prefs: { settings: Settings; hidden: string[] },
  device: string,
  now: number,
): Promise<SyncStepResult> {
  const tables = [db.cards, db.reviewLogs, db.saved, db.practiceProgress, db.syncShadow, db.remoteDays];
  return db.transaction('rw', tables, async () => {
    const [cards, saved, progress, ownDays, shadowRow, remoteDays] = await Promise.all([
      db.cards.toArray(),
      db.saved.toArray(),
      db.practiceProgress.toArray(),
      ownDayCounts(db),
      db.syncShadow.get('state'),
      db.remoteDays.toArray(),
    ]);
    const local: LocalSnapshot = { cards, saved, progress, ownDays, ...prefs };
    const result = syncStep(local, shadowRow?.state, remote, device, now);
    const { merged, writes } = result;
    await putCards(db, writes.putCards);
    if (writes.deleteCards.length) await removeCards(db, writes.deleteCards);
    await putSaved(db, writes.putSaved);
    await deleteSaved(db, writes.deleteSaved);
    if (writes.putProgress.length) await db.practiceProgress.bulkPut(writes.putProgress);
    if (!same(remoteDays, writes.remoteDays)) {
      await db.remoteDays.clear();
      await db.remoteDays.bulkPut(writes.remoteDays);
    }
    if (!shadowRow || !same(shadowRow.state, merged)) await db.syncShadow.put({ key: 'state', state: merged });
    return result;
  });
}
