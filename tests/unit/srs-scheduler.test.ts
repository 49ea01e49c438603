import { liveQuery } from 'dexie';
import { createEmptyCard, fsrs, generatorParameters, type Card, type Grade } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import type { AwaitwiseDb, CardRecord } from '@/utils/db';
import { dueQueue } from '@/utils/srs/queue';
import { addCards, getCard, resetCard } from '@/utils/srs/repository';
import { rate, undoLast } from '@/utils/srs/review';
import {
  LEECH_LAPSES,
  Rating,
  State,
  formatInterval,
  newCardRecord,
  nextSnapshot,
  pickSnapshot,
  previewIntervals,
  snapshotOf,
  toFsrsCard,
} from '@/utils/srs/scheduler';
import { DEFAULT_SRS_SETTINGS, type SrsSettings } from '@/utils/srs/settings';
import { throwawayDbs, uniqueDbName } from './srs-throwaway-db';

const MIN = 60_000;
const DAY = 86_400_000;
const settings: SrsSettings = { ...DEFAULT_SRS_SETTINGS };
const exact = { fuzz: false };
const T0 = new Date(2024, 4, 6, 12, 0).getTime();

const freshDb = throwawayDbs();

const library = (retention = 0.9) => fsrs(generatorParameters({ request_retention: retention, enable_fuzz: false }));

async function rateOk(db: AwaitwiseDb, id: string, rating: Grade, now: number, s = settings) {
  const card = (await getCard(db, id))!;
  const result = await rate(db, id, rating, now, s, { expected: card, ...exact });
  if (!result.ok) throw new Error(result.message);
  return result;
}

describe('previewIntervals', () => {
  it('shows for each rating the due ts-fsrs gives for the same card and time', () => {
    const card = createEmptyCard(new Date(T0));
    const expected = library().repeat(card, new Date(T0));
    const preview = previewIntervals(snapshotOf(card, 0), T0, settings, exact);
    expect(preview.map((p) => p.rating)).toEqual([Rating.Again, Rating.Hard, Rating.Good, Rating.Easy]);
    for (const p of preview) expect(p.due).toBe(expected[p.rating].card.due.getTime());
    // FSRS-6 defaults: learning steps 1m and 10m; Hard on the first step is their average.
    expect(preview.map((p) => p.label).slice(0, 3)).toEqual(['1m', '6m', '10m']);
    expect(preview[3]!.label).toMatch(/^\d+d$/);
  });

  it('with fuzz on, agrees with what rating at the same moment schedules', async () => {
    const db = freshDb();
    await addCards(db, ['c'], 'manual', T0 - 40 * DAY);
    let now = T0 - 40 * DAY;
    for (const r of [Rating.Good, Rating.Good, Rating.Good] as Grade[]) {
      const card = (await getCard(db, 'c'))!;
      now = Math.max(now + MIN, card.due);
      await rate(db, 'c', r, now, settings, { expected: card });
    }
    const card = (await getCard(db, 'c'))!;
    expect(card.state).toBe(State.Review);
    const at = card.due + 3 * DAY;
    const preview = previewIntervals(card, at, settings);
    for (const p of preview) {
      expect(nextSnapshot(pickSnapshot(card), p.rating, at, settings).due).toBe(p.due);
    }
  });

  it('gives longer review intervals for a lower desired retention', () => {
    let card: Card = createEmptyCard(new Date(T0));
    card = library().next(card, new Date(T0), Rating.Easy).card;
    const at = card.due.getTime();
    const good = (retention: number) =>
      previewIntervals(snapshotOf(card, 0), at, { desiredRetention: retention }, exact)[2]!.due;
    expect(good(0.8)).toBeGreaterThan(good(0.9));
    expect(good(0.9)).toBeGreaterThan(good(0.97));
  });
});

describe("a last review dated after now (another device's clock ran ahead)", () => {
  it('counts as made now: the card can still be previewed and rated', () => {
    const now = Date.UTC(2026, 11, 7, 12);
    const ahead = { ...newCardRecord('x', 'auto', now, 0), state: 2 as const, reps: 1, stability: 3, difficulty: 5 };
    const card = { ...ahead, last_review: now + 5 * 365 * 86_400_000, due: now + 5 * 365 * 86_400_000 };
    const rated = nextSnapshot(card, Rating.Good, now, DEFAULT_SRS_SETTINGS, { fuzz: false });
    expect(rated.last_review).toBe(now);
    expect(rated.reps).toBe(2);
    expect(previewIntervals(card, now, DEFAULT_SRS_SETTINGS, { fuzz: false })).toHaveLength(4);
  });
});

describe('formatInterval', () => {
  it.each([
    [30_000, '<1m'],
    [MIN, '1m'],
    [10 * MIN, '10m'],
    [3 * 60 * MIN, '3h'],
    [DAY, '1d'],
    [3 * DAY, '3d'],
    [63 * DAY, '2.1mo'],
    [60 * DAY, '2mo'],
    [548 * DAY, '1.5y'],
  ])('%i ms → %s', (ms, label) => expect(formatInterval(ms)).toBe(label));
});

describe('rate', () => {
  it('writes the FSRS result and a log with the before and after state', async () => {
    const db = freshDb();
    await addCards(db, ['c'], 'manual', T0);
    const times = [T0, T0 + MIN, T0 + 11 * MIN, T0 + 3 * DAY, T0 + 20 * DAY, T0 + 21 * DAY];
    const ratings: Grade[] = [Rating.Again, Rating.Good, Rating.Good, Rating.Hard, Rating.Again, Rating.Easy];
    let reference: Card = createEmptyCard(new Date(T0));
    for (const [i, rating] of ratings.entries()) {
      const before = (await getCard(db, 'c'))!;
      const { card, log } = await rateOk(db, 'c', rating, times[i]!);
      reference = library().next(reference, new Date(times[i]!), rating).card;
      expect(card).toEqual({ ...before, ...snapshotOf(reference, 0) });
      expect(await getCard(db, 'c')).toEqual(card);
      expect(log).toMatchObject({
        cardId: 'c',
        rating,
        reviewedAt: times[i],
        before: pickSnapshot(before),
        after: pickSnapshot(card),
      });
    }
    expect(reference.lapses).toBe(1);
    expect(await db.reviewLogs.count()).toBe(ratings.length);
  });

  it('stores the study day honouring the day start hour, and the answer time', async () => {
    const db = freshDb();
    await addCards(db, ['c'], 'manual', T0);
    const lateNight = new Date(2024, 4, 7, 2, 30).getTime();
    const card = (await getCard(db, 'c'))!;
    const result = await rate(db, 'c', Rating.Good, lateNight, settings, { expected: card, elapsedMs: 4321.4 });
    expect(result.ok && result.log).toMatchObject({ dayKey: '2024-05-06', elapsedMs: 4321 });
    const other = await rate(
      db,
      'c',
      Rating.Good,
      lateNight + MIN,
      { ...settings, dayStartHour: 0 },
      { expected: result.ok ? result.card : card },
    );
    expect(other.ok && other.log.dayKey).toBe('2024-05-07');
  });

  it('refuses a rating for a card state that has moved on, a missing card and a suspended card', async () => {
    const db = freshDb();
    await addCards(db, ['c', 's'], 'manual', T0);
    const shown = (await getCard(db, 'c'))!;
    expect((await rate(db, 'c', Rating.Good, T0, settings, { expected: shown })).ok).toBe(true);
    const again = await rate(db, 'c', Rating.Good, T0 + 1000, settings, { expected: shown });
    expect(again).toMatchObject({ ok: false, reason: 'stale' });
    expect(await db.reviewLogs.count()).toBe(1);

    expect(await rate(db, 'nope', Rating.Good, T0, settings, { expected: shown })).toMatchObject({
      ok: false,
      reason: 'missing',
    });
    await db.cards.update('s', { suspended: 1 });
    const suspended = (await getCard(db, 's'))!;
    expect(await rate(db, 's', Rating.Good, T0, settings, { expected: suspended })).toMatchObject({
      ok: false,
      reason: 'suspended',
    });
    expect(await db.reviewLogs.count()).toBe(1);
  });

  it('from two open views at once leaves exactly one log', async () => {
    const name = uniqueDbName();
    const popup = freshDb(name);
    const sidePanel = freshDb(name);
    await addCards(popup, ['c'], 'manual', T0);
    const shownInPopup = (await getCard(popup, 'c'))!;
    const shownInPanel = (await getCard(sidePanel, 'c'))!;
    const results = await Promise.all([
      rate(popup, 'c', Rating.Good, T0 + 1000, settings, { expected: shownInPopup }),
      rate(sidePanel, 'c', Rating.Easy, T0 + 1001, settings, { expected: shownInPanel }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.reason === 'stale')).toHaveLength(1);
    expect(await popup.reviewLogs.count()).toBe(1);
    expect((await sidePanel.cards.get('c'))!.reps).toBe(1);
  });

  it('updates a live due queue in another view', async () => {
    const name = uniqueDbName();
    const popup = freshDb(name);
    const sidePanel = freshDb(name);
    await addCards(popup, ['a', 'b'], 'manual', T0);
    const seen: string[][] = [];
    const subscription = liveQuery(() => dueQueue(sidePanel, T0 + 1000, settings)).subscribe((queue) =>
      seen.push(queue.map((c) => `${c.id}:${c.state}`)),
    );
    await expect.poll(() => seen.length, { timeout: 5000 }).toBeGreaterThan(0);
    expect(seen.at(-1)).toEqual(['a:0', 'b:0']);
    const a = (await getCard(popup, 'a'))!;
    await rate(popup, 'a', Rating.Good, T0 + 500, settings, { expected: a });
    await expect.poll(() => seen.at(-1), { timeout: 5000 }).toEqual(['a:1', 'b:0']);
    subscription.unsubscribe();
  });
});

describe('undoLast', () => {
  it('restores the card and removes its log', async () => {
    const db = freshDb();
    await addCards(db, ['a', 'b'], 'manual', T0);
    const original = (await getCard(db, 'a'))!;
    const first = await rateOk(db, 'a', Rating.Good, T0 + MIN);
    const afterFirst = (await getCard(db, 'a'))!;
    await rateOk(db, 'a', Rating.Good, T0 + 12 * MIN);
    expect(await undoLast(db)).toMatchObject({ ok: true });
    expect(await getCard(db, 'a')).toEqual(afterFirst);
    expect(await db.reviewLogs.toArray()).toEqual([first.log]);
    expect(await undoLast(db, first.log.id)).toMatchObject({ ok: true });
    expect(await getCard(db, 'a')).toEqual(original);
    expect(await db.reviewLogs.count()).toBe(0);
    expect(await undoLast(db)).toMatchObject({ ok: false, reason: 'nothing' });
  });

  it('only undoes the rating this view made, and not after the card changed', async () => {
    const db = freshDb();
    await addCards(db, ['a', 'b'], 'manual', T0);
    const mine = await rateOk(db, 'a', Rating.Good, T0 + MIN);
    await rateOk(db, 'b', Rating.Good, T0 + 2 * MIN);
    expect(await undoLast(db, mine.log.id)).toMatchObject({ ok: false, reason: 'moved' });
    expect(await db.reviewLogs.count()).toBe(2);

    await resetCard(db, 'b', T0 + 3 * MIN);
    expect(await undoLast(db)).toMatchObject({ ok: false, reason: 'changed' });
    expect(await db.reviewLogs.count()).toBe(2);
  });
});

describe('leech', () => {
  it('is flagged at the eighth lapse, reported once, not suspended, and undo clears it', async () => {
    const db = freshDb();
    // A review card that has lapsed 7 times already.
    let fsrsCard: Card = createEmptyCard(new Date(T0));
    fsrsCard = library().next(fsrsCard, new Date(T0), Rating.Easy).card;
    const record: CardRecord = {
      ...newCardRecord('l', 'manual', T0, 0),
      ...snapshotOf({ ...fsrsCard, lapses: LEECH_LAPSES - 1 }, 0),
    };
    await db.cards.put(record);
    expect(record.state).toBe(State.Review);

    const lapse = await rateOk(db, 'l', Rating.Again, record.due);
    expect(lapse.card).toMatchObject({ lapses: LEECH_LAPSES, leech: 1, suspended: 0, state: State.Relearning });
    expect(lapse.becameLeech).toBe(true);
    const next = await rateOk(db, 'l', Rating.Good, record.due + 10 * MIN);
    expect(next.becameLeech).toBe(false);
    expect(next.card.leech).toBe(1);

    await undoLast(db);
    await undoLast(db);
    expect(await getCard(db, 'l')).toEqual(record);
  });

  it('is not flagged below the threshold', () => {
    const card = toFsrsCard({ ...newCardRecord('x', 'manual', T0, 0) });
    const review = library().next(card, new Date(T0), Rating.Easy).card;
    const after = nextSnapshot(
      snapshotOf({ ...review, lapses: LEECH_LAPSES - 2 }, 0),
      Rating.Again,
      review.due.getTime(),
      settings,
      exact,
    );
    expect(after).toMatchObject({ lapses: LEECH_LAPSES - 1, leech: 0 });
  });
});
