/** Study statistics for the side panel: streak, true retention, 30-day due forecast, year heatmap, cards by state. */
import { useId, useRef } from 'preact/hooks';
import type { AwaitwiseDb } from '@/utils/db';
import { LEECH_LAPSES } from '@/utils/srs/scheduler';
import { loadStats, type StateCounts, type StudyStats } from '@/utils/srs/stats';
import { ForecastChart } from './charts/ForecastChart';
import { Heatmap } from './charts/Heatmap';
import { plural } from './charts/day-label';
import { InterviewHistory } from './InterviewHistory';
import { useDb } from './hooks/use-db';
import { useLiveQuery } from './hooks/use-live-query';
import { useSettings } from './hooks/use-settings';
import { useTick } from './hooks/use-tick';
import { conceptById } from '@/utils/knowledge';
import './styles/review.css';
import './styles/quiz.css';

export interface StatsViewProps {
  /** Defaults to the extension's database; tests pass a throwaway one. */
  db?: AwaitwiseDb;
  /** Clock override for tests. */
  now?: () => number;
}

const systemClock = () => Date.now();

export function StatsView({ db: dbProp, now = systemClock }: StatsViewProps) {
  const defaultDb = useDb();
  const db = dbProp ?? defaultDb;
  const { settings, loaded } = useSettings();
  // The figures move with the study day as well as with reviews; a few minutes' delay is fine.
  const tick = useTick(5 * 60_000);
  const nowRef = useRef(now);
  nowRef.current = now;
  const result = useLiveQuery(
    () => (loaded ? loadStats(db, nowRef.current(), settings.srs) : null),
    [db, settings.srs, loaded, tick],
  );
  const headingId = useId();
  const interviews = useLiveQuery(() => db.interviews.toArray(), [db]);

  return (
    <section class="aw-stats" aria-labelledby={headingId}>
      <h2 id={headingId}>Statistics</h2>
      {result.status === 'error' ? (
        <p class="aw-error-box" role="alert">
          Could not read your review history: {result.error.message}
        </p>
      ) : result.status === 'loading' || result.value === null ? (
        <p class="aw-muted">Loading statistics…</p>
      ) : (
        <StatsPanel stats={result.value} />
      )}
      {interviews.status === 'ready' && (
        <div class="aw-stats-body">
          <h3>Mock interviews</h3>
          <InterviewHistory records={interviews.value} topicName={(id) => conceptById.get(id)?.name ?? id} />
        </div>
      )}
    </section>
  );
}

/** "92.5%"; one decimal because retention targets differ by a few points. */
export const formatPercent = (ratio: number): string => `${Math.round(ratio * 1000) / 10}%`;

export interface StatsPanelProps {
  stats: StudyStats;
}

/** Everything the stats view shows, from figures already computed. */
export function StatsPanel({ stats }: StatsPanelProps) {
  const retention = stats.trueRetention;
  return (
    <div class="aw-stats-body">
      <dl class="aw-stat-tiles">
        <div class="aw-stat">
          <dt>Streak</dt>
          <dd class="aw-stat-value">{plural(stats.streak, 'day', 'days')}</dd>
          <dd class="aw-stat-note">
            {stats.streak === 0 ? 'Review today to start a streak.' : 'Consecutive days with at least one review.'}
          </dd>
        </div>
        <div class="aw-stat">
          <dt>True retention, 30 days</dt>
          <dd class="aw-stat-value">
            {retention === null ? <span aria-label="no data">—</span> : formatPercent(retention)}
          </dd>
          <dd class="aw-stat-note">
            {retention === null
              ? 'No answers to review cards in the last 30 days yet. It counts cards past their learning steps, so it appears a few days after you start.'
              : 'Share of review-card answers in the last 30 days that were not Again.'}
          </dd>
        </div>
      </dl>

      <h3>Due in the next 30 days</h3>
      <ForecastChart days={stats.forecast} />

      <h3>Reviews in the past year</h3>
      <Heatmap days={stats.heatmap} />

      <h3>Cards by state</h3>
      <StateTable counts={stats.cardsByState} />
    </div>
  );
}

const STATE_ROWS: readonly { key: keyof StateCounts; label: string }[] = [
  { key: 'new', label: 'New' },
  { key: 'learning', label: 'Learning' },
  { key: 'review', label: 'Review' },
  { key: 'relearning', label: 'Relearning' },
  { key: 'suspended', label: 'Suspended' },
];

function StateTable({ counts }: { counts: StateCounts }) {
  const total = STATE_ROWS.reduce((sum, row) => sum + counts[row.key], 0);
  return (
    <>
      <table class="aw-state-table">
        <tbody>
          {STATE_ROWS.map(({ key, label }) => (
            <tr key={key}>
              <th scope="row">{label}</th>
              <td>{counts[key]}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Total</th>
            <td>{total}</td>
          </tr>
        </tfoot>
      </table>
      {counts.leech > 0 && (
        <p class="aw-muted">
          {plural(counts.leech, 'leech', 'leeches')} (cards forgotten {LEECH_LAPSES} or more times), counted in the rows
          above too.
        </p>
      )}
    </>
  );
}
