/** The Stats section for mock interviews: how many, points covered, weakest topics, the last few. */
import type { InterviewRecord } from '@/utils/db';
import { formatClock, interviewHistory } from '@/utils/interview/summary';

export interface InterviewHistoryProps {
  records: readonly InterviewRecord[];
  topicName: (topic: string) => string;
}

const dateLabel = (ms: number) =>
  new Date(ms).toLocaleDateString(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });

export function InterviewHistory({ records, topicName }: InterviewHistoryProps) {
  const history = interviewHistory(records);
  if (history.count === 0) return <p class="aw-muted">No mock interviews yet.</p>;
  return (
    <div class="aw-interview-stats">
      <p>
        {history.count} {history.count === 1 ? 'interview' : 'interviews'}
        {history.coverage !== null && <> · {Math.round(history.coverage * 100)}% of key points covered</>}
      </p>
      {history.weakest.length > 0 && <p>Weakest lately: {history.weakest.map((t) => topicName(t.topic)).join(', ')}</p>}
      <table class="aw-interview-table">
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col" class="aw-num">
              Asked
            </th>
            <th scope="col" class="aw-num">
              Points
            </th>
            <th scope="col" class="aw-num">
              Time
            </th>
          </tr>
        </thead>
        <tbody>
          {history.recent.map((r) => (
            <tr key={r.id}>
              <td>{dateLabel(r.startedAt)}</td>
              <td class="aw-num">{r.questions.length}</td>
              <td class="aw-num">
                {r.questions.reduce((s, q) => s + q.pointsCovered, 0)}/
                {r.questions.reduce((s, q) => s + q.pointsTotal, 0)}
              </td>
              <td class="aw-num">{formatClock(r.questions.reduce((s, q) => s + q.ms, 0))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
