import { describe, expect, it } from 'vitest';
import { type CardRecord, type GradeValue, type ReviewLogRecord } from '@/utils/db';
import { dayKey } from '@/utils/srs/day';
import { cardsByState, forecast, heatmap, loadStats, streak, trueRetention } from '@/utils/srs/stats';
import { newCardRecord, pickSnapshot } from '@/utils/srs/scheduler';
import { DEFAULT_SRS_SETTINGS } from '@/utils/srs/settings';
import { throwawayDbs } from './srs-throwaway-db';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const local = (y: number, m: number, d: number, h = 0) => new Date(y, m - 1, d, h).getTime();
const settings = { ...DEFAULT_SRS_SETTINGS };
const NOW = local(2024, 5, 7, 22);

function card(id: string, state: CardRecord['state'], due: number, extra: Partial<CardRecord> = {}): CardRecord {
  return { ...newCardRecord(id, 'auto', NOW - 60 * DAY, 0), state, due, ...extra };
}

function log(
  cardId: string,
  reviewedAt: number,
  rating: GradeValue,
  beforeState: CardRecord['state'],
): Omit<ReviewLogRecord, 'id'> {
  const before = { ...pickSnapshot(card(cardId, beforeState, reviewedAt)) };
  return { cardId, rating, reviewedAt, dayKey: dayKey(reviewedAt, settings.dayStartHour), before, after: before };
}

describe('forecast', () => {
  it('counts review and learning cards per study day, overdue on today, skipping new and suspended', () => {
    const cards = [
      card('overdue', 2, NOW - 5 * DAY),
      card('tonight', 2, local(2024, 5, 8, 3)),
      card('tomorrow', 2, local(2024, 5, 8, 4)),
      card('learning', 1, NOW + HOUR),
      card('in-29-days', 2, local(2024, 6, 5, 12)),
      card('in-30-days', 2, local(2024, 6, 6, 12)),
      card('new', 0, NOW - DAY),
      card('suspended', 2, NOW, { suspended: 1 }),
      card('buried', 2, NOW - DAY, { buriedUntil: local(2024, 5, 8, 4) }),
    ];
    const days = forecast(cards, NOW, settings);
    expect(days).toHaveLength(30);
    expect(days[0]).toEqual({ dayKey: '2024-05-07', count: 3 });
    expect(days[1]).toEqual({ dayKey: '2024-05-08', count: 2 });
    expect(days[29]).toEqual({ dayKey: '2024-06-05', count: 1 });
    expect(days.reduce((n, d) => n + d.count, 0)).toBe(6);
    expect(forecast(cards, NOW, settings, 7)).toHaveLength(7);
  });
});

describe('streak', () => {
  it('counts consecutive days ending today', () => {
    expect(streak(['2024-05-05', '2024-05-06', '2024-05-07'], '2024-05-07')).toBe(3);
    expect(streak(['2024-05-01', '2024-05-06', '2024-05-07'], '2024-05-07')).toBe(2);
  });

  it('with nothing today yet, counts the run ending yesterday', () => {
    expect(streak(['2024-05-05', '2024-05-06'], '2024-05-07')).toBe(2);
  });

  it('is broken by a missed day and crosses month ends', () => {
    expect(streak(['2024-05-04', '2024-05-05'], '2024-05-07')).toBe(0);
    expect(streak([], '2024-05-07')).toBe(0);
    expect(streak(['2024-02-28', '2024-02-29', '2024-03-01'], '2024-03-01')).toBe(3);
  });
});

describe('heatmap', () => {
  it('gives 365 study days ending today with their review counts', () => {
    const logs = [
      { dayKey: '2024-05-07' },
      { dayKey: '2024-05-07' },
      { dayKey: '2024-05-01' },
      { dayKey: '2023-05-09' },
      { dayKey: '2023-05-08' },
      { dayKey: '2024-05-08' },
    ];
    const days = heatmap(logs, NOW, settings);
    expect(days).toHaveLength(365);
    expect(days[0]).toEqual({ dayKey: '2023-05-09', count: 1 });
    expect(days[364]).toEqual({ dayKey: '2024-05-07', count: 2 });
    expect(days.find((d) => d.dayKey === '2024-05-01')!.count).toBe(1);
    expect(days.reduce((n, d) => n + d.count, 0)).toBe(4);
  });

  it('adds up per-day totals the same way', () => {
    const totals = [
      { dayKey: '2024-05-07', count: 2 },
      { dayKey: '2024-05-01', count: 1 },
      { dayKey: '2023-05-08', count: 9 },
    ];
    expect(heatmap(totals, NOW, settings)).toEqual(
      heatmap([{ dayKey: '2024-05-07' }, { dayKey: '2024-05-07' }, { dayKey: '2024-05-01' }], NOW, settings),
    );
  });

  it('puts the small hours in the previous study day', () => {
    expect(heatmap([], local(2024, 5, 8, 3), settings).at(-1)!.dayKey).toBe('2024-05-07');
  });
});

describe('trueRetention', () => {
  it('is passed / (passed + failed) among review-state reviews in the window', () => {
    const logs = [
      log('a', NOW - DAY, 3, 2),
      log('b', NOW - 2 * DAY, 2, 2),
      log('c', NOW - 3 * DAY, 4, 2),
      log('d', NOW - 4 * DAY, 1, 2),
      log('e', NOW - HOUR, 1, 1), // learning step: ignored
      log('f', NOW - HOUR, 1, 3), // relearning step: ignored
      log('g', NOW - HOUR, 1, 0), // first sight: ignored
      log('h', NOW - 31 * DAY, 1, 2), // outside the window
    ];
    expect(trueRetention(logs, NOW, 30)).toBe(0.75);
    expect(trueRetention(logs, NOW, 40)).toBe(0.6);
  });

  it('is null without reviews', () => {
    expect(trueRetention([log('e', NOW - HOUR, 3, 1)], NOW)).toBeNull();
    expect(trueRetention([], NOW)).toBeNull();
  });
});

describe('cardsByState', () => {
  it('counts each state, suspended apart, leeches across', () => {
    const cards = [
      card('a', 0, NOW),
      card('b', 0, NOW),
      card('c', 1, NOW),
      card('d', 2, NOW, { leech: 1 }),
      card('e', 3, NOW),
      card('f', 2, NOW, { suspended: 1, leech: 1 }),
    ];
    expect(cardsByState(cards)).toEqual({ new: 2, learning: 1, review: 1, relearning: 1, suspended: 1, leech: 2 });
  });
});

describe('loadStats', () => {
  const freshDb = throwawayDbs();

  it('reads cards and logs into the same figures as the pure functions', async () => {
    const db = freshDb();
    const cards = [card('a', 2, NOW + DAY), card('b', 0, NOW), card('c', 2, NOW - DAY, { leech: 1 })];
    const logs = [
      log('a', NOW - HOUR, 3, 2),
      log('c', NOW - DAY, 1, 2),
      log('c', NOW - 2 * DAY, 3, 2),
      log('a', NOW - 200 * DAY, 3, 2),
      log('a', NOW - 400 * DAY, 3, 2),
    ];
    await db.cards.bulkAdd(cards);
    await db.reviewLogs.bulkAdd(logs);
    const stats = await loadStats(db, NOW, settings);
    expect(stats.streak).toBe(3);
    expect(stats.trueRetention).toBeCloseTo(2 / 3);
    expect(stats.cardsByState).toEqual({ new: 1, learning: 0, review: 2, relearning: 0, suspended: 0, leech: 1 });
    expect(stats.forecast).toEqual(forecast(cards, NOW, settings));
    expect(stats.heatmap).toEqual(heatmap(logs, NOW, settings));
    expect(stats.heatmap.reduce((n, d) => n + d.count, 0)).toBe(4);
  });
});
