/**
 * The synced state: what one device knows about the user's progress, in the shape the merge works on and the
 * `sync-merge` command reads and prints. storage.sync holds it split into items (see `shard.ts`); review logs,
 * drafts and attempts stay local. Every part carries the time it last changed, so two states merge without
 * knowing which device wrote what. Everything read from outside goes through `checkState` (check.ts) first.
 */
import type { SiteId } from '@/utils/page-snapshot';

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
 * so no key can reach Object.prototype; `checkState` (check.ts) also drops reserved names.
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
