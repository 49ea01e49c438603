/** Stats' progress part: reviews and time today against a daily goal, and per-topic mastery. */
import { useState } from 'preact/hooks';
import { formatDuration } from '@/components/ReviewSummary';
import { useClock, useDb } from '@/components/hooks/use-db';
import { useLiveQuery } from '@/components/hooks/use-live-query';
import { useSettings } from '@/components/hooks/use-settings';
import { knowledge } from '@/utils/knowledge';
import { dayKey } from '@/utils/srs/day';
import { conceptNames } from './names';

const GOAL_KEY = 'awaitwise:daily-goal';
const DEFAULT_GOAL = 20;
const readGoal = () => {
  const n = Number(localStorage.getItem(GOAL_KEY));
  return Number.isInteger(n) && n > 0 && n <= 1000 ? n : DEFAULT_GOAL;
};

export interface TopicMastery {
  topic: string;
  learned: number;
  total: number;
}

/** A card counts as learned once it has graduated to review (FSRS state 2) and is not suspended. */
export function masteryByTopic(learnedIds: ReadonlySet<string>): { overall: TopicMastery; topics: TopicMastery[] } {
  const byTopic = new Map<string, TopicMastery>();
  for (const q of knowledge.questions) {
    const topic = q.concepts[0]!;
    const row = byTopic.get(topic) ?? { topic, learned: 0, total: 0 };
    row.total++;
    if (learnedIds.has(q.id)) row.learned++;
    byTopic.set(topic, row);
  }
  const topics = [...byTopic.values()];
  return {
    overall: {
      topic: '',
      learned: topics.reduce((n, t) => n + t.learned, 0),
      total: topics.reduce((n, t) => n + t.total, 0),
    },
    topics,
  };
}

export function TodayPanel() {
  const db = useDb();
  const now = useClock();
  const { settings } = useSettings();
  const [goal, setGoal] = useState(readGoal);
  const today = dayKey(now(), settings.srs.dayStartHour);
  const data = useLiveQuery(async () => {
    const logs = await db.reviewLogs.where('dayKey').equals(today).toArray();
    const learned = await db.cards.filter((c) => c.state === 2 && !c.suspended).primaryKeys();
    return { reviews: logs.length, ms: logs.reduce((n, l) => n + (l.elapsedMs ?? 0), 0), learned: new Set(learned) };
  }, [today]);
  if (data.status === 'error')
    return (
      <p class="aw-error-box" role="alert">
        Could not read today's reviews: {data.error.message}
      </p>
    );
  if (data.status !== 'ready') return null;
  const { reviews, ms, learned } = data.value;
  const mastery = masteryByTopic(learned);
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
          <dt>Learned</dt>
          <dd class="aw-stat-value" data-testid="learned">
            {mastery.overall.learned} of {mastery.overall.total}
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
      <h3>Mastery by topic</h3>
      <table class="aw-state-table aw-mastery">
        <tbody>
          {mastery.topics.map((t) => (
            <tr key={t.topic}>
              <th scope="row">{conceptNames.get(t.topic) ?? t.topic}</th>
              <td>
                {t.learned} of {t.total} learned
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
