/**
 * The deck browser's rows: one state per card, the figures shown in its columns (due, interval, reviews,
 * lapses), and sorting by each. Pure, so the order is tested without rendering.
 */
import type { CardRecord } from '@/utils/db';
import { startOfDayOffset } from '@/utils/srs/day';
import { formatInterval } from '@/utils/srs/scheduler';

export type DeckState = 'new' | 'learning' | 'review' | 'relearning' | 'suspended' | 'buried';

export const STATE_LABELS: Readonly<Record<DeckState, string>> = {
  new: 'New',
  learning: 'Learning',
  review: 'Review',
  relearning: 'Relearning',
  suspended: 'Suspended',
  buried: 'Buried until tomorrow',
};
const BY_FSRS_STATE = ['new', 'learning', 'review', 'relearning'] as const;

/** One state per card, the one that decides whether it comes up: suspended, then buried, then its FSRS state. */
export function deckState(card: CardRecord, now: number): DeckState {
  if (card.suspended) return 'suspended';
  if (card.buriedUntil > now) return 'buried';
  return BY_FSRS_STATE[card.state];
}

/** The sortable columns; `order` is the deck's new-card order, or relevance while searching. */
export type SortKey = 'order' | 'due' | 'interval' | 'reviews' | 'lapses';

export interface DeckSort {
  key: SortKey;
  descending: boolean;
}

export const DEFAULT_SORT: DeckSort = { key: 'order', descending: false };

export const SORT_LABELS: Readonly<Record<Exclude<SortKey, 'order'>, string>> = {
  due: 'Due',
  interval: 'Interval',
  reviews: 'Reviews',
  lapses: 'Lapses',
};

/** A column's header pressed: ascending first, then descending, then back to the deck's own order. */
export function nextSort(current: DeckSort, key: Exclude<SortKey, 'order'>): DeckSort {
  if (current.key !== key) return { key, descending: false };
  return current.descending ? DEFAULT_SORT : { key, descending: true };
}

/** When a card comes up: a new card has no date and sorts after every scheduled one, in its new-card order. */
const dueOrder = (card: CardRecord): [number, number] =>
  card.state === 0 ? [1, card.position] : [0, Math.max(card.due, card.buriedUntil)];

/** The interval in days of a card past its learning steps; none for new and learning cards. */
export const intervalDays = (card: CardRecord): number | null =>
  (card.state === 2 || card.state === 3) && card.scheduled_days > 0 ? card.scheduled_days : null;

/**
 * Sorts the cards by `sort`; ties, and the `order` key, keep the order `base` gives (deck order, or search
 * relevance when `rank` is given).
 */
export function sortCards<T extends { card: CardRecord }>(
  rows: readonly T[],
  sort: DeckSort,
  rank?: ReadonlyMap<string, number>,
): T[] {
  const base = (a: T, b: T) =>
    rank ? (rank.get(a.card.id) ?? Infinity) - (rank.get(b.card.id) ?? Infinity) : a.card.position - b.card.position;
  const sign = sort.descending ? -1 : 1;
  const compare = (a: T, b: T): number => {
    switch (sort.key) {
      case 'order':
        return sign * base(a, b);
      case 'due': {
        const [ga, da] = dueOrder(a.card);
        const [gb, db] = dueOrder(b.card);
        return sign * (ga - gb || da - db);
      }
      case 'interval':
        return sign * ((intervalDays(a.card) ?? -1) - (intervalDays(b.card) ?? -1));
      case 'reviews':
        return sign * (a.card.reps - b.card.reps);
      case 'lapses':
        return sign * (a.card.lapses - b.card.lapses);
    }
  };
  return [...rows].sort((a, b) => compare(a, b) || base(a, b));
}

const DAY = 86_400_000;
const shortDate = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
const dateWithYear = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

/** The Due column: "New", "Today", "Tomorrow", or a date in the user's locale, with the year when not this one. */
export function formatDue(card: CardRecord, now: number, dayStartHour: number): string {
  if (card.state === 0) return 'New';
  const due = Math.max(card.due, card.buriedUntil);
  if (due < startOfDayOffset(now, dayStartHour, 1)) return 'Today';
  if (due < startOfDayOffset(now, dayStartHour, 2)) return 'Tomorrow';
  const date = new Date(due);
  return (date.getFullYear() === new Date(now).getFullYear() ? shortDate : dateWithYear).format(date);
}

/** The Interval column: "12d", "2.1mo"; a dash for new and learning cards. */
export function formatIntervalDays(card: CardRecord): string {
  const days = intervalDays(card);
  return days === null ? '—' : formatInterval(days * DAY);
}
