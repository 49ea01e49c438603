/** The timeline in words, for screen readers and for reading exact times: one row per task. Props only. */
import type { Trace } from '@/utils/trace/packed';
import { taskRows } from '@/utils/trace/describe';

export interface TimelineTableProps {
  trace: Trace;
  /** Lane labels by task id ("lookup #2"), so the table and the drawing name tasks alike. */
  labels: ReadonlyMap<number, string>;
}

export function TimelineTable({ trace, labels }: TimelineTableProps) {
  const rows = taskRows(trace, labels);
  return (
    <div class="aw-tl-table-box">
      <table>
        <caption>Tasks in the order they were created</caption>
        <thead>
          <tr>
            <th scope="col">Task</th>
            <th scope="col">Started by</th>
            <th scope="col">Alive</th>
            <th scope="col">Ended</th>
            <th scope="col">Running</th>
            <th scope="col">Waited on</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <th scope="row">{r.name}</th>
              <td>{r.parent || '—'}</td>
              <td>{r.lifetime}</td>
              <td>{r.outcome}</td>
              <td>{r.running}</td>
              <td>{r.waits || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {trace.blocked.length > 0 && (
        <p>
          Blocked stretches:{' '}
          {trace.blocked
            .map((b) => `${b.start.toFixed(1)}–${b.end.toFixed(1)} ms${b.line ? ` (line ${b.line})` : ''}`)
            .join('; ')}
          .
        </p>
      )}
    </div>
  );
}
