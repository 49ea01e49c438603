/** The Stats view: study statistics read from the page's database. */
import { useId, useRef } from 'preact/hooks';
import { StatsPanel } from '@/components/StatsPanel';
import { useClock, useDb } from '@/components/hooks/use-db';
import { useLiveQuery } from '@/components/hooks/use-live-query';
import { useSettings } from '@/components/hooks/use-settings';
import { useTick } from '@/components/hooks/use-tick';
import { MasteryTable } from '@/components/MasteryTable';
import { listCards } from '@/utils/srs/repository';
import { loadStats, masteryByTopic } from '@/utils/srs/stats';
import { InterviewHistory } from '@/components/InterviewHistory';
import { listInterviews } from '@/utils/interview/repository';
import { catalogue, conceptById } from '@/utils/knowledge';
import { solvedPerTopic, solvedProblemIds } from '@/utils/practice/progress';
import { TodayPanel } from './TodayPanel';
import '@/components/styles/review.css';
import '@/components/styles/quiz.css';

const conceptOrder = catalogue.concepts.map((c) => c.id);

export function StatsView({ onInterview }: { onInterview?: () => void } = {}) {
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
  const interviews = useLiveQuery(() => listInterviews(db), [db]);
  const solved = useLiveQuery(() => solvedProblemIds(db), [db]);
  const deck = useLiveQuery(() => listCards(db), [db]);
  const mastery =
    deck.status === 'ready'
      ? masteryByTopic(
          catalogue.questions,
          conceptOrder,
          new Set(deck.value.filter((c) => c.state === 2 && !c.suspended).map((c) => c.id)),
          new Set(deck.value.map((c) => c.id)),
        )
      : null;

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
        <>
          <TodayPanel
            dueToday={result.value.forecast[0]?.count ?? 0}
            learned={mastery?.overall.learned ?? 0}
            questions={catalogue.questions.length}
          />
          <StatsPanel stats={result.value} />
        </>
      )}
      {mastery && (
        <div class="aw-stats-body">
          <h3>Mastery by topic</h3>
          <MasteryTable topics={mastery.topics} topicName={(id) => conceptById.get(id)?.name ?? id} />
        </div>
      )}
      {solved.status === 'ready' && (
        <div class="aw-stats-body">
          <h3>Practice problems solved</h3>
          <p>
            {solved.value.size} of {catalogue.practice.length} solved with every test passing.
          </p>
          <ul class="aw-solved-topics" aria-label="Solved per topic">
            {solvedPerTopic(catalogue.practice, solved.value).map((row) => (
              <li key={row.topic}>
                {conceptById.get(row.topic)?.name ?? row.topic}: {row.solved} of {row.total}
              </li>
            ))}
          </ul>
        </div>
      )}
      {interviews.status === 'ready' && (
        <div class="aw-stats-body">
          <h3>Mock interviews</h3>
          <InterviewHistory records={interviews.value} topicName={(id) => conceptById.get(id)?.name ?? id} />
          {onInterview && (
            <button type="button" class="aw-button aw-secondary aw-small aw-start-interview" onClick={onInterview}>
              Start a mock interview
            </button>
          )}
        </div>
      )}
    </section>
  );
}
