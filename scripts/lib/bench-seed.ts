/** Fills a database with a realistic-looking deck and history, fast (bulkAdd), for the benchmark. */
import type { AwaitwiseDb, CardRecord, CardSnapshot, CardStateValue, GradeValue, ReviewLogRecord } from '@/utils/db';
import { dayKey } from '@/utils/srs/day';
// The interview planner's seeded generator, so every bench run measures the same data.
import { seededRandom } from '@/utils/interview/random';

const DAY = 86_400_000;

export interface SeedOptions {
  cards: number;
  logs: number;
  now: number;
  dayStartHour?: number;
  seed?: number;
}

/**
 * Cards `bench-0`… spread over the states like a deck in use (about 30% new, 1% learning, 67% review, 2%
 * relearning; 2% suspended), learning dues within half an hour of `now`, review dues from a week ago to two
 * months ahead, logs spread over the past year.
 */
export async function seedForBench(db: AwaitwiseDb, options: SeedOptions): Promise<void> {
  const { now, dayStartHour = 4 } = options;
  const random = seededRandom(options.seed ?? 1);
  const cards: CardRecord[] = [];
  for (let i = 0; i < options.cards; i++) {
    const r = random();
    const state: CardStateValue = r < 0.3 ? 0 : r < 0.31 ? 1 : r < 0.98 ? 2 : 3;
    const reviewed = state !== 0;
    const lastReview = reviewed ? now - Math.floor(random() * 30 * DAY) : null;
    const due =
      state === 0
        ? now - 60 * DAY
        : state === 2
          ? now + Math.floor((random() * 67 - 7) * DAY)
          : now + Math.floor((random() * 60 - 30) * 60_000);
    cards.push({
      id: `bench-${i}`,
      due,
      stability: reviewed ? 1 + random() * 100 : 0,
      difficulty: reviewed ? 1 + random() * 9 : 0,
      elapsed_days: 0,
      scheduled_days: state === 2 ? Math.max(1, Math.round((due - (lastReview ?? now)) / DAY)) : 0,
      learning_steps: 0,
      reps: reviewed ? 1 + Math.floor(random() * 20) : 0,
      lapses: state === 3 ? 1 + Math.floor(random() * 3) : 0,
      state,
      last_review: lastReview,
      leech: 0,
      addedAt: now - 400 * DAY,
      suspended: random() < 0.02 ? 1 : 0,
      buriedUntil: 0,
      position: i,
      source: 'auto',
    });
  }
  const logs: Omit<ReviewLogRecord, 'id'>[] = [];
  for (let i = 0; i < options.logs; i++) {
    const card = cards[Math.floor(random() * cards.length)]!;
    const reviewedAt = now - Math.floor(random() * 365 * DAY);
    const snapshot: CardSnapshot = {
      due: reviewedAt,
      stability: card.stability,
      difficulty: card.difficulty,
      elapsed_days: 0,
      scheduled_days: card.scheduled_days,
      learning_steps: 0,
      reps: card.reps,
      lapses: card.lapses,
      state: 2,
      last_review: reviewedAt - DAY,
      leech: 0,
    };
    logs.push({
      cardId: card.id,
      rating: (1 + Math.floor(random() * 4)) as GradeValue,
      reviewedAt,
      dayKey: dayKey(reviewedAt, dayStartHour),
      before: snapshot,
      after: { ...snapshot, due: reviewedAt + card.scheduled_days * DAY, last_review: reviewedAt },
    });
  }
  await db.transaction('rw', db.cards, db.reviewLogs, async () => {
    await db.cards.bulkAdd(cards);
    await db.reviewLogs.bulkAdd(logs);
  });
}
