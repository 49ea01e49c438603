/**
 * Export and import of the whole study state. An import is validated completely before the database is
 * touched, then written in one transaction, so a bad file changes nothing.
 */
import * as v from 'valibot';
import { storage } from 'wxt/utils/storage';
import type { AwaitwiseDb, CardRecord, ReviewLogRecord, SavedProblem } from '@/utils/db';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  BackupSchema,
  CardSchema,
  CardSnapshotSchema,
  MAX_BACKUP_CHARS,
  ReviewLogSchema,
  SavedSchema,
  inKeyOrder,
  type Backup,
} from '@/utils/srs/backup-schema';

export { BACKUP_FORMAT, BACKUP_VERSION, MAX_BACKUP_CHARS, type Backup };

const CARD_ID = /^[a-z0-9-]{1,80}$/;

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const orderedLog = (log: ReviewLogRecord): ReviewLogRecord =>
  inKeyOrder(
    { ...log, before: inKeyOrder(log.before, CardSnapshotSchema), after: inKeyOrder(log.after, CardSnapshotSchema) },
    ReviewLogSchema,
  );

/** Everything in the database, sorted and in a fixed key order so equal data always gives equal JSON. */
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
  };
}

/** The text to save as the backup file: compact, because the 64 MiB import cap is what limits the history size. */
export function serialiseBackup(backup: Backup): string {
  return JSON.stringify(backup);
}

/**
 * Cards the knowledge base does not know (removed by an update, or put in the deck by a bug), with their
 * review history: skipped on import, reported, and kept aside (see keepAside) rather than silently dropped.
 */
export interface SetAside {
  cards: Backup['cards'];
  reviewLogs: Backup['reviewLogs'];
}

export type ParseResult = { ok: true; backup: Backup; setAside: SetAside } | { ok: false; error: string };

function pathOf(items: readonly v.IssuePathItem[] = []): string {
  let path = '';
  for (const item of items) {
    const key = item.key as string | number;
    path += typeof key === 'number' ? `[${key}]` : path ? `.${key}` : key;
  }
  return path;
}

function describe(issue: v.BaseIssue<unknown>): string {
  const path = pathOf(issue.path);
  if (issue.type === 'strict_object' && issue.kind === 'schema' && issue.path) {
    // valibot treats an array as an object and reports its first missing key; name the real problem.
    const last = issue.path.at(-1);
    if (last?.type === 'object' && Array.isArray(last.input)) {
      return `${pathOf(issue.path.slice(0, -1))}: expected an object`;
    }
    if (issue.expected === 'never') return `${path}: unexpected field`;
    if (issue.input === undefined) return `${path}: missing`;
  }
  return path ? `${path}: ${issue.message}` : issue.message;
}

const fail = (error: string): ParseResult => ({ ok: false, error });

/** The first cross-record problem: what the schema cannot see one record at a time. */
function findInconsistency(backup: Backup): string | undefined {
  const cardIds = new Set<string>();
  for (const [i, card] of backup.cards.entries()) {
    // Unknown but well-formed ids are set aside; a malformed one was never written by this extension.
    if (!CARD_ID.test(card.id)) return `cards[${i}].id: not a card id "${card.id.slice(0, 80)}"`;
    if (cardIds.has(card.id)) return `cards[${i}].id: duplicate card "${card.id}"`;
    cardIds.add(card.id);
  }
  const exportedAt = Date.parse(backup.exportedAt);
  const logIds = new Set<number>();
  for (const [i, log] of backup.reviewLogs.entries()) {
    if (logIds.has(log.id)) return `reviewLogs[${i}].id: duplicate log id ${log.id}`;
    logIds.add(log.id);
    if (!cardIds.has(log.cardId)) return `reviewLogs[${i}].cardId: card "${log.cardId}" is not in the file`;
    if (log.reviewedAt > exportedAt) return `reviewLogs[${i}].reviewedAt: impossible date (after the export)`;
  }
  const urls = new Set<string>();
  for (const [i, saved] of backup.saved.entries()) {
    if (urls.has(saved.url)) return `saved[${i}].url: duplicate "${saved.url}"`;
    urls.add(saved.url);
  }
  return undefined;
}

/**
 * Validates a backup file's text. The error names the first problem found, with its place in the file.
 * `knownCardIds` are the knowledge base's question cards: a card it does not know cannot be shown.
 */
export function parseBackup(text: string, knownCardIds: ReadonlySet<string>): ParseResult {
  if (text.length > MAX_BACKUP_CHARS) {
    return fail(
      `The file is too large (${(text.length / 1048576).toFixed(1)} MB; a backup is at most ${MAX_BACKUP_CHARS / 1048576} MB).`,
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return fail(`Not a JSON file (${(error as Error).message}).`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return fail('Not an Awaitwise backup: expected a JSON object.');
  }
  const head = data as { format?: unknown; version?: unknown };
  if (head.format !== BACKUP_FORMAT) return fail(`format: not an Awaitwise backup (expected "${BACKUP_FORMAT}").`);
  if (head.version !== BACKUP_VERSION) {
    return fail(
      `version: unsupported backup version ${JSON.stringify(head.version) ?? 'missing'} (this version reads ${BACKUP_VERSION}).`,
    );
  }
  const parsed = v.safeParse(BackupSchema, data, { abortEarly: true });
  if (!parsed.success) return fail(describe(parsed.issues[0]));
  const problem = findInconsistency(parsed.output);
  if (problem) return fail(problem);
  const backup = parsed.output;
  const unknown = new Set(backup.cards.filter((c) => !knownCardIds.has(c.id)).map((c) => c.id));
  if (unknown.size === 0) return { ok: true, backup, setAside: { cards: [], reviewLogs: [] } };
  return {
    ok: true,
    backup: {
      ...backup,
      cards: backup.cards.filter((c) => !unknown.has(c.id)),
      reviewLogs: backup.reviewLogs.filter((l) => !unknown.has(l.cardId)),
    },
    setAside: {
      cards: backup.cards.filter((c) => unknown.has(c.id)),
      reviewLogs: backup.reviewLogs.filter((l) => unknown.has(l.cardId)),
    },
  };
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
}

const logKey = (log: Pick<ReviewLogRecord, 'cardId' | 'reviewedAt' | 'rating'>) =>
  `${log.cardId}\u0000${log.reviewedAt}\u0000${log.rating}`;

/**
 * Writes a parsed backup in one transaction. `replace` makes the database equal to the file. `merge` keeps
 * local data: per card the more recently reviewed copy wins (ties keep the local one); logs are added unless
 * one with the same card, time and rating exists, under new ids; saved problems are added when missing.
 */
export function importBackup(
  db: AwaitwiseDb,
  backup: Backup,
  mode: ImportMode,
): Promise<Omit<ImportSummary, 'cardsSetAside' | 'logsSetAside' | 'setAsideKept'>> {
  return db.transaction('rw', db.cards, db.reviewLogs, db.saved, async () => {
    if (mode === 'replace') {
      await Promise.all([db.cards.clear(), db.reviewLogs.clear(), db.saved.clear()]);
      await db.cards.bulkAdd(backup.cards as CardRecord[]);
      await db.reviewLogs.bulkAdd(backup.reviewLogs as ReviewLogRecord[]);
      await db.saved.bulkAdd(backup.saved as SavedProblem[]);
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
    const seen = new Set((await db.reviewLogs.toArray()).map(logKey));
    const newLogs: Omit<ReviewLogRecord, 'id'>[] = [];
    for (const { id: _fileId, ...log } of backup.reviewLogs) {
      const key = logKey(log);
      if (seen.has(key)) continue;
      seen.add(key);
      newLogs.push(log);
    }
    const localUrls = new Set((await db.saved.toCollection().primaryKeys()) as string[]);
    const newSaved = backup.saved.filter((s) => !localUrls.has(s.url));
    await db.cards.bulkPut([...added, ...updated] as CardRecord[]);
    await db.reviewLogs.bulkAdd(newLogs);
    await db.saved.bulkAdd(newSaved as SavedProblem[]);
    return {
      cardsAdded: added.length,
      cardsUpdated: updated.length,
      logsAdded: newLogs.length,
      savedAdded: newSaved.length,
    };
  });
}

export type ImportResult = { ok: true; summary: ImportSummary } | { ok: false; error: string };

/** The import button's whole path: validate the text, then write it, or report why not and write nothing. */
export async function importBackupText(
  db: AwaitwiseDb,
  text: string,
  knownCardIds: ReadonlySet<string>,
  mode: ImportMode,
): Promise<ImportResult> {
  const parsed = parseBackup(text, knownCardIds);
  if (!parsed.ok) return parsed;
  const written = await importBackup(db, parsed.backup, mode);
  const setAsideKept = await keepAside(parsed.setAside);
  return {
    ok: true,
    summary: {
      ...written,
      cardsSetAside: parsed.setAside.cards.map((c) => c.id),
      logsSetAside: parsed.setAside.reviewLogs.length,
      setAsideKept,
    },
  };
}
