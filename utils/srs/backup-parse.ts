/**
 * Reading a backup file: the outline first, then every card, review and saved problem one at a time in
 * short slices that give the page back between them (a 100,000-review file froze Options for 15 s when it
 * was checked in one go), then what no single record shows (duplicates, reviews of missing cards).
 */
import * as v from 'valibot';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  BackupOutlineSchema,
  CardSchema,
  MAX_BACKUP_CHARS,
  ReviewLogSchema,
  SavedSchema,
  type Backup,
} from '@/utils/srs/backup-schema';
import { parseBackupSettings, type SettingsInFile } from '@/utils/srs/backup-settings';

/**
 * Cards the knowledge base does not know (removed by an update, or put in the deck by a bug), with their
 * review history: skipped on import, reported, and kept aside (see keepAside) rather than silently dropped.
 */
export interface SetAside {
  cards: Backup['cards'];
  reviewLogs: Backup['reviewLogs'];
}

export type ParseResult =
  | {
      ok: true;
      /** The records to write (without `settings`: those are in `settings`, part by part). */
      backup: Backup;
      setAside: SetAside;
      /** Undefined for a file written before backups held settings. */
      settings: SettingsInFile | undefined;
    }
  | { ok: false; error: string };

/** How far an import is, counted in reviews: first checked, then written. */
export interface ImportProgress {
  phase: 'checking' | 'writing';
  done: number;
  total: number;
}

export interface ParseOptions {
  onProgress?: (progress: ImportProgress) => void;
}

/** Longest stretch of checking between two breaks: well under a frame, so typing and painting go on. */
const SLICE_MS = 12;
const breathe = () => new Promise<void>((resolve) => setTimeout(resolve));

function pathOf(items: readonly v.IssuePathItem[] = [], at = ''): string {
  let path = at;
  for (const item of items) {
    const key = item.key as string | number;
    path += typeof key === 'number' ? `[${key}]` : path ? `.${key}` : key;
  }
  return path;
}

/** "cards[3].due: expected a number"; `at` is the place of the value the issue's path starts from. */
export function describe(issue: v.BaseIssue<unknown>, at = ''): string {
  const path = pathOf(issue.path, at);
  if (issue.type === 'strict_object' && issue.kind === 'schema') {
    // valibot treats an array as an object and reports its first missing key; name the real problem.
    const last = issue.path?.at(-1);
    if (last?.type === 'object' && Array.isArray(last.input)) {
      return `${pathOf(issue.path!.slice(0, -1), at)}: expected an object`;
    }
    if (issue.path && issue.expected === 'never') return `${path}: unexpected field`;
    if (issue.path && issue.input === undefined) return `${path}: missing`;
  }
  return path ? `${path}: ${issue.message}` : issue.message;
}

const fail = (error: string): ParseResult => ({ ok: false, error });

/** The first cross-record problem: what the schema cannot see one record at a time. */
function findInconsistency(backup: Backup): string | undefined {
  const cardIds = new Set<string>();
  for (const [i, card] of backup.cards.entries()) {
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
 * Checks a list's entries in slices of at most SLICE_MS, breaking off at the first bad one (its message),
 * and calls `counted` with how many are done after each slice.
 */
async function checkEach<S extends v.GenericSchema>(
  name: string,
  items: readonly unknown[],
  schema: S,
  counted?: (done: number) => void,
): Promise<{ ok: true; output: v.InferOutput<S>[] } | { ok: false; error: string }> {
  const output: v.InferOutput<S>[] = [];
  let sliceStart = performance.now();
  for (let i = 0; i < items.length; i++) {
    const parsed = v.safeParse(schema, items[i], { abortEarly: true });
    if (!parsed.success) return { ok: false, error: describe(parsed.issues[0], `${name}[${i}]`) };
    output.push(parsed.output);
    // Looking at the clock every 64 entries costs nothing measurable and keeps slices short.
    if (i % 64 === 63 && performance.now() - sliceStart > SLICE_MS) {
      counted?.(i + 1);
      await breathe();
      sliceStart = performance.now();
    }
  }
  counted?.(items.length);
  return { ok: true, output };
}

/**
 * Validates a backup file's text. The error names the first problem found, with its place in the file.
 * `knownCardIds` are the knowledge base's question cards: a card it does not know cannot be shown.
 * Nothing is written here; a file that fails any check is refused whole.
 */
export async function parseBackup(
  text: string,
  knownCardIds: ReadonlySet<string>,
  options: ParseOptions = {},
): Promise<ParseResult> {
  if (text.length > MAX_BACKUP_CHARS) {
    return fail(
      `The file is too large (${(text.length / 1048576).toFixed(1)} MB; a backup is at most ${MAX_BACKUP_CHARS / 1048576} MB).`,
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return fail(`Not a JSON file (${error instanceof Error ? error.message : String(error)}).`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return fail('Not an Awaitwise backup: expected a JSON object.');
  }
  if (!('format' in data) || data.format !== BACKUP_FORMAT) {
    return fail(`format: not an Awaitwise backup (expected "${BACKUP_FORMAT}").`);
  }
  if (!('version' in data) || data.version !== BACKUP_VERSION) {
    const version = 'version' in data ? JSON.stringify(data.version) : undefined;
    return fail(`version: unsupported backup version ${version ?? 'missing'} (this version reads ${BACKUP_VERSION}).`);
  }
  const outline = v.safeParse(BackupOutlineSchema, data, { abortEarly: true });
  if (!outline.success) return fail(describe(outline.issues[0]));
  const { format, version, exportedAt, settings: rawSettings } = outline.output;
  const total = outline.output.reviewLogs.length;
  const report = (done: number) => options.onProgress?.({ phase: 'checking', done, total });

  report(0);
  const cards = await checkEach('cards', outline.output.cards, CardSchema);
  if (!cards.ok) return cards;
  const reviewLogs = await checkEach('reviewLogs', outline.output.reviewLogs, ReviewLogSchema, report);
  if (!reviewLogs.ok) return reviewLogs;
  const saved = await checkEach('saved', outline.output.saved, SavedSchema);
  if (!saved.ok) return saved;

  const backup: Backup = {
    format,
    version,
    exportedAt,
    cards: cards.output,
    reviewLogs: reviewLogs.output,
    saved: saved.output,
  };
  const problem = findInconsistency(backup);
  if (problem) return fail(problem);
  const settings = rawSettings === undefined ? undefined : parseBackupSettings(rawSettings, describe);

  const unknown = new Set(backup.cards.filter((c) => !knownCardIds.has(c.id)).map((c) => c.id));
  if (unknown.size === 0) return { ok: true, backup, setAside: { cards: [], reviewLogs: [] }, settings };
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
    settings,
  };
}
