/** Glue between ts-fsrs (FSRS-6, default weights) and the stored card records. Pure: no database here. */
import { createEmptyCard, fsrs, generatorParameters, Rating, State, type Card, type FSRS, type Grade } from 'ts-fsrs';
import type { CardRecord, CardSnapshot } from '@/utils/db';
import type { CardSource } from '@/utils/records/schema';
import type { SrsSettings } from '@/utils/srs/settings';

export { Rating, State, type Grade };

/** The four answer buttons, in display order. */
export const GRADES: readonly Grade[] = [Rating.Again, Rating.Hard, Rating.Good, Rating.Easy];

/** The buttons' names. */
export const GRADE_LABELS: Readonly<Record<Grade, string>> = {
  [Rating.Again]: 'Again',
  [Rating.Hard]: 'Hard',
  [Rating.Good]: 'Good',
  [Rating.Easy]: 'Easy',
};

/** Lapses at which a card is flagged as a leech (Anki's default threshold). */
export const LEECH_LAPSES = 8;

export interface SchedulerOptions {
  /** Interval fuzz spreads reviews of cards learnt together; tests turn it off to compare exact intervals. */
  fuzz?: boolean;
}

const schedulers = new Map<string, FSRS>();

/** A ts-fsrs instance for these settings, cached because settings change rarely and ratings happen often. */
export function schedulerFor(settings: Pick<SrsSettings, 'desiredRetention'>, options: SchedulerOptions = {}): FSRS {
  const fuzz = options.fuzz ?? true;
  const key = `${settings.desiredRetention}|${fuzz}`;
  let scheduler = schedulers.get(key);
  if (!scheduler) {
    scheduler = fsrs(generatorParameters({ request_retention: settings.desiredRetention, enable_fuzz: fuzz }));
    schedulers.set(key, scheduler);
  }
  return scheduler;
}

export function toFsrsCard(snapshot: CardSnapshot): Card {
  const card: Card = {
    due: new Date(snapshot.due),
    stability: snapshot.stability,
    difficulty: snapshot.difficulty,
    elapsed_days: snapshot.elapsed_days,
    scheduled_days: snapshot.scheduled_days,
    learning_steps: snapshot.learning_steps,
    reps: snapshot.reps,
    lapses: snapshot.lapses,
    state: snapshot.state,
  };
  if (snapshot.last_review !== null) card.last_review = new Date(snapshot.last_review);
  return card;
}

/** Builds a snapshot with a fixed key order, so exports of equal data are equal text. */
export function snapshotOf(card: Card, leech: 0 | 1): CardSnapshot {
  return {
    due: card.due.getTime(),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: card.elapsed_days,
    scheduled_days: card.scheduled_days,
    learning_steps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    last_review: card.last_review ? card.last_review.getTime() : null,
    leech,
  };
}

/** Just the scheduling fields of a record, in snapshot key order. */
export function pickSnapshot(record: CardSnapshot): CardSnapshot {
  return snapshotOf(toFsrsCard(record), record.leech);
}

export function newCardRecord(id: string, source: CardSource, now: number, position: number): CardRecord {
  return {
    id,
    ...snapshotOf(createEmptyCard(new Date(now)), 0),
    addedAt: now,
    suspended: 0,
    buriedUntil: 0,
    position,
    source,
  };
}

export interface IntervalPreview {
  rating: Grade;
  due: number;
  /** Compact interval for the answer button: "<1m", "10m", "3h", "1d", "2.1mo", "1.5y". */
  label: string;
}

/**
 * The card as FSRS must see it at `now`: a last review dated later (another device's clock ran ahead, or this
 * one's went back) counts as made now, since FSRS refuses a negative elapsed time and the card could not be rated.
 */
const fsrsCardAt = (card: CardSnapshot, now: number): Card =>
  toFsrsCard(card.last_review !== null && card.last_review > now ? { ...card, last_review: now } : card);

/** What each of Again / Hard / Good / Easy would schedule if chosen at `now`. */
export function previewIntervals(
  card: CardSnapshot,
  now: number,
  settings: Pick<SrsSettings, 'desiredRetention'>,
  options: SchedulerOptions = {},
): IntervalPreview[] {
  const preview = schedulerFor(settings, options).repeat(fsrsCardAt(card, now), new Date(now));
  return GRADES.map((rating) => {
    const due = preview[rating].card.due.getTime();
    return { rating, due, label: formatInterval(due - now) };
  });
}

/** The card after rating it at `now`, with the leech flag raised when this rating reaches the threshold. */
export function nextSnapshot(
  card: CardSnapshot,
  rating: Grade,
  now: number,
  settings: Pick<SrsSettings, 'desiredRetention'>,
  options: SchedulerOptions = {},
): CardSnapshot {
  const next = schedulerFor(settings, options).next(fsrsCardAt(card, now), new Date(now), rating).card;
  return snapshotOf(next, next.lapses >= LEECH_LAPSES ? 1 : card.leech);
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const oneDecimal = (n: number) => String(Math.round(n * 10) / 10);

export function formatInterval(ms: number): string {
  if (ms < MINUTE) return '<1m';
  const minutes = Math.round(ms / MINUTE);
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.round(ms / HOUR);
  if (hours < 24) return `${hours}h`;
  const days = Math.round(ms / DAY);
  if (days < 30) return `${days}d`;
  if (days < 365) return `${oneDecimal(days / 30)}mo`;
  return `${oneDecimal(days / 365)}y`;
}
