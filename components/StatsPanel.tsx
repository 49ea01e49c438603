/** Everything the Stats view shows, from figures already computed: tiles, forecast, heatmap, cards by state. */
import { LEECH_LAPSES } from '@/utils/srs/scheduler';
import type { StateCounts, StudyStats } from '@/utils/srs/stats';
import { ForecastChart } from './charts/ForecastChart';
import { Heatmap } from './charts/Heatmap';
import { plural } from './charts/day-label';

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
