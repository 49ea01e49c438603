/**
 * A valid backup file of any size, for the large-import tests and the Chromium measurement
 * (tests/e2e/backup-import.spec.ts). Plain TypeScript without path aliases so both runners can import it.
 */

const DAY = 86_400_000;

interface BigBackupOptions {
  /** Card ids the extension knows (others would be set aside instead of imported). */
  cardIds: readonly string[];
  reviews: number;
  /** Export time; every review is before it. */
  now: number;
}

const snapshot = (at: number, reps: number) => ({
  due: at + DAY,
  stability: 2.5,
  difficulty: 5,
  elapsed_days: 1,
  scheduled_days: 1,
  learning_steps: 0,
  reps,
  lapses: 0,
  state: 2,
  last_review: at,
  leech: 0,
});

/** The text of a backup with every card of `cardIds` reviewed, `reviews` logs in all, one minute apart. */
export function bigBackupText({ cardIds, reviews, now }: BigBackupOptions): string {
  const start = now - reviews * 60_000 - DAY;
  const cards = [...cardIds].sort().map((id, position) => ({
    id,
    ...snapshot(now - DAY, 1),
    addedAt: start - DAY,
    suspended: 0,
    buriedUntil: 0,
    position,
    source: 'auto',
  }));
  const reviewLogs = Array.from({ length: reviews }, (_, i) => {
    const reviewedAt = start + i * 60_000;
    return {
      id: i + 1,
      cardId: cards[i % cards.length]!.id,
      rating: 1 + (i % 4),
      reviewedAt,
      dayKey: new Date(reviewedAt).toISOString().slice(0, 10),
      before: snapshot(reviewedAt - DAY, i),
      after: snapshot(reviewedAt, i + 1),
      ...(i % 2 ? { elapsedMs: 1000 + (i % 9000) } : {}),
    };
  });
  return JSON.stringify({
    format: 'awaitwise-backup',
    version: 1,
    exportedAt: new Date(now).toISOString(),
    cards,
    reviewLogs,
    saved: [],
  });
}
