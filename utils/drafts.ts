/** The user's edited copies of snippets and practice files (Dexie `drafts`): the one place that writes them. */
import type { AwaitwiseDb } from '@/utils/db';

export async function loadDraft(db: AwaitwiseDb, key: string): Promise<string | undefined> {
  return (await db.drafts.get(key))?.code;
}

export async function saveDraft(db: AwaitwiseDb, key: string, code: string, now = Date.now()): Promise<void> {
  await db.drafts.put({ key, code, updatedAt: now });
}

export async function clearDraft(db: AwaitwiseDb, key: string): Promise<void> {
  await db.drafts.delete(key);
}
