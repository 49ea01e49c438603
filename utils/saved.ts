/** The saved table: problems the user kept to practise later. Every write to it goes through here. */
import type { AwaitwiseDb, SavedProblem } from '@/utils/db';

export async function saveProblem(
  db: AwaitwiseDb,
  problem: Omit<SavedProblem, 'savedAt'>,
  now = Date.now(),
): Promise<SavedProblem> {
  const record: SavedProblem = { ...problem, savedAt: now };
  await db.saved.put(record);
  return record;
}

/** Saved problems, newest first. */
export function listSaved(db: AwaitwiseDb): Promise<SavedProblem[]> {
  return db.saved.orderBy('savedAt').reverse().toArray();
}

export function isSaved(db: AwaitwiseDb, url: string): Promise<boolean> {
  return db.saved.get(url).then((row) => row !== undefined);
}

export function removeSaved(db: AwaitwiseDb, url: string): Promise<void> {
  return db.saved.delete(url);
}

/** Writes whole records (an import, a sync); joins the caller's transaction. */
export async function putSaved(db: AwaitwiseDb, rows: readonly SavedProblem[]): Promise<void> {
  if (rows.length) await db.saved.bulkPut(rows);
}

export async function deleteSaved(db: AwaitwiseDb, urls: readonly string[]): Promise<void> {
  if (urls.length) await db.saved.bulkDelete([...urls]);
}

export function clearSaved(db: AwaitwiseDb): Promise<void> {
  return db.saved.clear();
}
