/**
 * What a stored record may hold, field by field. The database's records, the backup file's entries and the
 * synced state's entries are all checked with these, so anything sync accepts a backup accepts and the reverse.
 * Every message names what was expected, so a bad value can be reported as "cards[3].due: expected a number".
 */
import * as v from 'valibot';
import { SITE_IDS } from '@/utils/page-snapshot';
import { siteForUrl } from '@/utils/sites/registry';
import { isDayKey } from '@/utils/srs/day';

/** Any stored time must fall in this range; outside it the date is impossible for this app. */
export const MIN_TIME = Date.UTC(2000, 0, 1);
/** FSRS can schedule up to 100 years ahead. */
export const MAX_TIME = Date.UTC(2300, 0, 1);
/**
 * The extension's first release: the day of the repository's first commit (`git log --reverse --format=%ad`
 * gives Sun Nov 22 2026). Nothing was solved in its workbench before that.
 */
export const FIRST_RELEASE = Date.UTC(2026, 10, 22);

/**
 * Names that would reach an object's prototype when used as a property name. Ids, URLs and keys from outside are
 * data: they never get these names, and the maps that hold them have no prototype either.
 */
const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);
export const isReservedKey = (key: string): boolean => RESERVED.has(key);
export const notReserved = () => v.check((key: string) => !isReservedKey(key), 'a reserved name');

export const number = (min: number, max: number) =>
  v.pipe(
    v.number('expected a number'),
    v.finite('expected a finite number'),
    v.minValue(min, `expected a number from ${min} to ${max}`),
    v.maxValue(max, `expected a number from ${min} to ${max}`),
  );

export const whole = (min: number, max: number) =>
  v.pipe(
    v.number('expected a number'),
    v.integer('expected a whole number'),
    v.minValue(min, `expected a whole number from ${min} to ${max}`),
    v.maxValue(max, `expected a whole number from ${min} to ${max}`),
  );

export const time = (min = MIN_TIME, minMessage = 'impossible date (before 2000)') =>
  v.pipe(
    v.number('expected a number (milliseconds since 1970)'),
    v.integer('expected a whole number of milliseconds'),
    v.minValue(min, minMessage),
    v.maxValue(MAX_TIME, 'impossible date (after 2300)'),
  );

/** A time, or 0 for "never" (never buried, flags never changed, a default setting nobody chose). */
export const timeOrNever = () => v.union([v.literal(0), time()], 'expected 0 or a date in milliseconds');

export const text = (min: number, max: number) =>
  v.pipe(
    v.string('expected a string'),
    v.minLength(min, min === 1 ? 'expected a non-empty string' : `expected at least ${min} characters`),
    v.maxLength(max, `expected at most ${max} characters`),
  );

export const flag = () => v.picklist([0, 1], 'expected 0 or 1');

/** Ids of knowledge items and practice problems: lower-case words joined by hyphens. */
const ID = /^[a-z0-9-]{1,80}$/;
const id = (what: string) =>
  v.pipe(
    v.string('expected a string'),
    v.maxLength(200, 'expected at most 200 characters'),
    v.regex(ID, `not ${what}`),
    notReserved(),
  );

/** Well-formed is all that is checked: a card this version does not know may come from a newer one. */
export const CardIdSchema = id('a card id');
export const PracticeIdSchema = id('a practice problem id');

/** A device's random id in the synced state (see utils/sync/prefs.ts). */
export const DeviceIdSchema = v.pipe(
  v.string('expected a string'),
  v.regex(/^[A-Za-z0-9_-]{1,40}$/, 'not a device id'),
  notReserved(),
);

export const DayKeySchema = v.pipe(
  v.string('expected a string'),
  v.check((key) => isDayKey(key) && key >= '2000-01-01' && key < '2300-01-01', 'expected a real date as YYYY-MM-DD'),
);

/**
 * Why a card is in the deck: added by hand, from the problem being practised, or by the default deck. Here and
 * not in utils/db.ts, whose import of Dexie would otherwise reach every page that validates a stored value
 * (the popup, before its first paint).
 */
export const CARD_SOURCES = ['manual', 'problem', 'auto'] as const;
export type CardSource = (typeof CARD_SOURCES)[number];
export const CardSourceSchema = v.picklist(CARD_SOURCES, `expected one of ${CARD_SOURCES.join(', ')}`);
export const CardStateSchema = v.picklist([0, 1, 2, 3], 'expected a state: 0, 1, 2 or 3');

/** The scheduling fields of a card (a CardSnapshot): a stored card, a backup's card and a review log's before/after. */
export const SNAPSHOT_FIELDS = {
  due: time(),
  stability: number(0, 36500),
  difficulty: number(0, 10),
  elapsed_days: whole(0, 200_000),
  scheduled_days: whole(0, 200_000),
  learning_steps: whole(0, 1000),
  reps: whole(0, 1_000_000),
  lapses: whole(0, 1_000_000),
  state: CardStateSchema,
  last_review: v.nullable(time()),
  leech: flag(),
};

/** The rest of a stored card. */
export const CARD_FIELDS = {
  addedAt: time(),
  suspended: flag(),
  buriedUntil: timeOrNever(),
  position: whole(-1_000_000_000, 1_000_000_000),
  source: CardSourceSchema,
};

export const SiteIdSchema = v.picklist(SITE_IDS, `expected one of ${SITE_IDS.join(', ')}`);

function isSupportedProblemUrl(url: string): boolean {
  try {
    return siteForUrl(new URL(url)) !== undefined;
  } catch {
    return false;
  }
}

/** The popup shows saved problems as links: only https problem pages of a supported site, as page snapshots. */
export const ProblemUrlSchema = v.pipe(
  text(1, 2048),
  v.url('expected a URL'),
  v.startsWith('https://', 'expected an https URL'),
  v.check(isSupportedProblemUrl, 'expected a problem page of a supported site'),
);

/** Titles are shown as text, but one that holds a tag was never read off a problem page by this extension. */
const MARKUP = /<[a-z!/?]/i;
export const ProblemTitleSchema = v.pipe(
  text(0, 1000),
  v.check((title) => !MARKUP.test(title), 'expected plain text, not markup'),
);

export const SAVED_FIELDS = {
  site: SiteIdSchema,
  slug: text(0, 300),
  title: ProblemTitleSchema,
  savedAt: time(),
};

/** A hidden badge's problem: `site:slug`, as the content script names it. */
export const ProblemKeySchema = v.pipe(
  text(1, 400),
  v.check((key) => {
    const colon = key.indexOf(':');
    return colon > 0 && (SITE_IDS as readonly string[]).includes(key.slice(0, colon));
  }, 'not a problem key of a supported site'),
);

/** When a practice problem was first solved: after the first release, since the workbench did not exist before. */
export const SolvedAtSchema = time(FIRST_RELEASE, 'impossible date (before the first release, 2026-11-22)');
