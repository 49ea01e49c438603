/**
 * Reading a synced state from outside (storage.sync, the last merge kept in the database, a file): each entry is
 * checked with the same field rules as the database's records and the backup file (utils/records/schema.ts), a
 * bad entry is dropped and named while the rest applies, and times further ahead than this device's clock
 * allows are treated as made now.
 */
import { isRecord } from '@/utils/is-record';
import * as v from 'valibot';
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
import { dict, emptyState, type CardEntry, type SyncState } from './shape';

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
      // In the schema's key order, which is CardEntry's; only the times that decide a merge are clamped.
      const entry: CardEntry = { ...e, rAt: clamp(e.rAt ?? e.lastReview ?? 0), fAt: clamp(e.fAt), add: clamp(e.add) };
      if (e.del === undefined) delete entry.del;
      else entry.del = clamp(e.del);
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
