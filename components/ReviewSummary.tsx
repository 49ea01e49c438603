/** What a review session did: how many cards, how they were rated, how long it took, and when to come back. */
import { useId } from 'preact/hooks';
import { formatInterval, GRADE_LABELS, GRADES, type Grade } from '@/utils/srs/scheduler';

/** "45 s", "6 min", "1 h 5 min". */
export function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest ? `${hours} h ${rest} min` : `${hours} h`;
}

export interface NextDueProps {
  /** When the next card can be studied; null when nothing is scheduled (no cards, or all suspended). */
  nextDue: number | null;
  now: number;
}

/** "Next card in 3h", with the exact local time as a tooltip and machine-readable date. */
export function NextDue({ nextDue, now }: NextDueProps) {
  if (nextDue === null) return <>No cards are scheduled.</>;
  if (nextDue <= now) return <>Cards are due now.</>;
  const date = new Date(nextDue);
  return (
    <>
      Next card in{' '}
      <time dateTime={date.toISOString()} title={date.toLocaleString()}>
        {formatInterval(nextDue - now)}
      </time>
      .
    </>
  );
}

export interface ReviewSummaryProps {
  reviewed: number;
  byRating: Readonly<Record<Grade, number>>;
  timeSpentMs: number;
  /** Undefined while still being worked out. */
  nextDue: number | null | undefined;
  now: number;
}

export function ReviewSummary({ reviewed, byRating, timeSpentMs, nextDue, now }: ReviewSummaryProps) {
  const headingId = useId();
  const perCard = reviewed > 0 ? timeSpentMs / reviewed : 0;
  return (
    <section class="aw-review-summary" aria-labelledby={headingId}>
      <h3 id={headingId}>Session summary</h3>
      <p>
        {reviewed === 1 ? (
          <>
            You reviewed <strong>1 card</strong>
            {/* A time under a second means nothing was measured (a card rated by another view). */}
            {timeSpentMs >= 1000 && (
              <>
                {' '}
                in <strong>{formatDuration(timeSpentMs)}</strong>
              </>
            )}{' '}
            and rated it <strong>{GRADE_LABELS[GRADES.find((g) => byRating[g] > 0) ?? GRADES[2]!]}</strong>.
          </>
        ) : (
          <>
            You reviewed <strong>{reviewed}</strong> cards in <strong>{formatDuration(timeSpentMs)}</strong> (
            {formatDuration(perCard)} a card).
          </>
        )}
      </p>
      {reviewed > 1 && (
        <ul class="aw-summary-ratings" aria-label="Answers by rating">
          {GRADES.filter((grade) => byRating[grade] > 0).map((grade) => (
            <li key={grade} class={`aw-summary-rating aw-rate-${grade}`}>
              <span>{GRADE_LABELS[grade]}</span> <strong>{byRating[grade]}</strong>
            </li>
          ))}
        </ul>
      )}
      {nextDue !== undefined && (
        <p>
          <NextDue nextDue={nextDue} now={now} />
        </p>
      )}
    </section>
  );
}
