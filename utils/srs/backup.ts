/**
 * Export and import of the whole study state and the settings. An import is validated completely before the
 * database is touched (utils/srs/backup-parse.ts), then written in one transaction, so a bad file, or an
 * import cut off half way, changes nothing; the settings are restored only once the records are written.
 */
import { storage } from 'wxt/utils/storage';
import type { AwaitwiseDb, CardRecord, ReviewLogRecord, SavedProblem } from '@/utils/db';
import { parseBackup, type ImportProgress, type SetAside } from '@/utils/srs/backup-parse';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  CardSchema,
  CardSnapshotSchema,
  MAX_BACKUP_CHARS,
  ReviewLogSchema,
  SavedSchema,
  inKeyOrder,
  type Backup,
} from '@/utils/srs/backup-schema';
import { exportSettings, restoreSettings, type SettingsPart } from '@/utils/srs/backup-settings';
import { clearDeck, putCards } from '@/utils/srs/repository';
import { addLogs } from '@/utils/srs/review-log';
import { clearSaved, putSaved } from '@/utils/saved';

export {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  MAX_BACKUP_CHARS,
  parseBackup,
  type Backup,
  type ImportProgress,
  type SetAside,
};

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const orderedLog = (log: ReviewLogRecord): ReviewLogRecord =>
  inKeyOrder(
    { ...log, before: inKeyOrder(log.before, CardSnapshotSchema), after: inKeyOrder(log.after, CardSnapshotSchema) },
    ReviewLogSchema,
  );

/** Everything in the database and the settings, sorted and in a fixed key order so equal data gives equal JSON. */
export async function exportBackup(db: AwaitwiseDb, now: number): Promise<Backup> {
  const [cards, reviewLogs, saved] = await db.transaction('r', db.cards, db.reviewLogs, db.saved, () =>
    Promise.all([db.cards.toArray(), db.reviewLogs.toArray(), db.saved.toArray()]),
  );
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: new Date(now).toISOString(),
    cards: cards.sort((a, b) => byString(a.id, b.id)).map((c) => inKeyOrder(c, CardSchema)),
    reviewLogs: reviewLogs.sort((a, b) => a.id - b.id).map(orderedLog),
    saved: saved.sort((a, b) => byString(a.url, b.url)).map((s) => inKeyOrder(s, SavedSchema)),
    settings: await exportSettings(),
  };
}

/** The text to save as the backup file: compact, because the 64 MiB import cap is what limits the history size. */
export function serialiseBackup(backup: Backup): string {
  return JSON.stringify(backup);
}

/** Where skipped cards and their history wait (storage.local), newest import's copy of a card winning. */
export const setAsideItem = storage.defineItem<SetAside>('local:backupSetAside', {
  fallback: { cards: [], reviewLogs: [] },
});
/** storage.local holds 10 MB for everything; what is set aside stays well under it. */
const SET_ASIDE_MAX_CHARS = 2_000_000;

/** Keeps skipped cards and their logs; false when they would not fit (the import then says so). */
export async function keepAside(extra: SetAside): Promise<boolean> {
  if (extra.cards.length === 0) return true;
  const current = await setAsideItem.getValue();
  const ids = new Set(extra.cards.map((c) => c.id));
  const next: SetAside = {
    cards: [...current.cards.filter((c) => !ids.has(c.id)), ...extra.cards],
    reviewLogs: [...current.reviewLogs.filter((l) => !ids.has(l.cardId)), ...extra.reviewLogs],
  };
  if (JSON.stringify(next).length > SET_ASIDE_MAX_CHARS) return false;
  await setAsideItem.setValue(next);
  return true;
}

export type ImportMode = 'replace' | 'merge';

export interface ImportSummary {
  cardsAdded: number;
  cardsUpdated: number;
  logsAdded: number;
  savedAdded: number;
  /** Ids of cards the knowledge base does not know: skipped, with their `logsSetAside` reviews kept aside. */
  cardsSetAside: string[];
  logsSetAside: number;
  /** False when the set-aside history was too large to keep. */
  setAsideKept: boolean;
  /** The settings parts restored from the file; none for a backup made before backups held settings. */
  settingsRestored: SettingsPart[];
  /** Why a settings part was not restored (the user's own value stayed), one line each. */
  settingsSkipped: string[];
  /** Parts the file holds that a merge left as the user had them, because they did not ask to restore them. */
  settingsKept: SettingsPart[];
}

export interface ImportOptions {
  onProgress?: (progress: ImportProgress) => void;
  /**
   * Whether the file's sites, theme and flashcard settings replace the user's. A replace always restores them; a
   * merge only when the user asks, since merging is about progress. Hidden badges are data: a merge adds them.
   */
  restoreSettings?: boolean;
}

/** Reviews per write (see addLogs). */
const WRITE_CHUNK = 500;

const logKey = (log: Pick<ReviewLogRecord, 'cardId' | 'reviewedAt' | 'rating'>) =>
  `${log.cardId}\u0000${log.reviewedAt}\u0000${log.rating}`;

type WriteSummary = Pick<ImportSummary, 'cardsAdded' | 'cardsUpdated' | 'logsAdded' | 'savedAdded'>;

/**
 * Writes a parsed backup in one transaction. `replace` makes the database equal to the file. `merge` keeps
 * local data: per card the more recently reviewed copy wins (ties keep the local one); logs are added unless
 * one with the same card, time and rating exists, under new ids; saved problems are added when missing.
 * Only Dexie operations are awaited inside, so the transaction never commits early.
 */
export function importBackup(
  db: AwaitwiseDb,
  backup: Backup,
  mode: ImportMode,
  options: ImportOptions = {},
): Promise<WriteSummary> {
  const total = backup.reviewLogs.length;
  const writeLogs = async (logs: readonly ReviewLogRecord[] | readonly Omit<ReviewLogRecord, 'id'>[]) => {
    options.onProgress?.({ phase: 'writing', done: 0, total });
    // Counted in the file's reviews: in a merge the ones already here are passed over, not written.
    await addLogs(db, logs, WRITE_CHUNK, (written) =>
      options.onProgress?.({ phase: 'writing', done: Math.round((written / logs.length) * total), total }),
    );
    if (logs.length === 0) options.onProgress?.({ phase: 'writing', done: total, total });
  };
  return db.transaction('rw', db.cards, db.reviewLogs, db.saved, async (): Promise<WriteSummary> => {
    if (mode === 'replace') {
      await Promise.all([clearDeck(db), clearSaved(db)]);
      await putCards(db, backup.cards satisfies CardRecord[]);
      await writeLogs(backup.reviewLogs satisfies ReviewLogRecord[]);
      await putSaved(db, backup.saved satisfies SavedProblem[]);
      return {
        cardsAdded: backup.cards.length,
        cardsUpdated: 0,
        logsAdded: backup.reviewLogs.length,
        savedAdded: backup.saved.length,
      };
    }
    const local = await db.cards.bulkGet(backup.cards.map((c) => c.id));
    const lastReview = (c: { last_review: number | null }) => c.last_review ?? -Infinity;
    const added = backup.cards.filter((_, i) => !local[i]);
    const updated = backup.cards.filter((c, i) => {
      const mine = local[i];
      return mine && lastReview(c) > lastReview(mine);
    });
    const seen = new Set<string>();
    // Read in pages, like the writes, so a long local history does not arrive as one block.
    for (let after = 0; ;) {
      const page = await db.reviewLogs.where(':id').above(after).limit(WRITE_CHUNK).toArray();
      for (const log of page) seen.add(logKey(log));
      if (page.length < WRITE_CHUNK) break;
      after = page.at(-1)!.id;
    }
    const newLogs: Omit<ReviewLogRecord, 'id'>[] = [];
    for (const { id: _fileId, ...log } of backup.reviewLogs) {
      const key = logKey(log);
      if (seen.has(key)) continue;
      seen.add(key);
      newLogs.push(log);
    }
    const localUrls = new Set(await db.saved.toCollection().primaryKeys());
    const newSaved = backup.saved.filter((s) => !localUrls.has(s.url));
    await putCards(db, [...added, ...updated] satisfies CardRecord[]);
    await writeLogs(newLogs);
    await putSaved(db, newSaved satisfies SavedProblem[]);
    return {
      cardsAdded: added.length,
      cardsUpdated: updated.length,
      logsAdded: newLogs.length,
      savedAdded: newSaved.length,
    };
  });
}

export type ImportResult = { ok: true; summary: ImportSummary } | { ok: false; error: string };

/**
 * The import button's whole path: validate the text, then write it, or report why not and write nothing.
 * Settings come last and on their own: a damaged settings part never stops the cards from importing.
 */
export async function importBackupText(
  db: AwaitwiseDb,
  text: string,
  knownCardIds: ReadonlySet<string>,
  mode: ImportMode,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const parsed = await parseBackup(text, knownCardIds, options);
  if (!parsed.ok) return parsed;
  const written = await importBackup(db, parsed.backup, mode, options);
  const setAsideKept = await keepAside(parsed.setAside);
  const settingsSkipped = [...(parsed.settings?.skipped ?? [])];
  const { hiddenBadges, ...choices } = parsed.settings?.parts ?? {};
  const restore = mode === 'replace' || options.restoreSettings === true;
  const settingsKept = restore
    ? []
    : (['sites', 'theme', 'srs'] as const).filter((part) => choices[part] !== undefined);
  let settingsRestored: SettingsPart[] = [];
  try {
    settingsRestored = await restoreSettings(restore ? { ...choices, hiddenBadges } : { hiddenBadges }, mode);
  } catch (error) {
    settingsSkipped.push(`settings: could not be saved (${error instanceof Error ? error.message : String(error)})`);
  }
  return {
    ok: true,
    summary: {
      ...written,
      cardsSetAside: parsed.setAside.cards.map((c) => c.id),
      logsSetAside: parsed.setAside.reviewLogs.length,
      setAsideKept,
      settingsRestored,
      settingsSkipped,
      settingsKept,
    },
  };
}
