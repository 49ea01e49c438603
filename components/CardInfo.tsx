/** "Card info", as in Anki's browser: when a card was added and reviewed, its scheduling figures and its history. */
import type { CardRecord, ReviewLogRecord } from '@/utils/db';
import { GRADE_LABELS, formatInterval } from '@/utils/srs/scheduler';
import { formatDuration } from './ReviewSummary';

export interface CardInfoProps {
  card: CardRecord;
  /** Oldest first; undefined while it loads. */
  history: readonly ReviewLogRecord[] | undefined;
}

const dateTime = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
const withTime = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
});
const withYear = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});
const STATE_NAMES = ['New', 'Learning', 'Review', 'Relearning'] as const;
const round2 = (n: number) => String(Math.round(n * 100) / 100);

export function CardInfo({ card, history }: CardInfoProps) {
  const total = history?.reduce((sum, log) => sum + (log.elapsedMs ?? 0), 0) ?? 0;
  const timed = history?.filter((log) => log.elapsedMs !== undefined).length ?? 0;
  const first = history?.[0];
  const latest = history?.at(-1);
  // The year only when the history spans more than one.
  const when = new Set(history?.map((log) => new Date(log.reviewedAt).getFullYear())).size > 1 ? withYear : withTime;
  return (
    <div class="aw-card-info">
      <dl class="aw-card-facts">
        <div>
          <dt>Added</dt>
          <dd>{dateTime.format(card.addedAt)}</dd>
        </div>
        <div>
          <dt>First review</dt>
          <dd>{first ? dateTime.format(first.reviewedAt) : '—'}</dd>
        </div>
        <div>
          <dt>Latest review</dt>
          <dd>{latest ? dateTime.format(latest.reviewedAt) : '—'}</dd>
        </div>
        <div>
          <dt>Stability</dt>
          <dd>{card.state === 0 ? '—' : `${round2(card.stability)} days`}</dd>
        </div>
        <div>
          <dt>Difficulty</dt>
          <dd>{card.state === 0 ? '—' : `${round2(card.difficulty)} of 10`}</dd>
        </div>
        <div>
          <dt>Time</dt>
          <dd>{timed ? `${formatDuration(total)} (${formatDuration(total / timed)} a review)` : '—'}</dd>
        </div>
      </dl>
      {history === undefined ? (
        <p class="aw-muted">Loading its history…</p>
      ) : history.length === 0 ? (
        <p class="aw-muted">Not reviewed yet.</p>
      ) : (
        <table class="aw-history">
          <caption class="aw-visually-hidden">Review history, oldest first</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Type</th>
              <th scope="col">Rating</th>
              <th scope="col">Interval</th>
              <th scope="col">Time</th>
            </tr>
          </thead>
          <tbody>
            {history.map((log) => (
              <tr key={log.id}>
                <td>{when.format(log.reviewedAt)}</td>
                <td>{STATE_NAMES[log.before.state]}</td>
                <td class={`aw-history-rating aw-rating-${log.rating}`}>{GRADE_LABELS[log.rating]}</td>
                <td>{formatInterval(Math.max(0, log.after.due - log.reviewedAt))}</td>
                <td>{log.elapsedMs === undefined ? '—' : formatDuration(log.elapsedMs)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {card.reps === 0 && history !== undefined && history.length > 0 && (
        <p class="aw-muted">Reset since: the card is new again; its history is kept.</p>
      )}
    </div>
  );
}
