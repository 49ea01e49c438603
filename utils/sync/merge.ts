/**
 * The merge of two synced states. Every part is a register or a counter that only moves one way (a later
 * stamp, a larger count), so the merge is commutative, associative and idempotent: devices can exchange states
 * in any order, any number of times, and agree. Ties are broken by comparing canonical JSON, never by which
 * side is "local".
 */
import { canonical, dict, SYNC_VERSION, type CardEntry, type Stamped, type SyncState } from './shape';

/** A card's review register without its clock: what a review, a reset or an import changes. */
export const reviewFields = (e: CardEntry) => ({
  lastReview: e.lastReview,
  reps: e.reps,
  due: e.due,
  stability: e.stability,
  difficulty: e.difficulty,
  elapsedDays: e.elapsedDays,
  scheduledDays: e.scheduledDays,
  learningSteps: e.learningSteps,
  lapses: e.lapses,
  state: e.state,
  leech: e.leech,
});
/** The three registers of a card, each with its own clock (see CardEntry). Built in one fixed key order. */
const reviewPart = (e: CardEntry) => {
  const { lastReview, reps, ...rest } = reviewFields(e);
  return { lastReview, reps, rAt: e.rAt, ...rest };
};
const flagPart = (e: CardEntry) => ({ suspended: e.suspended, buriedUntil: e.buriedUntil, fAt: e.fAt });
const addPart = (e: CardEntry) => ({ add: e.add, source: e.source });

/** Negative, zero or positive as `a` orders before, equal to or after `b` on the numbers, then on canonical JSON. */
function order(a: readonly number[], b: readonly number[], partA: unknown, partB: unknown): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  const ca = canonical(partA);
  const cb = canonical(partB);
  return ca < cb ? -1 : ca > cb ? 1 : 0;
}

/** The later of two parts: the one ordering after wins, the left one on a full tie (they are then equal). */
function later<T>(a: T, b: T, key: (p: T) => number[]): T {
  return order(key(a), key(b), a, b) >= 0 ? a : b;
}

/** Per card: the review part from the later review, the flags from the later flag change, the latest add. */
export function mergeCard(a: CardEntry, b: CardEntry): CardEntry {
  const review = later(reviewPart(a), reviewPart(b), (p) => [p.rAt, p.lastReview ?? -1, p.reps]);
  const flags = later(flagPart(a), flagPart(b), (p) => [p.fAt]);
  const add = later(addPart(a), addPart(b), (p) => [p.add]);
  const merged: CardEntry = { ...review, ...flags, ...add };
  const del = Math.max(a.del ?? -1, b.del ?? -1);
  if (del >= 0) merged.del = del;
  return merged;
}

/** A card is in the deck unless its removal is later than anything else that happened to it. */
export function isRemoved(entry: CardEntry): boolean {
  return entry.del !== undefined && entry.del > Math.max(entry.rAt, entry.fAt, entry.add);
}

function mergeStamped<T>(a: Stamped<T>, b: Stamped<T>): Stamped<T> {
  return order([a.at], [b.at], a, b) >= 0 ? a : b;
}

function mergeRecords<T>(a: Record<string, T>, b: Record<string, T>, both: (x: T, y: T) => T): Record<string, T> {
  const out = dict<T>();
  for (const key of Object.keys(a).concat(Object.keys(b)).sort()) {
    if (key in out) continue;
    const x = Object.hasOwn(a, key) ? a[key] : undefined;
    const y = Object.hasOwn(b, key) ? b[key] : undefined;
    out[key] = x === undefined ? y! : y === undefined ? x : both(x, y);
  }
  return out;
}

/** Merges two synced states. Pure: neither input is changed (the result may share unchanged entries with them). */
export function mergeStates(a: SyncState, b: SyncState): SyncState {
  return {
    v: SYNC_VERSION,
    cards: mergeRecords(a.cards, b.cards, mergeCard),
    settings: mergeRecords(a.settings, b.settings, mergeStamped),
    saved: mergeRecords(a.saved, b.saved, mergeStamped),
    hidden: mergeRecords(a.hidden, b.hidden, mergeStamped),
    // A problem stays solved from the first time it was solved on any device.
    solved: mergeRecords(a.solved, b.solved, Math.min),
    // Each device only ever adds to its own counts, so the larger count is the more recent one.
    days: mergeRecords(a.days, b.days, (x, y) => mergeRecords(x, y, Math.max)),
  };
}
