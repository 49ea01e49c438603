import { describe, expect, it } from 'vitest';
import { type AwaitwiseDb, type CardRecord } from '@/utils/db';
import { addDays, isDayKey, startOfDayOffset } from '@/utils/srs/day';
import { dayKey, dueCountToday, dueQueue, startOfDay, startOfNextDay } from '@/utils/srs/queue';
import { addCards, buryUntilTomorrow, getCard, suspend } from '@/utils/srs/repository';
import { rate } from '@/utils/srs/review';
import { Rating, newCardRecord, type Grade } from '@/utils/srs/scheduler';
import { DEFAULT_SRS_SETTINGS, type SrsSettings } from '@/utils/srs/settings';
import { throwawayDbs } from './srs-throwaway-db';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const local = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min).getTime();
const settings: SrsSettings = { ...DEFAULT_SRS_SETTINGS };

const freshDb = throwawayDbs();

/** A card already in some state, written directly. */
function card(id: string, state: CardRecord['state'], due: number, extra: Partial<CardRecord> = {}): CardRecord {
  const reviewed = state !== 0;
  return {
    ...newCardRecord(id, 'auto', due - 30 * DAY, 0),
    state,
    due,
    reps: reviewed ? 3 : 0,
    stability: reviewed ? 5 : 0,
    difficulty: reviewed ? 5 : 0,
    last_review: reviewed ? due - 5 * DAY : null,
    ...extra,
  };
}

async function rateNow(db: AwaitwiseDb, id: string, rating: Grade, now: number, s = settings) {
  const shown = (await getCard(db, id))!;
  const result = await rate(db, id, rating, now, s, { expected: shown, fuzz: false });
  expect(result.ok).toBe(true);
}

const ids = (cards: CardRecord[]) => cards.map((c) => c.id);

describe('study day', () => {
  it('starts at the day start hour', () => {
    expect(dayKey(local(2024, 5, 7, 3, 59), 4)).toBe('2024-05-06');
    expect(dayKey(local(2024, 5, 7, 4, 0), 4)).toBe('2024-05-07');
    expect(dayKey(local(2024, 5, 7, 0, 0), 0)).toBe('2024-05-07');
    expect(dayKey(local(2024, 1, 1, 1, 0), 4)).toBe('2023-12-31');
    expect(startOfDay(local(2024, 5, 7, 3, 59), 4)).toBe(local(2024, 5, 6, 4));
    expect(startOfDay(local(2024, 5, 7, 4, 0), 4)).toBe(local(2024, 5, 7, 4));
    expect(startOfNextDay(local(2024, 5, 7, 23, 0), 4)).toBe(local(2024, 5, 8, 4));
    expect(startOfDayOffset(local(2024, 5, 7, 12), 4, -7)).toBe(local(2024, 4, 30, 4));
  });

  it('is 23 hours long across a spring-forward night and keeps its start hour', () => {
    const saved = process.env.TZ;
    process.env.TZ = 'America/New_York';
    try {
      // Clocks jump from 02:00 to 03:00 on 2024-03-10, inside the study day that began on the 9th.
      const noon = local(2024, 3, 9, 12);
      expect(startOfNextDay(noon, 4) - startOfDay(noon, 4)).toBe(23 * HOUR);
      expect(new Date(startOfNextDay(noon, 4)).getHours()).toBe(4);
      expect(dayKey(local(2024, 3, 10, 3, 30), 4)).toBe('2024-03-09');
      expect(startOfNextDay(local(2024, 3, 10, 12), 4) - startOfDay(local(2024, 3, 10, 12), 4)).toBe(24 * HOUR);
    } finally {
      process.env.TZ = saved;
    }
  });

  it('validates and steps day keys by calendar', () => {
    expect(isDayKey('2024-02-29')).toBe(true);
    expect(isDayKey('2023-02-29')).toBe(false);
    expect(isDayKey('2024-13-01')).toBe(false);
    expect(isDayKey('2024-1-01')).toBe(false);
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2023-12-31', 1)).toBe('2024-01-01');
  });
});

describe('dueQueue', () => {
  const now = local(2024, 5, 7, 22, 0);

  it('shows review cards due by the end of the study day, not after', async () => {
    const db = freshDb();
    await db.cards.bulkPut([
      card('overdue', 2, now - 3 * DAY),
      card('tonight', 2, local(2024, 5, 8, 3, 30)),
      card('tomorrow', 2, local(2024, 5, 8, 4, 0)),
    ]);
    expect(ids(await dueQueue(db, now, settings))).toEqual(['overdue', 'tonight']);
    expect(ids(await dueQueue(db, now, { ...settings, dayStartHour: 0 }))).toEqual(['overdue']);
    // After the day turns, tomorrow's card is due.
    expect(ids(await dueQueue(db, local(2024, 5, 8, 4, 0), settings))).toEqual(['overdue', 'tonight', 'tomorrow']);
  });

  it('learns ahead across the day boundary, so a step due just after it does not vanish', async () => {
    const db = freshDb();
    const justBeforeRollover = local(2024, 5, 8, 3, 55);
    await db.cards.bulkPut([
      card('step', 1, justBeforeRollover + 10 * MIN),
      card('later', 1, justBeforeRollover + 2 * HOUR),
    ]);
    expect(ids(await dueQueue(db, justBeforeRollover, settings))).toEqual(['step']);
    expect((await dueCountToday(db, justBeforeRollover, settings)).learning).toBe(1);
  });

  it('learns ahead up to the configured minutes, counting later learning cards separately', async () => {
    const db = freshDb();
    await db.cards.bulkPut([
      card('in15', 1, now + 15 * MIN),
      card('in5', 3, now + 5 * MIN),
      card('in25', 1, now + 25 * MIN),
    ]);
    expect(ids(await dueQueue(db, now, settings))).toEqual(['in5', 'in15']);
    expect(ids(await dueQueue(db, now, { ...settings, learnAheadMinutes: 0 }))).toEqual([]);
    expect(await dueCountToday(db, now, settings)).toEqual({
      learning: 2,
      review: 0,
      new: 0,
      total: 2,
      learningLater: 1,
    });
  });

  it('orders learning, then reviews by due, then new cards: problem cards first, then fundamentals first', async () => {
    const db = freshDb();
    await db.cards.bulkPut([
      card('review-late', 2, now - DAY),
      card('review-early', 2, now - 2 * DAY),
      card('learning', 1, now),
    ]);
    const knowledgeOrder = ['basic', 'middle', 'problem-y', 'problem-x', 'advanced', 'later'];
    await addCards(db, ['advanced', 'basic', 'middle'], 'auto', now - DAY, knowledgeOrder);
    await addCards(db, ['problem-x', 'problem-y'], 'problem', now, knowledgeOrder);
    await addCards(db, ['later'], 'manual', now, knowledgeOrder);
    expect(ids(await dueQueue(db, now, settings))).toEqual([
      'learning',
      'review-early',
      'review-late',
      'problem-y',
      'problem-x',
      'basic',
      'middle',
      'advanced',
      'later',
    ]);
    // A later problem's cards go in front of the earlier problem's.
    await addCards(db, ['basic'], 'problem', now);
    expect(ids(await dueQueue(db, now, settings)).slice(3, 6)).toEqual(['basic', 'problem-y', 'problem-x']);
  });

  it('skips buried new cards and still fills the new-card allowance', async () => {
    const db = freshDb();
    const few = { ...settings, newPerDay: 2 };
    await addCards(db, ['n1', 'n2', 'n3', 'n4', 'n5'], 'auto', now - DAY);
    for (const id of ['n1', 'n2', 'n3']) await buryUntilTomorrow(db, id, now, settings.dayStartHour);
    expect(ids(await dueQueue(db, now, few))).toEqual(['n4', 'n5']);
    expect(await dueCountToday(db, now, few)).toMatchObject({ new: 2 });
  });

  it('leaves out suspended and buried cards until they return', async () => {
    const db = freshDb();
    await db.cards.bulkPut([card('a', 2, now - DAY), card('b', 2, now - DAY), card('c', 0, now - DAY)]);
    await suspend(db, 'a');
    await buryUntilTomorrow(db, 'b', now, settings.dayStartHour);
    expect(ids(await dueQueue(db, now, settings))).toEqual(['c']);
    expect(ids(await dueQueue(db, local(2024, 5, 8, 4, 0), settings))).toEqual(['b', 'c']);
  });

  it('limits new cards per day, counting the ones already started today', async () => {
    const db = freshDb();
    const limited = { ...settings, newPerDay: 3 };
    await addCards(db, ['n1', 'n2', 'n3', 'n4', 'n5'], 'auto', now - DAY);
    expect(ids(await dueQueue(db, now, limited))).toEqual(['n1', 'n2', 'n3']);
    await rateNow(db, 'n1', Rating.Good, now, limited);
    await rateNow(db, 'n2', Rating.Again, now + MIN, limited);
    // n1 and n2 are now learning; one new card is left for today.
    expect(ids(await dueQueue(db, now + 2 * MIN, limited))).toEqual(['n2', 'n1', 'n3']);
    expect(await dueCountToday(db, now + 2 * MIN, limited)).toMatchObject({ learning: 2, new: 1, total: 3 });
    // The next study day has a fresh allowance (n1 and n2 have graduated or are still learning).
    const tomorrow = local(2024, 5, 8, 12, 0);
    expect(ids(await dueQueue(db, tomorrow, limited)).filter((id) => ['n3', 'n4', 'n5'].includes(id))).toEqual([
      'n3',
      'n4',
      'n5',
    ]);
  });

  it('limits reviews per day, counting reviews done today but not learning steps', async () => {
    const db = freshDb();
    const limited = { ...settings, reviewsPerDay: 2 };
    await db.cards.bulkPut([
      card('r1', 2, now - 3 * DAY),
      card('r2', 2, now - 2 * DAY),
      card('r3', 2, now - DAY),
      card('l1', 1, now),
    ]);
    expect(ids(await dueQueue(db, now, limited))).toEqual(['l1', 'r1', 'r2']);
    await rateNow(db, 'r1', Rating.Good, now, limited);
    await rateNow(db, 'l1', Rating.Good, now, limited);
    const queue = ids(await dueQueue(db, now + MIN, limited));
    expect(queue.filter((id) => id.startsWith('r'))).toEqual(['r2']);
    expect(await dueCountToday(db, now + MIN, limited)).toMatchObject({ review: 1 });
  });

  it('counts a review done before the day start hour for the previous day', async () => {
    const db = freshDb();
    const limited = { ...settings, reviewsPerDay: 1 };
    const lateNight = local(2024, 5, 8, 3, 0);
    await db.cards.bulkPut([card('r1', 2, lateNight - DAY), card('r2', 2, lateNight - DAY)]);
    await rateNow(db, 'r1', Rating.Good, lateNight, limited);
    expect(ids(await dueQueue(db, lateNight + MIN, limited))).toEqual([]);
    expect(ids(await dueQueue(db, local(2024, 5, 8, 4, 0), limited))).toEqual(['r2']);
  });

  it('is stable for day keys across a year boundary', () => {
    expect(addDays(dayKey(local(2024, 1, 1, 5), 4), -1)).toBe('2023-12-31');
  });
});
