/**
 * The backup file format, version 1. Every message names what was expected so the first problem in a bad
 * file can be reported as "cards[3].due: expected a number". The entries' key order is the export key order.
 */
import * as v from 'valibot';
import { CARD_SOURCES } from '@/utils/db';
import { SITE_IDS } from '@/utils/page-snapshot';
import { ThemeSchema } from '@/utils/settings';
import { siteForUrl } from '@/utils/sites/registry';
import { isDayKey } from '@/utils/srs/day';
import { SrsSettingsSchema } from '@/utils/srs/settings';

export const BACKUP_FORMAT = 'awaitwise-backup';
export const BACKUP_VERSION = 1;
/**
 * Checked on the text before JSON.parse, so a huge file is refused without being parsed. A review log is
 * about 500 bytes, so 64 MiB holds some 120,000 reviews: years of daily study.
 */
export const MAX_BACKUP_CHARS = 64 * 1024 * 1024;

/** Any stored time must fall in this range; outside it the date is impossible for this app. */
export const MIN_TIME = Date.UTC(2000, 0, 1);
/** FSRS can schedule up to 100 years ahead. */
export const MAX_TIME = Date.UTC(2300, 0, 1);

const number = (min: number, max: number) =>
  v.pipe(
    v.number('expected a number'),
    v.finite('expected a finite number'),
    v.minValue(min, `expected a number from ${min} to ${max}`),
    v.maxValue(max, `expected a number from ${min} to ${max}`),
  );

const whole = (min: number, max: number) =>
  v.pipe(
    v.number('expected a number'),
    v.integer('expected a whole number'),
    v.minValue(min, `expected a whole number from ${min} to ${max}`),
    v.maxValue(max, `expected a whole number from ${min} to ${max}`),
  );

const time = () =>
  v.pipe(
    v.number('expected a number (milliseconds since 1970)'),
    v.integer('expected a whole number of milliseconds'),
    v.minValue(MIN_TIME, 'impossible date (before 2000)'),
    v.maxValue(MAX_TIME, 'impossible date (after 2300)'),
  );

const text = (min: number, max: number) =>
  v.pipe(
    v.string('expected a string'),
    v.minLength(min, min === 1 ? 'expected a non-empty string' : `expected at least ${min} characters`),
    v.maxLength(max, `expected at most ${max} characters`),
  );

const flag = () => v.picklist([0, 1], 'expected 0 or 1');
const list = <T extends v.GenericSchema>(item: T, max: number) =>
  v.pipe(v.array(item, 'expected an array'), v.maxLength(max, `expected at most ${max} entries`));

const CARD_ID = text(1, 200);

const snapshotEntries = {
  due: time(),
  stability: number(0, 36500),
  difficulty: number(0, 10),
  elapsed_days: whole(0, 200_000),
  scheduled_days: whole(0, 200_000),
  learning_steps: whole(0, 1000),
  reps: whole(0, 1_000_000),
  lapses: whole(0, 1_000_000),
  state: v.picklist([0, 1, 2, 3], 'expected a state: 0, 1, 2 or 3'),
  last_review: v.nullable(time()),
  leech: flag(),
};

export const CardSnapshotSchema = v.strictObject(snapshotEntries, 'expected an object');

export const CardSchema = v.strictObject(
  {
    id: CARD_ID,
    ...snapshotEntries,
    addedAt: time(),
    suspended: flag(),
    buriedUntil: v.union([v.literal(0), time()], 'expected 0 or a date in milliseconds'),
    position: whole(-1_000_000_000, 1_000_000_000),
    source: v.picklist(CARD_SOURCES, `expected one of ${CARD_SOURCES.join(', ')}`),
  },
  'expected an object',
);

export const ReviewLogSchema = v.strictObject(
  {
    id: whole(1, Number.MAX_SAFE_INTEGER),
    cardId: CARD_ID,
    rating: v.picklist([1, 2, 3, 4], 'expected a rating: 1, 2, 3 or 4'),
    reviewedAt: time(),
    dayKey: v.pipe(v.string('expected a string'), v.check(isDayKey, 'expected a real date as YYYY-MM-DD')),
    before: CardSnapshotSchema,
    after: CardSnapshotSchema,
    elapsedMs: v.optional(whole(0, 86_400_000)),
  },
  'expected an object',
);

function isSupportedProblemUrl(url: string): boolean {
  try {
    return siteForUrl(new URL(url)) !== undefined;
  } catch {
    return false;
  }
}

export const SavedSchema = v.strictObject(
  {
    // The popup shows these as links: only https problem pages of a supported site, as page snapshots.
    url: v.pipe(
      text(1, 2048),
      v.url('expected a URL'),
      v.startsWith('https://', 'expected an https URL'),
      v.check(isSupportedProblemUrl, 'expected a problem page of a supported site'),
    ),
    site: v.picklist(SITE_IDS, `expected one of ${SITE_IDS.join(', ')}`),
    slug: text(0, 300),
    title: text(0, 1000),
    savedAt: time(),
  },
  'expected an object',
);

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
    hiddenBadges: list(text(1, 400), 1000),
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
