/**
 * Due-queue and rate-to-next-card timings on a seeded deck. Environment-agnostic: Node runs it on
 * fake-indexeddb (bench-node.ts), Chromium runs the same code on its real IndexedDB (bench-srs-browser.ts).
 */
import { openDb } from '@/utils/db';
import { dueQueue } from '@/utils/srs/queue';
import { rate } from '@/utils/srs/review';
import { Rating } from '@/utils/srs/scheduler';
import { seedForBench } from './bench-seed';
import { DEFAULT_SRS_SETTINGS } from '@/utils/srs/settings';
import { attempt, type Row } from './bench-report';
import { summarize, timeAsync } from './bench-stats';

/** The deck size the issue asks for. */
export const SRS_DECK = { cards: 10_000, logs: 100_000 };

export interface SrsBenchOptions {
  cards: number;
  logs: number;
  samples: number;
}

export interface SrsBenchResult {
  seedMs: number;
  queueLength: number;
  dueQueueMs: number[];
  rateToNextMs: number[];
}

/** A fixed afternoon, so every run sees the same due cards and the same reviews "today". */
export const BENCH_NOW = Date.UTC(2026, 2, 2, 15, 0, 0);

export async function runSrsBench(options: SrsBenchOptions): Promise<SrsBenchResult> {
  const name = `bench-srs-${Math.random().toString(36).slice(2)}`;
  const db = openDb(name);
  try {
    const settings = DEFAULT_SRS_SETTINGS;
    const now = BENCH_NOW;
    const seedStart = performance.now();
    await seedForBench(db, { cards: options.cards, logs: options.logs, now });
    const seedMs = performance.now() - seedStart;

    const query = () => dueQueue(db, now, settings);
    const queueLength = (await query()).length;
    const dueQueueMs = await timeAsync(query, options.samples, 2);

    // What the review screen does on an answer: rate the card it shows, then its live query re-reads the queue.
    const rateToNextMs: number[] = [];
    for (let i = 0; i < options.samples + 1; i++) {
      const card = (await query())[0];
      if (!card) break;
      const start = performance.now();
      const result = await rate(db, card.id, Rating.Good, now, settings, {
        expected: { reps: card.reps, last_review: card.last_review },
      });
      if (!result.ok) throw new Error(`rate failed: ${result.message}`);
      const next = (await query()).find((c) => c.id !== card.id);
      const elapsed = performance.now() - start;
      if (!next) throw new Error('rate-to-next: the queue ran dry');
      // The first rating warms up the scheduler and the rating transaction; it is not kept.
      if (i > 0) rateToNextMs.push(elapsed);
    }
    return { seedMs, queueLength, dueQueueMs, rateToNextMs };
  } finally {
    db.close();
    await db.delete();
  }
}

/** The two study-queue rows, shared by the Node and the Chromium runs; `where` names the database engine. */
export async function srsRows(
  where: string,
  environment: string,
  key: string,
  run: () => ReturnType<typeof runSrsBench>,
): Promise<Row[]> {
  const deck = `${SRS_DECK.cards.toLocaleString('en')} cards, ${SRS_DECK.logs.toLocaleString('en')} logs`;
  const planned = [
    {
      id: `dueQueue.${key}`,
      measure: `due-queue query, ${where} (${deck})`,
      unit: 'ms' as const,
      budget: 20,
      environment,
    },
    {
      id: `rateToNext.${key}`,
      measure: `rate, then next due card, ${where} (${deck})`,
      unit: 'ms' as const,
      budget: 16,
      environment,
    },
  ];
  return attempt(planned, async () => {
    const result = await run();
    return [
      {
        ...planned[0]!,
        summary: summarize(result.dueQueueMs),
        note: `queue of ${result.queueLength} cards; seeding the deck took ${Math.round(result.seedMs)} ms`,
      },
      { ...planned[1]!, summary: summarize(result.rateToNextMs) },
    ];
  });
}
