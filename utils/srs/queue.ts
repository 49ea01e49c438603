/**
 * Today's study queue. Every part is read through `[suspended+state+due]` or `[suspended+state+position]`, so
 * the cost follows what is due today, not the size of the deck: new cards are fetched only up to the day's
 * allowance, already in order.
 */
import Dexie from 'dexie';
import type { AwaitwiseDb, CardRecord, CardStateValue } from '@/utils/db';
import { startOfDay, startOfNextDay } from '@/utils/srs/day';
import type { SrsSettings } from '@/utils/srs/settings';

export { dayKey, startOfDay, startOfNextDay } from '@/utils/srs/day';

const NEW = 0;
const REVIEW = 2;

interface DueParts {
  learning: CardRecord[];
  reviews: CardRecord[];
  fresh: CardRecord[];
  /** Learning cards due later today, beyond the learn-ahead window. */
  learningLater: number;
}

const dueBefore = (db: AwaitwiseDb, state: CardStateValue, end: number) =>
  db.cards.where('[suspended+state+due]').between([0, state, Dexie.minKey], [0, state, end], true, false);

const newInOrder = (db: AwaitwiseDb) =>
  db.cards.where('[suspended+state+position]').between([0, NEW, Dexie.minKey], [0, NEW, Dexie.maxKey]);

/**
 * The first `n` cards of an index range that are not buried. Buried cards are rare, so fetch `n` and widen
 * only when some were buried; a plain limit lets IndexedDB answer with one getAll instead of a cursor.
 */
async function firstUnburied(range: () => ReturnType<typeof newInOrder>, n: number, now: number) {
  if (n <= 0) return [];
  for (let limit = n; ; limit *= 2) {
    const batch = await range().limit(limit).toArray();
    const shown = batch.filter((card) => card.buriedUntil <= now);
    if (shown.length >= n || batch.length < limit) return shown.slice(0, n);
  }
}

/** Ratings already given today, by the card's state before them: the daily limits count these. */
async function doneToday(db: AwaitwiseDb, now: number, dayStartHour: number) {
  const logs = await db.reviewLogs
    .where('reviewedAt')
    .between(startOfDay(now, dayStartHour), startOfNextDay(now, dayStartHour), true, false)
    .toArray();
  let fresh = 0;
  let reviews = 0;
  for (const log of logs) {
    if (log.before.state === NEW) fresh++;
    else if (log.before.state === REVIEW) reviews++;
  }
  return { fresh, reviews };
}

async function dueParts(db: AwaitwiseDb, now: number, settings: SrsSettings): Promise<DueParts> {
  const dayEnd = startOfNextDay(now, settings.dayStartHour);
  const learnAheadUntil = now + settings.learnAheadMinutes * 60_000;
  // Learn-ahead reaches past the day boundary: a step due in ten minutes must not vanish because the new
  // study day starts in five.
  const learningUntil = Math.max(dayEnd, learnAheadUntil + 1);
  // One round: fetch up to the full daily limits, then cut to what today's ratings leave.
  const [done, learning, relearning, reviews, fresh] = await Promise.all([
    doneToday(db, now, settings.dayStartHour),
    dueBefore(db, 1, learningUntil).toArray(),
    dueBefore(db, 3, learningUntil).toArray(),
    firstUnburied(() => dueBefore(db, REVIEW, dayEnd), settings.reviewsPerDay, now),
    firstUnburied(() => newInOrder(db), settings.newPerDay, now),
  ]);
  const parts: DueParts = {
    learning: [],
    reviews: reviews.slice(0, Math.max(0, settings.reviewsPerDay - done.reviews)),
    fresh: fresh.slice(0, Math.max(0, settings.newPerDay - done.fresh)),
    learningLater: 0,
  };
  for (const card of [...learning, ...relearning]) {
    if (card.buriedUntil > now) continue;
    if (card.due <= learnAheadUntil) parts.learning.push(card);
    else parts.learningLater++;
  }
  parts.learning.sort((a, b) => a.due - b.due);
  return parts;
}

/**
 * Cards to study now, in order: learning and relearning cards due within the learn-ahead window (by due),
 * review cards due by the end of the study day (most overdue first, up to what is left of the daily review
 * limit), then new cards up to what is left of the daily new limit, by `position` (problem cards first, then
 * fundamentals first, as `addCards` placed them). Learning steps are never limited: stopping a card halfway
 * through its steps would waste the first ones.
 */
export async function dueQueue(db: AwaitwiseDb, now: number, settings: SrsSettings): Promise<CardRecord[]> {
  const parts = await dueParts(db, now, settings);
  return [...parts.learning, ...parts.reviews, ...parts.fresh];
}

export interface DueCounts {
  learning: number;
  review: number;
  new: number;
  /** What the badge shows: everything studiable now. */
  total: number;
  /** Learning cards that will come due later today. */
  learningLater: number;
}

export async function dueCountToday(db: AwaitwiseDb, now: number, settings: SrsSettings): Promise<DueCounts> {
  const parts = await dueParts(db, now, settings);
  const [learning, review, fresh] = [parts.learning.length, parts.reviews.length, parts.fresh.length];
  return { learning, review, new: fresh, total: learning + review + fresh, learningLater: parts.learningLater };
}
