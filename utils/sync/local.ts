/**
 * Between this device's data and the synced state. `deriveState` turns local records into a state, stamping
 * each part with when it changed: a part equal to what the last sync merged (the shadow) keeps its stamp, a
 * part that differs changed here since, so it gets the time of its review or `now`. `applyState` gives the
 * writes that make this device match a merged state. Both are pure; step.ts runs a whole sync with them.
 */
import type { CardRecord, PracticeProgressRecord, RemoteDayRecord, SavedProblem } from '@/utils/db';
import { DEFAULT_SETTINGS, flattenSettings, unflattenSettings, type Settings } from '@/utils/settings';
import { isRemoved, reviewFields } from './merge';
import { rebaseShadow } from './rebase';
import { canonical, dict, emptyState, type CardEntry, type Stamped, type SyncState } from './shape';

/** What sync reads from this device. */
export interface LocalSnapshot {
  cards: CardRecord[];
  saved: SavedProblem[];
  progress: PracticeProgressRecord[];
  /** This device's reviews per study day, from its logs. */
  ownDays: Record<string, number>;
  settings: Settings;
  hidden: string[];
}

const reviewPart = (c: CardRecord) => ({
  lastReview: c.last_review,
  reps: c.reps,
  due: c.due,
  stability: c.stability,
  difficulty: c.difficulty,
  elapsedDays: c.elapsed_days,
  scheduledDays: c.scheduled_days,
  learningSteps: c.learning_steps,
  lapses: c.lapses,
  state: c.state,
  leech: c.leech,
});
export const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);

/** `base` is the card in the last merge, with another device's earlier times taken (rebase.ts); `last` without. */
function cardEntry(card: CardRecord, base: CardEntry | undefined, last: CardEntry | undefined, now: number): CardEntry {
  const review = reviewPart(card);
  let rAt: number;
  if (!base) rAt = card.last_review ?? 0;
  else if (same(review, reviewFields(base))) rAt = base.rAt;
  // Reviewed here since the last sync; anything else (reset, undo, import) is a change made now.
  else rAt = card.last_review !== null && card.last_review > base.rAt ? card.last_review : now;
  const flags = { suspended: card.suspended, buriedUntil: card.buriedUntil };
  let fAt: number;
  if (base && same(flags, { suspended: base.suspended, buriedUntil: base.buriedUntil })) fAt = base.fAt;
  else fAt = !base && !card.suspended && !card.buriedUntil ? 0 : now;
  const { lastReview, reps, ...rest } = review;
  // `add` only grows (see merge): a card this device added before another did keeps the merged, later time.
  // Compared with the last merge as it was, so a time another device pulled back is not taken for a new add.
  const keepBase = base !== undefined && last !== undefined && last.add >= card.addedAt;
  const add = keepBase ? base.add : card.addedAt;
  const source = keepBase ? base.source : card.source;
  const entry: CardEntry = { lastReview, reps, rAt, ...rest, ...flags, fAt, add, source };
  if (base?.del !== undefined) entry.del = base.del;
  return entry;
}

const DEFAULT_FLAT = flattenSettings(DEFAULT_SETTINGS);

function stamp<T>(value: T, base: Stamped<T> | undefined, firstAt: number, now: number): Stamped<T> {
  if (base && same(base.value, value)) return base;
  return { at: base ? now : firstAt, value };
}

/**
 * This device's state, stamped against `shadow` (what the last sync merged; undefined before the first), with
 * the earlier times `remote` holds for the same content taken into that base (see rebase.ts).
 */
export function deriveState(
  local: LocalSnapshot,
  lastMerge: SyncState | undefined,
  device: string,
  now: number,
  remote?: SyncState,
): SyncState {
  const shadow = lastMerge && remote ? rebaseShadow(lastMerge, remote) : lastMerge;
  const state = emptyState();
  for (const card of local.cards)
    state.cards[card.id] = cardEntry(card, shadow?.cards[card.id], lastMerge?.cards[card.id], now);
  for (const [id, entry] of Object.entries(shadow?.cards ?? {})) {
    // In the last merge and gone now: removed on this device.
    if (!state.cards[id]) state.cards[id] = isRemoved(entry) ? entry : { ...entry, del: now };
  }

  state.settings = dict(Object.entries(shadow?.settings ?? {}));
  for (const [path, value] of flattenSettings(local.settings)) {
    // Before the first sync a default value is not a choice: it must not overwrite another device's.
    const firstAt = same(value, DEFAULT_FLAT.get(path)) ? 0 : now;
    state.settings[path] = stamp(value, shadow?.settings[path], firstAt, now);
  }

  state.saved = dict(Object.entries(shadow?.saved ?? {}));
  const savedHere = new Set<string>();
  for (const { url, site, slug, title, savedAt } of local.saved) {
    savedHere.add(url);
    state.saved[url] = stamp({ site, slug, title, savedAt }, shadow?.saved[url], savedAt, now);
  }
  for (const [url, entry] of Object.entries(shadow?.saved ?? {})) {
    if (!savedHere.has(url) && entry.value !== null) state.saved[url] = { at: now, value: null };
  }

  state.hidden = dict(Object.entries(shadow?.hidden ?? {}));
  const hiddenHere = new Set(local.hidden);
  for (const key of hiddenHere) state.hidden[key] = stamp(true, shadow?.hidden[key], now, now);
  for (const [key, entry] of Object.entries(shadow?.hidden ?? {})) {
    if (!hiddenHere.has(key) && entry.value) state.hidden[key] = { at: now, value: false };
  }

  state.solved = dict(Object.entries(shadow?.solved ?? {}));
  for (const p of local.progress) {
    if (p.solvedAt !== null) state.solved[p.problemId] = Math.min(p.solvedAt, state.solved[p.problemId] ?? Infinity);
  }

  state.days = dict(Object.entries(shadow?.days ?? {}));
  const ownDays = dict(Object.entries({ ...shadow?.days[device], ...local.ownDays }));
  if (Object.keys(ownDays).length) state.days[device] = ownDays;
  else delete state.days[device];
  return state;
}

/** The writes that make this device match a merged state. */
export interface LocalWrites {
  putCards: CardRecord[];
  deleteCards: string[];
  putSaved: SavedProblem[];
  deleteSaved: string[];
  putProgress: PracticeProgressRecord[];
  remoteDays: RemoteDayRecord[];
  /** Null when unchanged. */
  settings: Settings | null;
  hidden: string[] | null;
}

export function applyState(local: LocalSnapshot, merged: SyncState, device: string): LocalWrites {
  const cards = new Map(local.cards.map((c) => [c.id, c]));
  let lastPosition = Math.max(-1, ...local.cards.map((c) => c.position));
  const writes: LocalWrites = {
    putCards: [],
    deleteCards: [],
    putSaved: [],
    deleteSaved: [],
    putProgress: [],
    remoteDays: [],
    settings: null,
    hidden: null,
  };
  for (const [id, entry] of Object.entries(merged.cards)) {
    const current = cards.get(id);
    if (isRemoved(entry)) {
      if (current) writes.deleteCards.push(id);
      continue;
    }
    const synced = {
      due: entry.due,
      stability: entry.stability,
      difficulty: entry.difficulty,
      elapsed_days: entry.elapsedDays,
      scheduled_days: entry.scheduledDays,
      learning_steps: entry.learningSteps,
      reps: entry.reps,
      lapses: entry.lapses,
      state: entry.state,
      last_review: entry.lastReview,
      leech: entry.leech,
      suspended: entry.suspended,
      buriedUntil: entry.buriedUntil,
    };
    // Where it is new, the card joins the end of the new-card order; order and source stay per device.
    // An add time another device pulled back (this device's clock ran ahead) is taken here too.
    const next: CardRecord = current
      ? { ...current, ...synced, addedAt: Math.min(current.addedAt, entry.add) }
      : { id, addedAt: entry.add, source: entry.source, position: ++lastPosition, ...synced };
    if (!current || !same(current, next)) writes.putCards.push(next);
  }

  const saved = new Map(local.saved.map((s) => [s.url, s]));
  for (const [url, { value }] of Object.entries(merged.saved)) {
    const current = saved.get(url);
    if (value === null) {
      if (current) writes.deleteSaved.push(url);
    } else if (!current || !same(current, { url, ...value })) {
      writes.putSaved.push({ url, ...value });
    }
  }

  const progress = new Map(local.progress.map((p) => [p.problemId, p]));
  for (const [problemId, solvedAt] of Object.entries(merged.solved)) {
    const current = progress.get(problemId);
    if (!current) writes.putProgress.push({ problemId, attempts: 0, solvedAt, lastAttemptAt: solvedAt });
    else if (current.solvedAt === null || current.solvedAt > solvedAt)
      writes.putProgress.push({ ...current, solvedAt });
  }

  for (const [dev, days] of Object.entries(merged.days)) {
    if (dev === device) continue;
    for (const [dayKey, count] of Object.entries(days)) writes.remoteDays.push({ device: dev, dayKey, count });
  }

  // In primary-key order, as the table returns them, so an unchanged set compares equal.
  writes.remoteDays.sort((a, b) =>
    a.device === b.device ? (a.dayKey < b.dayKey ? -1 : 1) : a.device < b.device ? -1 : 1,
  );
  const settings = unflattenSettings(
    local.settings,
    new Map(Object.entries(merged.settings).map(([path, { value }]) => [path, value])),
  );
  if (!same(settings, local.settings)) writes.settings = settings;
  const hiddenNow = new Set(local.hidden);
  const hidden = local.hidden.filter((k) => merged.hidden[k]?.value !== false);
  for (const [key, { value }] of Object.entries(merged.hidden)) if (value && !hiddenNow.has(key)) hidden.push(key);
  if (!same(hidden, local.hidden)) writes.hidden = hidden;
  return writes;
}
