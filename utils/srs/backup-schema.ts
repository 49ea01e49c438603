/**
 * The backup file format, version 1. Every message names what was expected so the first problem in a bad
 * file can be reported as "cards[3].due: expected a number". The entries' key order is the export key order.
 */
import * as v from 'valibot';
import {
  CARD_FIELDS,
  CardIdSchema,
  DayKeySchema,
  MAX_TIME,
  MIN_TIME,
  ProblemKeySchema,
  ProblemUrlSchema,
  SAVED_FIELDS,
  SNAPSHOT_FIELDS,
  time,
  whole,
} from '@/utils/records/schema';
import { ThemeSchema } from '@/utils/settings';
import { isDayKey } from '@/utils/srs/day';
import { SrsSettingsSchema } from '@/utils/srs/settings';

export { MAX_TIME, MIN_TIME };

export const BACKUP_FORMAT = 'awaitwise-backup';
export const BACKUP_VERSION = 1;
/**
 * Checked on the text before JSON.parse, so a huge file is refused without being parsed. A review log is
 * about 500 bytes, so 64 MiB holds some 120,000 reviews: years of daily study.
 */
export const MAX_BACKUP_CHARS = 64 * 1024 * 1024;

const list = <T extends v.GenericSchema>(item: T, max: number) =>
  v.pipe(v.array(item, 'expected an array'), v.maxLength(max, `expected at most ${max} entries`));

export const CardSnapshotSchema = v.strictObject(SNAPSHOT_FIELDS, 'expected an object');

/** A card as the database stores it (utils/db.ts CardRecord), field for field. */
export const CardSchema = v.strictObject(
  { id: CardIdSchema, ...SNAPSHOT_FIELDS, ...CARD_FIELDS },
  'expected an object',
);

export const ReviewLogSchema = v.strictObject(
  {
    id: whole(1, Number.MAX_SAFE_INTEGER),
    cardId: CardIdSchema,
    rating: v.picklist([1, 2, 3, 4], 'expected a rating: 1, 2, 3 or 4'),
    reviewedAt: time(),
    dayKey: DayKeySchema,
    before: CardSnapshotSchema,
    after: CardSnapshotSchema,
    elapsedMs: v.optional(whole(0, 86_400_000)),
  },
  'expected an object',
);

/** A saved problem as the database stores it (utils/db.ts SavedProblem). */
export const SavedSchema = v.strictObject({ url: ProblemUrlSchema, ...SAVED_FIELDS }, 'expected an object');

/**
 * The user's settings and hidden badges. Each part is checked and restored on its own, after the cards: a
 * damaged part is skipped and reported, and the user's own value for it stays.
 */
export const BackupSettingsSchema = v.strictObject(
  {
    /** Site id → badge on or off; ids this version does not know are skipped. */
    sites: v.record(v.string(), v.boolean('expected true or false'), 'expected an object'),
    theme: v.picklist(ThemeSchema.options, `expected one of ${ThemeSchema.options.join(', ')}`),
    srs: v.strictObject(SrsSettingsSchema.entries, 'expected an object'),
    /** Problems whose badge was hidden (`site:slug`), oldest first. */
    hiddenBadges: list(ProblemKeySchema, 1000),
  },
  'expected an object',
);

export type BackupSettings = v.InferOutput<typeof BackupSettingsSchema>;

const head = {
  format: v.literal(BACKUP_FORMAT, `expected "${BACKUP_FORMAT}"`),
  version: v.literal(BACKUP_VERSION, `expected ${BACKUP_VERSION}`),
  exportedAt: v.pipe(
    v.string('expected a string'),
    v.isoTimestamp('expected an ISO date and time'),
    // Date.parse rolls 2024-02-30 over to March, so the calendar date is checked on its own.
    v.check(
      (s) => isDayKey(s.slice(0, 10)) && Date.parse(s) >= MIN_TIME && Date.parse(s) <= MAX_TIME,
      'impossible date',
    ),
  ),
};
const MAX_CARDS = 100_000;
const MAX_LOGS = 2_000_000;
const MAX_SAVED = 100_000;

/** The whole file. Version 1 files written before settings were backed up have no `settings`. */
export const BackupSchema = v.strictObject(
  {
    ...head,
    cards: list(CardSchema, MAX_CARDS),
    reviewLogs: list(ReviewLogSchema, MAX_LOGS),
    saved: list(SavedSchema, MAX_SAVED),
    settings: v.optional(BackupSettingsSchema),
  },
  'expected a JSON object',
);

/**
 * The file's outline, checked first: the lists' entries are then checked one at a time in slices (so a
 * large file does not freeze the page), and the settings part by part.
 */
export const BackupOutlineSchema = v.strictObject(
  {
    ...head,
    cards: list(v.unknown(), MAX_CARDS),
    reviewLogs: list(v.unknown(), MAX_LOGS),
    saved: list(v.unknown(), MAX_SAVED),
    settings: v.optional(v.unknown()),
  },
  'expected a JSON object',
);

export type Backup = v.InferOutput<typeof BackupSchema>;

/** Rebuilds `value` with `schema`'s key order (absent optional keys stay absent). */
export function inKeyOrder<T extends object>(value: T, schema: { entries: object }): T {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(schema.entries)) {
    const field = (value as Record<string, unknown>)[key];
    if (field !== undefined) out[key] = field;
  }
  return out as T;
}
