/** A deck studied through the real API, shared by the backup tests, and helpers to compare databases. */
import type { AwaitwiseDb } from '@/utils/db';
import { saveProblem } from '@/utils/saved';
import { exportBackup, serialiseBackup, type Backup } from '@/utils/srs/backup';
import { dueQueue } from '@/utils/srs/queue';
import { addCards, buryUntilTomorrow, suspend } from '@/utils/srs/repository';
import { rate } from '@/utils/srs/review';
import { Rating, type Grade } from '@/utils/srs/scheduler';
import { seededRandom } from '@/utils/interview/random';
import { DEFAULT_SRS_SETTINGS } from '@/utils/srs/settings';

export const DAY = 86_400_000;
export const T0 = new Date(2024, 3, 1, 9, 0).getTime();
export const NOW = T0 + 12 * DAY;
const settings = { ...DEFAULT_SRS_SETTINGS };
export const ORDER = [
  'event-loop-scheduler',
  'await-what-it-does',
  'gather-basics',
  'create-task-basics',
  'task-group-basics',
  'cancellation-basics',
  'shield',
  'semaphore-limit-concurrency',
];
export const KNOWN = new Set([...ORDER, 'lock-in-asyncio']);

/** A deck studied for twelve days through the real API, with some cards suspended, buried and saved problems. */
export async function studiedDeck(db: AwaitwiseDb): Promise<void> {
  const random = seededRandom(42);
  await addCards(db, ORDER.slice(0, 6), 'auto', T0, ORDER);
  await addCards(db, ['shield', 'cancellation-basics'], 'problem', T0 + 1000, ORDER);
  await addCards(db, ['semaphore-limit-concurrency'], 'manual', T0 + 2000, ORDER);
  for (let day = 0; day < 12; day++) {
    let now = T0 + day * DAY;
    for (let step = 0; step < 60; step++) {
      const [card] = await dueQueue(db, now, settings);
      if (!card) break;
      const r = random();
      const rating: Grade = r < 0.15 ? Rating.Again : r < 0.3 ? Rating.Hard : r < 0.85 ? Rating.Good : Rating.Easy;
      const elapsedMs = step % 2 ? Math.round(random() * 20_000) : undefined;
      now = Math.max(now, card.due) + 60_000;
      await rate(db, card.id, rating, now, settings, { expected: card, elapsedMs });
    }
  }
  await suspend(db, 'semaphore-limit-concurrency');
  await buryUntilTomorrow(db, 'gather-basics', NOW - DAY, settings.dayStartHour);
  await saveProblem(
    db,
    {
      url: 'https://leetcode.com/problems/print-in-order/',
      site: 'leetcode',
      slug: 'print-in-order',
      title: 'Print in Order',
    },
    T0,
  );
  await saveProblem(
    db,
    { url: 'https://www.codewars.com/kata/async-pool', site: 'codewars', slug: 'async-pool', title: 'Async “pool”' },
    T0 + DAY,
  );
  await saveProblem(
    db,
    {
      url: 'https://exercism.org/tracks/python/exercises/bank-account',
      site: 'exercism',
      slug: 'bank-account',
      title: '',
    },
    T0 + 2 * DAY,
  );
}

export async function dump(db: AwaitwiseDb): Promise<string> {
  const [cards, logs, saved] = await Promise.all([db.cards.toArray(), db.reviewLogs.toArray(), db.saved.toArray()]);
  return JSON.stringify({ cards, logs, saved });
}

export const exportText = async (db: AwaitwiseDb, at = NOW) => serialiseBackup(await exportBackup(db, at));

/** Studies a deck into `db` and exports it: the valid file the backup tests start from. */
export async function studiedExport(db: AwaitwiseDb): Promise<{ text: string; backup: Backup }> {
  await studiedDeck(db);
  const text = await exportText(db);
  return { text, backup: JSON.parse(text) as Backup };
}

/** A record of a parsed export that tests write wrong values into: any field may become anything. */
export type Fields = Record<string, unknown>;

/** A parsed export whose lists the tests reach into; the values themselves are unknown on purpose. */
export interface Editable {
  [key: string]: unknown;
  cards: Fields[];
  reviewLogs: (Fields & { before: Fields; after: Fields })[];
  saved: Fields[];
}
