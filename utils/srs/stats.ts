/** Study statistics: pure functions over cards and logs, plus one wrapper that reads what they need. */
import type { AwaitwiseDb, CardRecord, ReviewLogRecord } from '@/utils/db';
import { addDays, dayKey, startOfDayOffset } from '@/utils/srs/day';
import type { SrsSettings } from '@/utils/srs/settings';

export interface DayCount {
  dayKey: string;
  count: number;
}

const NEW = 0;
const REVIEW = 2;
const DAY_MS = 86_400_000;

/**
 * Cards coming due on each of the next `days` study days, today first. Overdue cards count on today; new and
 * suspended cards are left out (new cards are paced by the daily limit, not by a due date); a buried card
 * counts from when it reappears.
 */
export function forecast(
  cards: readonly CardRecord[],
  now: number,
  settings: Pick<SrsSettings, 'dayStartHour'>,
  days = 30,
): DayCount[] {
  const h = settings.dayStartHour;
  const bounds = Array.from({ length: days + 1 }, (_, i) => startOfDayOffset(now, h, i));
  const counts = new Array<number>(days).fill(0);
  for (const card of cards) {
    if (card.state === NEW || card.suspended) continue;
    const due = Math.max(card.due, card.buriedUntil);
    if (due >= bounds[days]!) continue;
    let i = 0;
    while (due >= bounds[i + 1]!) i++;
    counts[i]!++;
  }
  return counts.map((count, i) => ({ dayKey: dayKey(bounds[i]!, h), count }));
}

/**
 * Consecutive study days with at least one review, ending today. A day with no review yet does not break the
 * streak until it is over: with nothing today, the streak is the run ending yesterday.
 */
export function streak(dayKeys: Iterable<string>, today: string): number {
  const days = new Set(dayKeys);
  let day = days.has(today) ? today : addDays(today, -1);
  let run = 0;
  while (days.has(day)) {
    run++;
    day = addDays(day, -1);
  }
  return run;
}

/**
 * Reviews per study day for the `days` days ending today, oldest first (a year by default). Takes logs, or
 * per-day totals as `{ dayKey, count }`.
 */
export function heatmap(
  entries: Iterable<{ dayKey: string; count?: number }>,
  now: number,
  settings: Pick<SrsSettings, 'dayStartHour'>,
  days = 365,
): DayCount[] {
  const today = dayKey(now, settings.dayStartHour);
  const first = addDays(today, -(days - 1));
  const counts = new Map<string, number>();
  for (const { dayKey: key, count = 1 } of entries) {
    if (key >= first && key <= today) counts.set(key, (counts.get(key) ?? 0) + count);
  }
  return Array.from({ length: days }, (_, i) => {
    const key = addDays(first, i);
    return { dayKey: key, count: counts.get(key) ?? 0 };
  });
}

/**
 * Share of reviews of review-state cards in the last `windowDays` days that were remembered (anything but
 * Again). Learning and relearning steps are left out: they test minutes-old memories. Null when there were none.
 */
export function trueRetention(
  logs: Iterable<Pick<ReviewLogRecord, 'rating' | 'reviewedAt' | 'before'>>,
  now: number,
  windowDays = 30,
): number | null {
  const since = now - windowDays * DAY_MS;
  let passed = 0;
  let failed = 0;
  for (const log of logs) {
    if (log.before.state !== REVIEW || log.reviewedAt <= since || log.reviewedAt > now) continue;
    if (log.rating === 1) failed++;
    else passed++;
  }
  return passed + failed === 0 ? null : passed / (passed + failed);
}

export interface StateCounts {
  new: number;
  learning: number;
  review: number;
  relearning: number;
  /** Suspended cards are counted here only, not under their state. */
  suspended: number;
  /** Leeches, suspended or not (overlaps the other counts). */
  leech: number;
}

export function cardsByState(cards: Iterable<CardRecord>): StateCounts {
  const counts: StateCounts = { new: 0, learning: 0, review: 0, relearning: 0, suspended: 0, leech: 0 };
  const names = ['new', 'learning', 'review', 'relearning'] as const;
  for (const card of cards) {
    if (card.leech) counts.leech++;
    if (card.suspended) counts.suspended++;
    else counts[names[card.state]]++;
  }
  return counts;
}

export interface StudyStats {
  forecast: DayCount[];
  streak: number;
  heatmap: DayCount[];
  trueRetention: number | null;
  cardsByState: StateCounts;
}

/**
 * Everything the stats view shows. Logs are read through the dayKey index (distinct days, then a count per
 * day) rather than loaded, except the last 30 days that true retention needs.
 */
export async function loadStats(db: AwaitwiseDb, now: number, settings: SrsSettings): Promise<StudyStats> {
  const today = dayKey(now, settings.dayStartHour);
  const yearStart = addDays(today, -364);
  return db.transaction('r', db.cards, db.reviewLogs, db.remoteDays, async () => {
    const [cards, studyDays, recentLogs, otherDevices] = await Promise.all([
      db.cards.toArray(),
      db.reviewLogs.orderBy('dayKey').uniqueKeys() as Promise<string[]>,
      db.reviewLogs
        .where('reviewedAt')
        .between(now - 30 * DAY_MS, now, false, true)
        .toArray(),
      // Reviews other devices made, per day, from sync (utils/sync): they count for streak and heatmap too.
      db.remoteDays.toArray(),
    ]);
    const yearDays = studyDays.filter((key) => key >= yearStart && key <= today);
    const yearCounts = await Promise.all(
      yearDays.map(async (key) => ({ dayKey: key, count: await db.reviewLogs.where('dayKey').equals(key).count() })),
    );
    return {
      forecast: forecast(cards, now, settings),
      streak: streak([...studyDays, ...otherDevices.map((r) => r.dayKey)], today),
      heatmap: heatmap([...yearCounts, ...otherDevices], now, settings),
      trueRetention: trueRetention(recentLogs, now),
      cardsByState: cardsByState(cards),
    };
  });
}

export interface TopicMastery {
  topic: string;
  /** Questions on the topic past their learning steps (review state, not suspended). */
  learned: number;
  /** Questions on the topic in the deck. */
  inDeck: number;
  total: number;
}

/**
 * Learned questions per main topic, in the concept vocabulary's order (fundamentals first), and overall. A
 * question counts under its first concept.
 */
export function masteryByTopic(
  questions: readonly { id: string; concepts: readonly string[] }[],
  conceptOrder: readonly string[],
  learnedIds: ReadonlySet<string>,
  deckIds: ReadonlySet<string> = learnedIds,
): { overall: TopicMastery; topics: TopicMastery[] } {
  const byTopic = new Map<string, TopicMastery>();
  for (const q of questions) {
    const topic = q.concepts[0] ?? '';
    const row = byTopic.get(topic) ?? { topic, learned: 0, inDeck: 0, total: 0 };
    row.total++;
    if (learnedIds.has(q.id)) row.learned++;
    if (deckIds.has(q.id)) row.inDeck++;
    byTopic.set(topic, row);
  }
  const rank = new Map(conceptOrder.map((id, i) => [id, i]));
  const topics = [...byTopic.values()].sort(
    (a, b) => (rank.get(a.topic) ?? Infinity) - (rank.get(b.topic) ?? Infinity),
  );
  const sum = (key: 'learned' | 'inDeck' | 'total') => topics.reduce((n, t) => n + t[key], 0);
  return { overall: { topic: '', learned: sum('learned'), inDeck: sum('inDeck'), total: sum('total') }, topics };
}
