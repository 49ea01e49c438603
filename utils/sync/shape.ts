/**
 * The synced state: what one device knows about the user's progress, in the shape the merge works on and the
 * `sync-merge` command reads and prints. storage.sync holds it split into items (see `shard.ts`); review logs,
 * drafts and attempts stay local. Every part carries the time it last changed, so two states merge without
 * knowing which device wrote what.
 */
import * as v from 'valibot';

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
  /** When the review part last changed: `lastReview`, or the time of a reset, undo or import. */
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
  site: string;
  slug: string;
  title: string;
  savedAt: number;
}

export interface SyncState {
  v: typeof SYNC_VERSION;
  /** Card id → its entry. */
  cards: Record<string, CardEntry>;
  /** Flattened setting path (`theme`, `sites.leetcode`, `srs.newPerDay`) → its value. */
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

const time = v.pipe(v.number(), v.integer(), v.minValue(0));
const count = v.pipe(v.number(), v.integer(), v.minValue(0));
const finite = v.pipe(v.number(), v.finite());
const flag = v.picklist([0, 1]);

/**
 * Lenient on purpose: only `lastReview` and `reps` are required, so a hand-written state merges too; the rest
 * takes the value of a new, never-reviewed card.
 */
const CardEntryFields = v.object({
  lastReview: v.nullable(time),
  reps: count,
  rAt: v.optional(time),
  due: v.optional(time, 0),
  stability: v.optional(finite, 0),
  difficulty: v.optional(finite, 0),
  elapsedDays: v.optional(count, 0),
  scheduledDays: v.optional(count, 0),
  learningSteps: v.optional(count, 0),
  lapses: v.optional(count, 0),
  state: v.optional(v.picklist([0, 1, 2, 3]), 0),
  leech: v.optional(flag, 0),
  suspended: v.optional(flag, 0),
  buriedUntil: v.optional(time, 0),
  fAt: v.optional(time, 0),
  add: v.optional(time, 0),
  source: v.optional(v.picklist(['manual', 'problem', 'auto']), 'auto'),
  del: v.optional(time),
});
/** `rAt` defaults to the last review; `del` is left out while never removed. */
const CardEntrySchema = v.pipe(
  CardEntryFields,
  v.transform(({ lastReview, reps, rAt, del, ...rest }): CardEntry => ({
    lastReview,
    reps,
    rAt: rAt ?? lastReview ?? 0,
    ...rest,
    ...(del === undefined ? {} : { del }),
  })),
);

const stamped = <T extends v.GenericSchema>(value: T) => v.object({ at: time, value });
const dayKey = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/));

export const SyncStateSchema = v.object({
  v: v.optional(v.literal(SYNC_VERSION), SYNC_VERSION),
  cards: v.optional(v.record(v.string(), CardEntrySchema), {}),
  settings: v.optional(v.record(v.string(), stamped(v.unknown())), {}),
  saved: v.optional(
    v.record(
      v.string(),
      stamped(v.nullable(v.object({ site: v.string(), slug: v.string(), title: v.string(), savedAt: time }))),
    ),
    {},
  ),
  hidden: v.optional(v.record(v.string(), stamped(v.boolean())), {}),
  solved: v.optional(v.record(v.string(), time), {}),
  days: v.optional(v.record(v.string(), v.record(dayKey, count)), {}),
});

export type ParseResult = { ok: true; state: SyncState } | { ok: false; message: string };

/** Validates a state from outside (a file, storage.sync); fills the optional card fields. */
export function parseState(raw: unknown): ParseResult {
  const parsed = v.safeParse(SyncStateSchema, raw);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
    return { ok: false, message: `${path ? `${path}: ` : ''}${issue.message}` };
  }
  const state: SyncState = parsed.output;
  return { ok: true, state };
}

/** JSON with object keys sorted: equal values give equal strings, so it serves as a deterministic tie-break. */
export function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const keys = Object.keys(value)
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
}
