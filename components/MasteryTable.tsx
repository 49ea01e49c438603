/**
 * Mastery by topic: the topics the user has started (cards in the deck or learned), in the vocabulary's
 * order, each with a bar; the topics not started yet are folded away under one line.
 */
import type { TopicMastery } from '@/utils/srs/stats';

export interface MasteryTableProps {
  topics: readonly TopicMastery[];
  topicName: (id: string) => string;
}

function Rows({ topics, topicName }: MasteryTableProps) {
  return (
    <table class="aw-state-table aw-mastery">
      <tbody>
        {topics.map((t) => (
          <tr key={t.topic}>
            <th scope="row">{topicName(t.topic)}</th>
            <td>
              <meter min={0} max={t.total} value={t.learned} aria-hidden="true" />
            </td>
            <td>
              {t.learned} of {t.total} learned
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function MasteryTable({ topics, topicName }: MasteryTableProps) {
  const started = topics.filter((t) => t.inDeck > 0 || t.learned > 0);
  const rest = topics.filter((t) => t.inDeck === 0 && t.learned === 0);
  return (
    <div class="aw-mastery-by-topic">
      {started.length > 0 ? (
        <Rows topics={started} topicName={topicName} />
      ) : (
        <p class="aw-muted">No topic started yet: add cards to your deck and review them.</p>
      )}
      {rest.length > 0 && (
        <details class="aw-mastery-rest">
          <summary>
            {rest.length} {rest.length === 1 ? 'topic' : 'topics'} not started yet
          </summary>
          <Rows topics={rest} topicName={topicName} />
        </details>
      )}
    </div>
  );
}
