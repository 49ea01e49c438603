/** The end of a mock interview: time and points per question, the total, and the weakest topics. */
import { useEffect, useId, useRef } from 'preact/hooks';
import type { InterviewAnswerRecord } from '@/utils/db';
import { formatClock, summarise } from '@/utils/interview/summary';
import { GRADE_LABELS } from '@/utils/srs/scheduler';

export interface InterviewSummaryProps {
  answers: readonly InterviewAnswerRecord[];
  titleOf: (answer: InterviewAnswerRecord) => string;
  topicName: (topic: string) => string;
  onAgain?: () => void;
}

export function InterviewSummary({ answers, titleOf, topicName, onAgain }: InterviewSummaryProps) {
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const summary = summarise(answers);
  return (
    <section class="aw-interview-summary aw-review-card" aria-labelledby={headingId}>
      <h3 id={headingId} ref={headingRef} tabIndex={-1}>
        Interview summary
      </h3>
      <p>
        {answers.length} {answers.length === 1 ? 'answer' : 'answers'} in {formatClock(summary.totalMs)} ·{' '}
        {summary.pointsCovered} of {summary.pointsTotal} key points covered
      </p>
      <table class="aw-interview-table">
        <thead>
          <tr>
            <th scope="col">Question</th>
            <th scope="col" class="aw-num">
              Time
            </th>
            <th scope="col" class="aw-num">
              Points
            </th>
            <th scope="col" class="aw-rating-col">
              Rating
            </th>
          </tr>
        </thead>
        <tbody>
          {answers.map((a, i) => (
            <tr key={i}>
              <td>{titleOf(a)}</td>
              <td class="aw-num">{formatClock(a.ms)}</td>
              <td class="aw-num">
                {a.pointsCovered}/{a.pointsTotal}
              </td>
              <td class="aw-rating-col">{GRADE_LABELS[a.rating]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h4>Weakest topics</h4>
      {summary.weakest.length === 0 ? (
        <p class="aw-muted">None: every point covered and rated Easy.</p>
      ) : (
        <ol>
          {summary.weakest.map((t) => (
            <li key={t.topic}>
              {topicName(t.topic)} ({Math.round(t.score * 100)}%)
            </li>
          ))}
        </ol>
      )}
      <p class="aw-muted">Your ratings went into your flashcards; the interview is kept in Stats.</p>
      {onAgain && (
        <div class="aw-row">
          <button type="button" class="aw-button" onClick={onAgain}>
            Start another interview
          </button>
        </div>
      )}
    </section>
  );
}
