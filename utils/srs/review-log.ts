/**
 * The reviewLogs table: one row per rating. Written only through these functions (rating and undo in
 * utils/srs/review.ts, imports, card actions), read by stats, the deck's card info and sync. Each takes the db
 * and runs inside the caller's transaction when there is one.
 */
import type { AwaitwiseDb, ReviewLogRecord } from '@/utils/db';

/** Logs a rating; returns its new id. */
export function addLog(db: AwaitwiseDb, log: Omit<ReviewLogRecord, 'id'>): Promise<number> {
  return db.reviewLogs.add(log);
}

/**
 * Adds many logs in chunks, calling `onChunk` with how many are written so far. Between two chunks the browser
 * runs other tasks (painting, input) while the transaction stays open, because the next write is issued as
 * soon as the last one completes.
 */
export async function addLogs(
  db: AwaitwiseDb,
  logs: readonly ReviewLogRecord[] | readonly Omit<ReviewLogRecord, 'id'>[],
  chunk: number,
  onChunk?: (written: number) => void,
): Promise<void> {
  for (let start = 0; start < logs.length; start += chunk) {
    await db.reviewLogs.bulkAdd(logs.slice(start, start + chunk));
    onChunk?.(Math.min(start + chunk, logs.length));
  }
}

/** Puts logs back under their own ids (undoing a card action). */
export async function restoreLogs(db: AwaitwiseDb, logs: readonly ReviewLogRecord[]): Promise<void> {
  if (logs.length) await db.reviewLogs.bulkPut(logs);
}

export function deleteLog(db: AwaitwiseDb, id: number): Promise<void> {
  return db.reviewLogs.delete(id);
}

/** Deletes the history of these cards (they are leaving the deck). */
export async function deleteLogsOf(db: AwaitwiseDb, cardIds: readonly string[]): Promise<void> {
  if (cardIds.length) await db.reviewLogs.where('cardId').anyOf(cardIds).delete();
}

export function clearLogs(db: AwaitwiseDb): Promise<void> {
  return db.reviewLogs.clear();
}

/** A card's history, oldest first. */
export async function logsOf(db: AwaitwiseDb, cardId: string): Promise<ReviewLogRecord[]> {
  const logs = await db.reviewLogs.where('cardId').equals(cardId).toArray();
  return logs.sort((a, b) => a.reviewedAt - b.reviewedAt || a.id - b.id);
}

/** The most recent rating of all, the one undo takes back. */
export function latestLog(db: AwaitwiseDb): Promise<ReviewLogRecord | undefined> {
  return db.reviewLogs.orderBy('reviewedAt').last();
}
