/** The Stats view: study statistics read from the page's database. */
import { useId, useRef } from 'preact/hooks';
import { StatsPanel } from '@/components/StatsPanel';
import { useClock, useDb } from '@/components/hooks/use-db';
import { useLiveQuery } from '@/components/hooks/use-live-query';
import { useSettings } from '@/components/hooks/use-settings';
import { useTick } from '@/components/hooks/use-tick';
import { loadStats } from '@/utils/srs/stats';
import '@/components/styles/review.css';

export function StatsView() {
  const db = useDb();
  const now = useClock();
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
    </section>
  );
}
