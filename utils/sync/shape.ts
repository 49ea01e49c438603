/**
 * The synced state: what one device knows about the user's progress, in the shape the merge works on and the
 * `sync-merge` command reads and prints. storage.sync holds it split into items (see `shard.ts`); review logs,
 * drafts and attempts stay local. Every part carries the time it last changed, so two states merge without
 * knowing which device wrote what.
 *
 * Everything read from outside (storage.sync, the last merge kept in the database, a file) goes through
 * `checkState`: each entry is checked with the same field rules as the database's records and the backup file
 * (utils/record-schema.ts), a bad entry is dropped and named while the rest applies, and times further ahead
 * than this device's clock allows are treated as made now.
 */
import * as v from 'valibot';
import type { SiteId } from '@/utils/page-snapshot';
import {
  CardIdSchema,
  CardSourceSchema,
  DayKeySchema,
  DeviceIdSchema,
  FIRST_RELEASE,
  MIN_TIME,
  PracticeIdSchema,
  ProblemKeySchema,
  ProblemUrlSchema,
  SAVED_FIELDS,
  SNAPSHOT_FIELDS,
  SolvedAtSchema,
  time,
  timeOrNever,
  whole,
} from '@/utils/records/schema';
import { SETTING_PATHS } from '@/utils/settings';

export const SYNC_VERSION = 1;

/**
 * One card. Three registers merge independently: the review part (FSRS state; the later `rAt` wins), the flags
 * (suspended, buried; the later `fAt` wins) and the add part (the latest `add` wins; it only matters where the
 * card is new). `del` is when the card was removed; the card is gone while `del` is later than every other time.
 */
export interface CardEntry {
  /** When it was last reviewed (epoch ms), null when never. */
  lastReview: number | null;
  reps: number;
  /** When the review part last changed: `lastReview`, or the time of a reset, undo or import (0: never). */
  rAt: number;
  due: number;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  lapses: number;
  /** ts-fsrs State: 0 New, 1 Learning, 2 Review, 3 Relearning. */
  state: 0 | 1 | 2 | 3;
  leech: 0 | 1;
  suspended: 0 | 1;
  buriedUntil: number;
  /** When suspended or buriedUntil last changed (0: never). */
  fAt: number;
  /** When it was added to the deck. */
  add: number;
  source: 'manual' | 'problem' | 'auto';
  /** Removed at (epoch ms), absent while never removed. */
  del?: number;
}

/** A value with the time it was set: settings per key, saved and hidden problems per key. */
export interface Stamped<T> {
  at: number;
  value: T;
}

export interface SavedValue {
  site: SiteId;
  slug: string;
  title: string;
  savedAt: number;
}

/**
 * Every map here is keyed by data from outside (ids, URLs, paths) and is made by `dict()`, without a prototype,
 * so no key can reach Object.prototype; `checkState` also drops reserved names.
 */
export interface SyncState {
  v: typeof SYNC_VERSION;
  /** Card id → its entry. */
  cards: Record<string, CardEntry>;
  /** Setting path (`theme`, `sites.leetcode`, `srs.newPerDay`; see SETTING_PATHS) → its value. */
  settings: Record<string, Stamped<unknown>>;
  /** Problem URL → the saved problem, or null once removed. */
  saved: Record<string, Stamped<SavedValue | null>>;
  /** Problem key → whether its badge is hidden. */
  hidden: Record<string, Stamped<boolean>>;
  /** Practice problem id → when it was first solved. */
  solved: Record<string, number>;
  /** Device id → study day (`YYYY-MM-DD`) → reviews that device made that day. */
  days: Record<string, Record<string, number>>;
}

/** A map without a prototype: a key such as `__proto__` is just a key in it. */
export function dict<T>(entries: Iterable<readonly [string, T]> = []): Record<string, T> {
  const map: Record<string, T> = Object.create(null) as Record<string, T>;
  for (const [key, value] of entries) map[key] = value;
  return map;
}

export const emptyState = (): SyncState => ({
  v: SYNC_VERSION,
  cards: dict(),
  settings: dict(),
  saved: dict(),
  hidden: dict(),
  solved: dict(),
  days: dict(),
});

/**
 * How far ahead of this device's clock a time may be (clocks differ by minutes, time zones are not involved):
 * a later one is treated as made now, so a device whose clock runs years ahead cannot win every merge for ever.
 */
export const MAX_AHEAD_MS = 86_400_000;

/** An entry dropped on reading: what it was (`card "gather-basics"`) and why (`due: impossible date …`). */
export interface Ignored {
  what: string;
  why: string;
}

export interface CheckedState {
  state: SyncState;
  ignored: Ignored[];
}

/** Cards in the object form may leave out what a new, never-reviewed card has; times are required. */
const CardEntrySchema = v.object(
  {
    lastReview: SNAPSHOT_FIELDS.last_review,
    reps: SNAPSHOT_FIELDS.reps,
    rAt: v.optional(timeOrNever()),
    due: SNAPSHOT_FIELDS.due,
    stability: v.optional(SNAPSHOT_FIELDS.stability, 0),
    difficulty: v.optional(SNAPSHOT_FIELDS.difficulty, 0),
    elapsedDays: v.optional(SNAPSHOT_FIELDS.elapsed_days, 0),
    scheduledDays: v.optional(SNAPSHOT_FIELDS.scheduled_days, 0),
    learningSteps: v.optional(SNAPSHOT_FIELDS.learning_steps, 0),
    lapses: v.optional(SNAPSHOT_FIELDS.lapses, 0),
    state: v.optional(SNAPSHOT_FIELDS.state, 0),
    leech: v.optional(SNAPSHOT_FIELDS.leech, 0),
    suspended: v.optional(SNAPSHOT_FIELDS.leech, 0),
    buriedUntil: v.optional(timeOrNever(), 0),
    fAt: v.optional(timeOrNever(), 0),
    add: time(),
    source: v.optional(CardSourceSchema, 'auto'),
    del: v.optional(time()),
  },
  'expected an object',
);

const stamped = <T extends v.GenericSchema>(at: v.GenericSchema<unknown, number>, value: T) =>
  v.object({ at, value }, 'expected an object');
const SavedEntrySchema = stamped(time(), v.nullable(v.object(SAVED_FIELDS, 'expected an object or null')));
const HiddenEntrySchema = stamped(time(), v.boolean('expected true or false'));
const CountSchema = whole(0, 100_000);

function describeIssue(issue: v.BaseIssue<unknown>): string {
  const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
  if (path && issue.input === undefined) return `${path}: missing`;
  return path ? `${path}: ${issue.message}` : issue.message;
}

/** Keys in messages are shown as text; a forged one may be long. */
const shown = (key: string) => (key.length > 60 ? `${key.slice(0, 57)}…` : key);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Validates a state from outside entry by entry: what passes is returned, each entry that does not is named in
 * `ignored`. With `now`, a time more than MAX_AHEAD_MS ahead of it counts as `now` (a device whose clock is
 * ahead, or a forged item); without, times are only checked against the fixed range (the `sync-merge` command,
 * whose output must not depend on when it runs).
 */
export function checkState(raw: unknown, now?: number): CheckedState {
  const state = emptyState();
  const ignored: Ignored[] = [];
  const latest = now === undefined ? Infinity : now + MAX_AHEAD_MS;
  // Never below what the field allows: a device whose clock reads 1970 must not turn a time into an invalid one.
  const clamp = (t: number, min = MIN_TIME) => (t > latest ? Math.max(now!, min) : t);
  if (!isRecord(raw)) return { state, ignored: [{ what: 'state', why: 'expected an object' }] };

  /** Runs `take` on each entry of a section, recording why an entry is dropped. */
  const each = (
    section: keyof Omit<SyncState, 'v'>,
    what: (key: string) => string,
    key: v.GenericSchema<string, string>,
    take: (key: string, value: unknown) => string | undefined,
  ) => {
    const entries = raw[section];
    if (entries === undefined) return;
    if (!isRecord(entries)) {
      ignored.push({ what: section, why: 'expected an object' });
      return;
    }
    for (const [k, value] of Object.entries(entries)) {
      const keyCheck = v.safeParse(key, k);
      const why = keyCheck.success ? take(k, value) : keyCheck.issues[0].message;
      if (why !== undefined) ignored.push({ what: what(shown(k)), why });
    }
  };

  each(
    'cards',
    (k) => `card "${k}"`,
    CardIdSchema,
    (id, value) => {
      const parsed = v.safeParse(CardEntrySchema, value, { abortEarly: true });
      if (!parsed.success) return describeIssue(parsed.issues[0]);
      const e = parsed.output;
      const entry: CardEntry = {
        lastReview: e.lastReview,
        reps: e.reps,
        rAt: clamp(e.rAt ?? e.lastReview ?? 0),
        due: e.due,
        stability: e.stability,
        difficulty: e.difficulty,
        elapsedDays: e.elapsedDays,
        scheduledDays: e.scheduledDays,
        learningSteps: e.learningSteps,
        lapses: e.lapses,
        state: e.state,
        leech: e.leech,
        suspended: e.suspended,
        buriedUntil: e.buriedUntil,
        fAt: clamp(e.fAt),
        add: clamp(e.add),
        source: e.source,
      };
      if (e.del !== undefined) entry.del = clamp(e.del);
      state.cards[id] = entry;
      return undefined;
    },
  );

  each(
    'settings',
    (k) => `setting "${k}"`,
    v.string(),
    (path, value) => {
      const schema = SETTING_PATHS.get(path);
      if (!schema) return 'not a setting this version has';
      const parsed = v.safeParse(stamped(timeOrNever(), schema), value, { abortEarly: true });
      if (!parsed.success) return describeIssue(parsed.issues[0]);
      state.settings[path] = { at: clamp(parsed.output.at), value: parsed.output.value };
      return undefined;
    },
  );

  each(
    'saved',
    (k) => `saved problem "${k}"`,
    ProblemUrlSchema,
    (url, value) => {
      const parsed = v.safeParse(SavedEntrySchema, value, { abortEarly: true });
      if (!parsed.success) return describeIssue(parsed.issues[0]);
      const saved = parsed.output.value;
      state.saved[url] = {
        at: clamp(parsed.output.at),
        value: saved && { site: saved.site, slug: saved.slug, title: saved.title, savedAt: saved.savedAt },
      };
      return undefined;
    },
  );

  each(
    'hidden',
    (k) => `hidden badge "${k}"`,
    ProblemKeySchema,
    (key, value) => {
      const parsed = v.safeParse(HiddenEntrySchema, value, { abortEarly: true });
      if (!parsed.success) return describeIssue(parsed.issues[0]);
      state.hidden[key] = { at: clamp(parsed.output.at), value: parsed.output.value };
      return undefined;
    },
  );

  each(
    'solved',
    (k) => `solved problem "${k}"`,
    PracticeIdSchema,
    (id, value) => {
      const parsed = v.safeParse(SolvedAtSchema, value, { abortEarly: true });
      if (!parsed.success) return parsed.issues[0].message;
      state.solved[id] = clamp(parsed.output, FIRST_RELEASE);
      return undefined;
    },
  );

  each(
    'days',
    (k) => `review counts of device "${k}"`,
    DeviceIdSchema,
    (device, days) => {
      if (!isRecord(days)) return 'expected an object';
      const counts = dict<number>();
      for (const [day, n] of Object.entries(days)) {
        const what = () => `day "${shown(day)}" of device "${shown(device)}"`;
        if (!v.is(DayKeySchema, day)) ignored.push({ what: what(), why: 'expected a real date as YYYY-MM-DD' });
        else if (!v.is(CountSchema, n)) ignored.push({ what: what(), why: 'expected a whole number from 0 to 100000' });
        else counts[day] = n;
      }
      if (Object.keys(counts).length) state.days[device] = counts;
      return undefined;
    },
  );

  return { state, ignored };
}

export type ParseResult = { ok: true; state: SyncState } | { ok: false; message: string };

/** A whole state from a file, refused at its first bad entry (the `sync-merge` command). */
export function parseState(raw: unknown): ParseResult {
  const { state, ignored } = checkState(raw);
  const first = ignored[0];
  return first ? { ok: false, message: `${first.what}: ${first.why}` } : { ok: true, state };
}

/** JSON with object keys sorted: equal values give equal strings, so it serves as a deterministic tie-break. */
export function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(record[k])}`).join(',')}}`;
}
