/**
 * Taking another device's earlier time for a change this device made. A device whose clock runs more than a day
 * ahead writes times the others treat as "now" when they read them (see MAX_AHEAD_MS), and write back. Were this
 * device to keep its own times, it would win the next merge and write them again, and the two would rewrite
 * the same items for ever. So where storage.sync holds exactly what this device last merged, only with earlier
 * times, those times are taken into the base this device stamps its state against.
 *
 * Only equal content is rebased: a different version is a different change and merges as usual. A part this
 * device changed since its last sync is stamped afresh by `deriveState` and is not affected.
 */
import { canonical, dict, type CardEntry, type Stamped, type SyncState } from './shape';

/** A card without its times: what must be equal for another device's times to be taken. */
const content = ({ rAt: _r, fAt: _f, add: _a, del: _d, ...rest }: CardEntry) => canonical(rest);

function rebaseCard(mine: CardEntry, theirs: CardEntry | undefined): CardEntry {
  if (!theirs) return mine;
  const earlier =
    theirs.rAt < mine.rAt ||
    theirs.fAt < mine.fAt ||
    theirs.add < mine.add ||
    (mine.del !== undefined && theirs.del !== undefined && theirs.del < mine.del);
  // Comparing the times first keeps the usual case (nothing earlier over there) cheap.
  if (!earlier || content(mine) !== content(theirs)) return mine;
  const entry: CardEntry = {
    ...mine,
    rAt: Math.min(mine.rAt, theirs.rAt),
    fAt: Math.min(mine.fAt, theirs.fAt),
    add: Math.min(mine.add, theirs.add),
  };
  if (mine.del !== undefined && theirs.del !== undefined) entry.del = Math.min(mine.del, theirs.del);
  return entry;
}

function rebaseStamped<T>(mine: Stamped<T>, theirs: Stamped<T> | undefined): Stamped<T> {
  return theirs && theirs.at < mine.at && canonical(theirs.value) === canonical(mine.value)
    ? { at: theirs.at, value: mine.value }
    : mine;
}

const each = <T>(mine: Record<string, T>, theirs: Record<string, T>, rebase: (m: T, t: T | undefined) => T) =>
  dict(Object.entries(mine).map(([key, value]) => [key, rebase(value, theirs[key])] as const));

/** `shadow` (what this device last merged) with `remote`'s earlier times wherever the two hold the same thing. */
export function rebaseShadow(shadow: SyncState, remote: SyncState): SyncState {
  return {
    ...shadow,
    cards: each(shadow.cards, remote.cards, rebaseCard),
    settings: each(shadow.settings, remote.settings, rebaseStamped),
    saved: each(shadow.saved, remote.saved, rebaseStamped),
    hidden: each(shadow.hidden, remote.hidden, rebaseStamped),
  };
}
