/** Stats' opening: today's reviews and time, what is due today, learned questions, and the daily goal. */
import { useState } from 'preact/hooks';
import { formatDuration } from '@/components/ReviewSummary';
import { useClock, useDb } from '@/components/hooks/use-db';
import { useLiveQuery } from '@/components/hooks/use-live-query';
import { useSettings } from '@/components/hooks/use-settings';
import { dayKey } from '@/utils/srs/day';

const GOAL_KEY = 'awaitwise:daily-goal';
const DEFAULT_GOAL = 20;
const readGoal = () => {
  const n = Number(localStorage.getItem(GOAL_KEY));
  return Number.isInteger(n) && n > 0 && n <= 1000 ? n : DEFAULT_GOAL;
};

export interface TodayPanelProps {
  /** Review and learning cards due before the study day ends (overdue ones included). */
  dueToday: number;
  learned: number;
  questions: number;
}

export function TodayPanel({ dueToday, learned, questions }: TodayPanelProps) {
  const db = useDb();
  const now = useClock();
  const { settings } = useSettings();
  const [goal, setGoal] = useState(readGoal);
  const today = dayKey(now(), settings.srs.dayStartHour);
  const data = useLiveQuery(async () => {
    const logs = await db.reviewLogs.where('dayKey').equals(today).toArray();
    return { reviews: logs.length, ms: logs.reduce((n, l) => n + (l.elapsedMs ?? 0), 0) };
  }, [db, today]);
  if (data.status === 'error')
    return (
      <p class="aw-error-box" role="alert">
        Could not read today's reviews: {data.error.message}
      </p>
    );
  if (data.status !== 'ready') return null;
  const { reviews, ms } = data.value;
  const done = Math.min(reviews, goal);
  return (
    <div class="aw-today">
      <dl class="aw-stat-tiles">
        <div class="aw-stat">
          <dt>Today</dt>
          <dd class="aw-stat-value" data-testid="reviews-today">
            {reviews} {reviews === 1 ? 'review' : 'reviews'}
          </dd>
          <dd class="aw-stat-note">{ms >= 1000 ? `${formatDuration(ms)} spent reviewing.` : 'No time spent yet.'}</dd>
        </div>
        <div class="aw-stat">
          <dt>Due today</dt>
          <dd class="aw-stat-value" data-testid="due-today">
            {dueToday} {dueToday === 1 ? 'card' : 'cards'}
          </dd>
          <dd class="aw-stat-note">Reviews and learning steps; new cards come on top.</dd>
        </div>
        <div class="aw-stat">
          <dt>Learned</dt>
          <dd class="aw-stat-value" data-testid="learned">
            {learned} of {questions}
          </dd>
          <dd class="aw-stat-note">Questions past their learning steps.</dd>
        </div>
      </dl>
      <div class="aw-goal">
        <label for="daily-goal">Daily goal</label>
        <input
          id="daily-goal"
          type="number"
          min={1}
          max={1000}
          value={goal}
          onChange={(e) => {
            const n = Number(e.currentTarget.value);
            if (Number.isInteger(n) && n > 0 && n <= 1000) {
              localStorage.setItem(GOAL_KEY, String(n));
              setGoal(n);
            }
          }}
        />
        <span>reviews</span>
        <progress max={goal} value={done} aria-label={`${done} of ${goal} reviews today`} />
        <span class="aw-muted">{reviews >= goal ? 'Goal reached today.' : `${goal - reviews} to go.`}</span>
      </div>
    </div>
  );
}
